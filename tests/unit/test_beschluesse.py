"""Beschlüsse: the bundled record against the document, rules, store versions and
triggers, the "current" rule, figure markers and the charts' text alternatives."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DatabaseError

from dashboard.current import Snapshot, decisions
from dashboard.data import beschluss_rules as rules
from dashboard.data.fundstellen import normalise
from dashboard.data.loaders import DataError, load_all, parse
from dashboard.store import beschluesse as store
from dashboard.store.db import make_engine, migrate
from dashboard.store.models import audit, beschluss_version
from dashboard.store.repository import Repository
from dashboard.store.seed import seed
from tests.conftest import DATA

SOURCE = DATA / "quellen" / "integrationskonzept_lk_meissen_2017.txt"
TODAY = date(2027, 3, 12)
GOOD = {
    "datum": "12.03.2027",
    "gremium": "Lenkungsgruppe",
    "nummer": "",
    "text": "Gemeindedolmetscherdienst wird ausgeschrieben.",
    "ziele": ["Z-4.5-5"],
    "gesamt": False,
}


@pytest.fixture(scope="module")
def datasets():
    return load_all(DATA)


@pytest.fixture()
def repo(tmp_path, datasets):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    seed(engine, datasets)
    return Repository(engine)


def test_bundled_beschluss_is_verbatim_from_the_concept(datasets):
    frame = datasets["beschluesse"].frame
    assert len(frame) == 1  # the document names exactly one
    row = frame.iloc[0]
    source = normalise(SOURCE.read_text(encoding="utf-8"))
    for part in row["fundstelle"].split(" | "):
        assert part in source
    assert row["text"] in row["fundstelle"]
    assert f"Beschluss Nr.: {row['nummer']}." in row["fundstelle"]
    assert "Kreistag am 17.03. 2016" in row["fundstelle"]
    assert (row["datum"], row["gremium"], row["nummer"]) == (
        "2016-03-17",
        "Kreistag",
        "16/6/0289",
    )
    # the document ties it to the whole concept, not to single goals
    assert (row["ziele"], row["bezug"]) == ("", rules.WHOLE_CONCEPT)
    assert "Fußnote 2" in row["quelle"] and row["stand"] == "2017-02-08"


def test_actor_kreistag_refers_to_the_record_instead_of_repeating_it(datasets):
    kreistag = datasets["akteure"].frame.set_index("akteur_id").loc["kreistag"]
    assert "16/6/0289" not in kreistag["hinweis"]


def test_file_with_unknown_goal_or_body_is_refused(data_copy):
    path = data_copy / "beschluesse.csv"
    text = path.read_text(encoding="utf-8")
    bad = text.replace(",Kreistag,", ",Stadtrat,").replace(
        ",,gesamtes", ",Z-9-1,gesamtes"
    )
    with pytest.raises(DataError) as err:
        parse("beschluesse", bad.encode())
    joined = "\n".join(err.value.problems)
    assert "Zeile 2, Spalte „gremium“" in joined and "Zeile 2, Spalte „ziele“" in joined
    path.write_text(text.replace(",,gesamtes", ",Z-4.9-1,gesamtes"), encoding="utf-8")
    with pytest.raises(DataError, match="Ziel „Z-4.9-1“ ist unbekannt"):
        load_all(data_copy)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"datum": ""}, "datum", "Bitte das Datum"),
        ({"datum": "31.02.2020"}, "datum", "Tag, Monat und Jahr"),
        ({"datum": "03/2020"}, "datum", "Tag, Monat und Jahr"),
        ({"datum": "13.03.2027"}, "datum", "zwischen 01.01.1990 und heute"),
        ({"gremium": "Stadtrat"}, "gremium", "Bitte das Gremium wählen"),
        ({"gremium": "Kreistag"}, "nummer", "haben eine Nummer"),
        ({"nummer": "x" * 65}, "nummer", "höchstens 64 Zeichen"),
        ({"text": "  "}, "text", "Bitte den Inhalt"),
        ({"text": "x" * 2001}, "text", "höchstens 2000 Zeichen"),
        ({"ziele": ["Z-4.5-5", "Z-9-9"]}, "ziele", "Unbekannte Ziele: Z-9-9"),
        ({"ziele": "Z-4.5-5"}, "ziele", "aus der Liste wählen"),
    ],
)
def test_rules_name_each_field_in_german(change, field, message):
    with pytest.raises(rules.Invalid) as err:
        rules.check(GOOD | change, ["Z-4.5-5", "Z-4.2-1"], [], TODAY)
    assert message in err.value.errors[field]


def test_rules_accept_german_date_and_keep_goal_order():
    d = rules.check(
        GOOD | {"ziele": ["Z-4.5-5", "Z-4.2-1"], "gesamt": True},
        ["Z-4.2-1", "Z-4.5-5"],
        [],
        TODAY,
    )
    assert (d.datum, d.ziele, d.bezug) == (
        "2027-03-12",
        "Z-4.2-1 Z-4.5-5",
        "gesamtes Konzept",
    )


def test_record_correct_withdraw_are_versions_with_audit(repo):
    engine = repo.engine
    before = repo.version()
    new_id = store.record(engine, GOOD, "anna", TODAY)
    assert new_id == "beschluss-1"
    assert (
        store.correct(
            engine,
            new_id,
            1,
            GOOD | {"text": "Dienst wird ausgeschrieben."},
            "Tippfehler",
            "ben",
            TODAY,
        )
        == 2
    )
    with pytest.raises(store.Conflict, match="Fassung 2"):
        store.correct(engine, new_id, 1, GOOD, "alt", "carl", TODAY)
    with pytest.raises(rules.Invalid) as err:
        store.withdraw(engine, new_id, 2, " ", "carl")
    assert "Grund der Rücknahme" in err.value.errors["grund"]
    assert store.withdraw(engine, new_id, 2, "Sitzung vertagt", "carl") == 3
    rows = store.versions(engine)
    assert rows["version"].tolist() == [1, 2, 3]
    assert rows["status"].tolist() == ["gültig", "gültig", "zurückgezogen"]
    assert rows["benutzer"].tolist() == ["anna", "ben", "carl"]
    assert repo.version() == before + 3
    log = repo.audit_log(3)
    assert set(log["tabelle"]) == {"beschluss_version"}
    assert log["aktion"].tolist()[0] == "Beschluss zurückgezogen"
    snap = Snapshot(repo)
    assert new_id not in set(snap.decisions()["beschluss_id"])
    register = snap.decisions(withdrawn=True).set_index("beschluss_id")
    assert register.loc[new_id, "status"] == "zurückgezogen"
    assert register.loc[new_id, "text"] == "Dienst wird ausgeschrieben."


def test_invalid_input_changes_nothing(repo):
    before = repo.version()
    with pytest.raises(rules.Invalid) as err:
        store.record(
            repo.engine,
            GOOD | {"gremium": "Kreistag", "nummer": "16/6/0289"},
            "anna",
            TODAY,
        )
    assert "bereits erfasst" in err.value.errors["nummer"]
    with pytest.raises(rules.Invalid) as err:
        store.correct(
            repo.engine,
            "kreistag-16-6-0289",
            0,
            GOOD | {"datum": "x"},
            "",
            "anna",
            TODAY,
        )
    assert set(err.value.errors) == {"datum", "grund"}
    assert repo.version() == before and store.versions(repo.engine).empty


def test_versions_are_append_only(repo):
    store.record(repo.engine, GOOD, "anna", TODAY)
    for stmt in (
        update(beschluss_version).values(text="überschrieben"),
        delete(beschluss_version),
    ):
        with pytest.raises(DatabaseError, match="unveränderlich"):
            with repo.engine.begin() as conn:
                conn.execute(stmt)
    assert store.versions(repo.engine)["text"].tolist() == [GOOD["text"]]
    assert len(repo.audit_log(100).query("tabelle == 'beschluss_version'")) == 1
    assert audit is not None


def test_current_rule_for_decisions_as_of(repo):
    """The bundled one counts from the start; a recorded one from its save; a
    correction replaces it; a withdrawal ends it, each seen as of a moment."""
    engine = repo.engine
    start = datetime.now(UTC)
    assert Snapshot(repo, as_of=start).decisions()["nummer"].tolist() == ["16/6/0289"]
    new_id = store.record(engine, GOOD, "anna", TODAY)
    after_record = datetime.now(UTC)
    store.correct(engine, "kreistag-16-6-0289", 0, {
        "datum": "17.03.2016", "gremium": "Kreistag", "nummer": "16/6/0289",
        "text": "Erstellung eines Integrationskonzeptes", "ziele": [], "gesamt": True,
    }, "Wortlaut gekürzt", "ben", TODAY)  # fmt: skip
    after_correction = datetime.now(UTC)
    store.withdraw(engine, new_id, 1, "aufgehoben", "carl")
    seen = {
        moment: Snapshot(repo, as_of=moment).decisions()
        for moment in (start, after_record, after_correction)
    }
    assert seen[after_record]["beschluss_id"].tolist() == ["kreistag-16-6-0289", new_id]
    assert seen[after_record].iloc[0]["fundstelle"].startswith("hat der Kreistag")
    corrected = seen[after_correction].iloc[0]
    assert (corrected["version"], corrected["text"]) == (
        1,
        "Erstellung eines Integrationskonzeptes",
    )
    assert "Beschlusserfassung" in corrected["quelle"] and corrected["fundstelle"] == ""
    assert Snapshot(repo).decisions()["beschluss_id"].tolist() == ["kreistag-16-6-0289"]
    assert len(Snapshot(repo, as_of=start - timedelta(days=1)).decisions()) == 1


def test_decisions_sorted_by_date_without_versions(datasets):
    bundled = datasets["beschluesse"].frame
    empty = pd.DataFrame(columns=[c.name for c in beschluss_version.c])
    out = decisions(bundled, empty)
    assert out["datum"].tolist() == ["2016-03-17"] and out["version"].tolist() == [0]


def _enrolment(datasets) -> pd.DataFrame:
    frame = datasets["daz_schuljahre"].frame
    return frame[frame["ebene"] == "Landkreis"]


def test_daz_trend_marks_the_kreistag_beschluss_in_school_year_2015_16(datasets):
    from dashboard.components.chart_text import chart_caption
    from dashboard.figures.beschluesse import MARK_NAME
    from dashboard.figures.daz import daz_trend

    plain = daz_trend(_enrolment(datasets))
    fig = daz_trend(_enrolment(datasets), datasets["beschluesse"].frame)
    (line,) = fig.layout.shapes
    (label,) = fig.layout.annotations
    # 17.03.2016 lies 229 of 366 days into 2015/16 (category 0, spanning -0.5 … 0.5)
    assert line.x0 == line.x1 == pytest.approx(-0.5 + 229 / 366)
    assert (line.name, label.name, label.text) == (
        MARK_NAME,
        MARK_NAME,
        "Beschluss Kreistag 16/6/0289",
    )
    # the label row is kept free: the data fit below it as before
    assert fig.layout.yaxis.range[1] > plain.layout.yaxis.range[1]
    caption = str(chart_caption(fig, "DaZ-Schüler")[0].children)
    assert (
        "Markierter Beschluss: Kreistag, Beschluss Nr. 16/6/0289 vom 17.03.2016"
        in caption
    )
    assert "Beschluss" not in str(chart_caption(plain, "DaZ-Schüler")[0].children)


def test_beschluss_outside_the_years_shown_is_not_marked(datasets):
    from dashboard.figures.daz import daz_trend

    later = _enrolment(datasets)
    later = later[later["schuljahr"] == "2016/17"]
    assert daz_trend(later, datasets["beschluesse"].frame).layout.shapes == ()


def test_indicator_charts_mark_beschluesse_in_their_time_range(datasets):
    from dashboard.figures.beschluesse import marked, marked_sentence
    from dashboard.figures.goals import indicator_chart, indicator_detail_chart

    ind = pd.Series({"basis_datum": "2016-01-01", "basis_wert": 10.0, "ziel_wert": 20.0, "ziel_datum": "2018-12-31"})  # fmt: skip
    values = pd.DataFrame({"datum": ["2016-06-30", "2017-06-30"], "wert": [12.0, 15.0]})
    many = pd.concat(
        [
            datasets["beschluesse"].frame,
            datasets["beschluesse"].frame.assign(
                beschluss_id="x",
                datum="2016-04-01",
                gremium="Lenkungsgruppe",
                nummer="",
            ),  # fmt: skip
            datasets["beschluesse"].frame.assign(beschluss_id="y", datum="2019-01-01"),
        ]
    )
    small = indicator_chart(ind, values, many)
    assert [s.x0 for s in small.layout.shapes if s.name == "beschluss"] == [
        "2016-03-17",
        "2016-04-01",
    ]
    labels_ = small.layout.annotations[-2:]
    # labels two weeks apart would collide: they take two rows
    assert sorted(a.yshift for a in labels_) == [-20, 0]
    assert labels_[1].text == "Beschluss Lenkungsgruppe 01.04.2016"
    detail = indicator_detail_chart(ind, values, many)
    assert len(marked(detail)) == 2  # the target date 2018 does not reach 2019
    assert marked_sentence(detail).startswith("Markierte Beschlüsse: Kreistag")
    assert [s.name for s in indicator_chart(ind, values).layout.shapes] == [None]


def test_goal_history_places_linked_beschluesse_by_date(datasets):
    from dashboard.components import beschluss_views as bv

    decisions = pd.concat(
        [
            datasets["beschluesse"].frame.assign(beschluss_id=i, datum=d, ziele=z)
            for i, d, z in (("a", "2017-05-01", "Z-4.5-5"), ("b", "2016-01-01", "Z-4.5-5"), ("c", "2017-01-01", "Z-4.2-1"))
        ]
    )  # fmt: skip
    mine = bv.linked(decisions, "Z-4.5-5")
    assert mine["beschluss_id"].tolist() == ["a", "b"]
    items = bv.interleave(
        ["v3", "v2", "v1"],
        ["2018-01-01", "2017-03-01", "2016-06-01"],
        mine,
        oldest=True,
    )
    assert [i if isinstance(i, str) else i.className for i in items] == [
        "v3", "im-history-beschluss", "v2", "v1", "im-history-beschluss",
    ]  # fmt: skip
    # an older page shows only what is older than the page before it
    page2 = bv.interleave(
        ["v1"], ["2016-06-01"], mine, oldest=True, newer_than="2017-03-01"
    )
    assert len(page2) == 2
    newest_page = bv.interleave(["v3"], ["2018-01-01"], mine, oldest=False)
    assert newest_page == ["v3"]


def _save_request(client, values: dict) -> tuple[int, str]:
    """POST the page's save callback as the browser does (pattern-matching outputs)."""
    import json

    deps = json.loads(client.get("/_dash-dependencies").get_data())
    dep = next(d for d in deps if d["inputs"][0]["id"] == "beschluss-speichern")
    fields = ("datum", "gremium", "nummer", "text", "ziele", "grund")
    errors = [
        {"id": {"type": "beschluss-fehler", "field": f}, "property": "children"}
        for f in fields
    ]
    rest = [
        {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]}
        for o in dep["output"].strip(".").split("...")[1:]
    ]
    body = {
        "output": dep["output"],
        "outputs": [errors, *rest],
        "changedPropIds": ["beschluss-speichern.n_clicks"],
        "inputs": [
            {**i, "value": 1 if i["id"] == "beschluss-speichern" else None}
            for i in dep["inputs"]
        ],  # fmt: skip
        "state": [{**s, "value": values.get(s["id"])} for s in dep["state"]],
    }
    response = client.post("/_dash-update-component", json=body)
    if response.status_code != 200:
        return response.status_code, ""
    return 200, json.dumps(response.get_json(), ensure_ascii=False)


