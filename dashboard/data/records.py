"""Current actors, Angebote and relations: the bundled rows plus saved versions.

``overlay`` decides what is current for these three tables (newest version wins; a
record never edited is its file row, version 0). ``validate`` checks one record
with the same schema as the bundled file and returns one German message per field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
REMOVED = "_entfernt"  # set by the revert of an import that created the record
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
    removed = []
    for row in mine.itertuples():
        record = {**row.daten, "version": int(row.version)}
        if record.pop(REMOVED, False):  # a reverted creation
            removed.append(row.schluessel)
            continue
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
    if removed:
        keys = frame.apply(lambda r: key_of(kind, r), axis=1)
        frame = frame[~keys.isin(removed)].reset_index(drop=True)
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


# --- actor list export and re-import ---------------------------------------------

LIST_COLUMNS = [
    "akteur_id",
    "name",
    "art",
    "ags",
    "gebiet",
    "handlungsfelder",
    "hf_laut_konzept",
    "aufgaben",
    "anzahl",
    "hinweis",
    "quelle",
    "stand",
    "status",
    "ende",
]
# "ags" before "gebiet": the shared header aliases read "ags" as "gebiet" otherwise
LIST_REQUIRED = ("akteur_id", "name", "art", "ags", "gebiet", "quelle", "stand")
# Texts quoted from the concept: never changed by an upload
FROM_CONCEPT = ("aufgaben", "hf_laut_konzept")
GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
GERMAN_MONTH = re.compile(r"^(\d{1,2})/(\d{4})$")


@dataclass
class ParsedList:
    """An uploaded actor list: the records to save and every problem found."""

    changes: list[tuple[str, int, dict, list[str]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def export_list(actors: pd.DataFrame) -> pd.DataFrame:
    """The current actors in the columns a re-import reads."""
    return actors[LIST_COLUMNS].sort_values("name").reset_index(drop=True)


def _iso(value: str) -> str:
    """08.02.2017 -> 2017-02-08 and 08/2024 -> 2024-08 (as the downloads write them)."""
    m = GERMAN_DATE.match(value)
    if m:
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    m = GERMAN_MONTH.match(value)
    return f"{m[2]}-{int(m[1]):02d}" if m else value


def parse_actor_list(
    raw: bytes, filename: str, current: pd.DataFrame, refs: dict[str, set[str]]
) -> ParsedList:
    """Compare an uploaded actor list with ``current`` (``Repository.records``).

    Columns missing in the file keep their current values; an empty ``akteur_id``
    creates an actor. Every row is validated like the edit form; nothing is saved here.
    """
    from dashboard.data.tabular import TableError, read_table

    out = ParsedList()
    optional = tuple(c for c in LIST_COLUMNS if c not in LIST_REQUIRED)
    try:
        table = read_table(raw, filename, LIST_REQUIRED, optional)
    except TableError as exc:
        out.errors.append(f"{filename}: {exc}")
        return out
    out.notes = table.notes
    rows = current.set_index("akteur_id", drop=False)
    taken, seen = set(rows.index), set()
    for line, row in zip(table.lines, table.rows, strict=True):
        key = row["akteur_id"].strip()
        where = f"Zeile {line}"
        if key in seen:
            out.errors.append(
                f"{where}, Spalte „akteur_id“: „{key}“ kommt doppelt vor."
            )
            continue
        if key and key not in rows.index:
            out.errors.append(
                f"{where}, Spalte „akteur_id“: „{key}“ ist unbekannt (leer lassen für neue Akteure)."
            )
            continue
        base = rows.loc[key].to_dict() if key else {c: "" for c in LIST_COLUMNS}
        if not key:
            key = new_id(row.get("name", ""), taken)
            taken.add(key)
            base.update(status=ACTIVE)
        seen.add(key)
        values = {
            c: _iso(v.strip()) if c in ("ende", "stand") else v.strip()
            for c, v in row.items()
        }
        for col in FROM_CONCEPT:
            if col in values and values[col] != str(base.get(col, "") or ""):
                out.errors.append(
                    f"{where}, Spalte „{col}“: Textstellen des Konzepts werden nicht per "
                    "Import geändert."
                )
        record = {c: str(base.get(c, "") or "") for c in LIST_COLUMNS}
        record.update(values)
        record["akteur_id"] = key
        for col, msg in validate("akteur", record, refs).items():
            out.errors.append(f"{where}, Spalte „{col}“: {msg}")
        changed = [c for c in LIST_COLUMNS if record[c] != str(base.get(c, "") or "")]
        if key not in rows.index or changed:
            version = int(base.get("version", 0) or 0) if key in rows.index else 0
            out.changes.append((key, version, record, changed))
        else:
            out.unchanged += 1
    return out
