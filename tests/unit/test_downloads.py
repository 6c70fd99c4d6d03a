"""Downloads: formula-like text is neutralised in CSV and Excel, numbers stay numbers."""

from __future__ import annotations

import base64
import io

import openpyxl
import pandas as pd
import pytest

from dashboard.components.downloads import neutralise, send_table

EVIL = ['=HYPERLINK("http://x")', "+1+2", "-3+4", "@SUM(A1)", "\t=1", "normal"]


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"quelle": EVIL, "wert": [1.5, -2.0, 3.0, 4.0, 5.0, 6.0]})


def test_neutralise_prefixes_formula_text_only():
    out = neutralise(_frame())
    assert out["quelle"].tolist()[:5] == ["'" + v for v in EVIL[:5]]
    assert out["quelle"].iloc[5] == "normal"
    assert out["wert"].tolist() == [1.5, -2.0, 3.0, 4.0, 5.0, 6.0]


def test_csv_download_has_no_live_formula():
    payload = send_table(_frame(), "x")
    text = (
        base64.b64decode(payload["content"]).decode("utf-8-sig")
        if payload.get("base64")
        else payload["content"]
    )
    cells = [c for line in text.splitlines()[1:] for c in line.split(";")]
    assert not [c for c in cells if c.strip('"').startswith(("=", "+", "@", "\t"))]
    assert "-2,0" in text  # negative numbers remain numbers


@pytest.mark.parametrize("column", ["quelle"])
def test_excel_download_has_no_formula_cells(column):
    payload = send_table(_frame(), "x", excel=True)
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(payload["content"])))
    cells = [c for row in book.active.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    values = [c.value for c in cells]
    assert '\'=HYPERLINK("http://x")' in values and -2 in values


def test_every_table_download_goes_through_the_helper():
    from dashboard.config import ROOT

    direct = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "dashboard").rglob("*.py")
        if p.name != "downloads.py"
        and any(
            s in p.read_text(encoding="utf-8")
            for s in ("send_data_frame", ".to_excel(")
        )
    ]
    assert direct == []
