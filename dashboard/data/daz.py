"""DaZ enrolment and school capacity: trend, Auslastung, group sums and the growth scenario.

Pure functions on DataFrames. Observed data and scenario results stay in separate frames.
Which school year is current is decided in ``dashboard.current``.
"""

from __future__ import annotations

import math

import pandas as pd

BASE_YEAR = "2016/17"  # Abbildung 4 (Stand 08.02.2017) describes this school year
CAPACITY_COLUMNS = [
    "schule_id",
    "name_dokument",
    "schulart",
    "ags",
    "gemeinde",
    "sozialraum",
    "vka_schueler",
    "vka_klassen",
    "kapazitaetsreserve",
    "quelle",
    "stand",
]


def with_utilisation(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["plaetze"] = out["vka_schueler"] + out["kapazitaetsreserve"]
    out["auslastung"] = out["vka_schueler"] / out["plaetze"].where(out["plaetze"] > 0)
    return out


def group_sums(cap: pd.DataFrame, by: str) -> pd.DataFrame:
    """Sums per ``by`` (Schulart, Sozialraum, Gemeinde) with recomputed Auslastung."""
    sums = cap.groupby(by, as_index=False).agg(
        schulen=("schule_id", "count"),
        vka_schueler=("vka_schueler", "sum"),
        vka_klassen=("vka_klassen", "sum"),
        kapazitaetsreserve=("kapazitaetsreserve", "sum"),
    )
    return with_utilisation(sums)


def observed_class_size(cap: pd.DataFrame) -> float:
    """Pupils per VKA class as observed (517 / 31 ≈ 16,7 in 2016/17)."""
    return float(cap["vka_schueler"].sum() / cap["vka_klassen"].sum())


def scenario(
    cap: pd.DataFrame, change: dict[str, float], class_size: float
) -> pd.DataFrame:
    """A calculated scenario: pupils change by ``change[schulart]`` (0.5 = +50 %).

    Capacity per school = VKA pupils + reserve (places); no pupils move between schools.
    ``extra_klassen`` = additional classes needed for the pupils above capacity.
    """
    out = cap[
        [
            "schule_id",
            "name_dokument",
            "schulart",
            "gemeinde",
            "sozialraum",
            "vka_schueler",
            "plaetze",
        ]
    ].copy()
    factor = out["schulart"].map(lambda s: 1 + change.get(s, 0.0))
    out["szenario_schueler"] = (out["vka_schueler"] * factor).round().astype(int)
    out["ueber_kapazitaet"] = (out["szenario_schueler"] - out["plaetze"]).clip(lower=0)
    out["extra_klassen"] = out["ueber_kapazitaet"].map(
        lambda n: math.ceil(n / class_size) if n > 0 else 0
    )
    return out


def scenario_by_area(result: pd.DataFrame, class_size: float) -> pd.DataFrame:
    """Scenario per Sozialraum, if places within an area could be shared."""
    area = result.groupby("sozialraum", as_index=False)[
        ["vka_schueler", "szenario_schueler", "plaetze"]
    ].sum()
    area["ueber_kapazitaet"] = (area["szenario_schueler"] - area["plaetze"]).clip(
        lower=0
    )
    area["extra_klassen"] = area["ueber_kapazitaet"].map(
        lambda n: math.ceil(n / class_size) if n > 0 else 0
    )
    return area
