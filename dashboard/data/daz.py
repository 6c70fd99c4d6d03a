"""DaZ enrolment and school capacity: trend, Auslastung, group sums and the growth scenario.

Pure functions on DataFrames. Observed data and scenario results stay in separate frames.
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


def enrolment(bundled: pd.DataFrame, imported: pd.DataFrame) -> pd.DataFrame:
    """Landkreis-level pupils per school year and phase from bundled and imported rows."""
    cols = ["schuljahr", "phase", "schueler", "quelle", "stand"]
    parts = [
        bundled[bundled["ebene"] == "Landkreis"][cols],
        imported[imported["ebene"] == "Landkreis"][cols],
    ]
    return pd.concat([p for p in parts if len(p)], ignore_index=True).sort_values(
        ["schuljahr", "phase"]
    )


def school_years(imported: pd.DataFrame) -> list[str]:
    years = set(imported.loc[imported["ebene"] == "Schule", "schuljahr"]) | {BASE_YEAR}
    return sorted(years)


def with_utilisation(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["plaetze"] = out["vka_schueler"] + out["kapazitaetsreserve"]
    out["auslastung"] = out["vka_schueler"] / out["plaetze"].where(out["plaetze"] > 0)
    return out


def capacity(
    schools: pd.DataFrame, imported: pd.DataFrame, year: str = BASE_YEAR
) -> pd.DataFrame:
    """Per school: VKA pupils, classes, reserve, places and Auslastung for ``year``.

    ``schools`` is ``schulen_daz`` joined with ``gemeinde`` and ``sozialraum``. For the
    base year it is the data itself; for an imported year the imported school rows
    (phase DaZ 1/2) replace the numbers, classes and reserve may then be unknown.
    """
    if year == BASE_YEAR:
        return with_utilisation(schools[CAPACITY_COLUMNS])
    rows = imported[
        (imported["ebene"] == "Schule")
        & (imported["schuljahr"] == year)
        & (imported["phase"] == "DaZ 1/2")
    ]
    meta = schools[
        ["schule_id", "name_dokument", "schulart", "ags", "gemeinde", "sozialraum"]
    ]
    frame = meta.merge(
        rows.rename(columns={"schueler": "vka_schueler"}), on="schule_id", how="inner"
    )
    return with_utilisation(frame[CAPACITY_COLUMNS])


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
