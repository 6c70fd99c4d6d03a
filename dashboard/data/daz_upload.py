"""Parse and validate an uploaded school year (CSV or Excel) before anything is stored.

The file is read by ``dashboard.data.tabular.read_table`` (encodings, separators,
title rows, header spellings, empty and sum rows). Values are accepted as people
write them: "2017/2018", "landkreis", "DaZ1/2", "01.02.18", an Excel date cell. Every
problem is reported in German with the file's row and column; a file with any error
is never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.data.tabular import Table, TableError, read_table

MAX_PUPILS = 10_000
REQUIRED = ["schuljahr", "ebene", "phase", "schueler", "quelle", "stand"]
OPTIONAL = ["schule_id", "schule", "vka_klassen", "kapazitaetsreserve"]
TEMPLATE_COLUMNS = [
    "schuljahr",
    "ebene",
    "schule_id",
    "schule",
    "phase",
    "schueler",
    "vka_klassen",
    "kapazitaetsreserve",
    "quelle",
    "stand",
]
EBENEN = {"Landkreis", "Schule"}
PHASEN = {"DaZ 1/2", "DaZ 3"}
KEY = ["schuljahr", "ebene", "schule_id", "phase"]


@dataclass
class ParsedUpload:
    """Normalised rows (``KEY`` + numbers + ``quelle``/``stand``), errors and warnings."""

    rows: pd.DataFrame
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.rows.empty


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        columns=[
            *KEY,
            "schueler",
            "vka_klassen",
            "kapazitaetsreserve",
            "quelle",
            "stand",
        ]
    )


def _whole(value: str) -> int | None:
    """A whole non-negative number, German thousands dots allowed ("1.234")."""
    text = value.strip().replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", text):
        return int(text.replace(".", ""))
    return None


def _stand(value: str) -> str | None:
    """31.01.2018, 1.2.18, 2018-01-31 (also an Excel date cell) → ISO date."""
    text = value.strip().split(" ")[0]
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", text)
    try:
        if m:
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return date(year, int(m[2]), int(m[1])).isoformat()
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _schuljahr(value: str) -> str | None:
    """2017/18, 2017/2018, 2017-18 → "2017/18" (consecutive years only)."""
    m = re.fullmatch(r"(\d{4})\s*[/-]\s*(\d{2}|\d{4})", value.strip())
    if not m or int(m[2][-2:]) != (int(m[1]) + 1) % 100:
        return None
    if len(m[2]) == 4 and int(m[2]) != int(m[1]) + 1:
        return None
    return f"{m[1]}/{m[2][-2:]}"


def _ebene(value: str) -> str | None:
    return {e.lower(): e for e in EBENEN}.get(value.strip().lower())


def _phase(value: str) -> str | None:
    """ "DaZ 1/2", "DaZ1/2", "daz 1 / 2", "Phase 3", "3" → canonical phase."""
    key = re.sub(r"\s+|daz|phase", "", value.lower())
    return {"1/2": "DaZ 1/2", "1+2": "DaZ 1/2", "12": "DaZ 1/2", "3": "DaZ 3"}.get(key)


def _school_id(
    value: str, name: str, schools: dict[str, str], names: dict[str, str]
) -> str:
    """The ``schule_id`` as written, or found by the school's name when left empty."""
    if value or not name:
        return value.strip().lower() if value.strip().lower() in schools else value
    return names.get(name.strip().lower(), "")


