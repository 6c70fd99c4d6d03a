"""Detail view of one actor (``/akteure/<kennung>``): tasks as written in the concept
with chapter, Handlungsfelder (laut Konzept / Zuordnung), relations both ways with
their passages, place, goals it is responsible for, Angebote it runs.

Reads actor tables and the goal register from the store; writes nothing.
"""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import ids, labels, services
from dashboard.components.akteur_detail import actor_view
from dashboard.store import goals as goal_store

dash.register_page(
    __name__,
    path_template="/akteure/<kennung>",
    a11y_paths=[
        "/akteure/auslaenderbeauftragte"
    ],  # example checked by tests/browser/test_a11y.py
    title=f"Akteur – {labels.APP_TITLE}",
)

TABLES = (
    "akteure",
    "akteur_beziehungen",
    "angebote",
    "sozialraeume",
    "handlungsfelder",
    "ziele",
)


def _goals(ziele):  # noqa: ANN001, ANN202
    """Goals with their current owner and status, numbered like the document (4.2-3)."""
    cur = goal_store.current(
        goal_store.history(services.get().engine), ziele["ziel_id"].tolist()
    )
    return cur.merge(ziele[["ziel_id", "hf_id", "nr", "text"]], on="ziel_id").assign(
        nummer=lambda f: f["hf_id"] + "-" + f["nr"].astype(str)
    )


def layout(kennung: str = "", **_query: str) -> html.Div:
    repo = services.get().repo
    tables = {n: repo.table(n) for n in TABLES}
    actors = tables["akteure"].set_index("akteur_id", drop=False)
    if kennung not in actors.index:
        return html.Div(
            [
                html.H1("Akteur nicht gefunden", className="h3"),
                html.P(f"Es gibt keinen Akteur mit der Kennung „{kennung}“."),
                dcc.Link("← Alle Akteure und Angebote", href="/akteure"),
            ],
            id=ids.AKT_DETAIL,
        )
    view = actor_view(
        actors.loc[kennung],
        tables,
        _goals(tables["ziele"]),
        services.get().settings.data_dir,
    )
    return html.Div(view, id=ids.AKT_DETAIL)
