"""User administration (role Administration): list, create, disable, role, password.

Every change is one transaction with an audit row naming who did it, and bumps the
user's session version so the change takes effect at the user's next request.
An administrator cannot disable or demote themself (nobody locks the county out).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, insert, select, update
from werkzeug.security import generate_password_hash

from dashboard.store.auth import ADMINISTRATION, ROLES, check_password, create_user
from dashboard.store.models import audit, benutzer

__all__ = ["create_user", "list_users", "reset_password", "set_active", "set_role"]


def list_users(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(
            select(
                benutzer.c.name,
                benutzer.c.rolle,
                benutzer.c.aktiv,
                benutzer.c.angelegt_am,
            ).order_by(benutzer.c.name),
            conn,
        )


def _change(
    engine: Engine, name: str, values: dict, action: str, details: str, by: str
) -> None:
    now = datetime.now(UTC)
    with engine.begin() as conn:
        done = conn.execute(
            update(benutzer)
            .where(benutzer.c.name == name)
            .values(**values, sitzung_version=benutzer.c.sitzung_version + 1)
        )
        if done.rowcount != 1:
            raise ValueError(f"Benutzer „{name}“ gibt es nicht.")
        conn.execute(
            insert(audit).values(
                zeit=now,
                benutzer=by,
                aktion=action,
                tabelle="benutzer",
                details=details,
            )
        )


def _not_self(name: str, by: str, what: str) -> None:
    if name == by:
        raise ValueError(f"Sie können sich nicht selbst {what}.")


def set_active(engine: Engine, name: str, active: bool, by: str) -> None:
    if not active:
        _not_self(name, by, "sperren")
    action = "Benutzer entsperrt" if active else "Benutzer gesperrt"
    _change(engine, name, {"aktiv": active}, action, name, by)


def set_role(engine: Engine, name: str, rolle: str, by: str) -> None:
    if rolle not in ROLES:
        raise ValueError(f"Unbekannte Rolle „{rolle}“; erlaubt: {', '.join(ROLES)}.")
    if rolle != ADMINISTRATION:
        _not_self(name, by, "die Administration entziehen")
    _change(engine, name, {"rolle": rolle}, "Rolle geändert", f"{name}: {rolle}", by)


def reset_password(engine: Engine, name: str, password: str, by: str) -> None:
    check_password(password)
    _change(
        engine,
        name,
        {"passwort_hash": generate_password_hash(password)},
        "Passwort zurückgesetzt",
        name,
        by,
    )
