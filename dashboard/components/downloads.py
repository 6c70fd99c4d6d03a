"""Table downloads in German office conventions (``;``, decimal comma, BOM) or Excel.

Every download passes ``neutralise``: text cells that Excel or LibreOffice would run
as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a
leading apostrophe, so uploaded text such as ``=HYPERLINK(…)`` stays text (OWASP
"CSV injection"). Numbers stay numbers.
"""

from __future__ import annotations

import pandas as pd
from dash import dcc

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def send_table(
    frame: pd.DataFrame, name: str, excel: bool = False, sheet: str = "Daten"
) -> dict:
    """A ``dcc.Download`` payload: ``name.xlsx`` or ``name.csv`` readable by German Excel."""
    frame = neutralise(frame)
    if excel:
        return dcc.send_data_frame(
            frame.to_excel, f"{name}.xlsx", sheet_name=sheet, index=False
        )
    return dcc.send_data_frame(
        frame.to_csv,
        f"{name}.csv",
        sep=";",
        decimal=",",
        index=False,
        encoding="utf-8-sig",
        float_format="%.1f",
    )
