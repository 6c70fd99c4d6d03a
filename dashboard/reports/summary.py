"""Key figures for "Das Wichtigste in Kürze": each says what it covers and its source.

Pure functions on the frames the repository returns; the slides and the briefing
both use them, so a number reads the same in the room and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.current import (
    Enrolment,
    Snapshot,
    capacity_frame,
    previous_point,
)
from dashboard.data.progress import STATUS
from dashboard.formatting import fmt_num, fmt_pct, fmt_stand


@dataclass(frozen=True)
class KeyFigure:
    value: str
    label: str
    scope: str  # "Landkreis" or "Sozialraum Riesa": never leave the reader guessing
    change: str = ""  # change since the previous observation, if there is one


def scope_label(area: str | None) -> str:
    return f"Sozialraum {area}" if area else "Landkreis"


@dataclass(frozen=True)
class Earlier:
    """The figures of an earlier Berichtsstand to compare with (``label`` names it)."""

    label: str  # e.g. "Berichtsstand „Lenkungsgruppe A“ (12.03.2027)"
    cap: pd.DataFrame  # the schools in scope then
    en: Enrolment
    school_year: str


def earlier_figures(snap: Snapshot, area: str | None) -> Earlier | None:
    """For a view of a Berichtsstand: the figures of the Berichtsstand before it."""
    if snap.reporting is None:
        return None
    point = previous_point(snap.repo.engine, snap.reporting)
    if point is None:
        return None
    then = Snapshot(snap.repo, reporting=point)
    sf = then.schools()
    cap = capacity_frame(sf)
    return Earlier(
        f"Berichtsstand „{point.name}“ vom {fmt_stand(point.datum)}",
        cap[cap["sozialraum"] == area] if area else cap,
        then.enrolment(),
        sf.year,
    )


def _signed(diff: float) -> str:
    return f"{'+' if diff > 0 else ''}{fmt_num(diff)}"


def _places(cap: pd.DataFrame) -> tuple[float, float, float | None]:
    pupils = cap["vka_schueler"].sum()
    reserve = cap["kapazitaetsreserve"].sum()
    return pupils, reserve, (pupils + reserve if pd.notna(reserve) else None)


def _versus(
    now: float, then: float, earlier: Earlier, year: str, pct: bool = False
) -> str:
    """The change since ``earlier``, e.g. "+60 gegenüber Berichtsstand „A“ vom
    12.03.2027 (2016/17: 830)"; ``year`` is the school year of the earlier figure."""
    if pd.isna(now) or pd.isna(then):
        return f"nicht vergleichbar mit {earlier.label}"
    shown = fmt_pct(then) if pct else fmt_num(then)
    if now == then:
        return f"unverändert gegenüber {earlier.label} ({year})"
    diff = (
        f"{'+' if now > then else ''}{fmt_num((now - then) * 100, 1)} Prozentpunkte"
        if pct
        else _signed(now - then)
    )
    return f"{diff} gegenüber {earlier.label} ({year}: {shown})"


def key_figures(
    cap: pd.DataFrame,
    en: Enrolment,
    school_year: str,
    area: str | None,
    earlier: Earlier | None = None,
) -> list[KeyFigure]:
    """DaZ pupils (Landkreis, current school year) and places at the schools in scope.

    ``cap`` holds the schools in scope for ``school_year`` (see
    ``dashboard.current.capacity_frame``), ``en`` the Landkreis enrolment. Each
    figure's change is against ``earlier`` (a previous Berichtsstand) when given, else
    against the previous school year where there is one.
    """
    change = ""
    if earlier is not None:
        change = _versus(en.total, earlier.en.total, earlier, earlier.en.year)
    elif en.previous_year is not None:
        change = f"{_signed(en.total - en.previous_total)} gegenüber {en.previous_year}"
    pupils, reserve, places = _places(cap)
    scope = scope_label(area)
    rate = pupils / places if places else None
    changes = ["", "", ""]
    if earlier is not None:
        p0, r0, pl0 = _places(earlier.cap)
        rate0 = p0 / pl0 if pl0 else None
        nan, year = float("nan"), earlier.school_year
        changes = [
            _versus(pupils, p0, earlier, year),
            _versus(reserve, r0, earlier, year),
            _versus(nan if rate is None else rate, nan if rate0 is None else rate0,
                    earlier, year, pct=True),
        ]  # fmt: skip
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
            changes[0],
        ),
        KeyFigure(
            fmt_num(reserve) if pd.notna(reserve) else "–",
            f"freie Plätze in VKA-Klassen, {school_year}",
            scope,
            changes[1],
        ),
        KeyFigure(
            fmt_pct(rate) if rate else "–",
            f"Auslastung der VKA-Plätze, {school_year}",
            scope,
            changes[2],
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
