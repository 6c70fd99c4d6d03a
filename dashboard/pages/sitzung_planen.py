"""Sitzung planen: the agenda (items with title, minutes, order and speaker notes),
filters for the meeting, a shareable link, and the Kreistag briefing (PDF or print
view). The plan lives in the URL (``dashboard.components.deck``), so "Beenden" in the
deck comes back here with the agenda intact. Writes nothing.
"""

from __future__ import annotations

from urllib.parse import urlencode

import dash
import dash_bootstrap_components as dbc
import flask
from dash import ALL, Input, Output, State, callback, ctx, dcc, html

from dashboard import ids, labels
from dashboard.components import agenda_editor as ed
from dashboard.components import deck as dk
from dashboard.data.mapdata import current_map_data
from dashboard.reports.briefing import BriefingUnavailable, chromium
from dashboard.reports.pdf import PRINTER

dash.register_page(
    __name__,
    path="/sitzung-planen",
    name="Sitzung",
    title=f"Sitzung & Briefing – {labels.APP_TITLE}",
    nav_order=4,
)
WHOLE_COUNTY = "alle"


def _label(text: str, for_id: str) -> dbc.Label:
    return dbc.Label(text, html_for=for_id, class_name="mt-2 mb-0")


def _settings(plan: dk.Plan) -> list:
    return [
        _label("Titel der Sitzung", ids.DECK_PLAN_TITLE),
        dbc.Input(
            id=ids.DECK_PLAN_TITLE,
            value=plan.title or "Sitzung der Lenkungsgruppe Integration",
            maxlength=200,
        ),
        _label("Filter Sozialraum", ids.DECK_PLAN_AREA),
        dbc.Select(
            id=ids.DECK_PLAN_AREA,
            value=plan.area or WHOLE_COUNTY,
            options=[{"label": "ganzer Landkreis", "value": WHOLE_COUNTY}]
            + [{"label": a, "value": a} for a in dk.AREAS],
        ),
        _label("Kennzahl der Karte (Folie und Briefing)", ids.DECK_PLAN_INDICATOR),
        dbc.Select(
            id=ids.DECK_PLAN_INDICATOR,
            value=plan.indicator,
            options=current_map_data().indicator_options(),
        ),
        _label("Szenario: Veränderung der DaZ-Schüler in %", ids.DECK_PLAN_SCENARIO),
        dbc.Input(
            id=ids.DECK_PLAN_SCENARIO,
            type="number",
            min=-50,
            max=200,
            step=10,
            value=plan.scenario,
            placeholder="kein Szenario",
        ),
        _label("Automatisch weiter nach … Sekunden (Foyer)", ids.DECK_PLAN_AUTO),
        dbc.Input(
            id=ids.DECK_PLAN_AUTO,
            type="number",
            min=5,
            max=3600,
            step=5,
            value=plan.auto,
            placeholder="aus",
        ),
        dbc.Switch(
            id=ids.DECK_PLAN_CONTRAST,
            label="Kontrastreich (für blasse Beamer)",
            value=plan.contrast,
            class_name="mt-2",
        ),
    ]


def layout(**query: str) -> html.Div:
    try:
        chromium()
        pdf_note = None
    except BriefingUnavailable as exc:
        pdf_note = dbc.Alert(str(exc), color="warning")
    plan = dk.parse(query) if query.get("folien") else dk.parse({})
    items = ed.all_items(plan, bool(query.get("folien")))
    return html.Div(
        [
            html.H1("Sitzung planen und Kreistag-Briefing", className="h2"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.H2("Tagesordnung", className="h5"),
                            dcc.Store(
                                id=ids.DECK_PLAN_STORE, data=[i.key for i, _ in items]
                            ),
                            dcc.Store(id=ids.DECK_PLAN_PAGE, data=1),
                            html.Div(ed.rows(items), id=ids.DECK_PLAN_ITEMS),
                        ],
                        lg=7,
                    ),
                    dbc.Col(
                        [
                            *_settings(plan),
                            html.H2("Links", className="h5 mt-3"),
                            html.Div(id=ids.DECK_PLAN_LINK),
                            html.P(
                                id="briefing-status",
                                className="im-source",
                                role="status",
                            ),
                            pdf_note,
                            html.P(
                                "In der Sitzung: → / ← / Bild↑ / Bild↓ / Leertaste (Presenter) "
                                "wechseln die Folie, f = Vollbild; „Referentenansicht“ öffnet "
                                "Notizen, Uhr und nächste Folie in einem zweiten Fenster.",
                                className="im-source mt-2",
                            ),
                        ],
                        lg=5,
                    ),
                ]
            ),
        ]
    )


