"""One plotly config for every graph: German locale, local assets, German file names.

The toolbar keeps only what users need (download as image, reset the view), so it
adds at most two Tab stops per chart and offers no upload to Plotly's cloud.
"""

from __future__ import annotations

# Every other button plotly 7 may show for our trace types (cartesian, geo, pie).
MODEBAR_REMOVED = (
    "zoom2d",
    "pan2d",
    "select2d",
    "lasso2d",
    "zoomIn2d",
    "zoomOut2d",
    "autoScale2d",
    "hoverClosestCartesian",
    "hoverCompareCartesian",
    "toggleSpikelines",
    "zoomInGeo",
    "zoomOutGeo",
    "hoverClosestGeo",
    "hoverClosestPie",
    "toggleHover",
    "resetViews",
    "sendDataToCloud",
    "sendChartToCloud",
    "editInChartStudio",
)


def graph_config(filename: str, **extra: object) -> dict:
    """Config with the PNG download named ``filename`` (German, no extension)."""
    return {
        "locale": "de",
        "displaylogo": False,
        "responsive": True,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "modeBarButtonsToRemove": list(MODEBAR_REMOVED),
        "topojsonURL": "/assets/topojson/",
        "toImageButtonOptions": {"filename": filename, "format": "png", "scale": 2},
        **extra,
    }
