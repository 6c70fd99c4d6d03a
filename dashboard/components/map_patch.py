"""Apply an indicator change to a map figure held by a ``dash.Patch``."""

from __future__ import annotations

import pandas as pd
from dash import Patch

from dashboard.data.indicators import Indicator
from dashboard.figures.karte import TRACE_AREA, area_style

STYLE_PROPS = ("z", "text", "colorscale", "zmin", "zmax", "hovertemplate")


def restyle(
    patch: Patch, table: pd.DataFrame, level: str, indicator: str | Indicator
) -> Patch:
    """Only the few values that depend on the indicator travel to the browser."""
    style = area_style(table, level, indicator)
    trace = patch["data"][TRACE_AREA[level]]
    for prop in STYLE_PROPS:
        trace[prop] = style[prop]
    for prop in ("tickvals", "ticktext"):
        trace["colorbar"][prop] = style["colorbar"][prop]
    trace["colorbar"]["title"]["text"] = style["colorbar"]["title"]["text"]
    return patch
