"""Indikator: one indicator's page (``/indikator?id=I-…``) as in Open SDG: chart,
table, breakdown and metadata, plus entering a Messwert and withdrawing one entered
by hand (role Bearbeitung).

Reads the indicator and its values through ``dashboard.current``; the entry form
appends one value (``dashboard.store.indicators.add_values``), a withdrawal appends a
withdrawal record (``withdraw_value``), both audited.
"""

from __future__ import annotations

from urllib.parse import urlencode

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, dcc, html

from dashboard import current, ids, labels, services
from dashboard.components import indicator_views as views
from dashboard.components import reporting
from dashboard.components import value_withdrawal as withdrawal
from dashboard.components.graph import graph_config
from dashboard.data.map_measured import BREAKDOWN_NAMES
from dashboard.data.mapdata import current_map_data
from dashboard.data.messwert_upload import validate_rows
from dashboard.data.progress import indicator_progress
from dashboard.figures.beschluesse import marked, marked_sentence
from dashboard.figures.goals import indicator_detail_chart
from dashboard.store import indicators as store
from dashboard.store.auth import BEARBEITUNG, current_user, require_role

dash.register_page(
    __name__,
    path="/indikator",
    title=f"Indikator – {labels.APP_TITLE}",
    a11y_paths=["/indikator?id=I-GEMEINDEDOLMETSCHER"],
)


def _find(indikator_id: str, snap: current.Snapshot) -> pd.Series | None:
    cat = snap.indicators().set_index("indikator_id", drop=False)
    return cat.loc[indikator_id] if indikator_id in cat.index else None


def map_link(ind: pd.Series, snap: current.Snapshot) -> html.P | None:
    """The link "Auf der Karte zeigen" for an indicator with a breakdown (once the map
    has a value for an area, at the page's Berichtsstand if any; before that, a note)."""
    level = ind["aufschluesselung"]
    if level not in BREAKDOWN_NAMES:
        return None
    point = snap.reporting.id if snap.reporting else None
    if ind["indikator_id"] not in current_map_data(point).measured:
        return html.P(
            f"Karte: sobald ein Messwert je {level.capitalize()} vorliegt.",
            className="text-muted",
            id=ids.IND_PAGE_MAP_LINK,
        )
    query = urlencode({"indikator": ind["indikator_id"], "ebene": level})
    return html.P(  # reporting.keep adds the page's Berichtsstand
        dcc.Link("Auf der Karte zeigen", href=f"/karte?{query}"),
        id=ids.IND_PAGE_MAP_LINK,
    )


def _choices(indikator_id: str) -> list[dict]:
    """Values of the indicator entered by hand that count now (may be withdrawn)."""
    values = current.snapshot().values()
    names = views.area_names(services.get().repo.table("sozialraeume"))
    own = values[values["indikator_id"] == indikator_id]
    return withdrawal.options(own, names)


def body(ind: pd.Series, snap: current.Snapshot) -> list:
    repo = services.get().repo
    values = snap.values()
    own = values[values["indikator_id"] == ind["indikator_id"]]
    entries = store.entries(repo.engine)
    entries = entries[entries["indikator_id"] == ind["indikator_id"]]
    if snap.as_of is not None:  # withdrawals made by then
        entries = entries[entries["widerruf_zeit"] <= pd.Timestamp(snap.as_of)]
    landkreis = own[own["gebiet"] == ""]
    names = views.area_names(repo.table("sozialraeume"))
    goal = repo.table("ziele").set_index("ziel_id").loc[ind["ziel_id"]]
    breakdown = views.breakdown_table(own, names)
    return [
        html.P(["Ziel ", dcc.Link(ind["ziel_id"], href=f"/ziele?feld={goal['hf_id']}"), f": {goal['text']}"]),
        html.P(["Fortschritt: ", html.Strong(indicator_progress(ind, values).label)], className="h5"),
        map_link(ind, snap),
        html.H2("Diagramm", className="h4"),
        dcc.Graph(
            id=ids.IND_PAGE_CHART,
            figure=(chart := indicator_detail_chart(ind, landkreis, snap.decisions())),
            config=graph_config(f"Indikator_{ind['indikator_id']}"),
            style={"height": "380px"},
        ),
        html.P(marked_sentence(chart), className="im-source") if marked(chart) else None,
        html.P(f"Landkreiswerte. Quelle Basiswert: {ind['quelle']}", className="im-source"),
        html.H2("Tabelle", className="h4 mt-3"),
        html.Div(views.values_table(own, names), id=ids.IND_PAGE_TABLE),
        *withdrawal.withdrawn_list(entries, names),
        *([html.H2("Aufschlüsselung", className="h4 mt-3"), breakdown] if breakdown else []),
        html.H2("Metadaten", className="h4 mt-3"),
        html.Div(views.metadata_table(ind, goal["text"]), id=ids.IND_PAGE_META),
    ]  # fmt: skip


