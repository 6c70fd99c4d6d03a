"""Parse and validate an uploaded school year (CSV or Excel) before anything is stored.

German office conventions are accepted: ``;`` or ``,`` as separator, UTF-8 with or
without BOM or Windows-1252, dates as 31.01.2018. Every problem is reported in German
with row and column; a file with any error is never stored.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

MAX_BYTES = 1_000_000
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


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252; anything else is refused."""
    if b"\x00" in raw:
        raise ValueError(
            "Zeichenkodierung nicht erkannt (Datei enthält Nullbytes, vermutlich UTF-16). "
            "Bitte als „CSV UTF-8“ oder „CSV (Trennzeichen-getrennt)“ speichern."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ValueError(
                "Zeichenkodierung nicht erkannt. Bitte als UTF-8 oder Windows-1252 speichern."
            ) from exc


def read_table(raw: bytes, filename: str) -> pd.DataFrame:
    """Read CSV or Excel into a frame of strings."""
    if filename.lower().endswith(".xlsx"):
        try:
            frame = pd.read_excel(io.BytesIO(raw), dtype=str, engine="openpyxl").fillna(
                ""
            )
        except Exception as exc:  # noqa: BLE001  openpyxl raises many kinds
            raise ValueError(
                f"Excel-Datei nicht lesbar ({type(exc).__name__})."
            ) from exc
        return frame.astype(str)
    if not filename.lower().endswith((".csv", ".txt")):
        raise ValueError(
            "Nur CSV- (.csv) oder Excel-Dateien (.xlsx) werden angenommen."
        )
    text = decode(raw)
    first = text.splitlines()[0] if text.strip() else ""
    sep = ";" if first.count(";") >= first.count(",") else ","
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            quoting=csv.QUOTE_MINIMAL,
        )
    except pd.errors.ParserError as exc:
        raise ValueError(f"CSV nicht lesbar: {exc}") from exc


def _whole(value: str) -> int | None:
    """A whole non-negative number, German thousands dots allowed ("1.234")."""
    text = value.strip().replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", text):
        return int(text.replace(".", ""))
    return None


def _stand(value: str) -> str | None:
    text = value.strip()
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    try:
        if m:
            return date(int(m[3]), int(m[2]), int(m[1])).isoformat()
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _schuljahr_ok(value: str) -> bool:
    m = re.fullmatch(r"(\d{4})/(\d{2})", value)
    return bool(m) and (int(m[1]) + 1) % 100 == int(m[2])


def parse_upload(
    raw: bytes, filename: str, schools: dict[str, str], existing: set[tuple]
) -> ParsedUpload:
    """Validate an upload.

    Parameters
    ----------
    raw, filename : bytes, str
        The uploaded file.
    schools : dict
        Known ``schule_id`` → Schulart.
    existing : set of tuple
        ``KEY`` tuples already stored (bundled or imported); repeating one is an error.
    """
    if len(raw) > MAX_BYTES:
        return ParsedUpload(
            _empty(),
            [
                f"{filename}: Die Datei ist größer als 1 MB ({len(raw):,} Bytes).".replace(
                    ",", "."
                )
            ],
        )
    if not raw.strip():
        return ParsedUpload(_empty(), [f"{filename}: Die Datei ist leer."])
    try:
        frame = read_table(raw, filename)
    except ValueError as exc:
        return ParsedUpload(_empty(), [f"{filename}: {exc}"])
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    errors = [
        f"{filename}: Spalte „{c}“ fehlt." for c in REQUIRED if c not in frame.columns
    ]
    errors += [
        f"{filename}: Spalte „{c}“ ist unbekannt."
        for c in frame.columns
        if c not in REQUIRED + OPTIONAL
    ]
    if errors:
        return ParsedUpload(_empty(), errors)
    if frame.empty:
        return ParsedUpload(
            _empty(), [f"{filename}: Die Datei enthält keine Datenzeilen."]
        )
    for col in OPTIONAL:
        if col not in frame.columns:
            frame[col] = ""
    rows, warnings = [], []
    for idx, r in frame.astype(str).apply(lambda c: c.str.strip()).iterrows():
        where = f"Zeile {idx + 2}"

        def bad(col: str, msg: str, value: str) -> None:
            errors.append(f"{where}, Spalte „{col}“: {msg} (Wert: „{value}“).")  # noqa: B023

        if not _schuljahr_ok(r["schuljahr"]):
            bad("schuljahr", "Schuljahr im Format 2017/18 angeben", r["schuljahr"])
        if r["ebene"] not in EBENEN:
            bad("ebene", "erlaubt sind Landkreis oder Schule", r["ebene"])
        if r["phase"] not in PHASEN:
            bad("phase", "erlaubt sind „DaZ 1/2“ oder „DaZ 3“", r["phase"])
        if r["ebene"] == "Schule" and r["schule_id"] not in schools:
            bad("schule_id", "unbekannte Schule", r["schule_id"])
        if r["ebene"] == "Landkreis" and r["schule_id"]:
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
                "schuljahr": r["schuljahr"],
                "ebene": r["ebene"],
                "schule_id": r["schule_id"],
                "phase": r["phase"],
                **numbers,
                "quelle": r["quelle"],
                "stand": stand or "",
            }
        )
    out = pd.DataFrame(rows, columns=_empty().columns)
    dup = out[out.duplicated(KEY, keep=False)]
    for key, group in dup.groupby(KEY, sort=False):
        lines = ", ".join(str(i + 2) for i in group.index)
        errors.append(
            f"Zeilen {lines}: doppelte Angabe für {key[0]} / {key[1]} {key[2]} / {key[3]}.".replace(
                "  ", " "
            )
        )
    for idx, r in out.iterrows():
        if tuple(r[KEY]) in existing:
            errors.append(
                f"Zeile {idx + 2}: {r['schuljahr']} / {r['ebene']} {r['schule_id']} / {r['phase']} ist "
                "bereits gespeichert. Ein vorhandener Import kann von der Administration "
                "zurückgenommen werden.".replace("  ", " ")
            )
    if not errors:
        warnings = plausibility(out, schools)
    return ParsedUpload(out, errors, warnings)


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
