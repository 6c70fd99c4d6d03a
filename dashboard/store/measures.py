"""Maßnahmen per goal: append-only versions with who, when and why.

Each save stores the whole Maßnahme as a new version and leaves an audit row. A save
names the version it started from; if somebody saved in between, it is refused with
who and when (as goal edits are, ``dashboard.store.goals``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from dashboard.data.measure_rules import check_measure, due_date
from dashboard.formatting import fmt_time
from dashboard.store.goals import Conflict
from dashboard.store.models import REFERENCE, audit, massnahme_version

COLUMNS = [c.name for c in massnahme_version.c]


@dataclass(frozen=True)
class MeasureEdit:
    titel: object
    status: object
    faellig: object = ""  # TT.MM.JJJJ or ISO; "" = no due date
    akteur: object = ""  # akteur_id or ""
    grund: object = ""


def history(engine: Engine, goal_ids: list[str] | None = None) -> pd.DataFrame:
    """Every stored version (oldest first), optionally of some goals' Maßnahmen;
    ``dashboard.current.measure_status`` decides which version counts."""
    query = select(massnahme_version).order_by(massnahme_version.c.id)
    if goal_ids is not None:
        query = query.where(massnahme_version.c.ziel_id.in_(list(goal_ids)))
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def _reference(engine: Engine) -> dict:
    from dashboard.store.repository import Repository  # repository reads the store

    ziele = REFERENCE["ziele"]
    with engine.connect() as conn:
        goals = set(conn.execute(select(ziele.c.ziel_id)).scalars())
    return {
        "goals": goals,
        "actors": set(Repository(engine).actor_names()["akteur_id"]),
    }


def save(
    engine: Engine,
    ziel_id: str,
    massnahme_id: str | None,
    base_version: object,
    edit: MeasureEdit,
    user: str,
) -> tuple[str, int]:
    """Append a version of a Maßnahme (``massnahme_id`` None: a new one).

    Returns ``(massnahme_id, version)``.

    Raises
    ------
    Conflict
        If another version was saved after ``base_version``.
    ValueError
        When ``measure_rules.check_measure`` finds a problem (German message), or the
        Maßnahme does not belong to ``ziel_id``.
    """
    errors = check_measure(
        ziel_id,
        base_version,
        edit.titel,
        edit.status,
        edit.faellig,
        edit.akteur,
        edit.grund,
        **_reference(engine),
    )
    if massnahme_id is None and not errors and int(base_version) != 0:
        errors.append("Die Version ist ungültig; bitte die Seite neu laden.")
    if massnahme_id is not None and (
        not isinstance(massnahme_id, str) or not 0 < len(massnahme_id) <= 32
    ):
        errors.append("Diese Maßnahme gibt es nicht.")
    if errors:
        raise ValueError(" ".join(errors))
    base = int(base_version)
    new = massnahme_id is None
    massnahme_id = f"M-{uuid.uuid4().hex[:12]}" if new else str(massnahme_id)
    now = datetime.now(UTC)
    c = massnahme_version.c
    try:
        with engine.begin() as conn:
            latest = conn.execute(
                select(c.version, c.ziel_id, c.benutzer, c.zeit)
                .where(c.massnahme_id == massnahme_id)
                .order_by(c.version.desc())
                .limit(1)
            ).first()
            if latest is None and not new:
                raise ValueError("Diese Maßnahme gibt es nicht.")
            if latest is not None and latest.ziel_id != ziel_id:
                raise ValueError("Diese Maßnahme gehört zu einem anderen Ziel.")
            if (latest.version if latest else 0) != base:
                raise _conflict(latest)
            version = base + 1
            titel = edit.titel.strip()
            conn.execute(
                insert(massnahme_version).values(
                    massnahme_id=massnahme_id,
                    ziel_id=ziel_id,
                    version=version,
                    titel=titel,
                    status=edit.status,
                    faellig=(due_date(edit.faellig) or "") if edit.faellig else "",
                    akteur=edit.akteur or "",
                    grund=(edit.grund or "").strip(),
                    benutzer=user,
                    zeit=now,
                )
            )
            conn.execute(
                insert(audit).values(
                    zeit=now,
                    benutzer=user,
                    aktion="Maßnahme angelegt" if new else "Maßnahme geändert",
                    tabelle="massnahme_version",
                    details=f"{ziel_id} {massnahme_id} Version {version}: "
                    f"{edit.status} – {titel[:80]}",
                )
            )
    except IntegrityError as exc:  # a concurrent save took the same version number
        with engine.connect() as conn:
            winner = conn.execute(
                select(c.benutzer, c.zeit)
                .where(c.massnahme_id == massnahme_id)
                .order_by(c.version.desc())
                .limit(1)
            ).first()
        raise _conflict(winner) from exc
    return massnahme_id, version


def _conflict(latest) -> Conflict:  # noqa: ANN001
    if latest is None:
        return Conflict(
            "Diese Maßnahme wurde gerade gleichzeitig geändert. Bitte neu laden."
        )
    return Conflict(
        f"Diese Maßnahme wurde inzwischen von {latest.benutzer} am "
        f"{fmt_time(latest.zeit)} geändert. Ihre Eingabe wurde nicht "
        "gespeichert. Bitte neu laden und erneut eintragen."
    )
