"""The store against a real PostgreSQL server (throwaway cluster, tests/postgres.py).

Migrations, seeding, append-only triggers, a school-year import, a goal edit, the
SQLite → PostgreSQL copy and pg_dump backups run as they would in production.
"""

from __future__ import annotations

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DatabaseError

from dashboard.config import Settings
from dashboard.data.daz_upload import parse_upload
from dashboard.data.loaders import load_all
from dashboard.services import start
from dashboard.store import beschluesse, goals, indicators, measures
from dashboard.store.backup import BackupError, backup, restore
from dashboard.store.daz_imports import commit_import, revert_import
from dashboard.store.db import make_engine, migrate
from dashboard.store.models import (
    audit,
    beschluss_version,
    massnahme_version,
    messwert,
    messwert_widerruf,
    metadata,
    ziel_version,
)
from dashboard.store.repository import Repository
from dashboard.store.seed import seed
from dashboard.store.transfer import TransferError, copy_database, fingerprints
from tests.conftest import DATA, GEO

pytestmark = pytest.mark.postgresql

UPLOAD = (
    "schuljahr;ebene;schule_id;schule;phase;schueler;vka_klassen;kapazitaetsreserve;quelle;stand\n"
    "2017/18;Landkreis;;;DaZ 1/2;400;;;Kreisschulamt;01.02.2018\n"
    "2017/18;Schule;gs-riesa-4;4. GS Riesa;DaZ 1/2;60;3;9;Kreisschulamt;01.02.2018\n"
)