def entry_form(ind: pd.Series, hidden: bool) -> html.Div:
    mapping = services.get().repo.table("sozialraeume")
    areas = [{"label": "Landkreis", "value": ""}]
    if ind["aufschluesselung"] == "gemeinde":
        areas += [
            {"label": g, "value": a}
            for a, g in zip(mapping["ags"], mapping["gemeinde"], strict=True)
        ]
    elif ind["aufschluesselung"] == "sozialraum":
        areas += [
            {"label": s, "value": s} for s in sorted(mapping["sozialraum"].unique())
        ]

    def field(label: str, control: object, id_: str) -> dbc.Col:
        return dbc.Col([dbc.Label(label, html_for=id_), control], md=3)

    return html.Div(
        [
            html.H2("Messwert eintragen", className="h4 mt-3"),
            dbc.Row(
                [
                    field("Datum (TT.MM.JJJJ, MM/JJJJ oder JJJJ)", dbc.Input(id=ids.IND_ENTRY_DATE), ids.IND_ENTRY_DATE),
                    field("Gebiet", dbc.Select(id=ids.IND_ENTRY_AREA, options=areas, value=""), ids.IND_ENTRY_AREA),
                    field(f"Wert ({ind['einheit']})", dbc.Input(id=ids.IND_ENTRY_VALUE), ids.IND_ENTRY_VALUE),
                    field("Quelle", dbc.Input(id=ids.IND_ENTRY_SOURCE), ids.IND_ENTRY_SOURCE),
                ]
            ),
            dbc.Button("Messwert speichern", id=ids.IND_ENTRY_SAVE, color="primary", class_name="mt-2"),
            html.Div(id=ids.IND_ENTRY_MSG, className="mt-2"),
        ],
        hidden=hidden,
    )  # fmt: skip


def layout(id: str = "", berichtsstand: str = "", **_query: str) -> html.Div:  # noqa: A002  (URL parameter)
    snap = current.snapshot(berichtsstand=berichtsstand)
    bar = reporting.bar(snap, "/indikator", {"id": id}, ("id",))
    ind = _find(id, snap)
    if (
        ind is None
    ):  # the form stays in the layout (hidden): Dash validates callbacks on it
        blank = pd.Series({"einheit": "", "aufschluesselung": ""})
        return html.Div(
            [
                html.H1("Indikator nicht gefunden", className="h3"),
                bar,
                html.P(
                    ["Zur Übersicht: ", dcc.Link("Indikatoren", href="/indikatoren")]
                ),
                html.Div(id=ids.IND_PAGE_BODY),
                entry_form(blank, hidden=True),
                withdrawal.form([], hidden=True),
                dcc.Store(id=ids.IND_PAGE_ID),
            ]
        )
    editable = current_user() is not None and not reporting.frozen(snap)
    page = html.Div(
        [
            html.P(
                dcc.Link("← alle Indikatoren", href="/indikatoren"), className="mb-1"
            ),
            html.H1(f"{ind['name']} ({ind['einheit']})", className="h3"),
            bar,
            html.Div(body(ind, snap), id=ids.IND_PAGE_BODY),
            entry_form(ind, hidden=not editable),
            # today's values only for editors of today's data (hidden is still sent)
            withdrawal.form(_choices(id) if editable else [], hidden=not editable),
            dcc.Store(id=ids.IND_PAGE_ID, data=ind["indikator_id"]),
        ]
    )
    return reporting.keep(page, snap)