def test_save_callback_refuses_anonymous_and_names_fields_for_editors(app, client):
    from dashboard.store.auth import BEARBEITUNG, create_user
    from dashboard.store.users import list_users
    from tests.conftest import csrf_token

    services = app.server.extensions["integrationsmonitor"]
    before = services.repo.version()
    good = {
        "beschluss-datum": "01.03.2017",
        "beschluss-gremium": "Lenkungsgruppe",
        "beschluss-text": "Versuch",
    }
    status, _ = _save_request(client, good)
    assert status == 403 and services.repo.version() == before
    if "protokoll" not in set(list_users(services.engine)["name"]):
        create_user(services.engine, "protokoll", "protokoll-pw-123", BEARBEITUNG)
    client.post(
        "/auth/anmelden",
        data={
            "name": "protokoll",
            "passwort": "protokoll-pw-123",
            "csrf_token": csrf_token(client),
        },  # fmt: skip
        environ_base={"REMOTE_ADDR": "10.13.3.2"},
    )
    before = services.repo.version()
    forged = {
        "beschluss-datum": 1e300,
        "beschluss-gremium": ["Kreistag"],
        "beschluss-nummer": {"a": 1},
        "beschluss-text": "x" * 3000,
        "beschluss-ziele": "Z-4.5-5",
        "beschluss-auswahl": "kreistag-16-6-0289",
        "beschluss-fassung": {"id": "kreistag-16-6-0289", "version": "0"},
    }
    status, text = _save_request(client, forged)
    assert status == 200 and "Traceback" not in text
    for message in ("Bitte das Datum", "Bitte das Gremium wählen", "höchstens 2000 Zeichen", "aus der Liste wählen"):  # fmt: skip
        assert message in text
    assert services.repo.version() == before


