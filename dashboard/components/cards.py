"""Key-figure cards: a number, its label and always its source and Stand."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components.info import info


def kpi_card(
    value: str,
    label: str,
    source: str,
    detail: str | None = None,
    term: str | None = None,
) -> dbc.Card:
    """A key figure; ``term`` (a ``dashboard.glossar`` key) adds an info button."""
    body = [
        html.Div(value, className="im-kpi-value"),
        html.Div([label, info(term)] if term else label, className="im-kpi-label"),
    ]
    if detail:
        body.append(html.Div(detail, className="im-kpi-detail"))
    body.append(html.Div(source, className="im-source"))
    return dbc.Card(dbc.CardBody(body), class_name="h-100 im-kpi")


def source_note(text: str) -> html.P:
    return html.P(text, className="im-source mb-0")


def figure_links(name: str) -> html.Div:
    """Links to download one chart alone as PNG or SVG (German file names)."""
    return html.Div(
        [
            "Abbildung herunterladen: ",
            html.A("PNG", href=f"/abbildung/{name}.png"),
            " · ",
            html.A("SVG", href=f"/abbildung/{name}.svg"),
        ],
        className="im-source",
    )
