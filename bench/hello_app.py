"""Baseline: a "hello" app with the same imports as the dashboard, no data work."""

import os

import dash_bootstrap_components as dbc  # noqa: F401
import geopandas  # noqa: F401
import pandas  # noqa: F401
import pandera.pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401
import sqlalchemy  # noqa: F401
from dash import Dash, html

app = Dash(__name__)
app.layout = html.Div("Hallo")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["DASH_PORT"]))
