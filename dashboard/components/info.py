"""Info buttons: a small native disclosure (``<details>``) explaining a glossary term
where it is shown. Works by keyboard and without script; prints closed."""

from __future__ import annotations

from dash import dcc, html

from dashboard.glossar import term


def info(key: str) -> html.Details:
    """An ⓘ button that opens the glossary text of ``key`` in place."""
    name, text = term(key)
    return html.Details(
        [
            html.Summary(
                [
                    html.Span("i", className="im-info-icon", **{"aria-hidden": "true"}),
                    html.Span(f"Erklärung: {name}", className="visually-hidden"),
                ],
                title=f"Erklärung: {name}",
            ),
            html.Div(
                [
                    html.Strong(name),
                    " – ",
                    text,
                    " ",
                    dcc.Link("Mehr in der Hilfe", href=f"/hilfe#begriff-{key}"),
                ],
                className="im-info-text",
            ),
        ],
        className="im-info",
    )
