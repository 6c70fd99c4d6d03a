"""The nav entry shows the login state: "Anmelden" for visitors, the user's name after
login (checked against the store per request), "Anmelden" again after logout."""

from __future__ import annotations

import json

from dashboard import ids, labels
from tests.conftest import csrf_token

ADDR = {"REMOTE_ADDR": "10.13.10.3"}


def _nav(client) -> dict:
    """POST the nav-login callback as the browser does on a page load."""
    body = {
        "output": f"{ids.NAV_LOGIN}.children",
        "outputs": {"id": ids.NAV_LOGIN, "property": "children"},
        "inputs": [{"id": ids.URL, "property": "pathname", "value": "/karte"}],
        "changedPropIds": [f"{ids.URL}.pathname"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=body, environ_base=ADDR)
    assert response.status_code == 200
    return json.loads(response.get_data())["response"][ids.NAV_LOGIN]["children"]


def test_nav_entry_shows_who_is_logged_in(app, client):
    from dashboard.store.auth import BEARBEITUNG, create_user
    from dashboard.store.users import list_users

    engine = app.server.extensions["integrationsmonitor"].engine
    assert f'"{ids.NAV_LOGIN}"' in client.get("/_dash-layout").get_data(as_text=True)
    assert _nav(client) == labels.NAV_ANMELDEN
    if "navtest" not in set(list_users(engine)["name"]):
        create_user(engine, "navtest", "navtest-pw-1234", BEARBEITUNG)
    client.post(
        "/auth/anmelden",
        data={
            "name": "navtest",
            "passwort": "navtest-pw-1234",
            "csrf_token": csrf_token(client),
        },  # fmt: skip
        environ_base=ADDR,
    )
    shown = _nav(client)
    texts = [span["props"]["children"] for span in shown["props"]["children"]]
    assert texts == [labels.NAV_ANGEMELDET, "navtest"]
    assert "Rolle Bearbeitung" in shown["props"]["title"]
    client.post(
        "/auth/abmelden", data={"csrf_token": csrf_token(client)}, environ_base=ADDR
    )
    assert _nav(client) == labels.NAV_ANMELDEN
