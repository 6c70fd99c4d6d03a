"""The offline map: SVG choropleth of Gemeinden or Sozialräume plus point layers.

No tiles and no base map: ``go.Choropleth``/``go.Scattergeo`` with the geometry as a
URL on our own host, so callbacks can restyle the map without resending geometry.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.data.indicators import Indicator, describe
from dashboard.figures.classes import classify, discrete_colorscale
from dashboard.figures.template import OKABE_ITO, TEMPLATE
from dashboard.formatting import fmt_num

LEVELS = {"gemeinde": "Gemeinden", "sozialraum": "Sozialräume"}
KEYS = {"gemeinde": "ags", "sozialraum": "sozialraum"}
NAMES = {"gemeinde": "gemeinde", "sozialraum": "sozialraum"}
TRACE_AREA = {"gemeinde": 0, "sozialraum": 1}
TRACE_LABEL = {"gemeinde": 2, "sozialraum": 3}
POINT_STYLE = {
    # layer, group -> legend name, symbol, colour
    ("schulen", "Grundschule"): ("Grundschule (DaZ)", "circle", OKABE_ITO[5]),
    ("schulen", "Oberschule"): ("Oberschule (DaZ)", "square", OKABE_ITO[3]),
    ("schulen", "Berufliches Schulzentrum"): (
        "Berufsschulzentrum (DaZ)",
        "diamond",
        OKABE_ITO[7],
    ),
    ("angebote", ""): ("Angebot / Dienststelle", "triangle-up", OKABE_ITO[1]),
    ("akteure", ""): ("Akteur", "star", OKABE_ITO[2]),
}
LAYERS = {
    "schulen": "Schulen mit DaZ",
    "angebote": "Angebote und Dienststellen",
    "akteure": "Akteure",
}
FIRST_POINT_TRACE = 4
POINT_TRACES = {
    layer: [
        FIRST_POINT_TRACE + i for i, key in enumerate(POINT_STYLE) if key[0] == layer
    ]
    for layer in LAYERS
}
SELECTED_LINE = 4.0
DEFAULT_LINE = 0.8


def format_value(value: float, indicator: str | Indicator) -> str:
    ind = describe(indicator)
    if pd.isna(value):
        return ind.missing
    if ind.percent:
        return f"{fmt_num(value * 100, ind.decimals)} %"
    return f"{fmt_num(value, ind.decimals)} {ind.unit}"


def legend_title(ind: Indicator) -> str:
    """Name and unit, wrapped for the colour bar, and the Stand of measured values."""
    if not ind.legend_note:
        return ind.label.replace(" der ", "<br>der ").replace(" je ", "<br>je ")
    return "<br>".join(
        textwrap.wrap(ind.label, 22) + textwrap.wrap(ind.legend_note, 22)
    )


def area_style(table: pd.DataFrame, level: str, indicator: str | Indicator) -> dict:
    """The area trace's properties that depend on the indicator.

    ``indicator`` is a built-in key or a catalogue indicator's description
    (``dashboard.data.map_measured``); ``table`` has a column named by its key.
    Plain properties, so the page can apply them to a full figure or to a
    ``dash.Patch`` alike (only these few values travel on a recolour).
    """
    ind = describe(indicator)
    values = table[ind.key]
    classes = classify(values, ind.decimals, ind.percent)
    has_missing = bool(values.isna().any())
    scale, ticks, zmin, zmax = discrete_colorscale(classes, has_missing)
    ticktext = ([ind.missing] if has_missing else []) + classes.labels
    title = legend_title(ind)
    return {
        "z": classes.index,
        "text": [format_value(v, ind) for v in values],
        "colorscale": scale,
        "zmin": zmin,
        "zmax": zmax,
        "colorbar": {"tickvals": ticks, "ticktext": ticktext, "title": {"text": title}},
        "hovertemplate": f"<b>%{{customdata}}</b><br>{ind.label}: %{{text}}<extra></extra>",
    }


def line_widths(table: pd.DataFrame, level: str, selected: str | None) -> list[float]:
    """Outline widths: the selected area stands out."""
    return [
        SELECTED_LINE if k == selected else DEFAULT_LINE for k in table[KEYS[level]]
    ]


def _area_trace(
    url: str,
    table: pd.DataFrame,
    level: str,
    style: dict,
    widths: list[float],
    visible: bool,
):  # noqa: ANN202
    featureidkey = "properties.ags" if level == "gemeinde" else "properties.sozialraum"
    return go.Choropleth(
        geojson=url,
        featureidkey=featureidkey,
        locations=table[KEYS[level]].tolist(),
        customdata=table[NAMES[level]].tolist(),
        name=LEVELS[level],
        visible=visible,
        showscale=visible,
        marker={"line": {"color": "#303030", "width": widths}},
        colorbar={
            **style["colorbar"],
            "thickness": 18,
            "len": 0.75,
            "x": 1.0,
            "xanchor": "left",
            "y": 0.5,
            "tickfont": {"size": 14},
            "title": {**style["colorbar"]["title"], "font": {"size": 14}},
        },
        **{k: v for k, v in style.items() if k != "colorbar"},
    )


def _label_trace(labels: pd.DataFrame, level: str, visible: bool) -> go.Scattergeo:
    return go.Scattergeo(
        lon=labels["lon"],
        lat=labels["lat"],
        text=labels["name"],
        mode="text",
        textfont={"size": 13 if level == "gemeinde" else 18, "color": "#111"},
        hoverinfo="skip",
        showlegend=False,
        visible=visible,
        name=f"Beschriftung {LEVELS[level]}",
    )


def _point_traces(points: pd.DataFrame, layers: set[str]) -> list[go.Scattergeo]:
    traces = []
    for (layer, group), (name, symbol, color) in POINT_STYLE.items():
        part = points[(points["layer"] == layer) & (points["group"] == group)]
        traces.append(
            go.Scattergeo(
                lon=part["lon"],
                lat=part["lat"],
                customdata=part[["ags", "name"]].to_numpy().tolist(),
                hovertext=part["hover"],
                hoverinfo="text",
                mode="markers",
                name=name,
                marker={
                    "symbol": symbol,
                    "size": 13,
                    "color": color,
                    "line": {"color": "white", "width": 1.2},
                },
                visible=layer in layers,
            )
        )
    return traces


def map_figure(
    urls: dict[str, str],
    tables: dict[str, pd.DataFrame],
    labels: dict[str, pd.DataFrame],
    points: pd.DataFrame,
    *,
    level: str,
    indicator: str | Indicator,
    layers: set[str],
    show_labels: bool,
    selected: str | None,
    attribution: str,
) -> go.Figure:
    """The complete map figure; trace order is fixed (see ``TRACE_*``/``POINT_TRACES``)."""
    traces = [
        _area_trace(
            urls[lv],
            tables[lv],
            lv,
            area_style(tables[lv], lv, indicator),
            line_widths(tables[lv], lv, selected if lv == level else None),
            lv == level,
        )
        for lv in ("gemeinde", "sozialraum")
    ]
    traces += [
        _label_trace(labels[lv], lv, show_labels and lv == level)
        for lv in ("gemeinde", "sozialraum")
    ]
    traces += _point_traces(points, layers)
    fig = go.Figure(traces, layout={"template": TEMPLATE})
    fig.update_geos(
        fitbounds="locations",
        visible=False,
        projection_type="mercator",
        bgcolor="rgba(0,0,0,0)",
    )
    fig.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 80},
        legend={
            "orientation": "h",
            "x": 0,
            "y": 0,
            "yanchor": "top",
            "font": {"size": 14},
        },
        clickmode="event",
        dragmode=False,
        annotations=[
            {
                "text": attribution,
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 1,
                "y": 0,
                "xanchor": "right",
                "yanchor": "bottom",
                "font": {"size": 11, "color": "#444"},
                "bgcolor": "rgba(255,255,255,0.75)",
            }
        ],
    )
    return fig
