"""Read an uploaded table (CSV, TXT or Excel) the way office staff make them.

``read_table`` is the single entry point for every upload (school years, Messwerte);
checks that must run before parsing (size, archive bombs, row counts) belong at its
start. It accepts: UTF-8 with or without BOM, Windows-1252, UTF-16 ("Unicode-Text");
``;``, ``,`` or tab as separator; title rows above the header; header spellings as
people write them (one mapping, ``HEADER_ALIASES``); extra columns (ignored with a
hint); empty rows (``;;;;``); sum rows ("Summe", "Gesamt"), which are returned apart to
be checked, never imported; Excel date and number cells.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from dashboard.labels import EXPORT_COLUMNS

MAX_BYTES = 1_000_000
HEADER_SEARCH_ROWS = 15
SUM_WORDS = ("summe", "gesamt", "insgesamt", "total", "gesamtsumme")

# canonical column -> spellings seen in real files (after ``header_key``)
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "schuljahr": ("schuljahr", "sj", "jahr"),
    "ebene": ("ebene", "bezug", "raumbezug"),
    "schule_id": ("schule_id", "schul_id", "schulid", "id_schule", "schulkennung"),
    "schule": ("schule", "schulname", "name_der_schule", "name"),
    "phase": ("phase", "daz_phase", "dazphase"),
    "schueler": (
        "schueler",
        "schuelerzahl",
        "anzahl_schueler",
        "schueler_anzahl",
        "anzahl",
        "vka_schueler",
        "daz_schueler",
    ),
    "vka_klassen": ("vka_klassen", "klassen", "anzahl_klassen", "vka"),
    "kapazitaetsreserve": (
        "kapazitaetsreserve",
        "reserve",
        "freie_plaetze",
        "kapazitaets_reserve",
    ),
    "quelle": ("quelle", "herkunft_der_daten", "datenquelle"),
    "stand": ("stand", "datenstand", "stichtag", "datum", "stand_datum"),
    # Messwerte
    "indikator_id": ("indikator_id", "indikator", "kennung"),
    "datum": ("datum", "messdatum", "zeitpunkt", "stichtag", "stand", "jahr"),
    "wert": ("wert", "messwert"),
    "gebiet": ("gebiet", "gemeinde", "sozialraum", "ags"),
}


def header_key(text: object) -> str:
    """Lower case, umlauts spelt out, separators as ``_`` ("Schul-ID" → "schul_id")."""
    s = str(text or "").strip().lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def canonical(text: object, wanted: tuple[str, ...]) -> str | None:
    """The canonical name among ``wanted`` that a header cell means, if any."""
    key = header_key(text)
    for name in wanted:
        if key == name or key in HEADER_ALIASES.get(name, ()):
            return name
        # the German header our own downloads write (round trip export -> import)
        if name in EXPORT_COLUMNS and key == header_key(EXPORT_COLUMNS[name]):
            return name
    return None


@dataclass
class Table:
    """Data rows as strings keyed by canonical column, with their line in the file."""

    rows: list[dict[str, str]]
    lines: list[int]
    headers: dict[str, str]  # canonical -> as written in the file
    sum_rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class TableError(ValueError):
    """The file cannot be read as a table; ``str()`` is the German message."""


def decode(raw: bytes) -> str:
    """UTF-16 (BOM or NUL bytes), UTF-8 (with or without BOM), else Windows-1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:200]:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            if sum(c.isascii() for c in text) > 0.8 * len(text):  # right byte order
                return text
        raise TableError(
            "Zeichenkodierung nicht erkannt (Datei enthält Nullbytes). Bitte als "
            "„CSV UTF-8“ oder „Unicode-Text“ speichern."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="strict")


