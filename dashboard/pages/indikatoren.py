"""Indikatoren: the catalogue of indicators per goal with latest value and progress,
the form to define or change an indicator, and the import of Messwerte.

Reads indicators and values through ``dashboard.current``; the form appends a new
indicator version (``dashboard.store.indicators.define``), the import section lives in
``dashboard.callbacks.import_datasets``.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html

from dashboard import current, ids, labels, services
from dashboard.callbacks import import_datasets
from dashboard.components import import_panel, reporting
from dashboard.components import indicator_form as fm
from dashboard.components.indicator_views import catalogue_table
from dashboard.store import indicators as store
from dashboard.store.auth import BEARBEITUNG, current_user, require_role
from dashboard.store.goals import Conflict

dash.register_page(
    __name__,
    path="/indikatoren",
    name="Indikatoren",
    title=f"Indikatoren – {labels.APP_TITLE}",
)


def layout(berichtsstand: str = "", **query: str) -> html.Div:
    snap = current.snapshot(berichtsstand=berichtsstand)
    user = current_user()
    frozen = reporting.frozen(snap)
    # the form is always in the layout (callback validation), shown to editors only
    editor = [
        html.Div(fm.form(snap.indicators(), services.get().repo.table("ziele")), hidden=not user or frozen),
        html.P(reporting.FROZEN_NOTE, className="text-muted") if frozen else None,
        None if user or frozen else dbc.Alert(
            [html.A("Anmelden", href="/anmelden?weiter=/indikatoren"), " (Rolle Bearbeitung), um Indikatoren anzulegen."],
            color="info",
        ),
    ]  # fmt: skip
    page = html.Div(
        [
            html.H1("Indikatoren der Ziele", className="h3"),
            reporting.bar(snap, "/indikatoren", {}),
            html.P(
                "Je Indikator: Basiswert, Zielwert, Messwerte und Fortschritt (Methode nach Open SDG: "
                "erreichter Anteil des Weges von der Basis zum Ziel, verglichen mit der verstrichenen Zeit). "
                "Ein Klick auf den Namen öffnet Diagramm, Tabelle und Metadaten."
            ),
            html.Div(catalogue_table(snap), id=ids.IND_CATALOGUE),
            html.H2("Indikator anlegen oder ändern", className="h4 mt-4"),
            *editor,
            html.Div(
                [html.H2("Messwerte importieren", className="h4 mt-4"),
                 *import_panel.section(import_datasets.MESSWERTE, query.get("importe"))],
                hidden=frozen,
            ),
            dcc.Store(id=ids.IND_VERSION),
        ]
    )  # fmt: skip
    return reporting.keep(page, snap)


@callback(
    *[Output(fm.field_id(f), "value") for f in fm.FIELDS],
    Output(fm.field_id("indikator_id"), "disabled"),
    Output(ids.IND_FORM_BASE, "data"),
    Input(ids.IND_FORM_PICK, "value"),
    prevent_initial_call=True,
)
def load_indicator(pick):  # noqa: ANN001, ANN201
    """Fill the form with the chosen indicator's current definition and version."""
    cat = current.snapshot().indicators().set_index("indikator_id", drop=False)
    row = cat.loc[pick] if pick in cat.index else None
    values = fm.values_of(row)
    version = 0 if row is None else int(row["version"])
    return (*[values[f] for f in fm.FIELDS], row is not None, version)


@callback(
    Output(ids.IND_FORM_MSG, "children"),
    Output(ids.IND_CATALOGUE, "children"),
    Output(ids.IND_FORM_PICK, "options"),
    Output(ids.IND_FORM_PICK, "value"),
    Output(ids.IND_FORM_BASE, "data", allow_duplicate=True),
    Input(ids.IND_FORM_SAVE, "n_clicks"),
    State(ids.IND_FORM_PICK, "value"),
    State(ids.IND_FORM_BASE, "data"),
    *[State(fm.field_id(f), "value") for f in fm.FIELDS],
    prevent_initial_call=True,
)
def save_indicator(_n, pick, base, *fields):  # noqa: ANN001, ANN201
    user = require_role(BEARBEITUNG)
    values = dict(zip(fm.FIELDS, fields, strict=True))
    cat = current.snapshot().indicators()
    is_new = pick == fm.NEW
    if not is_new:
        values["indikator_id"] = pick
    goals = set(services.get().repo.table("ziele")["ziel_id"])
    definition, errors = fm.validate(values, goals, set(cat["indikator_id"]), is_new)
    if errors:
        alert = dbc.Alert(
            [html.Strong("Nicht gespeichert:"), html.Ul([html.Li(e) for e in errors])],
            color="danger",
        )
        return alert, *[dash.no_update] * 4
    try:
        version = store.define(
            services.get().engine, definition, int(base or 0), user["name"]
        )
    except Conflict as exc:
        return dbc.Alert(str(exc), color="danger"), *[dash.no_update] * 4
    cat = current.snapshot().indicators()
    options = [{"label": "Neuer Indikator", "value": fm.NEW}] + [
        {"label": f"{r.indikator_id}: {r.name}", "value": r.indikator_id}
        for r in cat.itertuples()
    ]
    link = dcc.Link(
        "Seite des Indikators öffnen", href=f"/indikator?id={definition.indikator_id}"
    )
    msg = dbc.Alert(
        [f"{definition.indikator_id} gespeichert (Version {version}). ", link],
        color="success",
        id="indikator-gespeichert",
    )
    return msg, catalogue_table(), options, definition.indikator_id, version
