"""Users, roles and the one server-side check every write callback calls.

Viewing needs no login. Writing needs a session user with a sufficient role;
hiding buttons is never the protection.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import flask
from sqlalchemy import Engine, func, insert, select
from werkzeug.security import check_password_hash, generate_password_hash

from dashboard.store.models import audit, benutzer

BEARBEITUNG = "Bearbeitung"
ADMINISTRATION = "Administration"
ROLES = (BEARBEITUNG, ADMINISTRATION)
_RANK = {BEARBEITUNG: 1, ADMINISTRATION: 2}
SESSION_KEY = "benutzer"


class WriteRefused(PermissionError):
    """A write without a permitted login; answered with HTTP 403 and a German text."""


def create_user(engine: Engine, name: str, password: str, rolle: str) -> None:
    """Create a user with a hashed password.

    Raises
    ------
    ValueError
        On an unknown role, a short password or an existing name (German message).
    """
    if rolle not in ROLES:
        raise ValueError(f"Unbekannte Rolle „{rolle}“; erlaubt: {', '.join(ROLES)}.")
    if len(password) < 10:
        raise ValueError("Das Passwort muss mindestens 10 Zeichen lang sein.")
    now = datetime.now(UTC)
    with engine.begin() as conn:
        if conn.execute(select(benutzer.c.name).where(benutzer.c.name == name)).first():
            raise ValueError(f"Benutzer „{name}“ existiert bereits.")
        conn.execute(
            insert(benutzer).values(
                name=name,
                passwort_hash=generate_password_hash(password),
                rolle=rolle,
                angelegt_am=now,
            )
        )
        conn.execute(
            insert(audit).values(
                zeit=now,
                benutzer="Kommandozeile",
                aktion="Benutzer angelegt",
                tabelle="benutzer",
                details=f"{name} ({rolle})",
            )
        )


def verify(engine: Engine, name: str, password: str) -> str | None:
    """Return the user's role if name and password match, else ``None``."""
    with engine.connect() as conn:
        row = conn.execute(
            select(benutzer.c.passwort_hash, benutzer.c.rolle).where(
                benutzer.c.name == name
            )
        ).first()
    if row is None or not check_password_hash(row.passwort_hash, password):
        return None
    return row.rolle


MAX_FAILURES = 5
LOCK_MINUTES = 15


def record_failure(engine: Engine, name: str) -> None:
    """Log a failed login (who was tried, when) in the audit trail."""
    with engine.begin() as conn:
        conn.execute(
            insert(audit).values(
                zeit=datetime.now(UTC),
                benutzer=name[:64] or "(leer)",
                aktion="Anmeldung fehlgeschlagen",
                tabelle="benutzer",
                details="",
            )
        )


def locked(engine: Engine, name: str) -> bool:
    """True after ``MAX_FAILURES`` failed logins for ``name`` within ``LOCK_MINUTES``."""
    since = datetime.now(UTC) - timedelta(minutes=LOCK_MINUTES)
    with engine.connect() as conn:
        failures = conn.execute(
            select(func.count())
            .select_from(audit)
            .where(
                audit.c.aktion == "Anmeldung fehlgeschlagen",
                audit.c.benutzer == name[:64],
                audit.c.zeit >= since,
            )
        ).scalar_one()
    return failures >= MAX_FAILURES


def current_user() -> dict | None:
    """The logged-in user of this request (``{"name", "rolle"}``) or ``None``."""
    return flask.session.get(SESSION_KEY)


def require_role(rolle: str = BEARBEITUNG) -> dict:
    """Check the session before any write; return the user.

    Every write callback calls this first. The role is read from the session that
    the login route signed; the client cannot choose it.

    Raises
    ------
    WriteRefused
        When nobody is logged in or the role is insufficient.
    """
    user = current_user()
    if not user:
        raise WriteRefused("Bitte melden Sie sich an, um Daten zu ändern.")
    if _RANK.get(user.get("rolle"), 0) < _RANK[rolle]:
        raise WriteRefused(f"Für diese Änderung ist die Rolle „{rolle}“ nötig.")
    return user
