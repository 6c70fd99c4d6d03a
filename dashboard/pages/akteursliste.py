"""Akteursliste: the actor list as CSV/Excel, and its validated re-import (role
Bearbeitung) with preview, commit and revert (Administration).

Reads the current actors; ``dashboard.callbacks.actor_list`` writes versions.
"""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import labels
from dashboard.callbacks import actor_list
from dashboard.components import import_panel

dash.register_page(
    __name__,
    path="/akteursliste",
    name="Akteursliste",
    title=f"Akteursliste – {labels.APP_TITLE}",
)


def layout(**query: str) -> html.Div:
    return html.Div(
        [
            dcc.Link("← Akteure und Angebote", href="/akteure"),
            html.H1(
                "Akteursliste: herunterladen und geändert hochladen",
                className="h3 mt-1",
            ),
            *import_panel.section(actor_list.AKTEURE, query.get("importe")),
        ]
    )
