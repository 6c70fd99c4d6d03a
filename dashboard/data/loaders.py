"""Load and validate the bundled CSV files.

Errors name file, row and column in German; the app refuses to start on them.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from dashboard.data.schemas import SCHEMAS

# Technical pandera check names, translated for the people who edit the files.
_CHECK_TEXT = {
    "column_in_schema": "unbekannte Spalte",
    "column_in_dataframe": "Spalte fehlt",
    "multiple_fields_uniqueness": "Wert kommt doppelt vor",
    "field_uniqueness": "Wert kommt doppelt vor",
    "not_nullable": "Pflichtwert fehlt",
}


class DataError(ValueError):
    """Invalid bundled or uploaded data; ``problems`` holds one German line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Dataset:
    """One validated file with its checksum."""

    name: str
    frame: pd.DataFrame
    sha256: str


def _describe(check: str) -> str:
    if check.startswith("coerce_dtype") or check.startswith("dtype"):
        return "kein gültiger Zahlenwert"
    return _CHECK_TEXT.get(check, check)


def parse(name: str, raw: bytes, filename: str | None = None) -> pd.DataFrame:
    """Validate ``raw`` CSV bytes against the schema ``name``.

    Parameters
    ----------
    name : str
        Key in :data:`dashboard.data.schemas.SCHEMAS`.
    raw : bytes
        File content, UTF-8 (with or without BOM).
    filename : str, optional
        Shown in error messages; defaults to ``<name>.csv``.

    Returns
    -------
    pandas.DataFrame
        Typed frame, row order kept.

    Raises
    ------
    DataError
        With one German message per problem, naming file, row and column.
    """
    filename = filename or f"{name}.csv"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            [f"{filename}: Datei ist nicht UTF-8-kodiert (Byte {exc.start})."]
        ) from exc
    if not text.strip():
        raise DataError([f"{filename}: Datei ist leer."])
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise DataError([f"{filename}: CSV nicht lesbar ({exc})."]) from exc
    frame = frame.apply(lambda col: col.str.strip())
    for col_name, col in SCHEMAS[name].columns.items():
        if col.nullable and col_name in frame:  # empty cell = missing value, not ""
            frame[col_name] = frame[col_name].replace("", None)
    try:
        return SCHEMAS[name].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise DataError(_messages(filename, exc.failure_cases)) from exc


def _messages(filename: str, cases: pd.DataFrame) -> list[str]:
    out = []
    for case in cases.itertuples():
        check = _describe(str(case.check))
        if case.column is None or pd.isna(case.column):
            out.append(f"{filename}: Spalte „{case.failure_case}“: {check}.")
        elif case.index is None or pd.isna(case.index):
            out.append(f"{filename}: Spalte „{case.column}“: {check}.")
        else:
            row = int(case.index) + 2  # header line + 1-based
            out.append(
                f"{filename}, Zeile {row}, Spalte „{case.column}“: {check} "
                f"(Wert: „{case.failure_case}“)."
            )
    return sorted(set(out), key=out.index)


def load_dataset(name: str, data_dir: Path) -> Dataset:
    """Read and validate ``data_dir/<name>.csv``."""
    path = Path(data_dir) / f"{name}.csv"
    if not path.exists():
        raise DataError([f"{path.name}: Datei fehlt in {path.parent}."])
    raw = path.read_bytes()
    return Dataset(name, parse(name, raw, path.name), hashlib.sha256(raw).hexdigest())


def load_all(data_dir: Path) -> dict[str, Dataset]:
    """Load every bundled dataset and check the references between them.

    Raises
    ------
    DataError
        Listing every problem of every file, so one run shows them all.
    """
    datasets, problems = {}, []
    for name in SCHEMAS:
        try:
            datasets[name] = load_dataset(name, data_dir)
        except DataError as exc:
            problems.extend(exc.problems)
    if not problems:
        problems = check_references(datasets)
    if problems:
        raise DataError(problems)
    return datasets


def _missing(
    frame: pd.DataFrame, column: str, allowed: set[str], filename: str, what: str
) -> list[str]:
    out = []
    for idx, value in frame[column].items():
        if value and value not in allowed:
            out.append(
                f"{filename}, Zeile {idx + 2}, Spalte „{column}“: {what} „{value}“ ist unbekannt."
            )
    return out


def check_references(ds: dict[str, Dataset]) -> list[str]:
    """Foreign keys between the files; every unmatched key is an error."""
    ags = set(ds["sozialraeume"].frame["ags"])
    schools = set(ds["schulen_daz"].frame["schule_id"])
    actors = set(ds["akteure"].frame["akteur_id"])
    fields_ = set(ds["handlungsfelder"].frame["hf_id"])
    p = []
    p += _missing(ds["schulen_daz"].frame, "ags", ags, "schulen_daz.csv", "AGS")
    p += _missing(ds["angebote"].frame, "ags", ags, "angebote.csv", "AGS")
    p += _missing(ds["akteure"].frame, "ags", ags, "akteure.csv", "AGS")
    p += _missing(ds["einwohner"].frame, "ags", ags, "einwohner.csv", "AGS")
    p += _missing(
        ds["daz_schuljahre"].frame, "schule_id", schools, "daz_schuljahre.csv", "Schule"
    )
    p += _missing(ds["ziele"].frame, "hf_id", fields_, "ziele.csv", "Handlungsfeld")
    goals = set(ds["ziele"].frame["ziel_id"])
    p += _missing(ds["indikatoren"].frame, "ziel_id", goals, "indikatoren.csv", "Ziel")
    for idx, value in ds["beschluesse"].frame["ziele"].items():
        p += [
            f"beschluesse.csv, Zeile {idx + 2}, Spalte „ziele“: Ziel „{z}“ ist unbekannt."
            for z in value.split()
            if z not in goals
        ]
    p += _missing(
        ds["kernaussagen"].frame, "hf_id", fields_, "kernaussagen.csv", "Handlungsfeld"
    )
    p += _missing(
        ds["akteur_beziehungen"].frame,
        "von",
        actors,
        "akteur_beziehungen.csv",
        "Akteur",
    )
    p += _missing(
        ds["akteur_beziehungen"].frame, "zu", actors, "akteur_beziehungen.csv", "Akteur"
    )
    for column in ("handlungsfelder", "hf_laut_konzept"):
        for idx, value in ds["akteure"].frame[column].items():
            for hf in value.split():
                if hf not in fields_:
                    p.append(
                        f"akteure.csv, Zeile {idx + 2}, Spalte „{column}“: Handlungsfeld „{hf}“ ist unbekannt."
                    )
    return p
