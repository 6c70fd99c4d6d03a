"""Page content cached by data version: reused while nothing changed, rebuilt after any
write, by whichever worker wrote it; kept apart per query and per user."""

from __future__ import annotations

import flask
import pytest
from dash import html

from dashboard.page_cache import EXTENSION, PageCache, _wrap
from dashboard.store.auth import BEARBEITUNG, create_user
from dashboard.store.db import make_engine, migrate
from dashboard.store.repository import Repository

ROUTER = "/_dash-update-component"


@pytest.fixture()
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    migrate(make_engine(url))
    return url


@pytest.fixture()
def worker(url):
    """One worker: its own engine, repository, Flask app and page cache."""
    server = flask.Flask("worker")
    server.secret_key = "test"
    cache = PageCache(Repository(make_engine(url)))
    cache.active = True
    server.extensions[EXTENSION] = cache
    return server, cache


def _counting_layout():
    calls = []

    def layout(feld: str = "", **_q: str) -> html.Div:
        calls.append(feld)
        return html.Div(f"Feld {feld}, Aufruf {len(calls)}", id="inhalt")

    return layout, calls


def test_unchanged_page_is_not_rebuilt_and_any_write_rebuilds_it(worker, url):
    server, cache = worker
    layout, calls = _counting_layout()
    page = _wrap("pages.test", layout)
    with server.test_request_context(ROUTER):
        first = page(feld="4.2")
        assert page(feld="4.2") == first  # JSON-ready, served from the cache
        assert first["props"]["children"] == "Feld 4.2, Aufruf 1"
        assert calls == ["4.2"] and cache.hits == 1
        page(feld="4.3")  # another query is another entry
        assert calls == ["4.2", "4.3"]
    # another worker (own engine) writes: every audited write is a new data version
    create_user(make_engine(url), "anna", "ein-langes-passwort-1", BEARBEITUNG)
    with server.test_request_context(ROUTER):
        assert page(feld="4.2")["props"]["children"] == "Feld 4.2, Aufruf 3"


def test_users_do_not_share_entries(worker):
    server, _cache = worker
    layout, calls = _counting_layout()
    page = _wrap("pages.test", layout)
    with server.test_request_context(ROUTER):
        page()
    with server.test_request_context(ROUTER):
        flask.g.im_user = {"name": "anna", "rolle": "Bearbeitung"}  # logged in
        page()
        page()
    assert len(calls) == 2


def test_cache_stays_bounded(worker):
    server, cache = worker
    cache.max_entries = 3
    layout, calls = _counting_layout()
    page = _wrap("pages.test", layout)
    with server.test_request_context(ROUTER):
        for feld in "12345":
            page(feld=feld)
        page(feld="1")
    assert len(calls) == 6 and len(cache._entries) == 3


def test_other_callers_get_components(worker):
    server, cache = worker
    layout, calls = _counting_layout()
    page = _wrap("pages.test", layout)
    with server.test_request_context("/ziele"):
        assert isinstance(page(feld="1"), html.Div)
    assert cache.hits == cache.misses == 0 and calls == ["1"]


def test_router_serves_the_real_pages_from_the_cache(app, client):
    cache = app.server.extensions[EXTENSION]
    body = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": "/daz"},
            {"id": "_pages_location", "property": "search", "value": "?tab=schulen"},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    client.get("/")
    first = client.post("/_dash-update-component", json=body)
    hits = cache.hits
    second = client.post("/_dash-update-component", json=body)
    assert first.status_code == second.status_code == 200
    assert second.get_data() == first.get_data() and cache.hits == hits + 1
    assert b"daz-" in first.get_data()


def test_pages_with_session_secrets_are_never_cached(app):
    import dash

    login = next(p for p in dash.page_registry.values() if p["path"] == "/anmelden")
    assert not hasattr(login["layout"], "uncached")
    daz = next(p for p in dash.page_registry.values() if p["path"] == "/daz")
    assert hasattr(daz["layout"], "uncached")