@callback(
    Output(ids.DECK_PLAN_STORE, "data"),
    Output(ids.DECK_PLAN_ITEMS, "children"),
    Input({"type": ed.UP, "index": ALL}, "n_clicks"),
    Input({"type": ed.DOWN, "index": ALL}, "n_clicks"),
    # a plain input that exists only here: wildcard-only callbacks would be wired
    # (and fail) on every other page
    Input(ids.DECK_PLAN_PAGE, "data"),
    State(ids.DECK_PLAN_STORE, "data"),
    State({"type": ed.ON, "index": ALL}, "value"),
    State({"type": ed.TITLE, "index": ALL}, "value"),
    State({"type": ed.MINUTES, "index": ALL}, "value"),
    State({"type": ed.NOTES, "index": ALL}, "value"),
    prevent_initial_call=True,
)
def move(_up, _down, _page, order, on, titles, minutes, notes):  # noqa: ANN001, ANN201
    trig = ctx.triggered_id
    if not isinstance(trig, dict) or not ctx.triggered[0]["value"]:
        return dash.no_update, dash.no_update
    new = ed.moved(order, trig["index"], -1 if trig["type"] == ed.UP else 1)
    items = ed.collect(order, on, titles, minutes, notes)
    by_key = {i.key: (i, inc) for i, inc in items}
    return new, ed.rows([by_key[k] for k in new])


@callback(
    Output(ids.DECK_PLAN_LINK, "children"),
    Input(ids.DECK_PLAN_STORE, "data"),
    Input({"type": ed.ON, "index": ALL}, "value"),
    Input({"type": ed.TITLE, "index": ALL}, "value"),
    Input({"type": ed.MINUTES, "index": ALL}, "value"),
    Input({"type": ed.NOTES, "index": ALL}, "value"),
    Input(ids.DECK_PLAN_AREA, "value"),
    Input(ids.DECK_PLAN_TITLE, "value"),
    Input(ids.DECK_PLAN_CONTRAST, "value"),
    Input(ids.DECK_PLAN_SCENARIO, "value"),
    Input(ids.DECK_PLAN_AUTO, "value"),
    Input(ids.DECK_PLAN_INDICATOR, "value"),
)
def links(
    order, on, titles, minutes, notes, area, title, contrast, change, auto, indicator
):  # noqa: ANN001, ANN201, PLR0913
    printer = flask.current_app.extensions.get(PRINTER)
    if printer is not None:  # someone may want the PDF soon: start the browser now
        printer.warm_up()
    items = ed.collect(order, on, titles, minutes, notes)
    plan = ed.plan_of(items, area, title, contrast, change, auto, indicator)
    query = dk.query_of(plan)
    if not query["folien"]:
        return dbc.Alert("Bitte mindestens eine Folie auswählen.", color="warning")
    deck = "/sitzung?" + urlencode(query, safe=",")
    brief = {k: query[k] for k in ("sozialraum", "szenario", "indikator") if k in query}
    return [
        dbc.Button(
            "Sitzung starten",
            href=deck,
            color="primary",
            external_link=True,
            id="sitzung-start",
        ),
        html.Div(
            [
                html.Code(
                    flask.request.host_url.rstrip("/") + deck, id="sitzung-link-text"
                ),
                dcc.Clipboard(
                    target_id="sitzung-link-text",
                    title="Link kopieren",
                    className="ms-2 d-inline",
                ),
            ],
            className="my-2 im-source",
        ),
        dbc.Button(
            "Kreistag-Briefing als PDF",
            href="/briefing.pdf?" + urlencode(brief),
            color="secondary",
            external_link=True,
            id="briefing-pdf",
            class_name="me-2 mb-2",
        ),
        dbc.Button(
            "Druckansicht (HTML)",
            href="/briefing?" + urlencode(brief),
            color="secondary",
            external_link=True,
            id="briefing-html",
            class_name="mb-2",
            target="_blank",
        ),
    ]
