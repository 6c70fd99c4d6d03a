"""Owners and Maßnahmen per goal: store, rules, migration of earlier data, views."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest
from alembic import command
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DatabaseError

from dashboard.components import measure_views as mv
from dashboard.components.goal_slides import goal_item, pack, with_owners
from dashboard.current import Snapshot, measure_status
from dashboard.data.loaders import load_all
from dashboard.data.measure_rules import is_overdue, offices, owners
from dashboard.reports.briefing import _goals
from dashboard.store import goals as goal_store
from dashboard.store import measures as store
from dashboard.store.db import alembic_config, make_engine, migrate
from dashboard.store.models import audit, massnahme_version, ziel_version
from dashboard.store.repository import Repository
from dashboard.store.seed import seed
from tests.conftest import DATA

GOAL = "Z-4.3-1"


@pytest.fixture(scope="module")
def datasets():
    return load_all(DATA)


@pytest.fixture()
def engine(tmp_path, datasets):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    seed(engine, datasets)
    return engine


def _count(engine, table) -> int:  # noqa: ANN001
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_several_owners_and_a_fachamt_are_versioned(engine):
    edit = goal_store.Edit(
        "geplant", akteure=("kreisjugendamt", "jobcenter"), fachamt="kreisjugendamt"
    )
    goal_store.save(engine, GOAL, 0, edit, "anna")
    goal_store.save(engine, GOAL, 1, goal_store.Edit("geplant"), "bert")  # cleared
    history = goal_store.history(engine, GOAL).sort_values("version")
    first, second = history.itertuples()
    assert owners(first.akteure, first.verantwortlich) == [
        "kreisjugendamt",
        "jobcenter",
    ]
    assert (
        first.verantwortlich == "kreisjugendamt" and first.fachamt == "kreisjugendamt"
    )
    assert owners(second.akteure, second.verantwortlich) == [] and second.fachamt == ""
    then = Snapshot(Repository(engine), first.zeit.replace(tzinfo=UTC)).goals()
    row = then.set_index("ziel_id").loc[GOAL]
    assert row["akteure"] == ["kreisjugendamt", "jobcenter"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            goal_store.Edit("geplant", akteure=("kreistag", "evil")),
            "„evil“ steht nicht",
        ),
        (goal_store.Edit("geplant", akteure="kreistag"), "Akteure aus der Liste"),
        (goal_store.Edit("geplant", fachamt="kreistag"), "Fachamt: bitte ein Amt"),
        (goal_store.Edit("geplant", fachamt="Amt für Erfundenes"), "Fachamt"),
    ],
)
def test_unknown_owners_or_fachamt_are_refused(engine, edit, message):
    with pytest.raises(ValueError, match=message):
        goal_store.save(engine, GOAL, 0, edit, "anna")
    assert _count(engine, ziel_version) == 0


def test_fachaemter_are_the_behoerden_of_the_directory(engine):
    actors = Repository(engine).records("akteur")
    chosen = offices(actors)
    assert set(chosen["akteur_id"]) == set(
        actors.loc[actors["art"] == "Behörde", "akteur_id"]
    )
    assert {"auslaenderamt", "kreisjugendamt", "gesundheitsamt"} <= set(
        chosen["akteur_id"]
    )
    assert "kreistag" not in set(chosen["akteur_id"])


def test_measure_versions_with_who_when_why_and_audit(engine):
    audits = _count(engine, audit)
    edit = store.MeasureEdit("Sprachkurs", "geplant", "31.03.2027", "jobcenter", "LG")
    mid, version = store.save(engine, GOAL, None, 0, edit, "anna")
    assert version == 1 and mid.startswith("M-")
    done = store.MeasureEdit("Sprachkurs", "abgeschlossen", "2027-03-31", "", "fertig")
    assert store.save(engine, GOAL, mid, 1, done, "bert") == (mid, 2)
    rows = store.history(engine, [GOAL])
    assert rows["version"].tolist() == [1, 2]
    assert rows["benutzer"].tolist() == ["anna", "bert"]
    assert rows["grund"].tolist() == ["LG", "fertig"]
    assert rows["faellig"].tolist() == ["2027-03-31", "2027-03-31"]
    assert _count(engine, audit) == audits + 2
    with engine.connect() as conn:
        actions = conn.execute(
            select(audit.c.aktion).order_by(audit.c.id.desc()).limit(2)
        ).scalars()
        assert list(actions) == ["Maßnahme geändert", "Maßnahme angelegt"]


def test_concurrent_measure_save_is_refused_with_who_and_when(engine):
    mid, _ = store.save(
        engine, GOAL, None, 0, store.MeasureEdit("A", "geplant"), "anna"
    )
    store.save(engine, GOAL, mid, 1, store.MeasureEdit("A", "laufend"), "anna")
    with pytest.raises(goal_store.Conflict, match="von anna am"):
        store.save(engine, GOAL, mid, 1, store.MeasureEdit("A", "ausgesetzt"), "bert")
    assert _count(engine, massnahme_version) == 2


@pytest.mark.parametrize(
    ("goal", "edit", "message"),
    [
        (GOAL, store.MeasureEdit("  ", "geplant"), "Titel: bitte"),
        (GOAL, store.MeasureEdit("x" * 301, "geplant"), "höchstens 300"),
        (GOAL, store.MeasureEdit("A", "fertig"), "Unbekannter Status"),
        (GOAL, store.MeasureEdit("A", "geplant", "31.02.2027"), "kein gültiges Datum"),
        (GOAL, store.MeasureEdit("A", "geplant", "03/2027"), "kein gültiges Datum"),
        (GOAL, store.MeasureEdit("A", "geplant", "", "evil"), "Zuständig"),
        ("Z-9.9-9", store.MeasureEdit("A", "geplant"), "gibt es nicht"),
    ],
)
def test_bad_measures_are_refused_and_nothing_is_stored(engine, goal, edit, message):
    with pytest.raises(ValueError, match=message):
        store.save(engine, goal, None, 0, edit, "anna")
    assert _count(engine, massnahme_version) == 0


def test_a_measure_stays_with_its_goal(engine):
    mid, _ = store.save(engine, GOAL, None, 0, store.MeasureEdit("A", "geplant"), "a")
    with pytest.raises(ValueError, match="anderen Ziel"):
        store.save(engine, "Z-4.2-1", mid, 1, store.MeasureEdit("A", "laufend"), "a")
    with pytest.raises(ValueError, match="gibt es nicht"):
        store.save(
            engine, GOAL, "M-unbekannt", 1, store.MeasureEdit("A", "laufend"), "a"
        )


def test_measure_versions_are_append_only(engine):
    store.save(engine, GOAL, None, 0, store.MeasureEdit("A", "geplant"), "anna")
    for statement in (
        delete(massnahme_version),
        update(massnahme_version).values(status="abgeschlossen"),
    ):
        with pytest.raises(DatabaseError, match="unveränderlich"), engine.begin() as c:
            c.execute(statement)
    assert store.history(engine)["status"].tolist() == ["geplant"]


def test_earlier_goal_versions_keep_owner_and_free_text_measure(tmp_path, datasets):
    """Data saved before 0009: ``verantwortlich`` becomes the first (only) owner,
    the free-text Maßnahme stays in the history; nothing is rewritten."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    command.upgrade(alembic_config(engine), "0008_berichtsstaende")
    # files whose tables come with later migrations (0010: Beschlüsse) wait for them
    seed(engine, {k: v for k, v in datasets.items() if k != "beschluesse"})
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO ziel_version (ziel_id, version, status, verantwortlich, "
            "kommentar, massnahme, datum, benutzer, zeit) VALUES (?, 1, 'geplant', "
            "'auslaenderamt', '', 'Dolmetscherpool aufbauen', '2018-01-01', 'anna', "
            "'2018-01-01 10:00:00')",
            (GOAL,),
        )
    migrate(engine)
    cur = Snapshot(Repository(engine)).goals().set_index("ziel_id").loc[GOAL]
    assert cur["akteure"] == ["auslaenderamt"] and cur["fachamt"] == ""
    assert goal_store.measures(engine, [GOAL])[GOAL] == ["Dolmetscherpool aufbauen"]
    # the next save continues the history with a list of owners
    edit = goal_store.Edit("geplant", akteure=("auslaenderamt", "kreisjugendamt"))
    assert goal_store.save(engine, GOAL, 1, edit, "bert") == 2


