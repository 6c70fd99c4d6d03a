"""Figure builders: trace count, categories and values."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.daz import capacity_by_group, daz_trend


def test_daz_trend_stacks_phases_with_totals():
    df = pd.DataFrame(
        {
            "schuljahr": ["2015/16", "2015/16", "2016/17", "2016/17"],
            "phase": ["DaZ 1/2", "DaZ 3"] * 2,
            "schueler": [198, 452, 381, 449],
        }
    )
    fig = daz_trend(df)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name for t in bars] == ["DaZ 1/2", "DaZ 3"]
    assert list(bars[0].y) == [198, 381] and list(bars[1].y) == [452, 449]
    totals = [t for t in fig.data if t.type == "scatter"][0]
    assert list(totals.text) == ["<b>650</b>", "<b>830</b>"]
    assert fig.layout.barmode == "stack"


def test_capacity_by_group_sums():
    df = pd.DataFrame(
        {
            "g": ["A", "A", "B"],
            "vka_schueler": [10, 1200, 5],
            "kapazitaetsreserve": [1, 2, 3],
        }
    )
    fig = capacity_by_group(df, "g")
    pupils, reserve = fig.data
    assert dict(zip(pupils.y, pupils.x, strict=True)) == {"A": 1210, "B": 5}
    assert dict(zip(reserve.y, reserve.x, strict=True)) == {"A": 3, "B": 3}
    assert "1.210" in pupils.text  # German thousands separator
