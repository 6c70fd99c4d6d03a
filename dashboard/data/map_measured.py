"""Catalogue indicators on the map: every indicator with a breakdown by Gemeinde or
Sozialraum and at least one Messwert for an area of the Landkreis.

Each area shows its current value (``dashboard.current.latest_by_area``, the one rule
for current Messwerte); an area without a value shows "kein Wert", never zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.current import latest_by_area
from dashboard.data.indicators import Indicator
from dashboard.formatting import fmt_stand

MISSING = "kein Wert"
AREA_KEYS = {"gemeinde": "ags", "sozialraum": "sozialraum"}
BREAKDOWN_NAMES = {"gemeinde": "Gemeinden", "sozialraum": "Sozialräumen"}


@dataclass(frozen=True)
class MeasuredLayer:
    """One catalogue indicator as a map colouring.

    ``indicator.key`` is the ``indikator_id``; ``level`` is its breakdown
    (``"gemeinde"`` or ``"sozialraum"``); ``values`` holds the current value per area
    (``gebiet``, ``datum``, ``wert``, ``quelle``, …).
    """

    indicator: Indicator
    level: str
    values: pd.DataFrame

    @property
    def stand(self) -> str:
        return stand_text(self.values["datum"])

    def source(self) -> str:
        """German source line: the Quellen of the shown values and their Stand."""
        quellen = "; ".join(dict.fromkeys(self.values["quelle"].astype(str)))
        return f"Quelle: {quellen}; {self.stand}"


def stand_text(dates: pd.Series) -> str:
    """ "Stand 31.12.2019", or the range when areas have values of different dates."""
    lo, hi = min(dates), max(dates)
    if lo == hi:
        return f"Stand {fmt_stand(hi)}"
    return f"Stand {fmt_stand(lo)} bis {fmt_stand(hi)} (je Gebiet)"


def _decimals(values: pd.Series) -> int:
    """As many decimals (at most 2) as the values need."""
    for d in range(2):
        if all(abs(round(float(v), d) - float(v)) < 1e-9 for v in values):
            return d
    return 2


def measured_layers(
    catalogue: pd.DataFrame, values: pd.DataFrame, mapping: pd.DataFrame
) -> dict[str, MeasuredLayer]:
    """The catalogue's indicators the map can show, by ``indikator_id``.

    Parameters
    ----------
    catalogue, values : pandas.DataFrame
        ``Snapshot.indicators()`` and ``Snapshot.values()`` (now or at a Berichtsstand).
    mapping : pandas.DataFrame
        The ``sozialraeume`` table: the known Gemeinden (AGS) and Sozialräume.
    """
    known = {"gemeinde": set(mapping["ags"]), "sozialraum": set(mapping["sozialraum"])}
    out = {}
    for ind in catalogue.itertuples():
        level = ind.aufschluesselung
        if level not in known:
            continue
        latest = latest_by_area(values, ind.indikator_id)
        latest = latest[latest["gebiet"].isin(known[level])].reset_index(drop=True)
        if latest.empty:
            continue
        out[ind.indikator_id] = MeasuredLayer(
            Indicator(
                key=ind.indikator_id,
                label=f"{ind.name} ({ind.einheit})",
                short=ind.name,
                unit=ind.einheit,
                decimals=_decimals(latest["wert"]),
                missing=MISSING,
                legend_note=stand_text(latest["datum"]),
            ),
            level,
            latest,
        )
    return out


def with_measured(
    tables: dict[str, pd.DataFrame], layers: dict[str, MeasuredLayer]
) -> dict[str, pd.DataFrame]:
    """The map tables plus one column per layer, named by ``indikator_id``: the
    area's current value, missing (NaN) for areas without one and on the other level."""
    out = {}
    for level, table in tables.items():
        cols = {}
        for key, layer in layers.items():
            if layer.level == level:
                by_area = layer.values.set_index("gebiet")["wert"].astype(float)
                cols[key] = table[AREA_KEYS[level]].map(by_area).astype(float)
            else:
                cols[key] = np.full(len(table), np.nan)
        out[level] = table.assign(**cols) if cols else table
    return out
