"""Reverting an import through the shared panel's callbacks: the button only opens the
confirmation; the revert needs a reason, which lands in the audit row."""

from __future__ import annotations

import json

from sqlalchemy import select

from dashboard import ids
from dashboard.data.daz_upload import parse_upload
from dashboard.store.auth import ADMINISTRATION, create_user
from dashboard.store.daz_imports import commit_import, list_imports
from dashboard.store.models import audit
from dashboard.store.users import list_users
from tests.conftest import csrf_token
from tests.unit.test_daz import GOOD

DAZ = ids.DAZ_IMPORT


def _post(client, first_input: str, inputs: dict, state: dict) -> tuple[int, dict]:
    """POST the callback whose first input is ``first_input`` as the browser does."""
    deps = json.loads(client.get("/_dash-dependencies").get_data())
    dep = next(d for d in deps if d["inputs"][0]["id"] == first_input)
    outputs = [
        {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1].split("@")[0]}
        for o in dep["output"].strip(".").split("...")
    ]
    body = {
        "output": dep["output"],
        "outputs": outputs,
        "changedPropIds": [inputs.get("changed", f"{first_input}.n_clicks")],
        "inputs": inputs.get("inputs", [{**i, "value": 1} for i in dep["inputs"]]),
        "state": [{**s, "value": state.get(s["id"])} for s in dep["state"]],
    }
    response = client.post("/_dash-update-component", json=body)
    return response.status_code, response.get_json() if response.is_json else {}


def _login_admin(client, services) -> None:
    if "revert-admin" not in set(list_users(services.engine)["name"]):
        create_user(services.engine, "revert-admin", "revert-pw-12345", ADMINISTRATION)
    client.post(
        "/auth/anmelden",
        data={
            "name": "revert-admin",
            "passwort": "revert-pw-12345",
            "csrf_token": csrf_token(client),
        },
        environ_base={"REMOTE_ADDR": "10.13.3.7"},
    )


def test_revert_needs_confirmation_and_a_reason(app, client):
    services = app.server.extensions["integrationsmonitor"]
    schools = services.repo.table("schulen_daz")
    known = dict(zip(schools["schule_id"], schools["schulart"], strict=True))
    rows = parse_upload(GOOD.encode(), "jahr.csv", known, set()).rows
    import_id = commit_import(services.engine, rows, "anna", "jahr.csv")

    def status() -> str:
        frame = list_imports(services.engine)
        return frame.loc[frame["id"] == import_id, "status"].item()

    target = {DAZ.target: import_id, DAZ.reason: "   "}
    assert _post(client, DAZ.confirm, {}, target)[0] == 403  # anonymous
    _login_admin(client, services)
    before = services.repo.version()
    # the revert button only opens the dialog, naming file, school year and rows
    button = {"import": import_id, "type": DAZ.revert}
    click = {
        "changed": json.dumps(button, separators=(",", ":")) + ".n_clicks",
        "inputs": [[{"id": button, "property": "n_clicks", "value": 1}]],
    }
    code, body = _post(client, f'{{"import":["ALL"],"type":"{DAZ.revert}"}}', click, {})
    text = json.dumps(body, ensure_ascii=False)
    assert code == 200 and body["response"][DAZ.dialog]["is_open"] is True
    assert "jahr.csv" in text and "2017/18" in text and "3 Zeilen" in text
    assert status() == "aktiv" and services.repo.version() == before
    # confirming without a reason: a German message, nothing changes
    code, body = _post(client, DAZ.confirm, {}, target)
    assert code == 200
    assert "Grund" in body["response"][DAZ.reason_error]["children"]
    assert status() == "aktiv" and services.repo.version() == before
    # with a reason: reverted, the reason in the audit row
    code, body = _post(client, DAZ.confirm, {}, {**target, DAZ.reason: "Testdatei"})
    assert code == 200 and body["response"][DAZ.dialog]["is_open"] is False
    assert status() == "zurückgenommen"
    with services.engine.connect() as conn:
        details = conn.execute(
            select(audit.c.details).order_by(audit.c.id.desc()).limit(1)
        ).scalar_one()
    assert details == f"Import {import_id}; Grund: Testdatei"
