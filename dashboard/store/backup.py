"""Consistent online backups and verified restores.

SQLite: the backup API copies a consistent snapshot while the app keeps writing.
PostgreSQL: ``pg_dump`` runs on a snapshot exported from the transaction that also
computes the fingerprints, so manifest and dump show the same instant.

Next to every backup ``NAME`` lies ``NAME.json`` with row counts and SHA-256 per
table; ``restore`` checks the restored database against it.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

from dashboard.store.db import make_engine
from dashboard.store.transfer import TransferError, fingerprints, row_counts


class BackupError(RuntimeError):
    """German message for a failed backup, restore or verification."""


def manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _pg_tool(name: str) -> str:
    versioned = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    found = versioned[-1] if versioned else shutil.which(name)
    if not found:
        raise BackupError(f"{name} fehlt (Debian-Paket postgresql-client).")
    return found


def _libpq(url: str) -> tuple[str, dict]:
    """A libpq URI without password, and the environment carrying the password."""
    parsed = make_url(url)
    env = {**os.environ}
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _sqlite_file(url: str) -> Path:
    return Path(make_url(url).database)


def backup(url: str, target: Path) -> dict:
    """Write a consistent backup of the store at ``url`` to ``target``; return the manifest."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    dialect = make_url(url).get_backend_name()
    if dialect == "sqlite":
        src = sqlite3.connect(_sqlite_file(url))
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        target.chmod(0o600)
        check = make_engine(f"sqlite:///{target}")
        with check.connect() as conn:
            if conn.execute(text("PRAGMA integrity_check")).scalar() != "ok":
                raise BackupError(f"Sicherung {target} ist beschädigt.")
            prints = fingerprints(conn)
        check.dispose()
    elif dialect == "postgresql":
        engine = create_engine(url)
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar()
                prints = fingerprints(conn)
                uri, env = _libpq(url)
                done = subprocess.run(
                    [_pg_tool("pg_dump"), "-Fc", "-f", str(target)]
                    + [f"--snapshot={snapshot}", "--no-owner", uri],
                    env=env,
                    capture_output=True,
                    text=True,
                )
        engine.dispose()
        if done.returncode:
            raise BackupError(f"pg_dump fehlgeschlagen: {done.stderr.strip()}")
        target.chmod(0o600)
    else:
        raise BackupError(f"Sicherung für {dialect} wird nicht unterstützt.")
    manifest = {
        "erstellt": datetime.now(UTC).isoformat(timespec="seconds"),
        "datenbank": dialect,
        "tabellen": prints,
    }
    manifest_path(target).write_text(
        json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return manifest


def restore(source: Path, url: str, replace: bool = False) -> dict:
    """Restore ``source`` into the store at ``url`` and verify it against the manifest.

    The target must be empty unless ``replace`` is set (SQLite only: the file is
    replaced as a whole).
    """
    source = Path(source)
    try:
        manifest = json.loads(manifest_path(source).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(
            f"Prüfdatei {manifest_path(source)} fehlt oder ist ungültig."
        ) from exc
    dialect = make_url(url).get_backend_name()
    if dialect != manifest["datenbank"]:
        raise BackupError(
            f"Sicherung stammt aus {manifest['datenbank']}, Ziel ist {dialect}."
        )
    engine = make_engine(url)
    _require_empty(engine, replace and dialect == "sqlite")
    if dialect == "sqlite":
        engine.dispose()
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(_sqlite_file(url))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    else:
        uri, env = _libpq(url)
        done = subprocess.run(
            [_pg_tool("pg_restore"), "--no-owner", "--exit-on-error", "-d", uri]
            + [str(source)],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise BackupError(f"pg_restore fehlgeschlagen: {done.stderr.strip()}")
    engine = make_engine(url)
    with engine.connect() as conn:
        restored = fingerprints(conn)
    engine.dispose()
    if restored != manifest["tabellen"]:
        bad = sorted(
            n
            for n in manifest["tabellen"]
            if restored.get(n) != manifest["tabellen"][n]
        )
        raise BackupError(
            "Wiederhergestellte Daten weichen von der Sicherung ab: " + ", ".join(bad)
        )
    return manifest


def _require_empty(engine: Engine, may_replace: bool) -> None:
    names = inspect(engine).get_table_names()
    if engine.dialect.name == "postgresql":
        if names:
            raise BackupError(
                "Die Zieldatenbank enthält schon Tabellen; bitte eine neue, leere "
                "Datenbank anlegen (createdb). Nichts wiederhergestellt."
            )
        return
    if not names or may_replace:
        return
    with engine.connect() as conn:
        if any(row_counts(conn).values()):
            raise BackupError(
                "Die Zieldatenbank ist nicht leer; nichts wiederhergestellt "
                "(--ersetzen überschreibt die SQLite-Datei)."
            )


__all__ = ["BackupError", "TransferError", "backup", "restore"]
