"""Users, roles, login and the one server-side check every write callback calls.

Viewing needs no login. Writing needs a session user with a sufficient role;
hiding buttons is never the protection. The session cookie carries only the name,
the user's session version and the login time: role and active flag are read from
the store on every request, so a disabled user, a changed role or a logout (which
bumps the session version) take effect at the next request in every worker.
"""

from __future__ import annotations

import importlib
import re
from datetime import UTC, datetime, timedelta

import flask
from sqlalchemy import Engine, case, insert, select, update
from werkzeug.security import check_password_hash, generate_password_hash

from dashboard.store.models import anmeldung_fehlversuch, audit, benutzer

BEARBEITUNG = "Bearbeitung"
ADMINISTRATION = "Administration"
ROLES = (BEARBEITUNG, ADMINISTRATION)
_RANK = {BEARBEITUNG: 1, ADMINISTRATION: 2}
SESSION_KEY = "benutzer"
SESSION_HOURS = 12
MIN_PASSWORD = 10
MAX_FAILURES = 5
LOCK_MINUTES = 15
_NAME = re.compile(r"^[\w.@-]{1,64}$")
# Unknown names are checked against this hash, so they take as long as known ones.
# A literal (made once with generate_password_hash): computing it at import cost every
# start 0.2 s; a test checks it uses the same method and cost as new passwords.
_DUMMY_HASH = (
    "scrypt:32768:8:1$2EsPxhE1AMvzjcWX$351e8a53b65eed6c0a2096c098395ad33ae86824103058e5"
    "0df6182cc4e8a397d787d32ff63484a90d011565db8e460f9a4629a7e1e6fbee42065d0b5596708c"
)


class WriteRefused(PermissionError):
    """A write without a permitted login; answered with HTTP 403 and a German text."""


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValueError(
            f"Das Passwort muss mindestens {MIN_PASSWORD} Zeichen lang sein."
        )
    if len(password) > 256:
        raise ValueError("Das Passwort darf höchstens 256 Zeichen lang sein.")


def create_user(
    engine: Engine, name: str, password: str, rolle: str, by: str = "Kommandozeile"
) -> None:
    """Create a user with a hashed password; audited with ``by``.

    Raises
    ------
    ValueError
        On an invalid name, an unknown role, a short password or an existing name.
    """
    if not _NAME.match(name):
        raise ValueError(
            "Der Benutzername darf 1–64 Buchstaben, Ziffern und . _ @ - enthalten."
        )
    if rolle not in ROLES:
        raise ValueError(f"Unbekannte Rolle „{rolle}“; erlaubt: {', '.join(ROLES)}.")
    check_password(password)
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
                benutzer=by,
                aktion="Benutzer angelegt",
                tabelle="benutzer",
                details=f"{name} ({rolle})",
            )
        )


def verify(engine: Engine, name: str, password: str) -> str | None:
    """Return the role of an active user whose password matches, else ``None``.

    Unknown and disabled names cost one hash check too (no timing difference).
    """
    with engine.connect() as conn:
        row = conn.execute(
            select(benutzer.c.passwort_hash, benutzer.c.rolle, benutzer.c.aktiv).where(
                benutzer.c.name == name
            )
        ).first()
    ok = check_password_hash(row.passwort_hash if row else _DUMMY_HASH, password)
    return row.rolle if ok and row is not None and row.aktiv else None


def _count_attempt(engine: Engine, name: str, now: datetime) -> int:
    """Count one attempt for ``name`` atomically; return the attempts in the window."""
    # the dialect's own INSERT … ON CONFLICT, imported when needed: importing the
    # PostgreSQL dialect costs every SQLite start 0.1 s
    dialect = {"sqlite": "sqlite", "postgresql": "postgresql"}[engine.dialect.name]
    make_insert = importlib.import_module(f"sqlalchemy.dialects.{dialect}").insert
    t = anmeldung_fehlversuch
    expired = t.c.seit < now - timedelta(minutes=LOCK_MINUTES)
    stmt = (
        make_insert(t)
        .values(name=name, anzahl=1, seit=now)
        .on_conflict_do_update(
            index_elements=[t.c.name],
            set_={
                "anzahl": case((expired, 1), else_=t.c.anzahl + 1),
                "seit": case((expired, now), else_=t.c.seit),
            },
        )
        .returning(t.c.anzahl)
    )
    with engine.begin() as conn:
        return conn.execute(stmt).scalar_one()


