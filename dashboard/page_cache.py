"""Page content cached by data version: an unchanged page is not rebuilt.

Every write leaves an audit row, so ``Repository.version()`` (the newest audit id) is
the data version; it lives in the store, so every worker sees a write at once. A page's
content is kept per worker under (page, version, query, user, day, host) and reused
until any of these changes; the cached value is already in JSON form, so a hit skips
the store, the figure builders and the component serialisation.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from functools import wraps

import dash
import flask
import plotly.io.json
from dash import html

from dashboard.store.auth import current_user
from dashboard.store.repository import Repository

MAX_ENTRIES = 128
EXTENSION = "integrationsmonitor_page_cache"
# register_page(..., cache_content=False): content with per-session secrets (CSRF)
NO_CACHE_FLAG = "cache_content"


class PageCache:
    """A small thread-safe LRU of JSON-ready page layouts."""

    def __init__(self, repo: Repository, max_entries: int = MAX_ENTRIES):
        self.repo = repo
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0
        self.active = False  # set once Dash has built its validation layout
        # set while Dash builds its validation layout from saved stubs
        # (dashboard.validation_cache): the pages need not be built then
        self.stand_in = False

    def key(self, page: str, query: dict) -> tuple:
        user = current_user()
        return (
            page,
            self.repo.version(),
            tuple(sorted((k, str(v)) for k, v in query.items())),
            (user["name"], user["rolle"]) if user else None,
            date.today().isoformat(),
            flask.request.host_url if flask.has_request_context() else "",
        )

    def get_or_build(self, key: tuple, build: Callable[[], object]) -> object:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key]
        value = json.loads(plotly.io.json.to_json_plotly(build()))
        with self._lock:
            self.misses += 1
            self._entries[key] = value
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value


def _router_request() -> bool:
    """Only Dash's page router gets the JSON form; other callers get components."""
    return flask.has_request_context() and flask.request.path.endswith(
        "_dash-update-component"
    )


def _wrap(page: str, layout: Callable[..., object]) -> Callable[..., object]:
    @wraps(layout)
    def cached(**query: str) -> object:
        cache = (
            flask.current_app.extensions.get(EXTENSION)
            if flask.has_app_context()
            else None
        )
        if cache is not None and cache.stand_in:
            return html.Div()
        if cache is None or not cache.active or not _router_request():
            return layout(**query)
        return cache.get_or_build(cache.key(page, query), lambda: layout(**query))

    cached.uncached = layout
    return cached


def install(app: dash.Dash, repo: Repository) -> PageCache:
    """Serve the page layouts of ``app`` through a cache of its own.

    Dash builds its validation layout from the page layouts on the first request and
    needs components there, so the cache answers only after that (it returns
    JSON-ready dicts, which the router callback sends as they are).
    """
    cache = PageCache(repo)
    app.server.extensions[EXTENSION] = cache
    for module, page in dash.page_registry.items():
        layout = page["layout"]
        cacheable = page.get(NO_CACHE_FLAG, True)
        if callable(layout) and cacheable and not hasattr(layout, "uncached"):
            page["layout"] = _wrap(module, layout)

    @app.server.before_request
    def activate_page_cache() -> None:
        cache.active = app.validation_layout is not None

    return cache