def test_veraenderungen_list_beschluesse_recorded_corrected_withdrawn(repo):
    from dashboard.changes import compare
    from dashboard.components.changes_views import decision_changes, decision_summary
    from dashboard.current import reporting_points
    from dashboard.store import berichtsstaende

    engine = repo.engine
    kept = store.record(engine, GOOD, "anna", TODAY)
    berichtsstaende.close(engine, "Lenkungsgruppe A", "2027-03-12", "admin")
    fixed = store.record(engine, GOOD | {"datum": "10.03.2027", "text": "Zweiter"}, "anna", TODAY)  # fmt: skip
    store.correct(engine, kept, 1, GOOD | {"text": "Berichtigt"}, "Tippfehler", "ben", TODAY)  # fmt: skip
    berichtsstaende.close(engine, "Lenkungsgruppe B", "2027-06-11", "admin")
    store.withdraw(engine, fixed, 1, "aufgehoben", "carl")
    a, b = reporting_points(engine)
    ab = compare(Snapshot(repo, reporting=a), Snapshot(repo, reporting=b)).decisions
    assert ab[["beschluss_id", "aenderung", "benutzer"]].values.tolist() == [
        [fixed, "neu", "anna"],
        [kept, "korrigiert", "ben"],
    ]
    today = compare(Snapshot(repo, reporting=b), Snapshot(repo))
    assert today.decisions[["beschluss_id", "aenderung", "grund"]].values.tolist() == [
        [fixed, "zurückgezogen", "aufgehoben"]
    ]
    assert (
        decision_summary(today)
        == "Beschlüsse: Lenkungsgruppe 10.03.2027 (zurückgezogen)."
    )
    assert "zurückgezogen" in str(decision_changes(today))
    from dashboard.changes import decisions as decision_changes_of

    assert decision_changes_of(Snapshot(repo), Snapshot(repo)).empty