def login(engine: Engine, name: str, password: str) -> dict | str:
    """Check a login; return the session payload, or ``"gesperrt"`` / ``"falsch"``.

    The attempt is counted before the password is checked, so parallel attempts
    cannot pass the lock: after ``MAX_FAILURES`` attempts in ``LOCK_MINUTES`` the
    name is refused without a check. A success resets the count. Each counted
    failure leaves one audit row, at most ``MAX_FAILURES`` per name and window.
    """
    name = name[:64]
    now = datetime.now(UTC)
    if _count_attempt(engine, name, now) > MAX_FAILURES:
        return "gesperrt"
    rolle = verify(engine, name, password)
    if rolle is None:
        with engine.begin() as conn:
            conn.execute(
                insert(audit).values(
                    zeit=now,
                    benutzer=name or "(leer)",
                    aktion="Anmeldung fehlgeschlagen",
                    tabelle="benutzer",
                    details="",
                )
            )
        return "falsch"
    with engine.begin() as conn:
        conn.execute(
            update(anmeldung_fehlversuch)
            .where(anmeldung_fehlversuch.c.name == name)
            .values(anzahl=0)
        )
        version = conn.execute(
            select(benutzer.c.sitzung_version).where(benutzer.c.name == name)
        ).scalar_one()
    return {"name": name, "v": version, "seit": now.timestamp()}


def locked(engine: Engine, name: str) -> bool:
    """True while ``name`` has ``MAX_FAILURES`` or more attempts in the lock window."""
    since = datetime.now(UTC) - timedelta(minutes=LOCK_MINUTES)
    with engine.connect() as conn:
        row = conn.execute(
            select(anmeldung_fehlversuch).where(
                anmeldung_fehlversuch.c.name == name[:64]
            )
        ).first()
    if row is None:
        return False
    seit = row.seit if row.seit.tzinfo else row.seit.replace(tzinfo=UTC)
    return seit >= since and row.anzahl >= MAX_FAILURES


def end_sessions(engine: Engine, name: str) -> None:
    """Invalidate every session cookie of ``name`` issued so far (logout)."""
    with engine.begin() as conn:
        conn.execute(
            update(benutzer)
            .where(benutzer.c.name == name)
            .values(sitzung_version=benutzer.c.sitzung_version + 1)
        )


def _engine() -> Engine:
    return flask.current_app.extensions["integrationsmonitor"].engine


def current_user() -> dict | None:
    """The logged-in user of this request (``{"name", "rolle"}``) or ``None``.

    Read from the store once per request: the cookie must name an active user, carry
    the user's current session version and be younger than ``SESSION_HOURS``.
    """
    if "im_user" in flask.g:
        return flask.g.im_user
    data = flask.session.get(SESSION_KEY)
    user = None
    if isinstance(data, dict) and isinstance(data.get("name"), str):
        with _engine().connect() as conn:
            row = conn.execute(
                select(
                    benutzer.c.rolle, benutzer.c.aktiv, benutzer.c.sitzung_version
                ).where(benutzer.c.name == data["name"])
            ).first()
        age = datetime.now(UTC).timestamp() - float(data.get("seit") or 0)
        if (
            row is not None
            and row.aktiv
            and row.sitzung_version == data.get("v")
            and 0 <= age < SESSION_HOURS * 3600
        ):
            user = {"name": data["name"], "rolle": row.rolle}
    flask.g.im_user = user
    return user


def require_role(rolle: str = BEARBEITUNG) -> dict:
    """Check the user's current state in the store before any write; return the user.

    Every write callback calls this first.

    Raises
    ------
    WriteRefused
        When nobody is logged in (or the session was ended) or the role is insufficient.
    """
    user = current_user()
    if not user:
        raise WriteRefused("Bitte melden Sie sich an, um Daten zu ändern.")
    if _RANK.get(user.get("rolle"), 0) < _RANK[rolle]:
        raise WriteRefused(f"Für diese Änderung ist die Rolle „{rolle}“ nötig.")
    return user
