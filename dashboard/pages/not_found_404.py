"""Seite nicht gefunden: Dash shows this module for every unknown path.

The HTTP status 404 is set in ``dashboard.web`` (``not_found_status``). Reads and
writes nothing.
"""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import labels

dash.register_page(__name__, path="/404", title=labels.NOT_FOUND_TITLE)


def layout(**_query: str) -> html.Div:
    pages = sorted(
        (p for p in dash.page_registry.values() if p.get("nav_order") is not None),
        key=lambda p: p["nav_order"],
    )
    return html.Div(
        [
            html.H1(labels.NOT_FOUND_TITLE, className="h2"),
            html.P(labels.NOT_FOUND_TEXT),
            html.Ul(
                [html.Li(dcc.Link(p["name"], href=p["relative_path"])) for p in pages]
            ),
        ]
    )