def test_overdue_rule():
    day = date(2027, 4, 1)
    assert is_overdue("laufend", "2027-03-31", day)
    assert is_overdue("geplant", "2027-03-31", day)
    assert not is_overdue("laufend", "2027-04-01", day)  # due today: not yet
    assert not is_overdue("abgeschlossen", "2027-03-31", day)
    assert not is_overdue("ausgesetzt", "2027-03-31", day)
    assert not is_overdue("laufend", "", day)


def _versions(*rows) -> pd.DataFrame:  # noqa: ANN002
    cols = ["massnahme_id", "ziel_id", "version", "titel", "status", "faellig"]
    frame = pd.DataFrame([r[:6] for r in rows], columns=cols)
    return frame.assign(
        akteur="", grund="", benutzer="anna", zeit=pd.to_datetime([r[6] for r in rows])
    )


def test_measure_status_as_of_and_texts():
    versions = _versions(
        ("M-1", GOAL, 1, "Kurs", "geplant", "2027-03-31", "2027-01-10 10:00"),
        ("M-1", GOAL, 2, "Kurs", "abgeschlossen", "2027-03-31", "2027-05-02 10:00"),
        ("M-2", GOAL, 1, "Pool", "laufend", "", "2027-01-10 10:00"),
    )
    now = measure_status(versions, on=date(2027, 6, 1)).set_index("massnahme_id")
    assert (
        now.loc["M-1", "status"] == "abgeschlossen"
        and not now.loc["M-1", "ueberfaellig"]
    )
    then = measure_status(versions, as_of=datetime(2027, 4, 15, tzinfo=UTC))
    then = then.set_index("massnahme_id")
    assert then.loc["M-1", "status"] == "geplant" and then.loc["M-1", "ueberfaellig"]
    early = measure_status(versions, as_of=datetime(2027, 1, 1, tzinfo=UTC))
    assert early.empty
    row = next(then.reset_index().itertuples())
    names = {"jobcenter": "Jobcenter Meißen"}
    assert (
        mv.measure_text(row, names) == "Kurs – geplant – fällig 31.03.2027 – überfällig"
    )
    assert mv.owner_text([], names) == "nicht festgelegt"
    assert mv.owner_text(["jobcenter", "x"], names) == "Jobcenter Meißen, x"


