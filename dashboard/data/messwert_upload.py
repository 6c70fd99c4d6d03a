"""Parse and validate measured values (Messwerte) from a form or an uploaded file.

Files are read by ``dashboard.data.tabular.read_table`` like school years. Columns:
``indikator_id``, ``datum``, ``wert``, ``quelle`` and, for indicators with a
breakdown, ``gebiet`` (AGS or Gemeinde name, or the Sozialraum; empty = Landkreis).
Every problem names row and column; a file with any error is never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.data.tabular import Table, TableError, read_table

REQUIRED = ("indikator_id", "datum", "wert", "quelle")
OPTIONAL = ("gebiet",)
COLUMNS = ["indikator_id", "datum", "gebiet", "wert", "quelle"]


@dataclass
class ParsedValues:
    rows: pd.DataFrame
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.rows.empty


def parse_number(text: str) -> float | None:
    """German or plain decimals: "1.234,5", "12,5", "0.75", "1234"."""
    s = str(text).strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", s):
        s = s.replace(",", ".")
    elif not re.fullmatch(r"-?\d+(\.\d+)?", s):
        return None
    return float(s)


def parse_date(text: str) -> str | None:
    """31.12.2018, 31.12.18, 2018-12-31, 12/2018 → 2018-12, 2018 → 2018."""
    s = str(text).strip().split(" ")[0]
    try:
        if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", s):
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return date(year, int(m[2]), int(m[1])).isoformat()
        if m := re.fullmatch(r"(\d{1,2})/(\d{4})", s):
            return f"{m[2]}-{int(m[1]):02d}" if 1 <= int(m[1]) <= 12 else None
        if re.fullmatch(r"\d{4}", s):
            return s
        return date.fromisoformat(s).isoformat()
    except ValueError:
        return None


def areas_for(breakdown: str, mapping: pd.DataFrame) -> dict[str, str]:
    """Accepted spellings (lower case) → stored key for a breakdown."""
    if breakdown == "gemeinde":
        return {
            **{a.lower(): a for a in mapping["ags"]},
            **{
                g.lower(): a
                for g, a in zip(mapping["gemeinde"], mapping["ags"], strict=True)
            },
        }
    if breakdown == "sozialraum":
        return {s.lower(): s for s in mapping["sozialraum"].unique()}
    return {}


def validate_rows(
    records: list[tuple[int, dict[str, str]]],
    catalogue: pd.DataFrame,
    mapping: pd.DataFrame,
    headers: dict[str, str] | None = None,
) -> ParsedValues:
    """Check (line, record) pairs against the catalogue; return clean rows or errors."""
    known = catalogue.set_index("indikator_id")
    head = headers or {}
    errors, rows = [], []
    for line, r in records:

        def bad(col: str, msg: str) -> None:
            errors.append(  # noqa: B023
                f"Zeile {line}, Spalte „{head.get(col, col)}“: {msg} (Wert: „{r.get(col, '')}“)."  # noqa: B023
            )

        ind = r.get("indikator_id", "").strip()
        if ind not in known.index:
            bad("indikator_id", "unbekannter Indikator")
            continue
        when, value = parse_date(r.get("datum", "")), parse_number(r.get("wert", ""))
        if when is None:
            bad("datum", "Datum als TT.MM.JJJJ, MM/JJJJ oder JJJJ angeben")
        if value is None:
            bad("wert", "keine Zahl")
        if not r.get("quelle", "").strip():
            bad("quelle", "Quelle angeben")
        breakdown = known.loc[ind, "aufschluesselung"]
        area_text = r.get("gebiet", "").strip()
        area = ""
        if area_text and area_text.lower() != "landkreis":
            area = areas_for(breakdown, mapping).get(area_text.lower())
            if area is None:
                what = {
                    "gemeinde": "Gemeinde (Name oder AGS)",
                    "sozialraum": "Sozialraum",
                }
                bad(
                    "gebiet",
                    f"erwartet {what.get(breakdown, 'leer (Indikator ohne Aufschlüsselung)')}",
                )
        rows.append(
            {"indikator_id": ind, "datum": when or "", "gebiet": area or "", "wert": value,
             "quelle": r.get("quelle", "").strip(), "zeile": line}
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "zeile"])
    for key, group in frame[frame.duplicated(COLUMNS[:3], keep=False)].groupby(
        COLUMNS[:3]
    ):
        lines = ", ".join(str(n) for n in group["zeile"])
        errors.append(f"Zeilen {lines}: doppelter Messwert für {key[0]} am {key[1]}.")
    return ParsedValues(frame.drop(columns="zeile"), errors)


def parse_values_file(
    raw: bytes, filename: str, catalogue: pd.DataFrame, mapping: pd.DataFrame
) -> ParsedValues:
    try:
        table: Table = read_table(raw, filename, REQUIRED, OPTIONAL)
    except TableError as exc:
        return ParsedValues(pd.DataFrame(columns=COLUMNS), [f"{filename}: {exc}"])
    parsed = validate_rows(
        list(zip(table.lines, table.rows, strict=True)),
        catalogue,
        mapping,
        table.headers,
    )
    if table.sum_rows:
        parsed.errors.append(
            f"Zeile {table.sum_rows[0][0]}: Summenzeilen sind bei Messwerten nicht vorgesehen; "
            "bitte entfernen."
        )
    parsed.warnings = table.notes
    return parsed


def template_csv(catalogue: pd.DataFrame) -> str:
    lines = ["indikator_id;datum;gebiet;wert;quelle"]
    lines += [f"{i};31.12.2018;;;" for i in catalogue["indikator_id"]]
    return "\n".join(lines) + "\n"
