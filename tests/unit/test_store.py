"""Store: migrations, seeding round trip and idempotence, pragmas."""

from __future__ import annotations

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select, text

from dashboard.data.loaders import load_all
from dashboard.store.db import make_engine, migrate
from dashboard.store.models import audit, metadata
from dashboard.store.repository import Repository
from dashboard.store.seed import seed
from tests.conftest import DATA


@pytest.fixture()
def engine(tmp_path):
    eng = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(eng)
    return eng


def test_migrations_match_models(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_start_skips_alembic_only_at_the_newest_migration(tmp_path, monkeypatch):
    from alembic.script import ScriptDirectory

    from dashboard.store import db

    script = ScriptDirectory.from_config(db.alembic_config(None))
    assert db.head_revision() == script.get_current_head()
    eng = make_engine(f"sqlite:///{tmp_path / 'fresh.sqlite'}")
    assert not db.at_head(eng)
    with eng.begin() as conn:  # one migration behind: alembic must run
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
        conn.execute(
            text("INSERT INTO alembic_version VALUES (:r)"),
            {"r": script.get_revision(script.get_current_head()).down_revision},
        )
    assert not db.at_head(eng)
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    (versions / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (versions / "b.py").write_text('revision = "b"\ndown_revision = None\n')
    monkeypatch.setattr(db, "MIGRATIONS", tmp_path / "migrations")
    assert db.head_revision() is None  # two heads: left to alembic


def test_sqlite_pragmas(engine):
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_seed_round_trip(engine):
    datasets = load_all(DATA)
    assert sorted(seed(engine, datasets)) == sorted(datasets)
    repo = Repository(engine)
    for name, ds in datasets.items():
        pd.testing.assert_frame_equal(
            repo.table(name),
            ds.frame.reset_index(drop=True),
            check_dtype=False,
            check_like=True,
        )


def _audit_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(audit)).scalar_one()


def test_second_seed_changes_nothing(engine):
    datasets = load_all(DATA)
    seed(engine, datasets)
    count = _audit_count(engine)
    assert seed(engine, load_all(DATA)) == []
    assert _audit_count(engine) == count


def test_changed_file_is_reseeded_with_audit(engine, data_copy):
    seed(engine, load_all(data_copy))
    repo = Repository(engine)
    assert (
        repo.table("einwohner").set_index("gemeinde").loc["Coswig", "einwohner"]
        == 20512
    )
    path = data_copy / "einwohner.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("20512", "20600"), encoding="utf-8"
    )
    assert seed(engine, load_all(data_copy)) == ["einwohner"]
    assert (
        repo.table("einwohner").set_index("gemeinde").loc["Coswig", "einwohner"]
        == 20600
    )
    log = repo.audit_log(1).iloc[0]
    assert (log["aktion"], log["tabelle"]) == ("Neuimport", "einwohner")


def test_repository_returns_copies(engine):
    seed(engine, load_all(DATA))
    repo = Repository(engine)
    frame = repo.table("schulen_daz")
    frame.loc[:, "vka_schueler"] = 0
    assert repo.table("schulen_daz")["vka_schueler"].sum() == 517


def test_unchanged_files_are_recognised(engine, data_copy):
    from dashboard.store.seed import seeded_unchanged

    assert not seeded_unchanged(engine, data_copy)
    seed(engine, load_all(data_copy))
    assert seeded_unchanged(engine, data_copy)
    path = data_copy / "ziele.csv"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not seeded_unchanged(engine, data_copy)
