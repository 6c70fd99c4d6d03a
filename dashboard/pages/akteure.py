"""Akteure & Angebote: the directory of actors and Angebote with search and filters.

Reads ``akteure``, ``angebote``, ``sozialraeume`` and ``handlungsfelder`` from the
store; writes nothing. Filters and search live in the URL
(``/akteure?sozialraum=Riesa&q=KIK``); each row links to its detail view.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import (
    ALL,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    dcc,
    html,
)

from dashboard import ids, labels, services
from dashboard.components import akteure_views as views
from dashboard.components.downloads import send_table
from dashboard.data.actors import directory, export_frame, filter_directory
from dashboard.store.auth import current_user

dash.register_page(
    __name__,
    path="/akteure",
    name=labels.NAV_AKTEURE,
    title=f"{labels.AKTEURE_TITLE} – {labels.APP_TITLE}",
    nav_order=3.5,
)

FILTER_KEYS = ("q", "sozialraum", "gemeinde", "hf", "art", "status", "typ")


def _directory():  # noqa: ANN202
    repo = services.get().repo
    return directory(
        repo.records("akteur"), repo.records("angebot"), repo.table("sozialraeume")
    )


def _filtered(values: dict):  # noqa: ANN202
    frame = _directory()
    values = {k: ("" if v == views.ALL_VALUE else v) for k, v in values.items()}
    shown = filter_directory(
        frame,
        query=values.get("q") or "",
        sozialraum=values.get("sozialraum") or "",
        gemeinde=values.get("gemeinde") or "",
        handlungsfeld=values.get("hf") or "",
        art=values.get("art") or "",
        status=values.get("status") or "",
        typ=values.get("typ") or "",
        areas=services.get().repo.table("sozialraeume"),
    )
    return frame, shown


def layout(**query: str) -> html.Div:
    chosen = {k: query.get(k, "") for k in FILTER_KEYS}
    frame, shown = _filtered(chosen)
    fields = services.get().repo.table("handlungsfelder")
    areas = services.get().repo.table("sozialraeume")
    return html.Div(
        [
            html.H1(labels.AKTEURE_TITLE, className="h3 mb-1"),
            html.P(
                [
                    "Wer arbeitet wo an Integration, und was tut er laut Konzept? "
                    "Landkreisweit tätige Akteure erscheinen bei jedem Gebietsfilter. ",
                    dcc.Link("Netzwerk der Beziehungen ansehen →", href="/netzwerk"),
                ],
                className="mb-2",
            ),
            views.filters(frame, fields, areas, chosen),
            html.P(
                views.count_line(shown, frame),
                id=ids.AKT_COUNTS,
                className="fw-semibold mb-1",
                **{"aria-live": "polite"},
            ),
            views.downloads(new_links=current_user() is not None),
            html.Div(views.table(shown), id=ids.AKT_TABLE),
            dbc.Button(
                id=ids.AKT_MORE,
                color="link",
                class_name="ps-0",
                **views.more_button(len(shown), False),
            ),
            dcc.Store(id=ids.AKT_SORT_STATE, data=views.SORT_DEFAULT),
            dcc.Store(id=ids.AKT_URL_SYNC),
            html.P(
                "Quellen: Integrationskonzept des Landkreises Meißen (Stand 08.02.2017) "
                "für die Akteure; Presse und Trägerseiten je Eintrag für die Angebote "
                "(Quelle und Stand je Eintrag im Download als CSV oder Excel). Gemeinde → "
                "Sozialraum: "
                f"{labels.SOZIALRAUM_HINWEIS}.",
                className="im-source",
            ),
        ]
    )


FILTER_INPUTS = [
    Input(ids.AKT_QUERY, "value"),
    Input(ids.AKT_SOZIALRAUM, "value"),
    Input(ids.AKT_GEMEINDE, "value"),
    Input(ids.AKT_HF, "value"),
    Input(ids.AKT_ART, "value"),
    Input(ids.AKT_STATUS, "value"),
    Input(ids.AKT_TYP, "value"),
]


@callback(
    Output(ids.AKT_TABLE, "children"),
    Output(ids.AKT_COUNTS, "children"),
    Output(ids.AKT_SORT_STATE, "data"),
    Output(ids.AKT_MORE, "children"),
    Output(ids.AKT_MORE, "style"),
    *FILTER_INPUTS,
    Input({"type": ids.AKT_SORT, "col": ALL}, "n_clicks"),
    Input(ids.AKT_MORE, "n_clicks"),
    State(ids.AKT_SORT_STATE, "data"),
    prevent_initial_call=True,
)
def update(q, sozialraum, gemeinde, hf, art, status, typ, clicks, more, sort):  # noqa: ANN001, ANN201
    trigger = ctx.triggered_id
    show_all = sort.get("all", False) or trigger == ids.AKT_MORE
    if isinstance(trigger, dict):
        if not any(clicks):
            raise dash.exceptions.PreventUpdate
        key = trigger["col"]
        sort = {
            "key": key,
            "ascending": not sort["ascending"] if sort["key"] == key else True,
        }
    sort = {**sort, "all": show_all}
    values = dict(
        zip(FILTER_KEYS, (q, sozialraum, gemeinde, hf, art, status, typ), strict=True)
    )
    frame, shown = _filtered(values)
    more = views.more_button(len(shown), show_all)
    return (
        views.table(shown, sort, show_all),
        views.count_line(shown, frame),
        sort,
        more["children"],
        more["style"],
    )


@callback(
    Output(ids.AKT_DOWNLOAD, "data"),
    Input(ids.AKT_CSV_BUTTON, "n_clicks"),
    Input(ids.AKT_XLSX_BUTTON, "n_clicks"),
    *[State(i.component_id, "value") for i in FILTER_INPUTS],
    prevent_initial_call=True,
)
def download(_csv, _xlsx, *values):  # noqa: ANN001, ANN201
    _frame, shown = _filtered(dict(zip(FILTER_KEYS, values, strict=True)))
    return send_table(
        export_frame(shown.sort_values("name")),
        "akteure_angebote",
        excel=ctx.triggered_id == ids.AKT_XLSX_BUTTON,
        sheet="Akteure und Angebote",
    )


clientside_callback(
    """
    function (q, sozialraum, gemeinde, hf, art, status, typ) {
        const v = (x) => (x && x !== "alle") ? x : null;
        window.imUrlState.push({q: v(q), sozialraum: v(sozialraum), gemeinde: v(gemeinde),
                                hf: v(hf), art: v(art), status: v(status), typ: v(typ)});
        return window.dash_clientside.no_update;
    }
    """,
    Output(ids.AKT_URL_SYNC, "data"),
    *FILTER_INPUTS,
    prevent_initial_call=True,
)