def parse_upload(
    raw: bytes,
    filename: str,
    schools: dict[str, str],
    existing: set[tuple],
    school_names: dict[str, str] | None = None,
) -> ParsedUpload:
    """Validate an upload.

    Parameters
    ----------
    raw, filename : bytes, str
        The uploaded file (read by ``dashboard.data.tabular.read_table``).
    schools : dict
        Known ``schule_id`` → Schulart.
    existing : set of tuple
        ``KEY`` tuples already stored (bundled or imported); repeating one is an error.
    school_names : dict, optional
        Lower-case school name → ``schule_id``, for rows that name the school only.
    """
    try:
        table = read_table(raw, filename, tuple(REQUIRED), tuple(OPTIONAL))
    except TableError as exc:
        return ParsedUpload(_empty(), [f"{filename}: {exc}"])
    names = school_names or {}
    head = table.headers
    errors: list[str] = []
    rows = []
    for line, r in zip(table.lines, table.rows, strict=True):
        r = {c: r.get(c, "") for c in REQUIRED + OPTIONAL}

        def bad(col: str, msg: str, value: str) -> None:
            errors.append(  # noqa: B023
                f"Zeile {line}, Spalte „{head.get(col, col)}“: {msg} (Wert: „{value}“)."  # noqa: B023
            )

        year, ebene, phase = (
            _schuljahr(r["schuljahr"]),
            _ebene(r["ebene"]),
            _phase(r["phase"]),
        )
        if year is None:
            bad("schuljahr", "Schuljahr im Format 2017/18 angeben", r["schuljahr"])
        if ebene is None:
            bad("ebene", "erlaubt sind Landkreis oder Schule", r["ebene"])
        if phase is None:
            bad("phase", "erlaubt sind „DaZ 1/2“ oder „DaZ 3“", r["phase"])
        school = _school_id(r["schule_id"], r["schule"], schools, names)
        if ebene == "Schule" and school not in schools:
            col = "schule_id" if r["schule_id"] or not r["schule"] else "schule"
            bad(col, "unbekannte Schule", r[col])
        if ebene == "Landkreis" and r["schule_id"]:
            bad("schule_id", "auf Landkreisebene leer lassen", r["schule_id"])
        numbers = {}
        for col in ("schueler", "vka_klassen", "kapazitaetsreserve"):
            if col != "schueler" and r[col] == "":
                numbers[col] = None
                continue
            n = _whole(r[col])
            if n is None:
                bad(col, "keine ganze Zahl ≥ 0", r[col])
            elif n > MAX_PUPILS:
                bad(
                    col,
                    f"unplausibel groß (mehr als {MAX_PUPILS:,})".replace(",", "."),
                    r[col],
                )
            numbers[col] = n
        if not r["quelle"]:
            bad("quelle", "Quelle angeben", r["quelle"])
        stand = _stand(r["stand"])
        if stand is None:
            bad("stand", "Datum als TT.MM.JJJJ angeben", r["stand"])
        rows.append(
            {
                "schuljahr": year or r["schuljahr"],
                "ebene": ebene or r["ebene"],
                "schule_id": school if ebene == "Schule" else r["schule_id"],
                "phase": phase or r["phase"],
                **numbers,
                "quelle": r["quelle"],
                "stand": stand or "",
            }
        )
    out = pd.DataFrame(rows, columns=_empty().columns, index=table.lines)
    sum_errors, sum_notes = ([], []) if errors else check_sums(out, table)
    errors += sum_errors
    dup = out[out.duplicated(KEY, keep=False)]
    for key, group in dup.groupby(KEY, sort=False):
        lines = ", ".join(str(i) for i in group.index)
        errors.append(
            f"Zeilen {lines}: doppelte Angabe für {key[0]} / {key[1]} {key[2]} / {key[3]}.".replace(
                "  ", " "
            )
        )
    for idx, r in out.iterrows():
        if tuple(r[KEY]) in existing:
            errors.append(
                f"Zeile {idx}: {r['schuljahr']} / {r['ebene']} {r['schule_id']} / {r['phase']} ist "
                "bereits gespeichert. Ein vorhandener Import kann von der Administration "
                "zurückgenommen werden.".replace("  ", " ")
            )
    warnings = [] if errors else [*table.notes, *sum_notes, *plausibility(out, schools)]
    return ParsedUpload(out.reset_index(drop=True), errors, warnings)


def check_sums(rows: pd.DataFrame, table: Table) -> tuple[list[str], list[str]]:
    """Sum rows ("Summe", "Gesamt") are checked against the rows above, never imported.

    A sum may cover all rows above it (since the previous sum row) or only the school
    or only the Landkreis rows. Returns (errors, notes).
    """
    errors, notes, previous = [], [], 0
    for line, record in table.sum_rows:
        above = rows[(rows.index > previous) & (rows.index < line)]
        previous = line
        for col in ("schueler", "vka_klassen", "kapazitaetsreserve"):
            text = record.get(col, "")
            if not text:
                continue
            label = table.headers.get(col, col)
            n = _whole(text)
            candidates = {
                int(part[col].fillna(0).sum())
                for part in (above, *(above[above["ebene"] == e] for e in EBENEN))
                if len(part)
            }
            if n is None:
                errors.append(
                    f"Zeile {line}, Spalte „{label}“: Summenzeile enthält keine ganze Zahl "
                    f"(Wert: „{text}“)."
                )
            elif n not in candidates:
                total = int(above[col].fillna(0).sum())
                errors.append(
                    f"Zeile {line}, Spalte „{label}“: Summenzeile ({n}) stimmt nicht mit der "
                    f"Summe der Zeilen darüber ({total}) überein."
                )
            else:
                notes.append(
                    f"Zeile {line}: Summenzeile geprüft ({label} {n} stimmt), nicht übernommen."
                )
    return errors, notes


def plausibility(rows: pd.DataFrame, schools: dict[str, str]) -> list[str]:
    """Non-blocking hints: the concept's own cross-check (Landkreis DaZ 1/2 = GS + OS)."""
    out = []
    for year, part in rows.groupby("schuljahr"):
        lk = part[(part["ebene"] == "Landkreis")]
        if len(lk) and set(lk["phase"]) != PHASEN:
            out.append(
                f"{year}: Auf Landkreisebene fehlt eine Phase ({', '.join(sorted(PHASEN - set(lk['phase'])))})."
            )
        sch = part[(part["ebene"] == "Schule") & (part["phase"] == "DaZ 1/2")]
        general = sch[
            sch["schule_id"].map(schools).isin(["Grundschule", "Oberschule"])
        ]["schueler"].sum()
        lk12 = lk.loc[lk["phase"] == "DaZ 1/2", "schueler"].sum()
        if len(lk) and len(sch) and general != lk12:
            out.append(
                f"{year}: DaZ 1/2 auf Landkreisebene ({lk12}) ≠ Summe der Grund- und Oberschulen ({general}); "
                "im Konzept stimmen beide überein."
            )
    return out


def template_csv(schools: pd.DataFrame) -> str:
    """A filled-in example for the next school year: every school, both Landkreis phases."""
    lines = [";".join(TEMPLATE_COLUMNS)]
    lines += [
        f"2017/18;Landkreis;;;{p};;;;Kreisschul- und Kulturamt;01.02.2018"
        for p in sorted(PHASEN)
    ]
    lines += [
        f"2017/18;Schule;{s.schule_id};{s.name_dokument};DaZ 1/2;;;;Kreisschul- und Kulturamt;01.02.2018"
        for s in schools.itertuples()
    ]
    return "\n".join(lines) + "\n"
