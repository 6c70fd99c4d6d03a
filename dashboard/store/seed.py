"""Idempotent seeding of the reference tables from validated ``data/`` files."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, delete, insert, select

from dashboard.data.loaders import Dataset
from dashboard.data.schemas import SCHEMAS
from dashboard.store.models import REFERENCE, audit, datensatz

SYSTEM_USER = "system (data/)"


def seed(engine: Engine, datasets: dict[str, Dataset]) -> list[str]:
    """Load every dataset whose file changed since the last seed.

    A dataset with the same checksum as recorded is left alone, so a second start
    changes nothing. A changed file replaces its table in one transaction and
    leaves an audit row.

    Returns
    -------
    list of str
        Names of the datasets that were (re)loaded.
    """
    loaded = []
    now = datetime.now(UTC)
    with engine.begin() as conn:
        known = dict(conn.execute(select(datensatz.c.name, datensatz.c.sha256)).all())
        for name, ds in datasets.items():
            if known.get(name) == ds.sha256:
                continue
            table = REFERENCE[name]
            rows = ds.frame.to_dict("records")
            conn.execute(delete(table))
            if rows:
                conn.execute(
                    insert(table), [{"zeile": i, **r} for i, r in enumerate(rows, 1)]
                )
            conn.execute(delete(datensatz).where(datensatz.c.name == name))
            conn.execute(
                insert(datensatz).values(
                    name=name, sha256=ds.sha256, zeilen=len(rows), geladen_am=now
                )
            )
            action = "Neuimport" if name in known else "Erstimport"
            conn.execute(
                insert(audit).values(
                    zeit=now,
                    benutzer=SYSTEM_USER,
                    aktion=action,
                    tabelle=name,
                    details=f"{len(rows)} Zeilen aus data/{name}.csv (sha256 {ds.sha256[:12]})",
                )
            )
            loaded.append(name)
    return loaded


def seeded_unchanged(engine: Engine, data_dir: Path) -> bool:
    """True if every bundled file exists and equals the version seeded last."""
    with engine.connect() as conn:
        known = dict(conn.execute(select(datensatz.c.name, datensatz.c.sha256)).all())
    for name in SCHEMAS:
        path = Path(data_dir) / f"{name}.csv"
        if (
            not path.exists()
            or known.get(name) != hashlib.sha256(path.read_bytes()).hexdigest()
        ):
            return False
    return True
