"""Serve the lean plotly.js where dcc.Graph looks for it, and only where it is needed.

dcc.Graph loads plotly.js lazily, the first time a graph is rendered, from
``window._dashPlotlyJSURL``; with ``serve_locally`` the renderer sets that to
``<prefix>_dash-component-suites/plotly/package_data/plotly.min.js`` (dash-renderer,
``APIController``). We answer exactly that URL with our bundle of the four trace types
the app draws (``tools/plotly-bundle/build.py``), so the full 4.8 MB plotly.js is never
sent. Pages registered with ``plotly_preload=True`` draw a chart on every visit; their
HTML carries a preload header so plotly.js downloads in parallel with the app bundles.
Chart-free pages get no header and load no plotly at all.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import dash
import flask

from dashboard.config import ROOT

VENDOR = ROOT / "dashboard" / "vendor" / "plotly"
DASH_PATH = "_dash-component-suites/plotly/package_data/plotly.min.js"
PRELOAD_FLAG = "plotly_preload"


@cache
def provenance() -> dict:
    """The build record of the committed bundle (versions, traces, checksum)."""
    return json.loads((VENDOR / "provenance.json").read_text(encoding="utf-8"))


def bundle_path() -> Path:
    return VENDOR / provenance()["file"]


def preload_paths(prefix: str = "/") -> set[str]:
    """Paths of the pages that declare ``plotly_preload=True`` in ``register_page``."""
    return {
        prefix.rstrip("/") + page["path"]
        for page in dash.page_registry.values()
        if page.get(PRELOAD_FLAG)
    }


def configure(app: dash.Dash) -> None:
    """Route dcc.Graph's plotly.js URL to the lean bundle; preload it on chart pages."""
    server = app.server
    prefix = app.config.requests_pathname_prefix
    url = prefix + DASH_PATH
    body = bundle_path().read_bytes()
    etag = provenance()["sha256"]

    # A static rule wins over Dash's "<package>/<path:...>" component-suite route.
    @server.get(url, endpoint="plotly_js")
    def plotly_js():  # noqa: ANN202
        response = flask.Response(body, mimetype="application/javascript")
        response.set_etag(etag)
        response.headers["Cache-Control"] = "public, max-age=3600"
        return response.make_conditional(flask.request)

    @server.after_request
    def preload_plotly(response: flask.Response) -> flask.Response:
        if response.mimetype == "text/html" and flask.request.path in preload_paths(
            prefix
        ):
            response.headers.add("Link", f"<{url}>; rel=preload; as=script")
        return response
