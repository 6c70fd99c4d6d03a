"""Indicator definitions and measured values: append-only writes, each audited.

A definition change is a new version (refused when somebody saved in between); a
value is a new entry (a later entry for the same indicator, date and area replaces an
earlier one, see ``dashboard.current``); an import of values is one transaction and
can be reverted as a whole; a value entered by hand can be withdrawn (a withdrawal
record with a reason, the entry stays).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from dashboard.store.goals import Conflict
from dashboard.store.import_log import ACTIVE, mark_reverted
from dashboard.store.models import (
    audit,
    indikator_version,
    messwert_eintrag,
    messwert_import,
    messwert_widerruf,
)

DIRECTIONS = ("steigen", "sinken", "keine")
BREAKDOWNS = ("", "gemeinde", "sozialraum")


@dataclass(frozen=True)
class Definition:
    indikator_id: str
    ziel_id: str
    name: str
    einheit: str
    richtung: str
    basis_wert: float | None
    basis_datum: str
    ziel_wert: float | None
    ziel_datum: str
    quelle: str
    methode: str = ""
    aufschluesselung: str = ""


def _audit(
    conn, user: str, now: datetime, action: str, table: str, details: str
) -> None:  # noqa: ANN001
    conn.execute(
        insert(audit).values(
            zeit=now, benutzer=user, aktion=action, tabelle=table, details=details
        )
    )


def define(engine: Engine, d: Definition, base_version: int, user: str) -> int:
    """Append a version of an indicator; return its number.

    Raises
    ------
    Conflict
        If another version was saved after ``base_version`` (German message).
    """
    now = datetime.now(UTC)
    try:
        with engine.begin() as conn:
            latest = conn.execute(
                select(
                    indikator_version.c.version,
                    indikator_version.c.benutzer,
                    indikator_version.c.zeit,
                )  # fmt: skip
                .where(indikator_version.c.indikator_id == d.indikator_id)
                .order_by(indikator_version.c.version.desc())
                .limit(1)
            ).first()
            if (latest.version if latest else 0) != base_version:
                raise Conflict(
                    f"Der Indikator wurde inzwischen von {latest.benutzer} am "
                    f"{latest.zeit:%d.%m.%Y um %H:%M} geändert. Bitte neu laden."
                )
            version = base_version + 1
            conn.execute(
                insert(indikator_version).values(
                    **asdict(d), version=version, benutzer=user, zeit=now
                )
            )
            _audit(conn, user, now, "Indikator", "indikator_version",
                   f"{d.indikator_id} Version {version}: {d.name}")  # fmt: skip
    except IntegrityError as exc:  # a concurrent save took the same version number
        raise Conflict(
            "Der Indikator wurde gleichzeitig geändert. Bitte neu laden."
        ) from exc
    return version


def add_values(
    engine: Engine, rows: pd.DataFrame, user: str, filename: str | None = None
) -> int | None:
    """Store values (``indikator_id, datum, gebiet, wert, quelle``) in one transaction.

    With ``filename`` they form an import (returned id, revertible as a whole).
    """
    now = datetime.now(UTC)
    with engine.begin() as conn:
        import_id = None
        if filename is not None:
            import_id = conn.execute(
                insert(messwert_import).values(
                    zeit=now,
                    benutzer=user,
                    dateiname=filename,
                    zeilen=len(rows),
                    status=ACTIVE,
                )  # fmt: skip
            ).inserted_primary_key[0]
        records = [
            {**r, "import_id": import_id, "benutzer": user, "zeit": now}
            for r in rows[["indikator_id", "datum", "gebiet", "wert", "quelle"]]
            .astype(object)
            .to_dict("records")
        ]
        conn.execute(insert(messwert_eintrag), records)
        what = f"Import {import_id}: {filename}, " if import_id else ""
        ind = ", ".join(sorted(rows["indikator_id"].unique()))
        _audit(conn, user, now, "Messwerte", "messwert_eintrag",
               f"{what}{len(rows)} Messwert(e) für {ind}")  # fmt: skip
    return import_id


def revert_values_import(
    engine: Engine, import_id: int, user: str, reason: str
) -> None:
    """Mark an import of values as reverted; its rows stay but no longer count."""
    mark_reverted(engine, messwert_import, import_id, user, reason, "Messwert-Import")


def withdraw_value(engine: Engine, eintrag_id: int, reason: str, user: str) -> None:
    """Withdraw a Messwert entered by hand: a withdrawal record (the entry stays).

    Raises
    ------
    ValueError
        German message: no reason, unknown or imported entry, already withdrawn.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("Bitte einen Grund für die Rücknahme angeben.")
    if len(reason) > 500:
        raise ValueError("Der Grund ist zu lang (höchstens 500 Zeichen).")
    now = datetime.now(UTC)
    try:
        with engine.begin() as conn:
            entry = conn.execute(
                select(messwert_eintrag).where(messwert_eintrag.c.id == eintrag_id)
            ).first()
            if entry is None:
                raise ValueError(f"Messwert {eintrag_id} gibt es nicht.")
            if entry.import_id is not None:
                raise ValueError(
                    f"Messwert {eintrag_id} stammt aus Import {entry.import_id}; "
                    "Importe nimmt die Administration als Ganzes zurück."
                )
            conn.execute(
                insert(messwert_widerruf).values(
                    eintrag_id=eintrag_id, grund=reason, benutzer=user, zeit=now
                )
            )
            what = f"{entry.indikator_id} {entry.datum} {entry.gebiet or 'Landkreis'}"
            _audit(conn, user, now, "Messwert zurückgenommen", "messwert_widerruf",
                   f"Eintrag {eintrag_id} ({what}: {entry.wert:g}); Grund: {reason}")  # fmt: skip
    except IntegrityError as exc:  # unique eintrag_id: withdrawn before (or just now)
        raise ValueError(f"Messwert {eintrag_id} ist bereits zurückgenommen.") from exc


def versions(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        frame = pd.read_sql(
            select(indikator_version).order_by(
                indikator_version.c.indikator_id, indikator_version.c.version
            ),
            conn,
        )
    frame["zeit"] = pd.to_datetime(frame["zeit"], utc=True)
    return frame


def entries(engine: Engine) -> pd.DataFrame:
    """Every value entry with its import's status (``import_*`` columns) and its
    withdrawal (``widerruf_*`` columns, empty if not withdrawn)."""
    query = (
        select(
            messwert_eintrag,
            messwert_import.c.status.label("import_status"),
            messwert_import.c.geaendert_am.label("import_geaendert_am"),
            messwert_widerruf.c.zeit.label("widerruf_zeit"),
            messwert_widerruf.c.benutzer.label("widerruf_von"),
            messwert_widerruf.c.grund.label("widerruf_grund"),
        )
        .select_from(
            messwert_eintrag.outerjoin(messwert_import).outerjoin(
                messwert_widerruf,
                messwert_widerruf.c.eintrag_id == messwert_eintrag.c.id,
            )
        )
        .order_by(messwert_eintrag.c.id)
    )
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    for col in ("zeit", "import_geaendert_am", "widerruf_zeit"):
        frame[col] = pd.to_datetime(frame[col], utc=True)
    return frame


def imports(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(
            select(messwert_import).order_by(messwert_import.c.id.desc()), conn
        )
