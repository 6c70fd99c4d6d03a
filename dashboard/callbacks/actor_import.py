"""Export of the actor list and its re-import: validated preview, commit, revert.

Reuses the upload machinery of the school years: ``dashboard.data.tabular`` reads
the file (CSV/TXT/XLSX, size limit, header spellings), every write calls
``require_role`` first, the commit re-validates on the server, Administration
reverts an import as a whole (new versions restore the state before).
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html

from dashboard import ids, services
from dashboard.components.downloads import send_table
from dashboard.components.sortable_table import plain_table
from dashboard.data import upload_guard
from dashboard.data.records import ParsedList, export_list, parse_actor_list
from dashboard.formatting import fmt_time
from dashboard.store import records as record_store
from dashboard.store.auth import ADMINISTRATION, BEARBEITUNG, current_user, require_role
from dashboard.store.goals import Conflict


def _refs() -> dict[str, set[str]]:
    repo = services.get().repo
    return {
        "ags": set(repo.table("sozialraeume")["ags"]),
        "hf": set(repo.table("handlungsfelder")["hf_id"]),
        "akteure": set(repo.records("akteur")["akteur_id"]),
    }


def parse(contents: str, filename: str) -> ParsedList:
    try:
        raw, filename = upload_guard.decode(contents, filename)
    except upload_guard.UploadRefused as exc:
        return ParsedList(errors=[f"{str(filename)[:60]}: {exc}"])
    return parse_actor_list(
        raw, filename, services.get().repo.records("akteur"), _refs()
    )


def imports_table() -> html.Div:
    imports = record_store.list_imports(services.get().engine)
    if imports.empty:
        return html.P("Noch keine Importe.")
    admin = (current_user() or {}).get("rolle") == ADMINISTRATION
    rows = [
        html.Tr(
            [
                html.Td(str(r.id)),
                html.Td(fmt_time(r.zeit)),
                html.Td(r.benutzer),
                html.Td(r.dateiname),
                html.Td(str(r.zeilen)),
                html.Td(
                    dbc.Button(
                        "Zurücknehmen",
                        id={"type": ids.AL_REVERT, "import": int(r.id)},
                        color="warning",
                        size="sm",
                    )
                    if admin and r.status == "übernommen"
                    else r.status
                    + (
                        f" ({r.geaendert_von}, {r.geaendert_am:%d.%m.%Y})"
                        if r.geaendert_von
                        else ""
                    )
                ),
            ]
        )
        for r in imports.itertuples()
    ]
    head = [html.Th(h) for h in ("Nr.", "Zeit", "Wer", "Datei", "Änderungen", "Status")]
    return plain_table(head, rows)


def section() -> list:
    user = current_user()
    login = (
        html.P(f"Angemeldet als {user['name']} (Rolle {user['rolle']}).")
        if user
        else dbc.Alert(
            [
                "Zum Hochladen bitte ",
                html.A("anmelden", href="/anmelden"),
                " (Rolle Bearbeitung).",
            ],
            color="info",
        )
    )
    return [
        html.H2("Herunterladen", className="h5 mt-2"),
        html.P(
            "Die aktuelle Akteursliste mit allen Spalten, die ein Import liest "
            "(ein Import liest dieselben Spalten wieder ein; die Excel-Datei nennt im "
            "Blatt „Spalten“ zu jeder Spalte ihren technischen Namen)."
        ),
        dbc.ButtonGroup(
            [
                dbc.Button(
                    "CSV herunterladen", id=ids.AL_CSV_BUTTON, color="secondary"
                ),
                dbc.Button(
                    "Excel herunterladen", id=ids.AL_XLSX_BUTTON, color="secondary"
                ),
            ]
        ),
        dcc.Download(id=ids.AL_DOWNLOAD),
        html.H2("Geänderte Liste hochladen", className="h5 mt-4"),
        login,
        html.P(
            "CSV, Text oder Excel (.xlsx), höchstens 1 MB – wie beim Schuljahr-Import. "
            "Leere „Akteur (Kennung)“ = neuer Akteur; fehlende Spalten bleiben "
            "unverändert; Beenden mit Status „beendet“ und Ende (Datum). Die wörtlichen "
            "Textstellen des Konzepts (Aufgaben, Handlungsfelder laut Konzept) ändert "
            "kein Import. Nach der Prüfung "
            "zeigt eine Vorschau alle Änderungen oder Fehler je Zeile und Spalte; "
            "gespeichert wird erst nach „Übernehmen“ – ganz oder gar nicht, je Akteur als "
            "neue Version."
        ),
        dcc.Upload(
            id=ids.AL_UPLOAD,
            children=html.Div(["Datei hierher ziehen oder ", html.U("auswählen")]),
            className="im-upload",
            multiple=False,
        ),
        html.Div(id=ids.AL_PREVIEW),
        dcc.Store(id=ids.AL_PENDING),
        dbc.Button(
            "Übernehmen",
            id=ids.AL_COMMIT,
            color="primary",
            disabled=True,
            class_name="mt-2",
        ),
        html.Div(id=ids.AL_MSG, className="mt-2", role="status"),
        html.H2("Importe", className="h5 mt-3"),
        html.Div(imports_table(), id=ids.AL_IMPORTS),
    ]


def preview(parsed: ParsedList, filename: str) -> list:
    notes = [html.Li(n) for n in parsed.notes]
    if parsed.errors:
        return [
            dbc.Alert(
                [
                    html.P(
                        f"{filename}: {len(parsed.errors)} Fehler – nichts wird übernommen."
                    ),
                    html.Ul([html.Li(e) for e in parsed.errors[:50]]),
                ],
                color="danger",
                id="akteursliste-fehler",
            )
        ]
    if not parsed.changes:
        return [
            dbc.Alert(
                f"{filename}: keine Änderungen ({parsed.unchanged} Akteure gleich).",
                color="info",
            )
        ]
    rows = [
        html.Tr(
            [
                html.Td(key),
                html.Td(record["name"]),
                html.Td(
                    "neu"
                    if version == 0 and changed and "akteur_id" in changed
                    else ", ".join(changed)
                ),
            ]
        )
        for key, version, record, changed in parsed.changes
    ]
    return [
        dbc.Alert(
            f"{filename}: {len(parsed.changes)} Akteure werden geändert oder angelegt, "
            f"{parsed.unchanged} bleiben gleich.",
            color="success",
        ),
        html.Ul(notes) if notes else None,
        plain_table([html.Th(h) for h in ("akteur_id", "Name", "Geändert")], rows),
    ]


@callback(
    Output(ids.AL_DOWNLOAD, "data"),
    Input(ids.AL_CSV_BUTTON, "n_clicks"),
    Input(ids.AL_XLSX_BUTTON, "n_clicks"),
    prevent_initial_call=True,
)
def download(_csv, _xlsx):  # noqa: ANN001, ANN201
    return send_table(
        export_list(services.get().repo.records("akteur")),
        "akteursliste",
        excel=ctx.triggered_id == ids.AL_XLSX_BUTTON,
        sheet="Akteure",
    )


@callback(
    Output(ids.AL_PREVIEW, "children"),
    Output(ids.AL_PENDING, "data"),
    Output(ids.AL_COMMIT, "disabled"),
    Input(ids.AL_UPLOAD, "contents"),
    State(ids.AL_UPLOAD, "filename"),
    prevent_initial_call=True,
)
def check_upload(contents, filename):  # noqa: ANN001, ANN201
    require_role(BEARBEITUNG)
    parsed = parse(contents, filename)
    ok = parsed.ok and bool(parsed.changes)
    pending = {"contents": contents, "filename": filename} if ok else None
    return preview(parsed, filename), pending, not ok


@callback(
    Output(ids.AL_MSG, "children"),
    Output(ids.AL_IMPORTS, "children"),
    Output(ids.AL_COMMIT, "disabled", allow_duplicate=True),
    Output(ids.AL_PREVIEW, "children", allow_duplicate=True),
    Input(ids.AL_COMMIT, "n_clicks"),
    State(ids.AL_PENDING, "data"),
    prevent_initial_call=True,
)
def commit(_n, pending):  # noqa: ANN001, ANN201
    user = require_role(BEARBEITUNG)
    if not pending:
        raise dash.exceptions.PreventUpdate
    parsed = parse(pending["contents"], pending["filename"])  # never trust the browser
    if not parsed.ok:
        msg = dbc.Alert(
            "Die Datei ist nicht mehr gültig und wurde nicht übernommen.",
            color="danger",
        )
        return msg, dash.no_update, True, preview(parsed, pending["filename"])
    changes = [(key, version, record) for key, version, record, _c in parsed.changes]
    try:
        import_id = record_store.commit_import(
            services.get().engine, "akteur", changes, user["name"], pending["filename"]
        )
    except Conflict as exc:
        return dbc.Alert(str(exc), color="danger"), dash.no_update, True, []
    msg = dbc.Alert(
        f"Import {import_id} gespeichert: {len(changes)} Akteure aus {pending['filename']}.",
        color="success",
        id="akteursliste-ok",
    )
    return msg, imports_table(), True, []


@callback(
    Output(ids.AL_MSG, "children", allow_duplicate=True),
    Output(ids.AL_IMPORTS, "children", allow_duplicate=True),
    Input({"type": ids.AL_REVERT, "import": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def revert(clicks):  # noqa: ANN001, ANN201
    user = require_role(ADMINISTRATION)
    if not any(clicks or []):
        raise dash.exceptions.PreventUpdate
    import_id = ctx.triggered_id["import"]
    repo = services.get().repo
    file_rows = {
        r["akteur_id"]: {**r, "status": "in Betrieb", "ende": ""}
        for r in repo.table("akteure").to_dict("records")
    }
    try:
        skipped = record_store.revert_import(
            services.get().engine, import_id, user["name"], file_rows
        )
    except (ValueError, Conflict) as exc:
        return dbc.Alert(str(exc), color="danger"), dash.no_update
    text = f"Import {import_id} zurückgenommen."
    if skipped:
        text += f" Später geändert und daher belassen: {', '.join(skipped)}."
    return dbc.Alert(text, color="info", id="akteursliste-zurueck"), imports_table()
