"""Key figures for "Das Wichtigste in Kürze": each says what it covers and its source.

Pure functions on the frames the repository returns; the slides and the briefing
both use them, so a number reads the same in the room and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.current import Enrolment
from dashboard.data.progress import STATUS
from dashboard.formatting import fmt_num, fmt_pct


@dataclass(frozen=True)
class KeyFigure:
    value: str
    label: str
    scope: str  # "Landkreis" or "Sozialraum Riesa": never leave the reader guessing
    change: str = ""  # change since the previous observation, if there is one


def scope_label(area: str | None) -> str:
    return f"Sozialraum {area}" if area else "Landkreis"


def key_figures(
    cap: pd.DataFrame, en: Enrolment, school_year: str, area: str | None
) -> list[KeyFigure]:
    """DaZ pupils (Landkreis, current school year) and places at the schools in scope.

    ``cap`` holds the schools in scope for ``school_year`` (see
    ``dashboard.current.capacity_frame``), ``en`` the Landkreis enrolment.
    """
    change = ""
    if en.previous_year is not None:
        diff = en.total - en.previous_total
        change = (
            f"{'+' if diff > 0 else ''}{fmt_num(diff)} gegenüber {en.previous_year}"
        )
    pupils = cap["vka_schueler"].sum()
    reserve = cap["kapazitaetsreserve"].sum()
    places = pupils + reserve if pd.notna(reserve) else None
    scope = scope_label(area)
    return [
        KeyFigure(
            fmt_num(en.total),
            f"DaZ-Schüler im Schuljahr {en.year}",
            "Landkreis",
            change,
        ),
        KeyFigure(
            fmt_num(pupils),
            f"VKA-Schüler an {fmt_num(len(cap))} Schulen, {school_year}",
            scope,
        ),
        KeyFigure(
            fmt_num(reserve) if pd.notna(reserve) else "–",
            f"freie Plätze in VKA-Klassen, {school_year}",
            scope,
        ),
        KeyFigure(
            fmt_pct(pupils / places) if places else "–",
            f"Auslastung der VKA-Plätze, {school_year}",
            scope,
        ),
    ]


def goals_by_status(
    fields: pd.DataFrame, goals: pd.DataFrame, cur: pd.DataFrame
) -> pd.DataFrame:
    """One row per Handlungsfeld: its title and the number of goals per status."""
    merged = goals.merge(cur, on="ziel_id")
    rows = []
    for f in fields[fields["uebergeordnet"] == ""].itertuples():
        sub = [f.hf_id, *fields.loc[fields["uebergeordnet"] == f.hf_id, "hf_id"]]
        counts = merged.loc[merged["hf_id"].isin(sub), "status"].value_counts()
        rows.append(
            {
                "feld": f"{f.hf_id} {f.titel}",
                **{s: int(counts.get(s, 0)) for s in STATUS},
                "gesamt": int(counts.sum()),
            }
        )
    return pd.DataFrame(rows)
