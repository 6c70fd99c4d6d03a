"""Goal versions and measured values: append-only, with optimistic concurrency.

A save names the version it started from. If somebody saved in between, the save is
refused with who and when, so nobody silently overwrites a colleague's change.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine, func, insert, select, true, union_all
from sqlalchemy.exc import IntegrityError

from dashboard.data.goal_rules import (
    check_edit,
    iso_date,
    number,
    readable_measurements,
)
from dashboard.data.measure_rules import check_owners, offices, owners
from dashboard.data.progress import INITIAL_STATUS, STATUS
from dashboard.formatting import fmt_time
from dashboard.store.models import REFERENCE, audit, messwert, ziel_version


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
    akteure: object = ()  # akteur_ids; empty: ``verantwortlich`` (if any) alone
    fachamt: str = ""  # akteur_id of a Behörde

    def owner_list(self) -> object:
        """The owners to store (a forged non-list is passed on for the rules to refuse)."""
        if self.akteure not in (None, "", (), []):
            return self.akteure
        return [self.verantwortlich] if self.verantwortlich else []


def history(engine: Engine, ziel_id: str | None = None) -> pd.DataFrame:
    """All versions (newest first), optionally of one goal."""
    query = select(ziel_version).order_by(
        ziel_version.c.ziel_id, ziel_version.c.version.desc()
    )
    if ziel_id:
        query = query.where(ziel_version.c.ziel_id == ziel_id)
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def latest_versions(
    engine: Engine,
    goal_ids: list[str],
    per_goal: int = 1,
    skip: int = 0,
    as_of: datetime | None = None,
) -> pd.DataFrame:
    """Each goal's newest versions, newest first: ``per_goal`` after skipping ``skip``.

    One lookup per goal on the unique index (ziel_id, version), so the cost does not
    grow with the number of versions stored. ``as_of`` keeps versions saved by then.
    """
    parts = []
    for goal in dict.fromkeys(goal_ids):
        query = select(ziel_version).where(ziel_version.c.ziel_id == goal)
        if as_of is not None:
            query = query.where(ziel_version.c.zeit <= as_of)
        query = query.order_by(ziel_version.c.version.desc()).limit(per_goal)
        parts.append(select(query.offset(skip).subquery()))
    if not parts:
        return pd.DataFrame(columns=[c.name for c in ziel_version.c])
    with engine.connect() as conn:
        return pd.read_sql(union_all(*parts), conn)


def version_meta(engine: Engine, version_ids: Iterable[int]) -> pd.DataFrame:
    """Who saved the given goal versions and when (``id``, ``benutzer``, ``zeit``)."""
    wanted = sorted({int(v) for v in version_ids})
    query = select(ziel_version.c.id, ziel_version.c.benutzer, ziel_version.c.zeit)
    with engine.connect() as conn:
        return pd.read_sql(query.where(ziel_version.c.id.in_(wanted)), conn)


def measures(
    engine: Engine, goal_ids: list[str], as_of: datetime | None = None
) -> dict[str, list[str]]:
    """Each goal's distinct Maßnahmen in the order they were first entered
    (entered by ``as_of``, if given)."""
    first = func.min(ziel_version.c.version)
    saved = ziel_version.c.zeit <= as_of if as_of is not None else true()
    query = (
        select(ziel_version.c.ziel_id, ziel_version.c.massnahme)
        .where(ziel_version.c.ziel_id.in_(goal_ids), ziel_version.c.massnahme != "")
        .where(saved)
        .group_by(ziel_version.c.ziel_id, ziel_version.c.massnahme)
        .order_by(ziel_version.c.ziel_id, first)
    )
    out: dict[str, list[str]] = {g: [] for g in goal_ids}
    with engine.connect() as conn:
        for ziel_id, text in conn.execute(query):
            out[ziel_id].append(text)
    return out


def measurements(engine: Engine) -> pd.DataFrame:
    """Measured values a page can show, oldest first.

    Stored values that break the rules (``goal_rules.readable_measurements``) are left
    out, so no stored value can make a page fail; which value counts (the latest entry
    per indicator and date corrects earlier ones) is decided in ``dashboard.current``.
    """
    with engine.connect() as conn:
        values = pd.read_sql(
            select(messwert).order_by(messwert.c.datum, messwert.c.id), conn
        )
    return readable_measurements(values)


def _reference(engine: Engine) -> dict:
    """What an edit may refer to: goals, current indicators (with their goal), actors."""
    from dashboard.current import indicator_catalogue  # current reads this module
    from dashboard.store import indicators as indicator_store
    from dashboard.store.repository import Repository

    ziele, indikatoren = REFERENCE["ziele"], REFERENCE["indikatoren"]
    with engine.connect() as conn:
        goals = set(conn.execute(select(ziele.c.ziel_id)).scalars())
        bundled = pd.read_sql(select(indikatoren), conn)
    repo = Repository(engine)
    actors = set(repo.actor_names()["akteur_id"])  # the form's list
    catalogue = indicator_catalogue(bundled, indicator_store.versions(engine))
    return {
        "goals": goals,
        "indicator_goal": dict(
            zip(catalogue["indikator_id"], catalogue["ziel_id"], strict=True)
        ),
        "actors": actors,
        "statuses": set(STATUS),
        "office_ids": set(offices(repo.records("akteur"))["akteur_id"]),
    }


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
                    "akteure": owners(r.get("akteure", ""), r["verantwortlich"]),
                    "fachamt": r.get("fachamt", "") or "",
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
                    "akteure": [],
                    "fachamt": "",
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
        When ``goal_rules.check_edit`` finds a problem (German message): unknown goal,
        status or actor, a foreign indicator, an invalid date or number, overlong text.
    """
    ref = _reference(engine)
    office_ids = ref.pop("office_ids")
    akteure = edit.owner_list()
    errors = check_edit(
        ziel_id,
        base_version,
        edit.status,
        "",  # owners are checked as a list below
        edit.kommentar,
        edit.massnahme,
        edit.datum,
        edit.messwerte,
        **ref,
    )
    if isinstance(ziel_id, str) and ziel_id in ref["goals"]:
        errors += check_owners(
            akteure, edit.fachamt, actors=ref["actors"], office_ids=office_ids
        )
    if errors:
        raise ValueError(" ".join(errors))
    base_version = int(base_version)
    messwerte = tuple(
        (i, iso_date(d), number(w), q.strip()) for i, d, w, q in edit.messwerte
    )
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
                raise _conflict(latest)
            version = base_version + 1
            version_id = conn.execute(
                insert(ziel_version).values(
                    ziel_id=ziel_id,
                    version=version,
                    status=edit.status,
                    verantwortlich=akteure[0] if akteure else "",
                    akteure=json.dumps(list(dict.fromkeys(akteure))),
                    fachamt=edit.fachamt or "",
                    kommentar=edit.kommentar,
                    massnahme=edit.massnahme,
                    datum=iso_date(edit.datum) or now.date().isoformat(),
                    benutzer=user,
                    zeit=now,
                )
            ).inserted_primary_key[0]
            for indikator_id, datum, wert, quelle in messwerte:
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
                    + (f", {len(messwerte)} Messwert(e)" if messwerte else ""),
                )
            )
    except IntegrityError as exc:  # a concurrent save took the same version number
        with engine.connect() as conn:
            winner = conn.execute(
                select(ziel_version.c.benutzer, ziel_version.c.zeit)
                .where(ziel_version.c.ziel_id == ziel_id)
                .order_by(ziel_version.c.version.desc())
                .limit(1)
            ).first()
        raise _conflict(winner) from exc
    return version


def _conflict(latest) -> Conflict:  # noqa: ANN001
    """The refusal naming who saved first and when."""
    if latest is None:
        return Conflict(
            "Dieses Ziel wurde gerade gleichzeitig geändert. Bitte neu laden."
        )
    return Conflict(
        f"Dieses Ziel wurde inzwischen von {latest.benutzer} am "
        f"{fmt_time(latest.zeit)} geändert. Ihre Eingabe wurde nicht "
        "gespeichert. Bitte neu laden und erneut eintragen."
    )


def version_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(ziel_version)).scalar_one()
