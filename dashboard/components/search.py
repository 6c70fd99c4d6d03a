"""Search box of the navigation bar, on every page (results as a listbox of links).

Keyboard use (type, arrow to a hit, Enter) is handled in ``assets/50-search.js``;
the server only ranks (``dashboard.data.search``).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from dashboard import ids, labels, services
from dashboard.data.search import MIN_CHARS, search, search_index

TABLES = (
    "schulen_daz",
    "sozialraeume",
    "ziele",
    "handlungsfelder",
    "akteure",
    "angebote",
)


def search_box() -> html.Div:
    return html.Div(
        [
            html.Label(
                labels.SEARCH_LABEL,
                htmlFor=ids.SEARCH_INPUT,
                className="visually-hidden",
            ),
            dbc.Input(
                id=ids.SEARCH_INPUT,
                type="search",
                placeholder=labels.SEARCH_PLACEHOLDER,
                autocomplete="off",
                debounce=False,
                size="sm",
            ),
            html.Div(id=ids.SEARCH_RESULTS, className="im-search-results"),
        ],
        className="im-search",
        role="search",
    )


@callback(
    Output(ids.SEARCH_RESULTS, "children"),
    Input(ids.SEARCH_INPUT, "value"),
    prevent_initial_call=True,
)
def results(query: str | None) -> list:
    query = (query or "").strip()
    if len(query) < MIN_CHARS:
        return []
    repo = services.get().repo
    tables = {n: repo.table(n) for n in TABLES}
    tables.update(akteure=repo.records("akteur"), angebote=repo.records("angebot"))
    hits = search(search_index(tables), query)
    if hits.empty:
        return [html.Div(labels.SEARCH_NONE, className="im-search-none", role="status")]
    options = [
        html.Li(
            dcc.Link(
                [
                    html.Span(h.kind, className="im-search-kind"),
                    html.Span(h.label, className="im-search-label"),
                    html.Span(h.detail, className="im-search-detail"),
                ],
                href=h.href,
            ),
            id=f"{ids.SEARCH_RESULTS}-{i}",
            role="option",
            **{"aria-selected": "false"},
        )
        for i, h in enumerate(hits.itertuples())
    ]
    return [
        html.Div(f"{len(options)} Treffer", className="visually-hidden", role="status"),
        html.Ul(
            options, id=ids.SEARCH_LIST, role="listbox", **{"aria-label": "Treffer"}
        ),
    ]
