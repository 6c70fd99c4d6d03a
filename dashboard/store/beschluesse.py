"""Beschlüsse: recorded, corrected and withdrawn in the app; append-only and audited.

Every save is a new row of ``beschluss_version`` holding the whole record; the row of
``beschluesse.csv`` counts as version 0. A save names the version it started from and
is refused if someone saved in between. Which versions count is decided in
``dashboard.current.decisions``.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, date, datetime

import pandas as pd
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from dashboard.data import beschluss_rules as rules
from dashboard.formatting import fmt_time
from dashboard.store.models import REFERENCE, audit, beschluss_version

PREFIX = "beschluss-"


class Conflict(RuntimeError):
    """The Beschluss changed since the form was loaded; ``str()`` is the German text."""


def versions(engine: Engine) -> pd.DataFrame:
    """Every saved version, oldest first."""
    with engine.connect() as conn:
        frame = pd.read_sql(
            select(beschluss_version).order_by(beschluss_version.c.id), conn
        )
    frame["zeit"] = pd.to_datetime(frame["zeit"], utc=True)
    return frame


def _register(engine: Engine) -> pd.DataFrame:
    from dashboard.current import decisions  # current reads this module

    table = REFERENCE["beschluesse"]
    with engine.connect() as conn:
        bundled = pd.read_sql(select(table).order_by(table.c.zeile), conn)
    return decisions(bundled.drop(columns="zeile"), versions(engine), withdrawn=True)


def _goal_ids(engine: Engine) -> list[str]:
    ziele = REFERENCE["ziele"]
    with engine.connect() as conn:
        return list(
            conn.execute(select(ziele.c.ziel_id).order_by(ziele.c.zeile)).scalars()
        )


def _taken(register: pd.DataFrame, except_id: str = "") -> list[tuple[str, str]]:
    live = register[
        (register["status"] == rules.ACTIVE)
        & (register["beschluss_id"] != except_id)
        & (register["nummer"] != "")
    ]
    return list(zip(live["gremium"], live["nummer"], strict=True))


def _append(
    engine: Engine,
    beschluss_id: str,
    version: int,
    decision: rules.Decision,
    status: str,
    grund: str,
    user: str,
    action: str,
) -> None:
    now = datetime.now(UTC)
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(beschluss_version).values(
                    beschluss_id=beschluss_id, version=version, status=status,
                    grund=grund, benutzer=user, zeit=now, **asdict(decision),
                )
            )  # fmt: skip
            number = f" Nr. {decision.nummer}" if decision.nummer else ""
            conn.execute(
                insert(audit).values(
                    zeit=now,
                    benutzer=user,
                    aktion=action,
                    tabelle="beschluss_version",
                    details=(
                        f"{beschluss_id} Fassung {version}: {decision.gremium}{number} "
                        f"vom {decision.datum}" + (f" – {grund}" if grund else "")
                    ),
                )
            )
    except IntegrityError as exc:  # somebody saved the same version first
        raise Conflict(
            "Der Beschluss wurde gerade von jemand anderem gespeichert. Bitte die "
            "Seite neu laden und die Eingabe wiederholen."
        ) from exc


def record(engine: Engine, values: dict, user: str, today: date | None = None) -> str:
    """Record a new Beschluss; return its id.

    Raises
    ------
    dashboard.data.beschluss_rules.Invalid
        With a German message per field.
    """
    register = _register(engine)
    decision = rules.check(values, _goal_ids(engine), _taken(register), today)
    ours = register["beschluss_id"].str.removeprefix(PREFIX)
    number = max([int(n) for n in ours if n.isdigit()], default=0) + 1
    new_id = f"{PREFIX}{number}"
    _append(engine, new_id, 1, decision, rules.ACTIVE, "", user, "Beschluss erfasst")
    return new_id


def _latest(register: pd.DataFrame, beschluss_id: str, base_version: int) -> pd.Series:
    rows = register[register["beschluss_id"] == beschluss_id]
    if rows.empty:
        raise rules.Invalid({"grund": f"Beschluss „{beschluss_id}“ ist unbekannt."})
    row = rows.iloc[0]
    if int(row["version"]) != int(base_version):
        raise Conflict(
            f"Der Beschluss wurde inzwischen geändert (Fassung {row['version']}, "
            f"{row['benutzer']}, {fmt_time(row['zeit'])}). Bitte die Seite neu laden."
        )
    if row["status"] == rules.WITHDRAWN:
        raise rules.Invalid({"grund": "Der Beschluss ist bereits zurückgezogen."})
    return row


def correct(
    engine: Engine,
    beschluss_id: str,
    base_version: int,
    values: dict,
    grund: object,
    user: str,
    today: date | None = None,
) -> int:
    """Save a corrected version; return its number."""
    register = _register(engine)
    errors: dict[str, str] = {}
    try:
        decision = rules.check(
            values, _goal_ids(engine), _taken(register, beschluss_id), today
        )
    except rules.Invalid as exc:
        errors |= exc.errors
    try:
        reason = rules.check_reason(grund, "Korrektur")
    except rules.Invalid as exc:
        errors |= exc.errors
    if errors:
        raise rules.Invalid(errors)
    version = int(_latest(register, beschluss_id, base_version)["version"]) + 1
    _append(
        engine, beschluss_id, version, decision, rules.ACTIVE, reason, user,
        "Beschluss korrigiert",
    )  # fmt: skip
    return version


def withdraw(
    engine: Engine, beschluss_id: str, base_version: int, grund: object, user: str
) -> int:
    """Record the withdrawal (the record stays, marked "zurückgezogen")."""
    reason = rules.check_reason(grund, "Rücknahme")
    row = _latest(_register(engine), beschluss_id, base_version)
    decision = rules.Decision(
        **{f: row[f] for f in ("datum", "gremium", "nummer", "text", "ziele", "bezug")}
    )
    version = int(row["version"]) + 1
    _append(
        engine, beschluss_id, version, decision, rules.WITHDRAWN, reason, user,
        "Beschluss zurückgezogen",
    )  # fmt: skip
    return version
