"""A static map for print: Gemeinde polygons as filled shapes, no geo base map.

Unlike the interactive ``go.Choropleth`` it needs no topojson, so it renders offline
in static image export (kaleido) as well.
"""

from __future__ import annotations

import math

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go

from dashboard.data.indicators import INDICATORS
from dashboard.figures.classes import MISSING_COLOR, classify
from dashboard.figures.template import TEMPLATE


def _rings(geom) -> list:  # noqa: ANN001
    polys = getattr(geom, "geoms", [geom])
    return [p.exterior.coords for p in polys]


def static_map(
    areas: gpd.GeoDataFrame,
    table: pd.DataFrame,
    key: str,
    indicator: str,
    highlight: str | None = None,
) -> go.Figure:
    """Areas coloured by ``indicator`` classes; one legend entry per class."""
    ind = INDICATORS[indicator]
    merged = areas.merge(table[[key, indicator]], on=key, how="left")
    classes = classify(merged[indicator], ind.decimals, ind.percent)
    fig = go.Figure(layout={"template": TEMPLATE})
    groups = [(-1, ind.missing, MISSING_COLOR)] + [
        (i, lab, col)
        for i, (lab, col) in enumerate(zip(classes.labels, classes.colors, strict=True))
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
                line={"color": "#303030", "width": 0.8},
                hoverinfo="skip",
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
    lat = merged.geometry.union_all().centroid.y
    fig.update_xaxes(visible=False)
    fig.update_yaxes(
        visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(lat))
    )
    fig.update_layout(
        legend={
            "title": {"text": ind.label},
            "orientation": "v",
            "x": 1.0,
            "y": 0.5,
            "yanchor": "middle",
        },
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
    return fig
