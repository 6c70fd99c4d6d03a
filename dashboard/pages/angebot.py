"""Detail view of one Angebot (``/angebote/<kennung>``; ``/angebote/neu`` creates one):
Träger, address, place, status, period, source and Stand, the version history and,
for role Bearbeitung, the edit form. Reads ``angebote``, ``akteure`` and
``sozialraeume``; the save callback (``dashboard.callbacks.records``) appends versions.
"""

from __future__ import annotations

import dash
from dash import html

import dashboard.callbacks.records  # noqa: F401  registers the save callback
from dashboard import ids, labels
from dashboard.components.record_pages import wrapper

dash.register_page(
    __name__,
    path_template="/angebote/<kennung>",
    a11y_paths=["/angebote/ua-riesa"],  # example checked by tests/browser/test_a11y.py
    title=f"Angebot – {labels.APP_TITLE}",
)


def layout(kennung: str = "", **_query: str) -> html.Div:
    return html.Div(wrapper("angebot", kennung), id=ids.ANG_DETAIL)
