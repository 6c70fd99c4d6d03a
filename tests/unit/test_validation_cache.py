"""Dash's validation layout saved between starts: the saved stubs are what building
every page would give, and they are only reused for the same code and data."""

from __future__ import annotations

import json

import dash
from dash import html

from dashboard import validation_cache
from dashboard.web import id_stubs


def _pairs(layout) -> set[tuple[str, str]]:  # noqa: ANN001
    return {
        (type(c).__name__, json.dumps(c.id, sort_keys=True))
        for c in layout.children
        if getattr(c, "id", None) is not None
    }


def test_saved_stubs_equal_a_fresh_build_of_every_page(app, settings):
    # the key of the start (other tests may have written data since)
    raw = (settings.instance_dir / validation_cache.FILE_NAME).read_text("utf-8")
    saved = validation_cache.load(settings.instance_dir, json.loads(raw)["key"])
    assert saved is not None, "the first start saves the stubs"
    with app.server.test_request_context("/"):
        pages = [
            getattr(p["layout"], "uncached", p["layout"])()
            for p in dash.page_registry.values()
        ]
        fresh = id_stubs(html.Div([*pages, app.layout()]))
    assert _pairs(saved) == _pairs(app.validation_layout)
    # string IDs come from the code; keyed IDs ({"type": …}) may follow the data
    assert {p for p in _pairs(saved) if '"type"' not in p[1]} == {
        p for p in _pairs(fresh) if '"type"' not in p[1]
    }
    assert ("Graph", '"karte-graph"') in _pairs(saved)
    html_page = app.server.test_client().get("/ziele").get_data(as_text=True)
    config = json.loads(
        html_page.split('id="_dash-config" type="application/json">')[1].split(
            "</script>"
        )[0]
    )
    served = config["validation_layout"]["props"]["children"]
    assert {
        (c["type"], json.dumps(c["props"]["id"], sort_keys=True)) for c in served
    } == _pairs(saved)


def test_stubs_are_not_reused_for_other_code_or_data(tmp_path, monkeypatch):
    layout = html.Div([html.Button(id="a"), html.Div(id={"type": "t", "i": 1})])
    validation_cache.save(tmp_path, "k1", layout)
    loaded = validation_cache.load(tmp_path, "k1")
    assert _pairs(loaded) == _pairs(layout) and loaded.im_slim
    assert validation_cache.load(tmp_path, "k2") is None
    assert validation_cache.key(1) != validation_cache.key(2)
    before = validation_cache.key(1)
    monkeypatch.setattr(validation_cache, "LIBRARIES", ("dash",))
    assert validation_cache.key(1) != before


def test_damaged_or_foreign_file_is_ignored(tmp_path):
    path = tmp_path / validation_cache.FILE_NAME
    path.write_text("{kaputt", "utf-8")
    assert validation_cache.load(tmp_path, "k") is None
    path.write_text(json.dumps({"key": "k", "stubs": [["os", "system", "x"]]}))
    assert validation_cache.load(tmp_path, "k") is None
    path.write_text(json.dumps({"key": "k", "stubs": [["dash.html.Div", "Nope", 1]]}))
    assert validation_cache.load(tmp_path, "k") is None


def test_unwritable_instance_folder_does_not_stop_the_start(tmp_path):
    not_a_folder = tmp_path / "datei"
    not_a_folder.write_text("x")  # writing beneath it fails, even as root
    validation_cache.save(not_a_folder, "k", html.Div([html.Button(id="a")]))
    assert validation_cache.load(not_a_folder, "k") is None
