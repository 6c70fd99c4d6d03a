"""Writes and reads of uploaded school years: one transaction per import, audited, revertible."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, func, insert, select

from dashboard.store.import_log import ACTIVE, mark_reverted
from dashboard.store.models import audit, daz_import, daz_import_zeile


def commit_import(engine: Engine, rows: pd.DataFrame, user: str, filename: str) -> int:
    """Store validated rows as one import; return its id. All or nothing."""
    now = datetime.now(UTC)
    years = ", ".join(sorted(rows["schuljahr"].unique()))
    with engine.begin() as conn:
        import_id = conn.execute(
            insert(daz_import).values(
                zeit=now,
                benutzer=user,
                dateiname=filename,
                zeilen=len(rows),
                schuljahre=years,
                status=ACTIVE,
            )
        ).inserted_primary_key[0]
        records = rows.astype(object).where(rows.notna(), None).to_dict("records")
        conn.execute(
            insert(daz_import_zeile), [{**r, "import_id": import_id} for r in records]
        )
        conn.execute(
            insert(audit).values(
                zeit=now,
                benutzer=user,
                aktion="Import",
                tabelle="daz_import",
                details=f"Import {import_id}: {filename}, {len(rows)} Zeilen, Schuljahr {years}",
            )
        )
    return import_id


def revert_import(engine: Engine, import_id: int, user: str, reason: str) -> None:
    """Mark an import as reverted; its rows stay stored but no longer count.

    Raises
    ------
    ValueError
        If the reason is missing or the import does not exist or is already reverted
        (German message).
    """
    mark_reverted(engine, daz_import, import_id, user, reason)


def list_imports(
    engine: Engine, limit: int | None = None, skip: int = 0
) -> pd.DataFrame:
    """Imports, newest first; ``limit``/``skip`` page through them on the primary key."""
    query = select(daz_import).order_by(daz_import.c.id.desc()).offset(skip)
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def count_imports(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(daz_import)).scalar_one()


def all_rows(engine: Engine) -> pd.DataFrame:
    """Rows of every import, active or reverted, with the import's who/when/status.

    Which of them count is decided in ``dashboard.current`` (``counted_imports``).
    """
    cols = [c for c in daz_import_zeile.c if c.name not in ("id",)]
    meta = [
        daz_import.c.zeit.label("import_zeit"),
        daz_import.c.benutzer.label("import_benutzer"),
        daz_import.c.dateiname.label("import_datei"),
        daz_import.c.status.label("import_status"),
        daz_import.c.geaendert_am.label("import_geaendert_am"),
    ]
    query = (
        select(*cols, *meta)
        .join(daz_import, daz_import.c.id == daz_import_zeile.c.import_id)
        .order_by(daz_import_zeile.c.id)
    )
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    for col in ("import_zeit", "import_geaendert_am"):
        frame[col] = pd.to_datetime(frame[col], utc=True)
    return frame.astype({"vka_klassen": "Int64", "kapazitaetsreserve": "Int64"})
