"""The map's view of catalogue indicators with a breakdown: the note under the map,
the values in the side panel and the column in the table alternative."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.components.sortable_table import Column
from dashboard.data.indicators import INDICATORS
from dashboard.data.map_measured import BREAKDOWN_NAMES, MISSING, MeasuredLayer
from dashboard.data.mapdata import MapData
from dashboard.figures.karte import LEVELS, format_value
from dashboard.formatting import fmt_stand


def caveat(data: MapData, indicator: str, level: str) -> str:
    """The note under the map: a built-in measure's caveat, or an indicator's source,
    Stand and breakdown (and that the other level has no values)."""
    layer = data.measured.get(indicator)
    if layer is None:
        note = INDICATORS[indicator].caveat if indicator in INDICATORS else ""
        return f"Hinweis zur Kennzahl: {note}." if note else ""
    text = (
        f"Indikator „{layer.indicator.short}“ ({layer.indicator.unit}), nach "
        f"{BREAKDOWN_NAMES[layer.level]} aufgeschlüsselt, je Gebiet der neueste "
        f"Messwert. {layer.source()}. Gebiete ohne Messwert: „{MISSING}“."
    )
    if layer.level != level:
        text += (
            f" Für {LEVELS[level]} gibt es keine Werte: bitte die Ebene "
            f"{LEVELS[layer.level]} wählen."
        )
    return text


def _value(layer: MeasuredLayer, area: str) -> str:
    row = layer.values[layer.values["gebiet"] == area]
    if row.empty:
        return MISSING
    r = row.iloc[0]
    return f"{format_value(r['wert'], layer.indicator)} (Stand {fmt_stand(r['datum'])})"


def panel_values(data: MapData, level: str, area: str) -> list:
    """The side panel's list of the area's indicator values (none: nothing)."""
    layers = [m for m in data.measured.values() if m.level == level]
    if not layers:
        return []
    items = [
        html.Li(
            [
                dcc.Link(m.indicator.short, href=f"/indikator?id={m.indicator.key}"),
                f": {_value(m, area)}",
            ]
        )
        for m in layers
    ]
    return [html.H3("Indikatoren", className="h6 mt-3"), html.Ul(items)]


def table_column(data: MapData, indicator: str, level: str) -> list[Column]:
    """The chosen indicator as a column of the map's table, on its own level."""
    layer = data.measured.get(indicator)
    if layer is None or layer.level != level:
        return []
    ind = layer.indicator

    def fmt(value: object) -> str:
        return MISSING if pd.isna(value) else format_value(value, ind)

    return [Column(ind.key, ind.label, fmt, title=f"{ind.label}, {layer.stand}")]


def csv_columns(data: MapData, level: str) -> dict[str, str]:
    """Indicator columns of ``level`` for the CSV export: key -> German header."""
    return {
        k: f"{m.indicator.label}, {m.stand}"
        for k, m in data.measured.items()
        if m.level == level
    }