def _cur(**extra) -> pd.DataFrame:  # noqa: ANN003
    base = {
        "ziel_id": GOAL,
        "version": 0,
        "status": "noch nicht bewertet",
        "verantwortlich": "",
        "akteure": [[]],
        "fachamt": "",
        "kommentar": "",
        "benutzer": "",
        "zeit": None,
        "text": "Ein Ziel " * 10,
    }
    return pd.DataFrame({**base, **extra})


def _text(component) -> str:  # noqa: ANN001
    children = getattr(component, "children", component)
    if isinstance(children, str):
        return children
    if isinstance(children, list | tuple):
        return "".join(_text(c) for c in children if c is not None)
    return _text(children) if children is not None else ""


def test_slide_says_not_set_until_owners_are_set_and_lists_measures():
    names = {"jobcenter": "Jobcenter Meißen", "kreisjugendamt": "Kreisjugendamt"}
    empty = next(with_owners(_cur(), names).itertuples())
    text = _text(goal_item(empty, contrast=False))
    assert "Verantwortlich: nicht festgelegt" in text and "Maßnahme" not in text
    measures = measure_status(
        _versions(("M-1", GOAL, 1, "Kurs", "laufend", "2020-03-31", "2020-01-01")),
        on=date(2027, 1, 1),
    )
    cur = _cur(
        version=1,
        akteure=[["kreisjugendamt", "jobcenter"]],
        fachamt="kreisjugendamt",
        benutzer="anna",
        zeit=pd.Timestamp("2027-01-02"),
    )
    full = next(with_owners(cur, names, measures).itertuples())
    text = _text(goal_item(full, contrast=False))
    assert (
        "Verantwortlich: Kreisjugendamt, Jobcenter Meißen (Fachamt: Kreisjugendamt)"
        in text
    )
    assert "Maßnahme: Kurs – laufend – fällig 31.03.2020 – überfällig" in text
    # the Maßnahmen take room: a goal with them needs more of the slide
    many = measures.loc[measures.index.repeat(6)]
    crowded = next(with_owners(cur, names, many).itertuples())
    assert len(pack([crowded, crowded, crowded])) > len(pack([empty, empty, empty]))


