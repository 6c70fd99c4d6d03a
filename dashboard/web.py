"""Build the Dash app around the started services."""

from __future__ import annotations

import json

import dash
import flask
import plotly.io.json
from dash import Dash, html
from dash.development.base_component import Component

from dashboard import compression, labels, page_cache, plotly_js, validation_cache
from dashboard.components.shell import shell
from dashboard.config import ROOT, Settings
from dashboard.datenstand import datenstand
from dashboard.security import set_script_hashes
from dashboard.server import configure
from dashboard.services import start


def create_app(settings: Settings | None = None) -> Dash:
    """Validate data, prepare the store and return the configured Dash app.

    Raises
    ------
    dashboard.data.loaders.DataError
        If the bundled data is invalid; the app does not start then.
    """
    settings = settings or Settings.from_env()
    services = start(settings)
    app = Dash(
        __name__,
        use_pages=True,
        pages_folder=str(ROOT / "dashboard" / "pages"),
        assets_folder=str(ROOT / "assets"),
        title=labels.APP_TITLE,
        update_title=None,
        suppress_callback_exceptions=False,
        serve_locally=True,
        include_pages_meta=False,
    )
    configure(app.server, services)
    compression.configure(app.server)
    plotly_js.configure(app)
    app.index_string = (
        app.index_string.replace("<html>", '<html lang="de">')
        # Dash wraps its scripts in <footer>: a second contentinfo landmark
        .replace("<footer>", "<div>")
        .replace("</footer>", "</div>")
    )

    def layout():  # noqa: ANN202  (per request, so the Datenstand follows imports)
        return shell(datenstand(services.repo), services.provenance)

    app.layout = layout

    @app.server.before_request
    def slim_validation_layout() -> None:
        # Dash builds its validation layout from every page on the first request and
        # embeds it in each page's HTML (230 KB with figures). Callback validation only
        # needs the IDs and component types, so keep one empty stub per ID.
        full = app.validation_layout
        if full is not None and not getattr(full, "im_slim", False):
            app.validation_layout = id_stubs(full)

    # Betrieb (issue 13): the CSP allows exactly Dash's inline scripts
    set_script_hashes(app.server, app.csp_hashes)

    @app.server.after_request
    def not_found_status(response: flask.Response) -> flask.Response:
        # Dash answers every unknown path with its page (200); the German 404 page is
        # shown inside the app frame, and the status must say so too.
        if (
            flask.request.endpoint == "/<path:path>"
            and response.status_code == 200
            and not is_page_path(flask.request.path)
        ):
            response.status_code = 404
        return response

    # after slim_validation_layout: Dash builds the validation layout first
    cache = page_cache.install(app, services.repo)
    # Let Dash check the pages and build its validation layout now rather than in the
    # first request: requests that arrive while that first one is still busy would get
    # a page without validation layout ("ID not found in layout" in the console).
    # Stubs saved by an earlier start with the same code and data stand in for the
    # pages (dashboard.validation_cache).
    key = validation_cache.key(services.repo.version())
    saved = validation_cache.load(settings.instance_dir, key)
    cache.stand_in = saved is not None
    try:
        with app.server.test_request_context("/"):
            app.server.preprocess_request()
    finally:
        cache.stand_in = False
    if saved is not None:
        app.validation_layout = saved
    else:
        validation_cache.save(settings.instance_dir, key, app.validation_layout)
    serialize_once(app.validation_layout)
    return app


def serialize_once(layout: Component) -> None:
    """Every page's HTML embeds the validation layout: turn its ~300 stubs into JSON
    once, not at every request (10 ms of each page load's server time)."""
    frozen = json.loads(plotly.io.json.to_json_plotly(layout))
    layout.to_plotly_json = lambda: frozen


def is_page_path(path: str) -> bool:
    """Whether ``path`` belongs to a registered page (fixed path or path template)."""
    parts = path.strip("/").split("/")
    if any(p in (".", "..") for p in parts):  # dot segments: traversal, never a page
        return False
    for page in dash.page_registry.values():
        if page.get("path_template"):
            template = page["path_template"].strip("/").split("/")
            if len(template) == len(parts) and all(
                t == p or (t.startswith("<") and t.endswith(">") and p)
                for t, p in zip(template, parts, strict=True)
            ):
                return True
        elif (
            path.strip("/") == page["path"].strip("/")
            and page["module"].split(".")[-1] != "not_found_404"
        ):
            return True
    return False


def id_stubs(layout: Component) -> html.Div:
    """A flat layout with one prop-less component per ID found in ``layout``."""
    stubs = [
        type(c)(id=c.id)
        for c in [layout, *layout._traverse()]
        if isinstance(c, Component) and getattr(c, "id", None) is not None
    ]
    div = html.Div(stubs)
    div.im_slim = True
    return div