@callback(
    Output(ids.IND_ENTRY_MSG, "children"),
    Output(ids.IND_PAGE_BODY, "children", allow_duplicate=True),
    Output(ids.IND_WITHDRAW_PICK, "options", allow_duplicate=True),
    Input(ids.IND_ENTRY_SAVE, "n_clicks"),
    State(ids.IND_PAGE_ID, "data"),
    State(ids.IND_ENTRY_DATE, "value"),
    State(ids.IND_ENTRY_AREA, "value"),
    State(ids.IND_ENTRY_VALUE, "value"),
    State(ids.IND_ENTRY_SOURCE, "value"),
    prevent_initial_call=True,
)
def save_value(_n, indikator_id, when, area, value, source):  # noqa: ANN001, ANN201
    user = require_role(BEARBEITUNG)
    snap = current.snapshot()
    record = {"indikator_id": indikator_id or "", "datum": when or "", "gebiet": area or "",
              "wert": value or "", "quelle": source or ""}  # fmt: skip
    parsed = validate_rows(
        [(1, record)], snap.indicators(), services.get().repo.table("sozialraeume")
    )
    if parsed.errors:
        msgs = [e.replace("Zeile 1, ", "") for e in parsed.errors]
        return (
            dbc.Alert(
                [
                    html.Strong("Nicht gespeichert:"),
                    html.Ul([html.Li(m) for m in msgs]),
                ],
                color="danger",
            ),
            dash.no_update,
            dash.no_update,
        )
    store.add_values(services.get().engine, parsed.rows, user["name"])
    snap = current.snapshot()
    return (
        dbc.Alert("Messwert gespeichert.", color="success", id="messwert-gespeichert"),
        body(_find(indikator_id, snap), snap),
        _choices(indikator_id),
    )


@callback(
    Output(ids.IND_WITHDRAW_MSG, "children"),
    Output(ids.IND_PAGE_BODY, "children", allow_duplicate=True),
    Output(ids.IND_WITHDRAW_PICK, "options", allow_duplicate=True),
    Output(ids.IND_WITHDRAW_REASON, "value"),
    Input(ids.IND_WITHDRAW_SAVE, "n_clicks"),
    State(ids.IND_PAGE_ID, "data"),
    State(ids.IND_WITHDRAW_PICK, "value"),
    State(ids.IND_WITHDRAW_REASON, "value"),
    prevent_initial_call=True,
)
def withdraw_value(_n, indikator_id, eintrag_id, reason):  # noqa: ANN001, ANN201
    user = require_role(BEARBEITUNG)
    counted = {o["value"] for o in _choices(indikator_id or "")}
    try:
        if not str(eintrag_id or "").isdigit() or int(eintrag_id) not in counted:
            raise ValueError("Bitte einen von Hand eingetragenen Messwert wählen.")
        engine = services.get().engine
        store.withdraw_value(engine, int(eintrag_id), reason, user["name"])
    except ValueError as exc:
        alert = dbc.Alert(f"Nicht zurückgenommen: {exc}", color="danger")
        return alert, dash.no_update, dash.no_update, dash.no_update
    snap = current.snapshot()
    return (
        dbc.Alert(
            "Messwert zurückgenommen.", color="success", id="messwert-zurueckgenommen"
        ),
        body(_find(indikator_id, snap), snap),
        _choices(indikator_id),
        "",
    )