def test_briefing_lists_owners_fachamt_and_measures(datasets):
    fields = datasets["handlungsfelder"].frame
    goals = datasets["ziele"].frame
    cur = _cur(
        version=1,
        akteure=[["jobcenter"]],
        fachamt="kreisjugendamt",
        benutzer="anna",
        zeit=pd.Timestamp("2027-01-02"),
    ).drop(columns="text")
    measures = measure_status(
        _versions(("M-1", GOAL, 1, "Kurs", "laufend", "2020-03-31", "2020-01-01")),
        on=date(2027, 1, 1),
    )
    names = {"jobcenter": "Jobcenter Meißen", "kreisjugendamt": "Kreisjugendamt"}
    html = _goals(fields, goals.merge(cur, on="ziel_id"), names, measures)
    assert "Jobcenter Meißen; Fachamt: Kreisjugendamt" in html
    assert (
        "<td>Kurs</td><td>laufend</td><td>fällig 31.03.2020 – überfällig</td>" in html
    )


def test_changes_list_new_changed_and_newly_overdue_measures(engine):
    from dashboard.changes import compare
    from dashboard.components.changes_views import measure_changes

    repo = Repository(engine)
    due = (date.today() + timedelta(days=30)).isoformat()
    m1, _ = store.save(
        engine, GOAL, None, 0, store.MeasureEdit("Kurs", "laufend", due), "anna"
    )
    m3, _ = store.save(
        engine, GOAL, None, 0, store.MeasureEdit("Pool", "geplant"), "anna"
    )
    then = datetime.now(UTC)
    store.save(engine, GOAL, None, 0, store.MeasureEdit("Lotsen", "geplant"), "bert")
    store.save(
        engine,
        GOAL,
        m3,
        1,
        store.MeasureEdit("Pool", "laufend", "", "", "Start"),
        "bert",
    )
    later = Snapshot(repo, datetime.now(UTC) + timedelta(days=60))
    changes = compare(Snapshot(repo, then), later).measures.set_index("titel")
    assert changes["aenderung"].to_dict() == {
        "Kurs": "überfällig geworden",
        "Pool": "Status geändert",
        "Lotsen": "neu",
    }
    assert changes.loc["Pool", ["von", "nach", "benutzer", "grund"]].tolist() == [
        "geplant",
        "laufend",
        "bert",
        "Start",
    ]
    assert changes.loc["Kurs", "nach"] == "laufend (überfällig)"
    today = compare(Snapshot(repo, then), Snapshot(repo)).measures
    assert set(today["titel"]) == {"Pool", "Lotsen"}  # Kurs is not overdue today
    text = _text(measure_changes(compare(Snapshot(repo, then), later))[1])
    assert "überfällig geworden" in text and "Start" in text


def test_download_columns_follow_the_berichtsstand(app):
    """The goal download names owners and Fachamt, and lists the Maßnahmen as they
    were at the moment shown (a Berichtsstand), not today's."""
    from dashboard.callbacks.measures import owner_columns

    engine = app.server.extensions["integrationsmonitor"].engine
    goal = "Z-4.1.2-3"
    with app.server.app_context():
        cur = Snapshot(Repository(engine)).goals()
        base = int(cur.set_index("ziel_id").loc[goal, "version"])
        edit = goal_store.Edit("geplant", akteure=("jobcenter",), fachamt="jobcenter")
        goal_store.save(engine, goal, base, edit, "anna")
        mid, _ = store.save(
            engine, goal, None, 0, store.MeasureEdit("Elternabende", "geplant"), "a"
        )
        then = datetime.now(UTC)
        done = store.MeasureEdit("Elternabende", "abgeschlossen")
        store.save(engine, goal, mid, 1, done, "a")
        cur = Snapshot(Repository(engine)).goals()
        now = owner_columns(cur, [goal]).set_index("ziel_id").loc[goal]
        past = owner_columns(cur, [goal], then).set_index("ziel_id").loc[goal]
    assert now["verantwortliche"] == "Jobcenter Meißen" and now["fachamt"] == (
        "Jobcenter Meißen"
    )
    assert now["massnahmen"] == "Elternabende – abgeschlossen – ohne Fälligkeit"
    assert past["massnahmen"] == "Elternabende – geplant – ohne Fälligkeit"
