"""Detail view of one Angebot (``/angebote/<kennung>``): Träger, address, place,
status, period, source and Stand. Reads ``angebote``, ``akteure`` and
``sozialraeume``; writes nothing.
"""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import ids, labels, services
from dashboard.components.akteur_detail import site_view

dash.register_page(
    __name__,
    path_template="/angebote/<kennung>",
    a11y_paths=["/angebote/ua-riesa"],  # example checked by tests/browser/test_a11y.py
    title=f"Angebot – {labels.APP_TITLE}",
)


def layout(kennung: str = "", **_query: str) -> html.Div:
    repo = services.get().repo
    tables = {n: repo.table(n) for n in ("angebote", "akteure", "sozialraeume")}
    sites = tables["angebote"].set_index("angebot_id", drop=False)
    if kennung not in sites.index:
        return html.Div(
            [
                html.H1("Angebot nicht gefunden", className="h3"),
                html.P(f"Es gibt kein Angebot mit der Kennung „{kennung}“."),
                dcc.Link("← Alle Akteure und Angebote", href="/akteure"),
            ],
            id=ids.ANG_DETAIL,
        )
    return html.Div(site_view(sites.loc[kennung], tables), id=ids.ANG_DETAIL)
