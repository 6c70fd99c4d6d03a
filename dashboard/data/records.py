"""Current actors, Angebote and relations: the bundled rows plus saved versions.

``overlay`` decides what is current for these three tables (newest version wins; a
record never edited is its file row, version 0). ``validate`` checks one record
with the same schema as the bundled file and returns one German message per field.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from dashboard.data.loaders import _describe
from dashboard.data.schemas import SCHEMAS

TABLE = {"akteur": "akteure", "angebot": "angebote", "beziehung": "akteur_beziehungen"}
KEY = {
    "akteur": ["akteur_id"],
    "angebot": ["angebot_id"],
    "beziehung": ["von", "beziehung", "zu"],
}
ACTIVE, ENDED = "in Betrieb", "beendet"
# Extra fields of a saved record beyond the file's columns
EXTRA = {
    "akteur": ["status", "ende"],
    "angebot": ["ende"],
    "beziehung": ["status", "ende"],
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def key_of(kind: str, record: dict) -> str:
    return "|".join(str(record[k]) for k in KEY[kind])


def overlay(kind: str, base: pd.DataFrame, latest: pd.DataFrame) -> pd.DataFrame:
    """``base`` (the file's rows) with every saved version applied.

    Adds ``version`` (0 = file row), ``ende`` and, for actors and relations,
    ``status`` (``in Betrieb`` / ``beendet``). New records are appended.
    """
    frame = base.copy()
    frame["version"] = 0
    for col in EXTRA[kind]:
        frame[col] = ACTIVE if col == "status" else ""
    if latest.empty:
        return frame
    mine = latest[latest["art"] == kind]
    keys = frame.apply(lambda r: key_of(kind, r), axis=1) if len(frame) else pd.Series()
    position = {k: i for i, k in zip(frame.index, keys, strict=True)}
    added = []
    for row in mine.itertuples():
        record = {**row.daten, "version": int(row.version)}
        if row.schluessel in position:
            idx = position[row.schluessel]
            for col, value in record.items():
                if col in frame.columns:
                    frame.at[idx, col] = value
        else:
            added.append(record)
    if added:
        frame = pd.concat(
            [frame, pd.DataFrame(added)[frame.columns]], ignore_index=True
        )
    return frame.astype({"version": int})


def validate(kind: str, record: dict, refs: dict[str, set[str]]) -> dict[str, str]:
    """German message per invalid field of ``record`` (empty dict if valid).

    ``refs`` holds known ``ags``, ``hf`` (Handlungsfeld IDs) and ``akteure`` IDs.
    """
    schema = SCHEMAS[TABLE[kind]]
    row = {c: (record.get(c) or "") for c in schema.columns}
    problems: dict[str, str] = {}
    try:
        schema.validate(pd.DataFrame([row]).astype(str), lazy=True)
    except pa.errors.SchemaErrors as exc:
        for case in exc.failure_cases.itertuples():
            if isinstance(case.column, str) and case.column not in problems:
                problems[case.column] = _describe(str(case.check)) + "."
    if row.get("ags") and row["ags"] not in refs["ags"]:
        problems["ags"] = "Gemeinde des Landkreises wählen."
    for col in ("handlungsfelder", "hf_laut_konzept"):
        unknown = [h for h in str(row.get(col, "")).split() if h not in refs["hf"]]
        if unknown:
            problems[col] = f"Unbekanntes Handlungsfeld: {', '.join(unknown)}."
    if kind == "beziehung":
        for col in ("von", "zu"):
            if row[col] and row[col] not in refs["akteure"]:
                problems[col] = "Akteur aus dem Verzeichnis wählen."
        if row["von"] and row["von"] == row["zu"]:
            problems["zu"] = "Eine Beziehung braucht zwei verschiedene Akteure."
    ended = record.get("status") in (ENDED, "geschlossen")
    if ended and not DATE.match(record.get("ende") or ""):
        problems["ende"] = "Beim Beenden ein Datum angeben (TT.MM.JJJJ)."
    if record.get("ende") and not DATE.match(record["ende"]):
        problems["ende"] = "Datum im Format TT.MM.JJJJ angeben."
    return problems


def new_id(name: str, taken: set[str]) -> str:
    """A readable, unused ID from ``name`` (``Neue Stelle`` -> ``neue-stelle``)."""
    base = name.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        base = base.replace(a, b)
    base = re.sub(r"[^a-z0-9]+", "-", base).strip("-")[:48] or "eintrag"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
