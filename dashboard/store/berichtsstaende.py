"""Berichtsstände: the Administration closes a reporting point (name, meeting date).

Nothing is copied: a Berichtsstand is the moment it was closed, and every view shows
the data as it was then (``dashboard.current.Snapshot(as_of=...)``), because all
history is append-only or keeps its change times.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, insert, select

from dashboard.store.models import audit, berichtsstand


def close(engine: Engine, name: str, datum: str, user: str) -> int:
    """Close a Berichtsstand now; return its id. Audited."""
    name = name.strip()
    if not name:
        raise ValueError(
            "Bitte einen Namen angeben, z. B. „Lenkungsgruppe 12.03.2027“."
        )
    now = datetime.now(UTC)
    with engine.begin() as conn:
        new_id = conn.execute(
            insert(berichtsstand).values(
                name=name, datum=datum, zeit=now, benutzer=user
            )
        ).inserted_primary_key[0]
        conn.execute(
            insert(audit).values(
                zeit=now,
                benutzer=user,
                aktion="Berichtsstand",
                tabelle="berichtsstand",
                details=f"Berichtsstand {new_id} abgeschlossen: {name} ({datum})",
            )
        )
    return new_id


def listing(engine: Engine) -> pd.DataFrame:
    """All Berichtsstände, oldest first (``id, name, datum, zeit, benutzer``)."""
    with engine.connect() as conn:
        frame = pd.read_sql(select(berichtsstand).order_by(berichtsstand.c.id), conn)
    frame["zeit"] = pd.to_datetime(frame["zeit"], utc=True)
    return frame
