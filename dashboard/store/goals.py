"""Goal versions and measured values: append-only, with optimistic concurrency.

A save names the version it started from. If somebody saved in between, the save is
refused with who and when, so nobody silently overwrites a colleague's change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import IntegrityError

from dashboard.data.progress import INITIAL_STATUS, STATUS
from dashboard.store.models import audit, messwert, ziel_version


class Conflict(RuntimeError):
    """The goal changed since the editor loaded it; ``str()`` is the German message."""


@dataclass(frozen=True)
class Edit:
    status: str
    verantwortlich: str = ""
    kommentar: str = ""
    massnahme: str = ""
    datum: str = ""
    messwerte: tuple[
        tuple[str, str, float, str], ...
    ] = ()  # (indikator_id, datum, wert, quelle)


def history(engine: Engine, ziel_id: str | None = None) -> pd.DataFrame:
    """All versions (newest first), optionally of one goal."""
    query = select(ziel_version).order_by(
        ziel_version.c.ziel_id, ziel_version.c.version.desc()
    )
    if ziel_id:
        query = query.where(ziel_version.c.ziel_id == ziel_id)
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def measurements(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(
            select(messwert).order_by(messwert.c.datum, messwert.c.id), conn
        )


def current(versions: pd.DataFrame, goal_ids: list[str]) -> pd.DataFrame:
    """The latest version per goal; goals never edited are "noch nicht bewertet" (version 0)."""
    latest = (
        versions.sort_values("version").groupby("ziel_id").tail(1).set_index("ziel_id")
    )
    rows = []
    for gid in goal_ids:
        if gid in latest.index:
            r = latest.loc[gid]
            rows.append(
                {
                    "ziel_id": gid,
                    "version": int(r["version"]),
                    "status": r["status"],
                    "verantwortlich": r["verantwortlich"],
                    "kommentar": r["kommentar"],
                    "benutzer": r["benutzer"],
                    "zeit": r["zeit"],
                }
            )
        else:
            rows.append(
                {
                    "ziel_id": gid,
                    "version": 0,
                    "status": INITIAL_STATUS,
                    "verantwortlich": "",
                    "kommentar": "",
                    "benutzer": "",
                    "zeit": None,
                }
            )
    return pd.DataFrame(rows)


def save(engine: Engine, ziel_id: str, base_version: int, edit: Edit, user: str) -> int:
    """Append a new version; return its number.

    Raises
    ------
    Conflict
        If another version was saved after ``base_version``.
    ValueError
        On an unknown status or a non-finite measured value.
    """
    if edit.status not in STATUS:
        raise ValueError(f"Unbekannter Status „{edit.status}“.")
    now = datetime.now(UTC)
    try:
        with engine.begin() as conn:
            latest = conn.execute(
                select(
                    ziel_version.c.version, ziel_version.c.benutzer, ziel_version.c.zeit
                )
                .where(ziel_version.c.ziel_id == ziel_id)
                .order_by(ziel_version.c.version.desc())
                .limit(1)
            ).first()
            if (latest.version if latest else 0) != base_version:
                raise Conflict(
                    f"Dieses Ziel wurde inzwischen von {latest.benutzer} am {latest.zeit:%d.%m.%Y um %H:%M} Uhr "
                    "(UTC) geändert. Ihre Eingabe wurde nicht gespeichert. Bitte neu laden und erneut eintragen."
                )
            version = base_version + 1
            version_id = conn.execute(
                insert(ziel_version).values(
                    ziel_id=ziel_id,
                    version=version,
                    status=edit.status,
                    verantwortlich=edit.verantwortlich,
                    kommentar=edit.kommentar,
                    massnahme=edit.massnahme,
                    datum=edit.datum or now.date().isoformat(),
                    benutzer=user,
                    zeit=now,
                )
            ).inserted_primary_key[0]
            for indikator_id, datum, wert, quelle in edit.messwerte:
                conn.execute(
                    insert(messwert).values(
                        indikator_id=indikator_id,
                        ziel_version_id=version_id,
                        datum=datum,
                        wert=float(wert),
                        quelle=quelle,
                    )
                )
            conn.execute(
                insert(audit).values(
                    zeit=now,
                    benutzer=user,
                    aktion="Ziel geändert",
                    tabelle="ziel_version",
                    details=f"{ziel_id} Version {version}: {edit.status}"
                    + (
                        f", {len(edit.messwerte)} Messwert(e)" if edit.messwerte else ""
                    ),
                )
            )
    except IntegrityError as exc:  # a concurrent save took the same version number
        raise Conflict(
            "Dieses Ziel wurde gerade gleichzeitig geändert. Bitte neu laden."
        ) from exc
    return version


def version_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(ziel_version)).scalar_one()
