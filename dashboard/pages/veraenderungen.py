"""Veränderungen: what changed between two Berichtsstände, or since one until today;
and (role Administration) closing a Berichtsstand.

The comparison is in the URL (``/veraenderungen?von=1&bis=2``, ``bis=heute``). Reads
both sides through ``dashboard.current``; closing writes one ``berichtsstand`` row.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard import current, ids, labels, services
from dashboard.changes import compare
from dashboard.components import changes_views as cv
from dashboard.components.indicator_views import area_names
from dashboard.components.sortable_table import plain_table
from dashboard.data.messwert_upload import parse_date
from dashboard.formatting import fmt_stand, fmt_time
from dashboard.store import berichtsstaende
from dashboard.store.auth import ADMINISTRATION, current_user, require_role

dash.register_page(
    __name__,
    path="/veraenderungen",
    name="Veränderungen",
    title=f"Veränderungen – {labels.APP_TITLE}",
)
TODAY = current.TODAY


def _options(points: list, today: bool) -> list[dict]:
    opts = [
        {"label": f"{p.name} ({fmt_stand(p.datum)})", "value": str(p.id)}
        for p in points
    ]
    return (
        [*opts, {"label": "heute (aktuelle Daten)", "value": TODAY}] if today else opts
    )


def body(von: str | None, bis: str | None) -> list:
    repo = services.get().repo
    points = current.reporting_points(repo.engine)
    if not points:
        return [dbc.Alert("Noch kein Berichtsstand abgeschlossen. Die Administration schließt einen "
                          "Berichtsstand nach jeder Sitzung der Lenkungsgruppe ab.", color="info")]  # fmt: skip
    a = current.snapshot(berichtsstand=von)
    b = current.snapshot(berichtsstand=bis) if bis != TODAY else current.snapshot()
    if a.reporting is None:
        a = current.Snapshot(repo, reporting=points[-1])
    title_b = b.reporting.label() if b.reporting else "heute (aktuelle Daten)"
    fields = repo.table("handlungsfelder").set_index("hf_id")["titel"].to_dict()
    names = area_names(repo.table("sozialraeume"))
    return [
        html.P([html.Strong("Vorher: "), a.reporting.label(), html.Br(), html.Strong("Nachher: "), title_b]),
        *cv.sections(compare(a, b), names, fields),
    ]  # fmt: skip


def points_table() -> html.Div:
    points = current.reporting_points(services.get().engine)
    if not points:
        return html.P("Noch keine Berichtsstände.", className="text-muted")
    rows = [
        html.Tr([
            html.Td(p.name), html.Td(fmt_stand(p.datum)), html.Td(fmt_time(p.zeit)), html.Td(p.benutzer),
            html.Td([dcc.Link("Überblick", href=f"/?berichtsstand={p.id}"), " · ",
                     dcc.Link("DaZ", href=f"/daz?berichtsstand={p.id}"), " · ",
                     dcc.Link("Ziele", href=f"/ziele?berichtsstand={p.id}"), " · ",
                     dcc.Link("Folien", href=f"/sitzung?berichtsstand={p.id}"), " · ",
                     html.A("Briefing", href=f"/briefing?berichtsstand={p.id}")]),
        ])
        for p in points
    ]  # fmt: skip
    heads = (
        "Berichtsstand",
        "Sitzung",
        "abgeschlossen",
        "von",
        "zum Berichtsstand öffnen",
    )
    return plain_table([html.Th(h) for h in heads], rows)


def layout(von: str = "", bis: str = TODAY, **_query: str) -> html.Div:
    points = current.reporting_points(services.get().engine)
    von = (
        von
        if von in {str(p.id) for p in points}
        else (str(points[-1].id) if points else "")
    )
    is_admin = (current_user() or {}).get("rolle") == ADMINISTRATION
    closing = html.Div(
        [
            html.H2("Berichtsstand abschließen", className="h4 mt-4"),
            html.P("Friert ein, was alle Ansichten jetzt zeigen; die aktuellen Daten ändern sich weiter."),
            dbc.Row([
                dbc.Col([dbc.Label("Name", html_for=ids.BS_NAME), dbc.Input(id=ids.BS_NAME, placeholder="Lenkungsgruppe 12.03.2027")], md=6),
                dbc.Col([dbc.Label("Sitzungsdatum (TT.MM.JJJJ)", html_for=ids.BS_DATE), dbc.Input(id=ids.BS_DATE)], md=3),
            ]),
            dbc.Button("Berichtsstand abschließen", id=ids.BS_CLOSE, color="primary", class_name="mt-2"),
            html.Div(id=ids.BS_MSG, className="mt-2"),
        ],
        hidden=not is_admin,
    )  # fmt: skip
    selects = dbc.Row(
        [
            dbc.Col([dbc.Label("Vorher", html_for=ids.VER_FROM),
                     dbc.Select(id=ids.VER_FROM, options=_options(points, False), value=von)], md=5),
            dbc.Col([dbc.Label("Nachher", html_for=ids.VER_TO),
                     dbc.Select(id=ids.VER_TO, options=_options(points, True), value=bis if bis else TODAY)], md=5),
        ]
    )  # fmt: skip
    return html.Div(
        [
            html.H1("Veränderungen seit der letzten Sitzung", className="h3"),
            selects,
            html.Div(body(von, bis), id=ids.VER_BODY),
            html.H2("Berichtsstände", className="h4 mt-4"),
            html.Div(points_table(), id=ids.BS_LIST),
            closing,
            dcc.Store(id=ids.VER_URL_SYNC),
        ]
    )


@callback(
    Output(ids.VER_BODY, "children"),
    Input(ids.VER_FROM, "value"),
    Input(ids.VER_TO, "value"),
    prevent_initial_call=True,
)
def update(von, bis):  # noqa: ANN001, ANN201
    return body(von, bis)


@callback(
    Output(ids.BS_MSG, "children"),
    Output(ids.BS_LIST, "children"),
    Output(ids.VER_FROM, "options"),
    Output(ids.VER_TO, "options"),
    Input(ids.BS_CLOSE, "n_clicks"),
    State(ids.BS_NAME, "value"),
    State(ids.BS_DATE, "value"),
    prevent_initial_call=True,
)
def close(_n, name, datum):  # noqa: ANN001, ANN201
    user = require_role(ADMINISTRATION)
    when = parse_date(datum or "")
    if not (name or "").strip() or when is None or len(when) != 10:
        msg = "Bitte Name und Sitzungsdatum (TT.MM.JJJJ) angeben."
        return dbc.Alert(msg, color="danger"), *[dash.no_update] * 3
    new_id = berichtsstaende.close(services.get().engine, name, when, user["name"])
    points = current.reporting_points(services.get().engine)
    msg = dbc.Alert(
        f"Berichtsstand {new_id} „{name.strip()}“ abgeschlossen.",
        color="success",
        id="berichtsstand-ok",
    )
    return msg, points_table(), _options(points, False), _options(points, True)


clientside_callback(
    """
    function (von, bis) {
        window.imUrlState.push({von: von, bis: bis});
        return window.dash_clientside.no_update;
    }
    """,
    Output(ids.VER_URL_SYNC, "data"),
    Input(ids.VER_FROM, "value"),
    Input(ids.VER_TO, "value"),
    prevent_initial_call=True,
)
