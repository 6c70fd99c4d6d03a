"""A semantic HTML table whose column headers are sort buttons (server-side sort).

Plain ``<table>`` markup reads well with screen readers, prints, and costs no extra
JavaScript on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    fmt: Callable[[object], str] = str
    numeric: bool = True
    title: str = ""
    href_key: str = ""  # if set, the cell links to the row's value in this column


def sort_frame(frame: pd.DataFrame, key: str, ascending: bool) -> pd.DataFrame:
    """Sort with missing values always last."""
    return frame.sort_values(
        key, ascending=ascending, na_position="last", kind="stable"
    )


def sortable_table(
    frame: pd.DataFrame,
    columns: list[Column],
    sort_type: str,
    sort_key: str,
    ascending: bool,
    limit: int | None = None,
) -> dbc.Table:
    """Render ``frame`` sorted by ``sort_key`` (the first ``limit`` rows if given);
    headers are buttons with id ``{"type": sort_type, "col": key}``."""
    frame = sort_frame(frame, sort_key, ascending).head(limit)
    head = []
    for col in columns:
        arrow = (" ▲" if ascending else " ▼") if col.key == sort_key else ""
        sort_state = (
            ("ascending" if ascending else "descending")
            if col.key == sort_key
            else "none"
        )
        head.append(
            html.Th(
                html.Button(
                    col.header + arrow,
                    id={"type": sort_type, "col": col.key},
                    className="im-sort",
                    title=f"Nach „{col.title or col.header}“ sortieren",
                ),
                scope="col",
                **{"aria-sort": sort_state},
                className="text-end" if col.numeric else "",
            )
        )

    def cell(col: Column, row: pd.Series) -> html.Td:
        text = col.fmt(row[col.key])
        # a plain <a> (full page load on click) keeps long tables light to render
        content = html.A(text, href=row[col.href_key]) if col.href_key else text
        return (
            html.Td(content, className="text-end") if col.numeric else html.Td(content)
        )

    body = [html.Tr([cell(col, row) for col in columns]) for _, row in frame.iterrows()]
    return plain_table(head, body, hover=True)


def plain_table(head: list, rows: list, **kwargs: object) -> dbc.Table:
    """The project's table style: ``head`` cells (``html.Th``) and body ``rows`` (``html.Tr``)."""
    return dbc.Table(
        [html.Thead(html.Tr(head)), html.Tbody(rows)],
        size="sm",
        striped=True,
        responsive=True,
        class_name="im-table",
        **kwargs,
    )
