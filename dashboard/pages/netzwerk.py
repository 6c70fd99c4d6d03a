"""Netzwerk: the relations between actors as a graph (dash-cytoscape) and as a list.

Reads ``akteure``, ``akteur_beziehungen``, ``angebote``, ``sozialraeume`` and
``handlungsfelder``; writes nothing. Filters in the URL
(``/netzwerk?hf=4.3&sozialraum=Riesa``); a click on a node opens its detail view.
The graph's script is fetched only here (see ``components.network_views``).
"""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, callback, clientside_callback, dcc, html

from dashboard import ids, labels, services
from dashboard.components import network_views as views
from dashboard.components.akteure_views import ALL_VALUE, _options
from dashboard.current import ended
from dashboard.data.actors import directory
from dashboard.data.network import elements, kept_actors, kept_relations, relation_list

dash.register_page(
    __name__,
    path="/netzwerk",
    name="Netzwerk",
    title=f"Netzwerk der Akteure – {labels.APP_TITLE}",
)


def _data(hf: str, sozialraum: str):  # noqa: ANN202
    repo = services.get().repo
    frame = directory(
        repo.records("akteur"), repo.records("angebot"), repo.table("sozialraeume")
    )
    hf = "" if hf == ALL_VALUE else hf or ""
    sozialraum = "" if sozialraum == ALL_VALUE else sozialraum or ""
    actors = kept_actors(frame, hf, sozialraum)
    relations = repo.records("beziehung")
    relations = relations[~ended(relations)]
    rels = kept_relations(relations, set(actors["id"]))
    linked = set(rels["von"]) | set(rels["zu"])
    return actors, rels, actors[~actors["id"].isin(linked)]


def _select(id_: str, label: str, options: list[dict], value: str) -> html.Div:
    return html.Div(
        [
            html.Label(label, htmlFor=id_, className="form-label mb-0 small"),
            dcc.Dropdown(id=id_, options=options, value=value, clearable=False),
        ],
        style={"minWidth": "16rem"},
    )


def layout(hf: str = "", sozialraum: str = "", **_query: str) -> html.Div:
    repo = services.get().repo
    fields = repo.table("handlungsfelder")
    areas = repo.table("sozialraeume")
    actors, rels, unlinked = _data(hf, sozialraum)
    hf_options = [{"label": "alle", "value": ALL_VALUE}] + [
        {"label": f"{r.hf_id} {r.titel}", "value": r.hf_id} for r in fields.itertuples()
    ]
    return html.Div(
        [
            dcc.Link("← Akteure und Angebote", href="/akteure"),
            html.H1("Netzwerk der Akteure", className="h3 mt-1 mb-1"),
            html.P(
                "Wer koordiniert, finanziert, beauftragt wen – jede Linie hat eine "
                "Fundstelle im Konzept (in der Detailansicht). Klick auf einen Punkt "
                "öffnet den Akteur; die Liste unten enthält dasselbe als Text. Am Beamer "
                "einen Sozialraum oder ein Handlungsfeld wählen – dann wird das Netz "
                "übersichtlich (Mausrad oder Ziehen: zoomen und verschieben).",
                className="mb-2",
            ),
            html.Div(
                [
                    _select(ids.NETZ_HF, "Handlungsfeld", hf_options, hf or ALL_VALUE),
                    _select(
                        ids.NETZ_SOZIALRAUM,
                        "Sozialraum",
                        _options(sorted(areas["sozialraum"].unique()), "alle"),
                        sozialraum or ALL_VALUE,
                    ),
                ],
                className="d-flex flex-wrap gap-3 mb-2",
            ),
            html.P(
                _count(actors, rels, unlinked),
                id=ids.NETZ_COUNTS,
                className="fw-semibold mb-1",
                **{"aria-live": "polite"},
            ),
            views.legend(),
            html.Div(
                html.P("Netzwerk wird geladen …"),
                id=ids.NETZ_BOX,
                className="im-net-box",
                role="img",
                **{"aria-label": "Netzwerkgrafik; als Text in der Liste darunter"},
            ),
            html.H2("Beziehungen als Liste", className="h5 mt-3"),
            html.Div(
                views.text_list(relation_list(actors, rels), unlinked), id=ids.NETZ_LIST
            ),
            html.P(
                f"Quelle: {labels.KONZEPT} (Stand 08.02.2017), Datensatz "
                f"„{labels.DATASET_TITLES['akteur_beziehungen']}“; "
                "Handlungsfelder: laut Konzept und unsere Zuordnung (Arbeitsstand).",
                className="im-source",
            ),
            dcc.Store(id=ids.NETZ_READY),
            dcc.Store(id=ids.NETZ_URL_SYNC),
            dcc.Store(id=ids.NETZ_NAV),
        ]
    )


def _count(actors, rels, unlinked) -> str:  # noqa: ANN001
    return f"{len(actors) - len(unlinked)} Akteure mit {len(rels)} Beziehungen" + (
        f", {len(unlinked)} ohne Beziehung im Filter." if len(unlinked) else "."
    )


# Fetch dash-cytoscape once, then let the server send the graph.
clientside_callback(
    """
    function (_id) {
        if (window.dash_cytoscape) { return true; }
        return new Promise(function (resolve) {
            var s = document.createElement("script");
            s.src = "SCRIPT_URL";
            s.onload = function () { resolve(true); };
            s.onerror = function () { resolve(false); };
            document.head.appendChild(s);
        });
    }
    """.replace("SCRIPT_URL", views.SCRIPT),
    Output(ids.NETZ_READY, "data"),
    Input(ids.NETZ_BOX, "id"),
)


@callback(
    Output(ids.NETZ_BOX, "children"),
    Output(ids.NETZ_LIST, "children"),
    Output(ids.NETZ_COUNTS, "children"),
    Input(ids.NETZ_READY, "data"),
    Input(ids.NETZ_HF, "value"),
    Input(ids.NETZ_SOZIALRAUM, "value"),
    prevent_initial_call=True,
)
def update(ready, hf, sozialraum):  # noqa: ANN001, ANN201
    actors, rels, unlinked = _data(hf, sozialraum)
    box = (
        views.graph(elements(actors, rels))
        if ready
        else html.P("Die Netzwerkgrafik konnte nicht geladen werden; siehe Liste.")
    )
    return (
        box,
        views.text_list(relation_list(actors, rels), unlinked),
        _count(actors, rels, unlinked),
    )


# The graph only exists once its script is loaded: a wildcard ID needs no placeholder.
# Navigation as dcc.Link does it (history entry + Dash's router event).
clientside_callback(
    """
    function (nodes) {
        const node = (nodes || []).find((n) => n);
        if (!node) { return window.dash_clientside.no_update; }
        window.history.pushState({}, "", node.href);
        window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
        window.scrollTo(0, 0);
        return node.href;
    }
    """,
    Output(ids.NETZ_NAV, "data"),
    Input({"type": ids.NETZ_GRAPH, "index": ALL}, "tapNodeData"),
    prevent_initial_call=True,
)


clientside_callback(
    """
    function (hf, sozialraum) {
        const v = (x) => (x && x !== "alle") ? x : null;
        window.imUrlState.push({hf: v(hf), sozialraum: v(sozialraum)});
        return window.dash_clientside.no_update;
    }
    """,
    Output(ids.NETZ_URL_SYNC, "data"),
    Input(ids.NETZ_HF, "value"),
    Input(ids.NETZ_SOZIALRAUM, "value"),
    prevent_initial_call=True,
)