@pytest.fixture()
def pg(pg_url):
    engine = make_engine(pg_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def datasets():
    return load_all(DATA)


@pytest.fixture()
def seeded(pg, datasets):
    """Migrated and seeded: edits refer to the bundled goals and indicators."""
    migrate(pg)
    seed(pg, datasets)
    return pg


def test_migrations_match_models(pg):
    migrate(pg)
    with pg.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_start_seeds_and_second_start_changes_nothing(pg_url, tmp_path):
    settings = Settings.from_env(
        database_url=pg_url, instance_dir=tmp_path, data_dir=DATA, geo_dir=GEO
    )
    services = start(settings)
    datasets = load_all(DATA)
    for name, ds in datasets.items():
        pd.testing.assert_frame_equal(
            services.repo.table(name),
            ds.frame.reset_index(drop=True),
            check_dtype=False,
            check_like=True,
        )
    version = services.repo.version()
    assert version == len(datasets)
    assert start(settings).repo.version() == version


def test_history_tables_are_append_only(seeded):
    pg = seeded
    goals.save(
        pg,
        "Z-4.5-5",
        0,
        goals.Edit(
            "geplant", messwerte=(("I-GEMEINDEDOLMETSCHER", "2018-01-01", 2.0, "Amt"),)
        ),
        "anna",
    )
    measures.save(pg, "Z-4.5-5", None, 0, measures.MeasureEdit("Pool", "geplant"), "a")
    value = pd.DataFrame(
        [["I-GEMEINDEDOLMETSCHER", "2019", "", 1.0, "Amt"]],
        columns=["indikator_id", "datum", "gebiet", "wert", "quelle"],
    )
    indicators.add_values(pg, value, "anna")
    entry = int(indicators.entries(pg)["id"].iloc[0])
    indicators.withdraw_value(pg, entry, "Tippfehler", "bert")
    beschluesse.record(
        pg,
        {"datum": "01.03.2017", "gremium": "Lenkungsgruppe", "text": "Pool aufbauen"},
        "a",
    )
    for table in (
        ziel_version, messwert, audit, massnahme_version, messwert_widerruf,
        beschluss_version,
    ):  # fmt: skip
        for statement in (delete(table), update(table).values(id=99)):
            with (
                pytest.raises(DatabaseError, match="unveränderlich"),
                pg.begin() as conn,
            ):
                conn.execute(statement)
    with pg.connect() as conn:
        count = conn.execute(select(func.count()).select_from(ziel_version)).scalar()
    assert count == 1


def test_school_year_import_and_revert(pg):
    migrate(pg)
    known = {"gs-riesa-4": "Grundschule"}
    parsed = parse_upload(UPLOAD.encode(), "jahr.csv", known, set())
    assert parsed.ok, parsed.errors
    import_id = commit_import(pg, parsed.rows, "anna", "jahr.csv")
    repo = Repository(pg)
    assert repo.imported_daz()["schueler"].sum() == 460
    revert_import(pg, import_id, "admin", "Testgrund")
    assert repo.imported_daz().empty
    assert len(repo.import_rows()) == 2  # rows stay stored, they no longer count


def test_goal_edit_and_conflict_with_who_and_when(seeded):
    pg = seeded
    v1 = goals.save(pg, "Z-4.6-1", 0, goals.Edit("geplant"), "anna")
    with pytest.raises(goals.Conflict, match="von anna am"):
        goals.save(pg, "Z-4.6-1", 0, goals.Edit("erreicht"), "bert")
    goals.save(pg, "Z-4.6-1", v1, goals.Edit("erreicht"), "bert")
    current = goals.current(goals.history(pg), ["Z-4.6-1"]).iloc[0]
    assert (current["version"], current["status"]) == (2, "erreicht")
    owners = goals.Edit("erreicht", akteure=("jobcenter", "ba"), fachamt="jobcenter")
    goals.save(pg, "Z-4.6-1", 2, owners, "anna")
    current = goals.current(goals.history(pg), ["Z-4.6-1"]).iloc[0]
    assert (
        current["akteure"] == ["jobcenter", "ba"] and current["fachamt"] == "jobcenter"
    )
    mid, _ = measures.save(
        pg, "Z-4.6-1", None, 0, measures.MeasureEdit("A", "laufend"), "a"
    )
    with pytest.raises(goals.Conflict, match="von a am"):
        measures.save(pg, "Z-4.6-1", mid, 0, measures.MeasureEdit("A", "geplant"), "b")


def _filled_sqlite(tmp_path):
    settings = Settings.from_env(
        database_url="", instance_dir=tmp_path, data_dir=DATA, geo_dir=GEO
    )
    services = start(settings)
    goals.save(services.engine, "Z-4.6-1", 0, goals.Edit("geplant"), "anna")
    return services.engine


def test_copy_sqlite_into_empty_postgresql(pg, tmp_path):
    sqlite = _filled_sqlite(tmp_path)
    counts = copy_database(sqlite, pg)
    assert counts["audit"] > 10 and counts["ziel_version"] == 1
    with sqlite.connect() as a, pg.connect() as b:
        assert {n: f["zeilen"] for n, f in fingerprints(a).items()} == {
            n: f["zeilen"] for n, f in fingerprints(b).items()
        }
    # sequences continue after the copied ids: a new write works
    goals.save(pg, "Z-4.6-1", 1, goals.Edit("erreicht"), "bert")
    with pytest.raises(TransferError, match="nicht leer"):
        copy_database(sqlite, pg)


def test_pg_dump_backup_and_verified_restore(pg_cluster, pg_url, datasets, tmp_path):
    engine = make_engine(pg_url)
    migrate(engine)
    seed(engine, datasets)
    goals.save(engine, "Z-4.6-1", 0, goals.Edit("geplant"), "anna")
    target = tmp_path / "sicherung.dump"
    manifest = backup(pg_url, target)
    assert manifest["tabellen"]["ziel_version"]["zeilen"] == 1
    fresh = pg_cluster.create_database()
    restore(target, fresh)
    with engine.connect() as a, make_engine(fresh).connect() as b:
        assert fingerprints(a) == fingerprints(b)
    with pytest.raises(BackupError, match="schon Tabellen"):
        restore(target, fresh)


def test_parallel_logins_lock_the_name(pg):
    from concurrent.futures import ThreadPoolExecutor

    from dashboard.store.auth import MAX_FAILURES, create_user, login

    migrate(pg)
    create_user(pg, "anna", "geheim-genug-123", "Bearbeitung")
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda i: login(pg, "anna", f"falsch-{i}"), range(40)))
    assert results.count("falsch") == MAX_FAILURES
    assert login(pg, "anna", "geheim-genug-123") == "gesperrt"
