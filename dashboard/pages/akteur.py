"""Detail view of one actor (``/akteure/<kennung>``; ``/akteure/neu`` creates one):
tasks as written in the concept with chapter, Handlungsfelder (laut Konzept /
Zuordnung), relations both ways with their passages, place, goals it is responsible
for, Angebote it runs, the version history and, for role Bearbeitung, the edit form.

Reads actors, relations, Angebote and the goal register; the save callback
(``dashboard.callbacks.records``) appends versions.
"""

from __future__ import annotations

import dash
from dash import html

import dashboard.callbacks.records  # noqa: F401  registers the save callback
from dashboard import ids, labels
from dashboard.components.record_pages import wrapper

dash.register_page(
    __name__,
    path_template="/akteure/<kennung>",
    a11y_paths=[
        "/akteure/auslaenderbeauftragte"
    ],  # example checked by tests/browser/test_a11y.py
    title=f"Akteur – {labels.APP_TITLE}",
)


def layout(kennung: str = "", **_query: str) -> html.Div:
    return html.Div(wrapper("akteur", kennung), id=ids.AKT_DETAIL)
