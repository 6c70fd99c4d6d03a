"""Versions of actors, Angebote and relations: append-only, optimistic concurrency.

A save names the version it started from (0 = the bundled file row). If somebody
saved in between, the save is refused with who and when, as for goals.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from dashboard.store.goals import Conflict
from dashboard.store.models import audit, eintrag_version

KINDS = {"akteur": "Akteur", "angebot": "Angebot", "beziehung": "Beziehung"}


def history(
    engine: Engine, kind: str | None = None, key: str | None = None
) -> pd.DataFrame:
    """Versions, newest first; ``daten`` decoded to a dict."""
    query = select(eintrag_version).order_by(
        eintrag_version.c.art,
        eintrag_version.c.schluessel,
        eintrag_version.c.version.desc(),
    )
    if kind:
        query = query.where(eintrag_version.c.art == kind)
    if key:
        query = query.where(eintrag_version.c.schluessel == key)
    with engine.connect() as conn:
        frame = pd.read_sql(query, conn)
    frame["daten"] = frame["daten"].map(json.loads)
    return frame


def latest(versions: pd.DataFrame) -> pd.DataFrame:
    """The newest version of each record."""
    return versions.sort_values("version").groupby(["art", "schluessel"]).tail(1)


def save(
    engine: Engine,
    kind: str,
    key: str,
    base_version: int,
    record: dict,
    reason: str,
    user: str,
) -> int:
    """Append ``record`` as the next version of ``kind``/``key``; return its number.

    Raises
    ------
    Conflict
        If another version was saved after ``base_version``.
    """
    if kind not in KINDS:
        raise ValueError(f"Unbekannte Art „{kind}“.")
    now = datetime.now(UTC)
    try:
        with engine.begin() as conn:
            last = conn.execute(
                select(
                    eintrag_version.c.version,
                    eintrag_version.c.benutzer,
                    eintrag_version.c.zeit,
                )
                .where(eintrag_version.c.art == kind)
                .where(eintrag_version.c.schluessel == key)
                .order_by(eintrag_version.c.version.desc())
                .limit(1)
            ).first()
            if (last.version if last else 0) != base_version:
                raise Conflict(
                    f"Dieser Eintrag wurde inzwischen von {last.benutzer} am "
                    f"{last.zeit:%d.%m.%Y um %H:%M} Uhr (UTC) geändert. Ihre Eingabe wurde "
                    "nicht gespeichert. Bitte neu laden und erneut eintragen."
                )
            version = base_version + 1
            conn.execute(
                insert(eintrag_version).values(
                    art=kind,
                    schluessel=key,
                    version=version,
                    daten=json.dumps(record, ensure_ascii=False, sort_keys=True),
                    grund=reason,
                    benutzer=user,
                    zeit=now,
                )
            )
            conn.execute(
                insert(audit).values(
                    zeit=now,
                    benutzer=user,
                    aktion=f"{KINDS[kind]} geändert",
                    tabelle="eintrag_version",
                    details=f"{key} Version {version}: {reason}",
                )
            )
    except IntegrityError as exc:  # a concurrent save took the same version number
        raise Conflict(
            "Dieser Eintrag wurde gerade gleichzeitig geändert. Bitte neu laden."
        ) from exc
    return version
