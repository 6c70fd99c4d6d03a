"""Server-side rules for goal edits: tampered callback requests change nothing, and no
stored value can make the goal page fail."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime

import dash
import pytest
from sqlalchemy import insert

from dashboard import ids
from dashboard.data.goal_rules import iso_date, number
from dashboard.store import goals
from dashboard.store.auth import BEARBEITUNG, create_user
from dashboard.store.models import messwert, ziel_version
from tests.conftest import csrf_token

_ADDRESSES = itertools.count(1)  # one client address per login: below the rate limit
GOAL, INDICATOR, FOREIGN = "Z-4.5-5", "I-GEMEINDEDOLMETSCHER", "I-DAZ-SCHUELER"


@pytest.fixture()
def editor(app, client):
    """``client`` logged in with role Bearbeitung."""
    engine = app.server.extensions["integrationsmonitor"].engine
    if "regeln" not in set(
        __import__("dashboard.store.users", fromlist=["x"]).list_users(engine)["name"]
    ):
        create_user(engine, "regeln", "regeln-passwort-1", BEARBEITUNG)
    client.post(
        "/auth/anmelden",
        data={
            "name": "regeln",
            "passwort": "regeln-passwort-1",
            "csrf_token": csrf_token(client),
        },
        environ_base={"REMOTE_ADDR": f"10.13.2.{next(_ADDRESSES)}"},
    )
    return client


def _save(client, **values) -> tuple[int, str]:
    deps = json.loads(client.get("/_dash-dependencies").get_data())
    dep = next(d for d in deps if d["inputs"][0]["id"] == ids.ZIELE_SAVE)
    outputs = [
        {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1].split("@")[0]}
        for o in dep["output"].strip(".").split("...")
    ]
    body = {
        "output": dep["output"],
        "outputs": outputs,
        "changedPropIds": [f"{ids.ZIELE_SAVE}.n_clicks"],
        "inputs": [{**dep["inputs"][0], "value": 1}],
        "state": [{**s, "value": values.get(s["id"])} for s in dep["state"]],
    }
    response = client.post("/_dash-update-component", json=body)
    if response.is_json:
        return response.status_code, json.dumps(response.get_json(), ensure_ascii=False)
    return response.status_code, response.get_data(as_text=True)


def _state(goal=GOAL, version=None, engine=None) -> dict:
    if version is None:
        version = int(
            goals.current(goals.history(engine, goal), [goal]).iloc[0]["version"]
        )
    return {"ziel_id": goal, "version": version, "feld": "4.5"}


MEASURE = {ids.ZIELE_IND: INDICATOR, ids.ZIELE_IND_SOURCE: "Amt"}


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {**MEASURE, ids.ZIELE_IND_VALUE: 3, ids.ZIELE_IND_DATE: "2018-13-45"},
            "Messdatum",
        ),
        (
            {**MEASURE, ids.ZIELE_IND_VALUE: "inf", ids.ZIELE_IND_DATE: "2018-02-01"},
            "keine Zahl",
        ),
        (
            {**MEASURE, ids.ZIELE_IND_VALUE: 1e300, ids.ZIELE_IND_DATE: "2018-02-01"},
            "keine Zahl",
        ),
        (
            {**MEASURE, ids.ZIELE_IND_VALUE: "abc", ids.ZIELE_IND_DATE: "2018-02-01"},
            "keine Zahl",
        ),
        (
            {
                ids.ZIELE_IND: FOREIGN,
                ids.ZIELE_IND_SOURCE: "Amt",
                ids.ZIELE_IND_VALUE: 1,
                ids.ZIELE_IND_DATE: "2018-02-01",
            },
            "keinem Indikator dieses Ziels",
        ),
        ({ids.ZIELE_COMMENT: "x" * 1_000_000}, "höchstens 2.000 Zeichen"),
        ({ids.ZIELE_RESPONSIBLE: "evil"}, "Akteure aus der Liste"),
        ({ids.ZIELE_RESPONSIBLE: ["kreistag", "evil"]}, "nicht im Akteursverzeichnis"),
        ({ids.ZIELE_OFFICE: "kreistag"}, "Fachamt: bitte ein Amt aus der Liste"),
        ({ids.ZIELE_DATE: "2018-02-30"}, "kein gültiges Datum"),
        ({ids.ZIELE_STATUS: "fertig"}, "Unbekannter Status"),
    ],
)
def test_tampered_values_are_refused_and_nothing_is_stored(
    app, editor, values, message
):
    engine = app.server.extensions["integrationsmonitor"].engine
    before = goals.version_count(engine)
    status, body = _save(
        editor,
        **{
            ids.ZIELE_EDIT_STATE: _state(engine=engine),
            ids.ZIELE_STATUS: "geplant",
            **values,
        },
    )
    assert status == 200 and message in body
    assert goals.version_count(engine) == before


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ({"ziel_id": "Z-9.9-9", "version": 0, "feld": "4.5"}, "gibt es nicht"),
        ({"ziel_id": GOAL, "version": "abc", "feld": "4.5"}, "Version ist ungültig"),
    ],
)
def test_forged_goal_or_version_is_refused(app, editor, state, message):
    engine = app.server.extensions["integrationsmonitor"].engine
    before = goals.version_count(engine)
    status, body = _save(
        editor, **{ids.ZIELE_EDIT_STATE: state, ids.ZIELE_STATUS: "geplant"}
    )
    assert status == 200 and message in body and "Traceback" not in body
    assert goals.version_count(engine) == before


def test_valid_edit_with_german_comma_is_stored(app, editor):
    engine = app.server.extensions["integrationsmonitor"].engine
    status, body = _save(
        editor,
        **{
            ids.ZIELE_EDIT_STATE: _state(engine=engine),
            ids.ZIELE_STATUS: "in Umsetzung",
            **MEASURE,
            ids.ZIELE_IND_VALUE: "12,5",
            ids.ZIELE_IND_DATE: "2019-03-01",
        },
    )
    assert status == 200 and "gespeichert" in body
    assert 12.5 in goals.measurements(engine)["wert"].tolist()


def test_stored_bad_values_cannot_break_the_page_and_a_new_value_corrects(app):
    engine = app.server.extensions["integrationsmonitor"].engine
    now = datetime.now(UTC)
    with engine.begin() as conn:  # rows as an old version of the app could store them
        vid = conn.execute(
            insert(ziel_version).values(
                ziel_id=GOAL,
                version=900,
                status="geplant",
                verantwortlich="evil",
                kommentar="",
                massnahme="",
                datum="2018-13-45",
                benutzer="alt",
                zeit=now,
            )
        ).inserted_primary_key[0]
        for datum, wert in (("2018-13-45", 3.0), ("2018-05-01", float("inf"))):
            conn.execute(
                insert(messwert).values(
                    indikator_id=INDICATOR,
                    ziel_version_id=vid,
                    datum=datum,
                    wert=wert,
                    quelle="alt",
                )
            )
    shown = goals.measurements(engine)
    assert "2018-13-45" not in shown["datum"].tolist()
    page = next(p for p in dash.page_registry.values() if p["path"] == "/ziele")
    with app.server.test_request_context("/ziele?feld=4.5"):
        assert page["layout"](feld="4.5") is not None
    # a correction: a later value for the same indicator and date counts instead
    goals.save(
        engine,
        GOAL,
        900,
        goals.Edit("geplant", messwerte=((INDICATOR, "2020-01-01", 5, "Amt"),)),
        "anna",
    )
    goals.save(
        engine,
        GOAL,
        901,
        goals.Edit(
            "geplant", messwerte=((INDICATOR, "2020-01-01", 7, "Amt, berichtigt"),)
        ),
        "anna",
    )
    from dashboard.current import Snapshot

    counted = Snapshot(app.server.extensions["integrationsmonitor"].repo).values()
    latest = counted.query("datum == '2020-01-01'")
    assert latest["wert"].tolist() == [7.0]
    assert "2018-13-45" not in counted["datum"].tolist()


def test_rule_helpers():
    assert iso_date("2018-02-01") == "2018-02-01"
    assert iso_date("01.02.2018") == "2018-02-01" and iso_date("2020") == "2020"
    assert iso_date("2018-13-45") is None and iso_date("1899") is None
    assert number("12,5") == 12.5 and number("1.234,5") == 1234.5
    assert number("nan") is None and number(True) is None and number(-1e10) is None
