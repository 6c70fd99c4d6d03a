"""Backups: consistent while writes run, restored to identical rows, verified."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import func, select

from dashboard import cli
from dashboard.data.loaders import load_all
from dashboard.store import goals
from dashboard.store.backup import BackupError, backup, manifest_path, restore
from dashboard.store.db import make_engine, migrate
from dashboard.store.models import audit, ziel_version
from dashboard.store.seed import seed
from dashboard.store.transfer import fingerprints
from tests.conftest import DATA


@pytest.fixture()
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'live.sqlite'}"
    engine = make_engine(url)
    migrate(engine)
    seed(engine, load_all(DATA))
    return url, engine


def _writer(engine, stop: threading.Event, saved: list) -> None:
    version = 0
    while not stop.is_set():
        version = goals.save(
            engine,
            "Z-4.5-5",
            version,
            goals.Edit(
                "in Umsetzung",
                kommentar=f"Stand {version}",
                messwerte=(
                    ("I-GEMEINDEDOLMETSCHER", "2019-01-01", float(version), "Amt"),
                ),
            ),
            "schreiber",
        )
        saved.append(version)


def test_backup_during_writes_restores_identically(store, tmp_path):
    url, engine = store
    stop, saved = threading.Event(), []
    thread = threading.Thread(target=_writer, args=(engine, stop, saved))
    thread.start()
    try:
        while len(saved) < 5:  # writes are running
            threading.Event().wait(0.01)
        manifests = [backup(url, tmp_path / f"s{i}.sqlite") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    counts = [m["tabellen"]["ziel_version"]["zeilen"] for m in manifests]
    assert counts == sorted(counts) and counts[-1] <= len(saved)
    for i, manifest in enumerate(manifests):
        target = f"sqlite:///{tmp_path / f'r{i}.sqlite'}"
        restore(tmp_path / f"s{i}.sqlite", target)
        restored = make_engine(target)
        with restored.connect() as conn:
            assert fingerprints(conn) == manifest["tabellen"]
            # one consistent instant: every saved version has its audit row
            versions = conn.execute(
                select(func.count()).select_from(ziel_version)
            ).scalar()
            logged = conn.execute(
                select(func.count())
                .select_from(audit)
                .where(audit.c.aktion == "Ziel geändert")
            ).scalar()
        assert versions == logged == manifest["tabellen"]["ziel_version"]["zeilen"]


def test_restore_refuses_a_filled_target_and_a_tampered_backup(store, tmp_path):
    url, engine = store
    backup(url, tmp_path / "s.sqlite")
    with pytest.raises(BackupError, match="nicht leer"):
        restore(tmp_path / "s.sqlite", url)
    manifest = json.loads(manifest_path(tmp_path / "s.sqlite").read_text())
    manifest["tabellen"]["audit"]["sha256"] = "0" * 64
    manifest_path(tmp_path / "s.sqlite").write_text(json.dumps(manifest))
    with pytest.raises(BackupError, match="weichen von der Sicherung ab: audit"):
        restore(tmp_path / "s.sqlite", f"sqlite:///{tmp_path / 'neu.sqlite'}")


def test_cli_sicherung_and_wiederherstellen(store, tmp_path, monkeypatch, capsys):
    url, engine = store
    goals.save(engine, "Z-4.5-5", 0, goals.Edit("geplant"), "anna")
    monkeypatch.setenv("DATABASE_URL", url)
    assert cli.main(["sicherung", str(tmp_path / "cli.sqlite")]) == 0
    assert (tmp_path / "cli.sqlite").stat().st_mode & 0o077 == 0
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'zurueck.sqlite'}")
    assert cli.main(["wiederherstellen", str(tmp_path / "cli.sqlite")]) == 0
    assert "Prüfsummen stimmen überein" in capsys.readouterr().out
    assert cli.main(["wiederherstellen", str(tmp_path / "fehlt.sqlite")]) == 1
    assert "Prüfdatei" in capsys.readouterr().err
