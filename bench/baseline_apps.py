"""Baseline apps for the map benchmark, started as separate processes.

``python -m bench.baseline_apps raw-map``: the same map figure with the raw VG250
features embedded in the layout. ``python -m bench.baseline_apps trivial-graph``: a page
with one small bar chart.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import plotly.graph_objects as go
from dash import Dash, dcc, html


def raw_map_app(raw_path: Path) -> Dash:
    raw = json.loads(raw_path.read_text(encoding="utf-8"))
    ags = [f["properties"]["AGS"] for f in raw["features"]]
    fig = go.Figure(
        go.Choropleth(
            geojson=raw,
            featureidkey="properties.AGS",
            locations=ags,
            z=list(range(len(ags))),
        )
    )
    fig.update_geos(fitbounds="locations", visible=False)
    app = Dash(__name__)
    app.layout = html.Div(
        dcc.Graph(
            id="karte-graph", figure=fig, config={"topojsonURL": "/assets/topojson/"}
        )
    )
    return app


def trivial_graph_app() -> Dash:
    app = Dash(__name__)
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    app.layout = html.Div(dcc.Graph(id="graph", figure=fig))
    return app


if __name__ == "__main__":
    kind = sys.argv[1]
    app = raw_map_app(Path(sys.argv[2])) if kind == "raw-map" else trivial_graph_app()
    app.run(host="127.0.0.1", port=int(os.environ["DASH_PORT"]))
