"""Goal register: progress calculation, append-only history, conflicts."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DatabaseError

from dashboard.data.loaders import load_all
from dashboard.data.progress import (
    PROGRESS_CONTEXT,
    PROGRESS_LIMITED,
    PROGRESS_MODERATE,
    PROGRESS_NONE,
    PROGRESS_REACHED,
    PROGRESS_SUBSTANTIAL,
    PROGRESS_WORSE,
    progress,
)
from dashboard.store import goals as store
from dashboard.store.db import make_engine, migrate
from dashboard.store.models import audit, messwert, ziel_version
from dashboard.store.seed import seed
from tests.conftest import DATA


def test_progress_without_baseline_or_measurement():
    assert (
        progress(None, "2017-02-08", "steigen", [("2018-01-01", 3)], 5).label
        == "keine Basis"
    )
    assert progress(0, "2017-02-08", "steigen", [], 1).label == PROGRESS_NONE
    assert (
        progress(0, "2017-02-08", "steigen", [("2016-01-01", 1)], 1).label
        == PROGRESS_NONE
    )  # before baseline
    assert (
        progress(830, "2017-02-08", "keine", [("2018-02-01", 880)]).label
        == PROGRESS_CONTEXT
    )


def test_progress_target_reached_and_shares():
    assert (
        progress(0, "2017-02-08", "steigen", [("2018-01-01", 1)], 1).label
        == PROGRESS_REACHED
    )
    assert (
        progress(10, "2017-01-01", "steigen", [("2018-01-01", 20)], 20).label
        == PROGRESS_REACHED
    )
    assert (
        progress(10, "2017-01-01", "steigen", [("2018-01-01", 19.6)], 20).label
        == PROGRESS_SUBSTANTIAL
    )
    assert (
        progress(10, "2017-01-01", "steigen", [("2018-01-01", 16)], 20).label
        == PROGRESS_MODERATE
    )
    assert (
        progress(10, "2017-01-01", "steigen", [("2018-01-01", 11)], 20).label
        == PROGRESS_LIMITED
    )


def test_progress_deterioration_and_falling_direction():
    assert (
        progress(10, "2017-01-01", "steigen", [("2018-01-01", 8)], 20).label
        == PROGRESS_WORSE
    )
    assert (
        progress(10, "2017-01-01", "sinken", [("2018-01-01", 12)], 5).label
        == PROGRESS_WORSE
    )
    assert (
        progress(10, "2017-01-01", "sinken", [("2018-01-01", 5)], 5).label
        == PROGRESS_REACHED
    )
    assert (
        progress(10, "2017-01-01", "steigen", [("2018-01-01", 9)]).label
        == PROGRESS_WORSE
    )  # no target


def test_progress_uses_elapsed_time_with_target_date():
    # half the way after half the time: on track
    on_track = progress(
        0, "2018-01-01", "steigen", [("2019-01-01", 50)], 100, "2020-01-01"
    )
    assert on_track.label == PROGRESS_SUBSTANTIAL and on_track.share == pytest.approx(
        0.5
    )
    # half the way after all of the time: moderate
    late = progress(0, "2018-01-01", "steigen", [("2020-01-01", 50)], 100, "2020-01-01")
    assert late.label == PROGRESS_MODERATE


@pytest.fixture(scope="module")
def datasets():
    return load_all(DATA)


@pytest.fixture()
def engine(tmp_path, datasets):
    """A store with the bundled goals, indicators and actors (edits refer to them)."""
    eng = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(eng)
    seed(eng, datasets)
    return eng


def test_save_appends_versions_with_measurements(engine):
    goal = "Z-4.5-5"
    cur = store.current(store.history(engine), [goal]).iloc[0]
    assert (cur["version"], cur["status"]) == (0, "noch nicht bewertet")
    v1 = store.save(
        engine, goal, 0, store.Edit("geplant", kommentar="Beschluss"), "anna"
    )
    v2 = store.save(
        engine,
        goal,
        v1,
        store.Edit(
            "in Umsetzung",
            messwerte=(("I-GEMEINDEDOLMETSCHER", "2018-02-01", 1.0, "Amt"),),
        ),
        "bert",
    )
    hist = store.history(engine, goal)
    assert hist["version"].tolist() == [2, 1] and v2 == 2
    assert store.current(hist, [goal]).iloc[0]["status"] == "in Umsetzung"
    assert store.measurements(engine)["wert"].tolist() == [1.0]


def test_second_editor_gets_conflict_with_who_and_when(engine):
    store.save(engine, "Z-4.6-1", 0, store.Edit("geplant"), "anna")
    with pytest.raises(store.Conflict, match="von anna am"):
        store.save(engine, "Z-4.6-1", 0, store.Edit("erreicht"), "bert")
    assert store.history(engine, "Z-4.6-1")["status"].tolist() == ["geplant"]


def test_history_is_append_only_in_the_database(engine):
    store.save(
        engine,
        "Z-4.5-5",
        0,
        store.Edit(
            "geplant",
            messwerte=(("I-GEMEINDEDOLMETSCHER", "2018-01-01", 2.0, "Amt"),),
        ),
        "anna",
    )
    for table in (ziel_version, messwert, audit):
        with (
            pytest.raises(DatabaseError, match="unveränderlich"),
            engine.begin() as conn,
        ):
            conn.execute(delete(table))
        with (
            pytest.raises(DatabaseError, match="unveränderlich"),
            engine.begin() as conn,
        ):
            conn.execute(update(table).values(id=99))
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from ziel_version")).scalar() == 1


def test_unknown_status_rejected(engine):
    with pytest.raises(ValueError, match="Unbekannter Status"):
        store.save(engine, "Z-4.2-1", 0, store.Edit("fertig"), "anna")
