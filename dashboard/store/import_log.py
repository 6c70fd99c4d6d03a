"""Import logs (school years, Messwerte, actor list): the three import tables share
the columns ``id, zeit, benutzer, dateiname, zeilen, status, geaendert_von,
geaendert_am``; one page of a log, and marking an import reverted."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, Table, func, insert, select, update

from dashboard.store.models import audit

ACTIVE = "aktiv"
REVERTED = "zurückgenommen"
REASON_MAX = 500  # characters of the reason given for reverting an import


def check_reason(reason: str | None) -> str:
    """The reason for reverting an import, stripped.

    Raises
    ------
    ValueError
        If it is empty or longer than ``REASON_MAX`` (German message).
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("Bitte einen Grund für die Rücknahme angeben.")
    if len(reason) > REASON_MAX:
        raise ValueError(f"Der Grund ist zu lang (höchstens {REASON_MAX} Zeichen).")
    return reason


def one(engine: Engine, table: Table, import_id: int) -> dict | None:
    """One import of a log as a mapping of its columns (None if there is none)."""
    with engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == import_id)).first()
    return dict(row._mapping) if row is not None else None


def page(
    engine: Engine, table: Table, limit: int, skip: int
) -> tuple[pd.DataFrame, int]:
    """Imports ``skip`` to ``skip + limit`` (newest first) and the total count."""
    query = select(table).order_by(table.c.id.desc()).offset(skip).limit(limit)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(table)).scalar_one()
        return pd.read_sql(query, conn), total


def mark_reverted(
    engine: Engine,
    table: Table,
    import_id: int,
    user: str,
    reason: str,
    noun: str = "Import",
) -> None:
    """Mark an active import reverted (who, when, why; audited); its rows stay stored.

    Raises
    ------
    ValueError
        If the reason is missing or the import does not exist or is already reverted
        (German message); nothing is changed then.
    """
    reason = check_reason(reason)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        row = table.c.id == import_id
        if conn.execute(select(table.c.status).where(row)).scalar() is None:
            raise ValueError(f"{noun} {import_id} gibt es nicht.")
        changed = conn.execute(
            update(table)
            .where(row, table.c.status == ACTIVE)  # two admins at once: one wins
            .values(status=REVERTED, geaendert_von=user, geaendert_am=now)
        ).rowcount
        if not changed:
            raise ValueError(f"{noun} {import_id} ist bereits zurückgenommen.")
        conn.execute(
            insert(audit).values(
                zeit=now,
                benutzer=user,
                aktion=f"{noun} zurückgenommen",
                tabelle=table.name,
                details=f"Import {import_id}; Grund: {reason}",
            )
        )
