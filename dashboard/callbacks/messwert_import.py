"""Import of Messwerte from CSV/Excel: template, validated preview, commit, revert.

Same standards as the school-year upload: the file is read by the one tabular reader,
every error names row and column, the commit re-validates on the server and writes
one audited transaction, the Administration can revert an import as a whole.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, Input, Output, State, callback, ctx, dcc, html

from dashboard import current, ids, services
from dashboard.components.indicator_views import catalogue_table
from dashboard.components.sortable_table import plain_table
from dashboard.data import upload_guard
from dashboard.data.messwert_upload import ParsedValues, parse_values_file, template_csv
from dashboard.formatting import fmt_num, fmt_stand, fmt_time
from dashboard.store import indicators as store
from dashboard.store.auth import ADMINISTRATION, BEARBEITUNG, current_user, require_role
from dashboard.store.daz_imports import ACTIVE


def validate(contents: str, filename: str) -> ParsedValues:
    try:
        raw, filename = upload_guard.decode(contents, filename)
    except upload_guard.UploadRefused as exc:
        return ParsedValues(pd.DataFrame(), [f"{str(filename)[:60]}: {exc}"])
    repo = services.get().repo
    return parse_values_file(
        raw, filename, current.snapshot().indicators(), repo.table("sozialraeume")
    )


def imports_table() -> html.Div:
    may_revert = (current_user() or {}).get("rolle") == ADMINISTRATION
    frame = store.imports(services.get().engine)
    if frame.empty:
        return html.P("Noch keine Messwert-Importe.", className="text-muted")
    rows = []
    for r in frame.itertuples():
        if r.status == ACTIVE:
            action = (
                dbc.Button("Zurücknehmen", id={"type": ids.MW_REVERT, "import": int(r.id)}, size="sm", color="outline-danger")
                if may_revert
                else "aktiv"
            )  # fmt: skip
        else:
            action = (
                f"zurückgenommen von {r.geaendert_von} am {fmt_time(r.geaendert_am)}"
            )
        cells = [
            int(r.id),
            fmt_time(r.zeit),
            r.benutzer,
            r.dateiname,
            int(r.zeilen),
        ]
        rows.append(html.Tr([*[html.Td(c) for c in cells], html.Td(action)]))
    heads = ("Nr.", "Zeit", "Wer", "Datei", "Zeilen", "")
    return plain_table([html.Th(h) for h in heads], rows)


def section() -> list:
    return [
        html.P(
            "CSV, Text oder Excel mit den Spalten Indikator (Kennung), Datum, Wert, Quelle "
            "und bei aufgeschlüsselten Indikatoren Gebiet (Gemeinde oder Sozialraum; "
            "leer = Landkreis). "
            "Zahlen wie 1.234,5; Datum wie 31.12.2018, 12/2018 oder 2018. Vorschau zuerst, "
            "gespeichert wird erst nach „Übernehmen“ – ganz oder gar nicht; jeder Import ist protokolliert."
        ),
        dbc.Button("Vorlage herunterladen (CSV)", id=ids.MW_TEMPLATE_BUTTON, color="secondary", class_name="mb-2"),
        dcc.Download(id=ids.MW_TEMPLATE),
        dcc.Upload(
            id=ids.MW_UPLOAD,
            children=html.Div(["Messwert-Datei hierher ziehen oder ", html.U("auswählen")]),
            className="im-upload",
        ),
        html.Div(id=ids.MW_PREVIEW),
        dcc.Store(id=ids.MW_PENDING),
        dbc.Button("Übernehmen", id=ids.MW_COMMIT, color="primary", disabled=True, class_name="mt-2"),
        html.Div(id=ids.MW_MSG, className="mt-2"),
        html.H3("Messwert-Importe", className="h5 mt-3"),
        html.Div(imports_table(), id=ids.MW_IMPORTS),
    ]  # fmt: skip


def preview(parsed: ParsedValues, filename: str) -> list:
    if parsed.errors:
        return [
            dbc.Alert(
                [
                    html.Strong(f"{filename} wurde nicht übernommen – {len(parsed.errors)} Problem(e):"),
                    html.Ul([html.Li(e) for e in parsed.errors[:200]]),
                ],
                color="danger",
                id="messwerte-fehler",
            )
        ]  # fmt: skip
    shown = parsed.rows.assign(
        datum=parsed.rows["datum"].map(fmt_stand),
        wert=parsed.rows["wert"].map(lambda v: fmt_num(v, 2).removesuffix(",00")),
        gebiet=parsed.rows["gebiet"].replace("", "Landkreis"),
    )
    notes = (
        [dbc.Alert(html.Ul([html.Li(w) for w in parsed.warnings]), color="warning")]
        if parsed.warnings
        else []
    )
    return [
        dbc.Alert(f"{filename}: {len(parsed.rows)} Messwerte geprüft, keine Fehler.", color="success"),
        *notes,
        dbc.Table.from_dataframe(shown, size="sm", striped=True, class_name="im-table"),
    ]  # fmt: skip


@callback(
    Output(ids.MW_TEMPLATE, "data"),
    Input(ids.MW_TEMPLATE_BUTTON, "n_clicks"),
    prevent_initial_call=True,
)
def download_template(_n):  # noqa: ANN001, ANN201
    text = template_csv(current.snapshot().indicators())
    return {
        "content": "\ufeff" + text,
        "filename": "vorlage_messwerte.csv",
        "type": "text/csv",
    }


@callback(
    Output(ids.MW_PREVIEW, "children"),
    Output(ids.MW_PENDING, "data"),
    Output(ids.MW_COMMIT, "disabled"),
    Input(ids.MW_UPLOAD, "contents"),
    State(ids.MW_UPLOAD, "filename"),
    prevent_initial_call=True,
)
def check_upload(contents, filename):  # noqa: ANN001, ANN201
    require_role(BEARBEITUNG)
    parsed = validate(contents, filename)
    pending = {"contents": contents, "filename": filename} if parsed.ok else None
    return preview(parsed, filename), pending, not parsed.ok


@callback(
    Output(ids.MW_MSG, "children"),
    Output(ids.MW_IMPORTS, "children"),
    Output(ids.MW_COMMIT, "disabled", allow_duplicate=True),
    Output(ids.MW_PREVIEW, "children", allow_duplicate=True),
    Output(ids.IND_CATALOGUE, "children", allow_duplicate=True),
    Input(ids.MW_COMMIT, "n_clicks"),
    State(ids.MW_PENDING, "data"),
    prevent_initial_call=True,
)
def commit(_n, pending):  # noqa: ANN001, ANN201
    user = require_role(BEARBEITUNG)
    if not pending:
        raise dash.exceptions.PreventUpdate
    parsed = validate(
        pending["contents"], pending["filename"]
    )  # never trust the browser's copy
    if not parsed.ok:
        alert = dbc.Alert(
            "Die Datei ist nicht mehr gültig und wurde nicht übernommen.",
            color="danger",
        )
        return (
            alert,
            dash.no_update,
            True,
            preview(parsed, pending["filename"]),
            dash.no_update,
        )
    import_id = store.add_values(
        services.get().engine, parsed.rows, user["name"], pending["filename"]
    )
    msg = dbc.Alert(
        f"Messwert-Import {import_id} gespeichert: {len(parsed.rows)} Werte aus {pending['filename']}.",
        color="success",
        id="messwerte-import-ok",
    )
    return msg, imports_table(), True, [], catalogue_table()


@callback(
    Output(ids.MW_MSG, "children", allow_duplicate=True),
    Output(ids.MW_IMPORTS, "children", allow_duplicate=True),
    Output(ids.IND_CATALOGUE, "children", allow_duplicate=True),
    Input({"type": ids.MW_REVERT, "import": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def revert(clicks):  # noqa: ANN001, ANN201
    user = require_role(ADMINISTRATION)
    if not any(clicks):
        raise dash.exceptions.PreventUpdate
    import_id = ctx.triggered_id["import"]
    try:
        store.revert_values_import(services.get().engine, import_id, user["name"])
    except ValueError as exc:
        return dbc.Alert(str(exc), color="danger"), dash.no_update, dash.no_update
    return (
        dbc.Alert(f"Messwert-Import {import_id} zurückgenommen.", color="info"),
        imports_table(),
        catalogue_table(),
    )
