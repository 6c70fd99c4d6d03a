"""Browserless smoke test: every page builds, IDs are unique, routes answer."""

from __future__ import annotations

import json

import dash
import plotly.io.json
import pytest

from dashboard.data.loaders import DataError
from tests.conftest import csrf_token


def _ids(node, found):
    if isinstance(node, dict):
        props = node.get("props", {})
        if isinstance(props.get("id"), str | dict):
            found.append(json.dumps(props["id"], sort_keys=True))
        for value in props.values():
            _ids(value, found)
    elif isinstance(node, list):
        for item in node:
            _ids(item, found)
    return found


def _page_json(app, page):
    with app.server.test_request_context(page["relative_path"]):
        layout = page["layout"]() if callable(page["layout"]) else page["layout"]
        return json.loads(plotly.io.json.to_json_plotly(layout))


def test_every_page_builds_with_unique_ids(app, client):
    shell = client.get("/_dash-layout").get_json()
    shell_ids = _ids(shell, [])
    assert dash.page_registry, "no pages registered"
    for page in dash.page_registry.values():
        page_ids = _ids(_page_json(app, page), [])
        all_ids = shell_ids + page_ids
        assert len(all_ids) == len(set(all_ids)), page["path"]


@pytest.mark.parametrize(
    "path", ["/", "/anmelden", "/_dash-layout", "/_dash-dependencies"]
)
def test_routes_answer(client, path):
    assert client.get(path).status_code == 200


def test_page_html_is_german_and_local(client):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="de">' in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()
    # only ID stubs of the validation layout are embedded, not every page's figures
    assert len(client.get("/karte").get_data()) < 60_000


def test_overview_shows_real_figures(app):
    page = next(p for p in dash.page_registry.values() if p["path"] == "/")
    text = json.dumps(_page_json(app, page), ensure_ascii=False)
    for expected in ["830", "517", "1.918", "Auslastung 72,3 %", "Stand 08.02.2017"]:
        assert expected in text, expected
    # figures from the concept name their own date in the label, beside newer school years
    for label in (
        "Asylbewerber im Landkreis",
        "ehrenamtliche Bündnisse und Initiativen",
    ):
        assert f"{label}, Stand 08.02.2017" in text, label


def test_login_logout(app, client, settings):
    from dashboard.store.auth import BEARBEITUNG, create_user

    create_user(
        app.server.extensions["integrationsmonitor"].engine,
        "smoke",
        "smoke-passwort-1",
        BEARBEITUNG,
    )
    token = csrf_token(client)

    def post(path: str, **data: str):
        return client.post(path, data={**data, "csrf_token": token})

    bad = post("/auth/anmelden", name="smoke", passwort="falsch-falsch")
    assert bad.headers["Location"].endswith("/anmelden?fehler=1")
    ok = post(
        "/auth/anmelden",
        name="smoke",
        passwort="smoke-passwort-1",
        weiter="https://evil.example/",
    )
    assert ok.headers["Location"] == "/"
    with client.session_transaction() as sess:
        assert sess["benutzer"]["name"] == "smoke"
        assert "rolle" not in sess["benutzer"]  # read from the store per request
    token = csrf_token(client)
    post("/auth/abmelden")
    with client.session_transaction() as sess:
        assert "benutzer" not in sess
    token = csrf_token(client)  # the logout cleared the session and its token
    for _ in range(5):
        post("/auth/anmelden", name="smoke", passwort="falsch-falsch")
    locked = post("/auth/anmelden", name="smoke", passwort="smoke-passwort-1")
    assert locked.headers["Location"].endswith("fehler=gesperrt")


def test_invalid_bundled_data_refuses_start(data_copy, settings):
    from dataclasses import replace

    from dashboard.services import start

    path = data_copy / "schulen_daz.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",17,1,6,", ",siebzehn,1,6,", 1),
        encoding="utf-8",
    )
    with pytest.raises(
        DataError, match="schulen_daz.csv, Zeile 2, Spalte „vka_schueler“"
    ):
        start(replace(settings, data_dir=data_copy))


def test_pages_zum_berichtsstand_build_and_name_an_unknown_one(app, client):
    """Every page that takes ?berichtsstand= builds with it, IDs stay unique, and an
    unknown one gets a German message (pages) or a German 404 (files)."""
    from dashboard.components.reporting import FROZEN_PATHS

    shell_ids = _ids(client.get("/_dash-layout").get_json(), [])
    pages = [p for p in dash.page_registry.values() if p["path"] in FROZEN_PATHS]
    assert {p["path"] for p in pages} >= {"/", "/daz", "/ziele", "/indikatoren"}
    for page in pages:
        with app.server.test_request_context(page["path"]):
            layout = page["layout"](berichtsstand="999")
            tree = json.loads(plotly.io.json.to_json_plotly(layout))
        all_ids = shell_ids + _ids(tree, [])
        assert len(all_ids) == len(set(all_ids)), page["path"]
        if page["path"] != "/sitzung":
            text = json.dumps(tree, ensure_ascii=False)
            assert "Einen Berichtsstand „999“ gibt es nicht" in text, page["path"]
    for url in (
        "/briefing?berichtsstand=999",
        "/abbildung/daz-schueler.svg?berichtsstand=x",
    ):
        answer = client.get(url)
        assert answer.status_code == 404 and "gibt es nicht" in answer.get_data(
            as_text=True
        )
