"""Sortable tables (AG Grid) with German number formatting."""

from __future__ import annotations

import dash_ag_grid as dag

LOCALE_TEXT = {
    "noRowsToShow": "Keine Zeilen",
    "filterOoo": "Filtern …",
    "contains": "enthält",
    "equals": "gleich",
    "lessThan": "kleiner als",
    "greaterThan": "größer als",
    "andCondition": "UND",
    "orCondition": "ODER",
}


def number_column(
    field: str,
    header: str,
    decimals: int = 0,
    percent: bool = False,
    missing: str = "–",
    tooltip: str = "",
) -> dict:
    """A right-aligned number column formatted by ``deNumber`` (assets/30-grid-functions.js)."""
    fmt = f"deNumber(params.value, {decimals}, {str(percent).lower()}, '{missing}')"
    return {
        "field": field,
        "headerName": header,
        "headerTooltip": tooltip or header,
        "type": "numericColumn",
        "valueFormatter": {"function": fmt},
    }


def grid(
    grid_id: str, rows: list[dict], columns: list[dict], height: str = "420px"
) -> dag.AgGrid:
    return dag.AgGrid(
        id=grid_id,
        rowData=rows,
        columnDefs=columns,
        defaultColDef={
            "sortable": True,
            "resizable": True,
            "filter": True,
            "wrapHeaderText": True,
            "autoHeaderHeight": True,
        },
        dashGridOptions={"localeText": LOCALE_TEXT, "domLayout": "normal"},
        columnSize="responsiveSizeToFit",
        style={"height": height},
        className="ag-theme-alpine",
    )