def _cell(value: object) -> str:
    """An Excel cell as text: dates ISO, whole floats without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _excel_rows(raw: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001  openpyxl raises many kinds
        raise TableError(f"Excel-Datei nicht lesbar ({type(exc).__name__}).") from exc
    sheet = book.worksheets[0]
    out = [
        (i, [_cell(v) for v in row])
        for i, row in enumerate(sheet.iter_rows(values_only=True), start=1)
    ]
    book.close()
    return out


def _separator(lines: list[str]) -> str:
    """The separator that splits the first non-empty lines into most columns."""
    sample = [line for line in lines[:HEADER_SEARCH_ROWS] if line.strip()]
    return max(
        ("\t", ";", ","), key=lambda sep: sum(line.count(sep) for line in sample)
    )


def _csv_rows(raw: bytes) -> list[tuple[int, list[str]]]:
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        raise TableError(
            "Zeichenkodierung nicht erkannt. Bitte als UTF-8 oder Windows-1252 speichern."
        ) from exc
    sep = _separator(text.splitlines())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    out, start = [], 1
    try:
        for row in reader:
            out.append((start, [c.strip() for c in row]))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise TableError(f"CSV nicht lesbar (Zeile {reader.line_num}): {exc}") from exc
    return out


def _is_sum_row(cells: list[str]) -> bool:
    return any(header_key(c).split("_")[0] in SUM_WORDS for c in cells if c)


def read_table(
    raw: bytes, filename: str, required: tuple[str, ...], optional: tuple[str, ...]
) -> Table:
    """Read ``raw`` into canonical columns.

    Raises
    ------
    TableError
        Unknown file type, unreadable file, or no header row with the ``required``
        columns (the message names the missing ones).
    """
    if len(raw) > MAX_BYTES:
        size = f"{len(raw):,}".replace(",", ".")
        raise TableError(f"Die Datei ist größer als 1 MB ({size} Bytes).")
    if not raw.strip():
        raise TableError("Die Datei ist leer.")
    name = filename.lower()
    if name.endswith(".xls"):
        raise TableError(
            "Das alte Excel-Format (.xls) wird nicht gelesen; bitte als .xlsx speichern."
        )
    if name.endswith(".xlsx"):
        rows = _excel_rows(raw)
    elif name.endswith((".csv", ".txt")):
        rows = _csv_rows(raw)
    else:
        raise TableError(
            "Nur CSV- (.csv, .txt) oder Excel-Dateien (.xlsx) werden angenommen."
        )
    wanted = required + optional
    best, best_hits = None, -1
    for pos, (_line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        hits = {canonical(c, wanted) for c in cells} - {None}
        if len(hits & set(required)) > best_hits:
            best, best_hits = pos, len(hits & set(required))
        if set(required) <= hits:
            break
    header_line, header = rows[best] if best is not None else (1, [])
    columns = [canonical(c, wanted) for c in header]
    found = {c for c in columns if c}
    missing = [c for c in required if c not in found]
    if missing:
        raise TableError(
            "Keine Kopfzeile gefunden: "
            + ", ".join(f"Spalte „{c}“ fehlt" for c in missing)
            + ". Die Kopfzeile muss in den ersten 15 Zeilen stehen."
        )
    notes = []
    if header_line > 1:
        above = "Zeile 1" if header_line == 2 else f"Zeilen 1–{header_line - 1}"
        notes.append(f"{above} über der Kopfzeile übersprungen (Titel).")
    seen: set[str] = set()
    for i, (col, text) in enumerate(zip(columns, header, strict=False)):
        if col in seen:
            raise TableError(f"Spalte „{text}“ kommt doppelt vor (Spalte {i + 1}).")
        if col:
            seen.add(col)
        elif text:
            notes.append(f"Spalte „{text}“ wird nicht übernommen.")
    table = Table(
        [], [], {c: t for c, t in zip(columns, header, strict=False) if c}, notes=notes
    )
    for line, cells in rows[best + 1 :]:
        if not any(cells):
            continue
        record = {
            c: (cells[i] if i < len(cells) else "") for i, c in enumerate(columns) if c
        }
        if _is_sum_row(cells):
            table.sum_rows.append((line, record))
            continue
        table.rows.append(record)
        table.lines.append(line)
    if not table.rows:
        raise TableError("Die Datei enthält keine Datenzeilen.")
    return table
