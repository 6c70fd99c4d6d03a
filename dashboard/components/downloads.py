"""Table downloads in German office conventions (``;``, decimal comma, BOM) or Excel."""

from __future__ import annotations

import pandas as pd
from dash import dcc


def send_table(
    frame: pd.DataFrame, name: str, excel: bool = False, sheet: str = "Daten"
) -> dict:
    """A ``dcc.Download`` payload: ``name.xlsx`` or ``name.csv`` readable by German Excel."""
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
