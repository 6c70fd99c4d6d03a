"""A static map for print: Gemeinde polygons as filled shapes, no geo base map.

Unlike the interactive ``go.Choropleth`` it needs no topojson, so it renders offline
in static image export (kaleido) as well.
"""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go

from dashboard.data.indicators import Indicator, describe
from dashboard.figures.classes import MISSING_COLOR, Classes, classify
from dashboard.figures.template import TEMPLATE

# a white halo around dark text: readable on pale and on dark class colours alike
HALO = "1px 1px 1px #fff, -1px -1px 1px #fff, 1px -1px 1px #fff, -1px 1px 1px #fff"


def palette_for(classes: Classes, palette: list[str]) -> list[str]:
    """Spread ``palette`` over the classes as ``classify`` spreads the default one."""
    n = len(classes.labels)
    step = (len(palette) - 1) / max(n - 1, 1)
    return [palette[round(i * step)] for i in range(n)] if n > 1 else [palette[-1]]


def _rings(geom) -> list:  # noqa: ANN001
    polys = getattr(geom, "geoms", [geom])
    return [p.exterior.coords for p in polys]


def static_map(
    areas: gpd.GeoDataFrame,
    table: pd.DataFrame,
    key: str,
    indicator: str | Indicator,
    highlight: str | None = None,
    names: pd.DataFrame | None = None,
    palette: list[str] | None = None,
) -> go.Figure:
    """Areas coloured by ``indicator`` classes; one legend entry per class.

    ``names`` (``lon``, ``lat``, ``name``) are written on the map with a white halo,
    readable on every class colour; ``palette`` replaces the class colours (e.g. the
    high-contrast palette).
    """
    ind = describe(indicator)
    merged = areas.merge(table[[key, ind.key]], on=key, how="left")
    classes = classify(merged[ind.key], ind.decimals, ind.percent)
    colors = palette_for(classes, palette) if palette else classes.colors
    fig = go.Figure(layout={"template": TEMPLATE})
    groups = [(-1, ind.missing, MISSING_COLOR)] + [
        (i, lab, col)
        for i, (lab, col) in enumerate(zip(classes.labels, colors, strict=True))
    ]
    for idx, label, color in groups:
        xs, ys = [], []
        for geom, c in zip(merged.geometry, classes.index, strict=True):
            if c != idx:
                continue
            for ring in _rings(geom):
                xs += [p[0] for p in ring] + [None]
                ys += [p[1] for p in ring] + [None]
        if xs:
            fig.add_scatter(
                x=xs,
                y=ys,
                fill="toself",
                fillcolor=color,
                mode="lines",
                name=label,
                showlegend=False,
                line={"color": "#303030", "width": 0.8},
                hoverinfo="skip",
            )
            # a large square per class: readable legend swatches, not hairlines
            fig.add_scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=label,
                marker={
                    "symbol": "square",
                    "size": 16,
                    "color": color,
                    "line": {"color": "#303030", "width": 1},
                },
            )
    if highlight is not None:
        geom = merged.loc[merged[key] == highlight, "geometry"]
        for ring in _rings(geom.iloc[0]) if len(geom) else []:
            fig.add_scatter(
                x=[p[0] for p in ring],
                y=[p[1] for p in ring],
                mode="lines",
                showlegend=False,
                line={"color": "black", "width": 3},
                hoverinfo="skip",
            )
    if names is not None:
        fig.add_scatter(
            x=names["lon"],
            y=names["lat"],
            text=names["name"],
            mode="text",
            showlegend=False,
            hoverinfo="skip",
            textfont={"size": 10, "color": "#111", "shadow": HALO},
        )
    lat = merged.geometry.union_all().centroid.y
    fig.update_xaxes(visible=False)
    fig.update_yaxes(
        visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(lat))
    )
    fig.update_layout(
        legend={
            "title": {"text": ind.label, "font": {"size": 14}},
            "font": {"size": 13},
            "orientation": "v",
            # inside the empty north-east corner of the county: the map keeps the width
            "x": 1.0,
            "xanchor": "right",
            "y": 1.0,
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.85)",
        },
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
    return fig
