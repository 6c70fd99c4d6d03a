"""Versions of actors, Angebote and relations: append-only, optimistic concurrency.

A save names the version it started from (0 = the bundled file row). If somebody
saved in between, the save is refused with who and when, as for goals.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from dashboard.data.records import REMOVED  # noqa: E402  (a reverted creation)
from dashboard.store.goals import Conflict
from dashboard.store.import_log import check_reason
from dashboard.store.models import akteur_import, audit, eintrag_version

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
    """The newest version of each record (the rule is ``current.record_versions``)."""
    from dashboard.current import record_versions  # current reads this module

    return record_versions(versions)


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
    try:
        with engine.begin() as conn:
            version = _append(conn, kind, key, base_version, record, reason, user, None)
    except IntegrityError as exc:  # a concurrent save took the same version number
        raise Conflict(
            "Dieser Eintrag wurde gerade gleichzeitig geändert. Bitte neu laden."
        ) from exc
    return version


def _append(conn, kind, key, base_version, record, reason, user, import_id) -> int:  # noqa: ANN001, PLR0913
    now = datetime.now(UTC)
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
            f"Dieser Eintrag ({key}) wurde inzwischen von {last.benutzer} am "
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
            import_id=import_id,
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
    return version


def commit_import(
    engine: Engine,
    kind: str,
    changes: list[tuple[str, int, dict]],
    user: str,
    filename: str,
) -> int:
    """Save every ``(key, base_version, record)`` of an uploaded list in one
    transaction; return the import's id. A conflict saves nothing."""
    now = datetime.now(UTC)
    reason = f"Import der Akteursliste „{filename}“"
    try:
        with engine.begin() as conn:
            import_id = conn.execute(
                insert(akteur_import).values(
                    zeit=now,
                    benutzer=user,
                    dateiname=filename,
                    zeilen=len(changes),
                    status="übernommen",
                )
            ).inserted_primary_key[0]
            for key, base, record in changes:
                _append(
                    conn,
                    kind,
                    key,
                    base,
                    record,
                    f"{reason} (Nr. {import_id})",
                    user,
                    import_id,
                )
            conn.execute(
                insert(audit).values(
                    zeit=now,
                    benutzer=user,
                    aktion="Akteursliste importiert",
                    tabelle="akteur_import",
                    details=f"Import {import_id}: {filename}, {len(changes)} Änderungen",
                )
            )
    except IntegrityError as exc:
        raise Conflict(
            "Die Liste wurde gerade gleichzeitig geändert. Bitte neu laden."
        ) from exc
    return import_id


def revert_import(
    engine: Engine, import_id: int, user: str, file_rows: dict[str, dict], reason: str
) -> list[str]:
    """Restore every record the import changed to its state before, as new versions.

    ``file_rows`` maps keys to the bundled file's records (the state before a first
    version). A record edited again after the import is left alone (its key is
    returned); a record the import created is marked removed. ``reason`` is required
    (``import_log.check_reason``) and goes into the audit row.
    """
    reason = check_reason(reason)
    now = datetime.now(UTC)
    skipped: list[str] = []
    with engine.begin() as conn:
        row = conn.execute(
            select(akteur_import).where(akteur_import.c.id == import_id)
        ).first()
        if row is None or row.status != "übernommen":
            raise ValueError(f"Import {import_id} ist nicht (mehr) übernommen.")
        mine = conn.execute(
            select(eintrag_version).where(eintrag_version.c.import_id == import_id)
        ).fetchall()
        for v in mine:
            versions = conn.execute(
                select(eintrag_version.c.version, eintrag_version.c.daten)
                .where(eintrag_version.c.art == v.art)
                .where(eintrag_version.c.schluessel == v.schluessel)
                .order_by(eintrag_version.c.version)
            ).fetchall()
            if versions[-1].version != v.version:
                skipped.append(v.schluessel)
                continue
            before = (
                json.loads(versions[-2].daten)
                if len(versions) > 1
                else file_rows.get(v.schluessel, {**json.loads(v.daten), REMOVED: True})
            )
            _append(
                conn,
                v.art,
                v.schluessel,
                v.version,
                before,
                f"Rücknahme von Import Nr. {import_id}",
                user,
                None,
            )
        conn.execute(
            update(akteur_import)
            .where(akteur_import.c.id == import_id)
            .values(status="zurückgenommen", geaendert_von=user, geaendert_am=now)
        )
        conn.execute(
            insert(audit).values(
                zeit=now,
                benutzer=user,
                aktion="Akteursliste-Import zurückgenommen",
                tabelle="akteur_import",
                details=f"Import {import_id}; Grund: {reason}"
                + (
                    f"; nicht zurückgenommen (später geändert): {', '.join(skipped)}"
                    if skipped
                    else ""
                ),
            )
        )
    return skipped


def list_imports(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(
            select(akteur_import).order_by(akteur_import.c.id.desc()), conn
        )
