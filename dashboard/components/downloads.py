"""Table downloads in German office conventions (``;``, decimal comma, BOM) or Excel.

Headers are German (``labels.EXPORT_COLUMNS``); dates read 08.02.2017, times are local.
The Excel file adds a sheet "Spalten" naming each column's technical name, so the file
still maps back to the data files (imports accept the German headers too).

Every download passes ``neutralise``: text cells that Excel or LibreOffice would run
as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a
leading apostrophe, so uploaded text such as ``=HYPERLINK(…)`` stays text (OWASP
"CSV injection"). Numbers stay numbers.
"""

from __future__ import annotations

import io
from datetime import datetime

import pandas as pd
from dash import dcc

from dashboard import labels
from dashboard.formatting import fmt_stand, fmt_time

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DICTIONARY_SHEET = "Spalten"


def _text_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot start a formula."""
    out = frame.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].map(_text_cell)
    out.columns = [_text_cell(str(c)) for c in out.columns]
    return out


def german_header(column: str) -> str:
    """The column's German header; unknown technical names lose their underscores."""
    if column in labels.EXPORT_COLUMNS:
        return labels.EXPORT_COLUMNS[column]
    if "_" in column:
        return column.replace("_", " ").capitalize()
    return column


def _is_date(column: str) -> bool:
    name = column.lower()
    return name == "stand" or name.endswith(("datum", "_stand"))


def _date_text(value: object) -> object:
    if isinstance(value, datetime | pd.Timestamp) and not pd.isna(value):
        return fmt_time(value)
    if isinstance(value, str) and value[:4].isdigit():
        return fmt_stand(value[:10])
    return value


def german_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as 08.02.2017 (times local) and German headers."""
    out = frame.copy()
    for column in out.columns:
        if _is_date(str(column)) or pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].map(_date_text)
    return out.rename(columns={c: german_header(str(c)) for c in out.columns})


def dictionary(frame: pd.DataFrame) -> pd.DataFrame:
    """German header next to the technical name of every column."""
    return pd.DataFrame(
        {
            "Spalte": [german_header(str(c)) for c in frame.columns],
            "Technischer Name": [str(c) for c in frame.columns],
        }
    )


def send_table(
    frame: pd.DataFrame, name: str, excel: bool = False, sheet: str = "Daten"
) -> dict:
    """A ``dcc.Download`` payload: ``name.xlsx`` or ``name.csv`` readable by German Excel."""
    german = neutralise(german_frame(frame))
    if excel:

        def write(buffer: io.BytesIO) -> None:
            with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
                german.to_excel(writer, sheet_name=sheet, index=False)
                dictionary(frame).to_excel(
                    writer, sheet_name=DICTIONARY_SHEET, index=False
                )

        return dcc.send_bytes(write, f"{name}.xlsx")
    return dcc.send_data_frame(
        german.to_csv,
        f"{name}.csv",
        sep=";",
        decimal=",",
        index=False,
        encoding="utf-8-sig",
        float_format="%.1f",
    )
