"""Map indicators per Gemeinde and per Sozialraum, from the store's tables.

Gemeinden without a DaZ school have *no* value for the school indicators (shown as
"kein DaZ-Standort"), which is different from zero; counts of services and actors
are real zeros.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.current import ended


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    short: str
    unit: str
    decimals: int = 0
    percent: bool = False
    missing: str = "keine Daten"
    caveat: str = ""
    legend_note: str = ""  # a last legend line, e.g. the Stand of measured values


SCHOOL_MISSING = "kein DaZ-Standort"
INDICATORS = {
    i.key: i
    for i in [
        Indicator(
            "vka_schueler", "VKA-Schüler", "Schüler", "Schüler", missing=SCHOOL_MISSING
        ),
        Indicator(
            "vka_klassen", "VKA-Klassen", "Klassen", "Klassen", missing=SCHOOL_MISSING
        ),
        Indicator(
            "kapazitaetsreserve",
            "Kapazitätsreserve",
            "Reserve",
            "freie Plätze",
            missing=SCHOOL_MISSING,
        ),
        Indicator(
            "auslastung",
            "Auslastung der DaZ-Plätze",
            "Auslastung",
            "%",
            1,
            True,
            SCHOOL_MISSING,
        ),
        Indicator("daz_standorte", "DaZ-Standorte", "DaZ-Schulen", "Schulen"),
        Indicator(
            "angebote",
            "Angebote und Dienststellen (ohne geschlossene)",
            "Angebote",
            "Standorte",
        ),
        Indicator("akteure", "Akteure mit Sitz in der Gemeinde", "Akteure", "Akteure"),
        Indicator(
            "einwohner",
            "Einwohner",
            "Einwohner",
            "Personen",
            caveat="Stichtage je Gemeinde verschieden (2018–2023)",
        ),
        Indicator(
            "vka_je_1000",
            "VKA-Schüler je 1.000 Einwohner",
            "je 1.000 EW",
            "je 1.000 EW",
            1,
            missing=SCHOOL_MISSING,
            caveat="Schüler Stand 08.02.2017, Einwohner Stichtage 2018–2023",
        ),
    ]
}
DEFAULT_INDICATOR = "vka_schueler"


def describe(indicator: str | Indicator) -> Indicator:
    """The description of a map colouring: a built-in key or an ``Indicator`` (the
    catalogue's indicators with a breakdown, ``dashboard.data.map_measured``)."""
    return indicator if isinstance(indicator, Indicator) else INDICATORS[indicator]


SCHOOL_COLUMNS = [
    "vka_schueler",
    "vka_klassen",
    "kapazitaetsreserve",
    "auslastung",
    "vka_je_1000",
]


PARTLY_KNOWN = ["vka_klassen", "kapazitaetsreserve"]


def _sum_if_known(values: pd.Series) -> float:
    return float(values.sum()) if values.notna().all() else np.nan


def _derived(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    places = out["vka_schueler"] + out["kapazitaetsreserve"]
    out["auslastung"] = (out["vka_schueler"] / places).where(places > 0)
    out["vka_je_1000"] = out["vka_schueler"] / out["einwohner"] * 1000
    out.loc[out["daz_standorte"] == 0, SCHOOL_COLUMNS] = np.nan
    return out


def gemeinde_indicators(
    mapping: pd.DataFrame,
    schools: pd.DataFrame,
    sites: pd.DataFrame,
    actors: pd.DataFrame,
    population: pd.DataFrame,
) -> pd.DataFrame:
    """One row per Gemeinde (``ags``, ``gemeinde``, ``sozialraum`` and every indicator).

    Parameters
    ----------
    mapping : pandas.DataFrame
        ``sozialraeume`` table; defines the 28 rows.
    schools, sites, actors, population : pandas.DataFrame
        ``schulen_daz``, ``angebote``, ``akteure`` and ``einwohner`` tables.
    """
    base = mapping[["ags", "gemeinde", "sozialraum"]].set_index("ags")
    groups = schools.groupby("ags")
    by_school = pd.DataFrame(
        {
            "vka_schueler": groups["vka_schueler"].sum(),
            # an imported school year may lack classes or reserve: unknown, not zero
            **{c: groups[c].agg(_sum_if_known) for c in PARTLY_KNOWN},
            "daz_standorte": groups["schule_id"].count(),
        }
    )
    active = sites[(sites["ags"] != "") & ~ended(sites)]
    frame = base.join(by_school).join(active.groupby("ags").size().rename("angebote"))
    frame = frame.join(
        actors[actors["ags"] != ""].groupby("ags").size().rename("akteure")
    )
    frame = frame.join(population.set_index("ags")["einwohner"])
    counts = ["vka_schueler", "daz_standorte", "angebote", "akteure"]
    frame[counts] = frame[counts].fillna(0).astype(int)
    frame[PARTLY_KNOWN] = frame[PARTLY_KNOWN].astype(float)
    return _derived(frame.reset_index())


def sozialraum_indicators(gemeinden: pd.DataFrame) -> pd.DataFrame:
    """Sum the Gemeinde rows into the four Sozialräume and recompute ratios."""
    counts = [
        "vka_schueler",
        "vka_klassen",
        "kapazitaetsreserve",
        "daz_standorte",
        "angebote",
        "akteure",
        "einwohner",
    ]
    frame = gemeinden.groupby("sozialraum", as_index=False)[counts].sum()
    for col in PARTLY_KNOWN:  # unknown in a Gemeinde with a school: unknown in total
        unknown = gemeinden[col].isna() & (gemeinden["daz_standorte"] > 0)
        bad = set(gemeinden.loc[unknown, "sozialraum"])
        frame.loc[frame["sozialraum"].isin(bad), col] = np.nan
    return _derived(frame)
