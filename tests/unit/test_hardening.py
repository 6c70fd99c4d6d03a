"""HTTP hardening: headers, CSRF, rate limits, body limits, error answers, file modes,
sessions that end on the server."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import flask
import pytest

from dashboard import ids, labels
from dashboard.config import Settings
from dashboard.security import install
from dashboard.store.auth import BEARBEITUNG, create_user
from tests.conftest import csrf_token

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def _addr(n: int) -> dict:
    """A distinct client address per test, so per-address limits do not interact."""
    return {"REMOTE_ADDR": f"10.13.0.{n}"}


def test_security_headers_on_pages_and_files(client):
    for path in ("/", "/karte", "/geo/gemeinden.geojson", "/_dash-layout"):
        response = client.get(path)
        for name, value in HEADERS.items():
            assert response.headers[name] == value, (path, name)
        csp = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        assert "http" not in csp and "unsafe-eval" not in csp
        assert "sha256-" in csp  # Dash's inline scripts are allowed by hash only
        assert "Werkzeug" not in response.headers.get("Server", "")


def test_login_and_logout_forms_need_the_token(client):
    refused = client.post(
        "/auth/anmelden",
        data={"name": "x", "passwort": "y"},
        environ_base=_addr(1),
    )
    assert refused.status_code == 400
    assert labels.CSRF_FAILED in refused.get_data(as_text=True)
    forged = client.post(
        "/auth/anmelden",
        data={"name": "x", "passwort": "y", "csrf_token": "erfunden"},
        environ_base=_addr(1),
    )
    assert forged.status_code == 400
    assert client.post("/auth/abmelden", environ_base=_addr(1)).status_code == 400


def test_login_rate_limit_per_address(client):
    token = csrf_token(client)
    answers = [
        client.post(
            "/auth/anmelden",
            data={"name": f"n{i}", "passwort": "falsch-falsch", "csrf_token": token},
            environ_base=_addr(2),
        ).status_code
        for i in range(11)
    ]
    assert answers[:10] == [303] * 10 and answers[10] == 429
    other = client.post(
        "/auth/anmelden",
        data={"name": "n", "passwort": "falsch-falsch", "csrf_token": token},
        environ_base=_addr(3),
    )
    assert other.status_code == 303


def test_pdf_rate_limit_answers_german_429(client, monkeypatch):
    import dashboard.server
    from dashboard.reports.pdf import PRINTER

    printer = client.application.extensions[PRINTER]
    monkeypatch.setattr(dashboard.server, "build_html", lambda *_: "<html></html>")
    monkeypatch.setattr(printer, "_print", lambda _html: b"%PDF-1.7")
    # four different briefings: each is generated, the fourth within a minute is refused
    areas = ["Meißen", "Riesa", "Großenhain", "Radebeul"]
    codes = [
        client.get(
            "/briefing.pdf", query_string={"sozialraum": a}, environ_base=_addr(4)
        )
        for a in areas
    ]
    assert [r.status_code for r in codes] == [200, 200, 200, 429]
    assert "bitte später erneut" in codes[-1].get_data(as_text=True)
    # a briefing already made costs nothing: it is served even now
    again = client.get(
        "/briefing.pdf", query_string={"sozialraum": "Riesa"}, environ_base=_addr(4)
    )
    assert (
        again.status_code == 200
        and again.headers["X-Briefing"] == "zwischengespeichert"
    )


@pytest.mark.parametrize(
    "body",
    [
        b"{kaputt",
        b"[]",
        b'{"inputs": []}',
        b'{"output": "a.b", "inputs": "x"}',
        b'{"output": "a.b", "inputs": [1, 2]}',
    ],
)
def test_malformed_callback_bodies_are_400(client, body):
    response = client.post(
        "/_dash-update-component",
        data=body,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/../../etc/passwd",
        "/_dash-component-suites/dash/..%2F..%2Fapp.py",
        "/_dash-component-suites/nopkg/x.js",
    ],
)
def test_traversal_paths_are_404(client, path):
    assert client.get(path).status_code == 404


def test_oversized_form_body_is_413(client):
    response = client.post(
        "/auth/anmelden", data={"name": "x" * 40_000}, environ_base=_addr(5)
    )
    assert response.status_code == 413
    assert labels.TOO_LARGE in response.get_data(as_text=True)


def test_no_stack_trace_reaches_the_client():
    server = flask.Flask(__name__)
    server.secret_key = "x"
    install(server, Settings.from_env(database_url="sqlite://"))

    @server.get("/kaputt")
    def broken():  # noqa: ANN202
        raise RuntimeError("geheimes Detail /pfad/zur/datei.py")

    response = server.test_client().get("/kaputt")
    body = response.get_data(as_text=True)
    assert response.status_code == 500 and body == labels.SERVER_ERROR
    assert "geheimes" not in body and "Traceback" not in body


def test_secure_cookies_and_proxy_headers_are_configurable():
    server = flask.Flask(__name__)
    server.secret_key = "x"
    install(
        server,
        Settings.from_env(database_url="sqlite://", secure_cookies=True, proxy_hops=1),
    )

    @server.get("/ich")
    def me():  # noqa: ANN202
        flask.session["x"] = 1
        return f"{flask.request.scheme} {flask.request.remote_addr}"

    response = server.test_client().get(
        "/ich",
        headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.7"},
    )
    assert response.get_data(as_text=True) == "https 192.0.2.7"
    assert "Secure" in response.headers["Set-Cookie"]
    assert "HttpOnly" in response.headers["Set-Cookie"]
    assert "Strict-Transport-Security" in response.headers


def test_database_file_and_instance_folder_are_private(app, settings):
    assert stat.S_IMODE(Path(settings.instance_dir).stat().st_mode) == 0o700
    db = Path(settings.instance_dir) / "integrationsmonitor.sqlite"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    key = Path(settings.instance_dir) / "secret_key"
    assert not key.exists() or stat.S_IMODE(key.stat().st_mode) == 0o600


def _save_goal_request(client) -> dict:
    """The save callback of the goal editor, as the browser would POST it."""
    deps = json.loads(client.get("/_dash-dependencies").get_data())
    dep = next(d for d in deps if d["inputs"][0]["id"] == ids.ZIELE_SAVE)
    values = {
        ids.ZIELE_EDIT_STATE: {"ziel_id": "Z-4.6-1", "version": 0, "feld": "4.6"},
        ids.ZIELE_STATUS: "geplant",
    }
    outputs = [
        {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1].split("@")[0]}
        for o in dep["output"].strip(".").split("...")
    ]
    return {
        "output": dep["output"],
        "outputs": outputs,
        "changedPropIds": [f"{ids.ZIELE_SAVE}.n_clicks"],
        "inputs": [{**dep["inputs"][0], "value": 1}],
        "state": [{**s, "value": values.get(s["id"])} for s in dep["state"]],
    }


def test_replayed_cookie_after_logout_cannot_write(app, client):
    engine = app.server.extensions["integrationsmonitor"].engine
    create_user(engine, "replay", "replay-passwort-1", BEARBEITUNG)
    token = csrf_token(client)
    client.post(
        "/auth/anmelden",
        data={"name": "replay", "passwort": "replay-passwort-1", "csrf_token": token},
        environ_base=_addr(6),
    )
    with client.session_transaction() as sess:
        stolen = dict(sess)
    body = _save_goal_request(client)
    assert client.post("/_dash-update-component", json=body).status_code == 200
    logged_out_token = csrf_token(client)
    client.post("/auth/abmelden", data={"csrf_token": logged_out_token})
    with client.session_transaction() as sess:  # replay the cookie from before
        sess.clear()
        sess.update(stolen)
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 403
    assert "melden Sie sich an" in response.get_json()["fehler"]
