"""Upload of a new school year: template, validated preview, commit, revert.

Every write calls ``require_role`` first; the commit re-validates the file on the
server rather than trusting the preview.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, Input, Output, State, callback, ctx, dcc, html

from dashboard import ids, labels, services
from dashboard.components.sortable_table import plain_table
from dashboard.data import upload_guard
from dashboard.data.daz import BASE_YEAR
from dashboard.data.daz_upload import KEY, ParsedUpload, parse_upload, template_csv
from dashboard.formatting import fmt_stand, fmt_time
from dashboard.store.auth import ADMINISTRATION, BEARBEITUNG, current_user, require_role
from dashboard.store.daz_imports import (
    ACTIVE,
    commit_import,
    count_imports,
    list_imports,
    revert_import,
)


def known_schools() -> dict[str, str]:
    schools = services.get().repo.table("schulen_daz")
    return dict(zip(schools["schule_id"], schools["schulart"], strict=True))


def existing_keys() -> set[tuple]:
    """Keys already stored: bundled Landkreis rows, the 2016/17 school table, active imports."""
    repo = services.get().repo
    bundled = repo.table("daz_schuljahre")
    keys = set(map(tuple, bundled[KEY].to_numpy().tolist()))
    keys |= {
        (BASE_YEAR, "Schule", s, "DaZ 1/2")
        for s in repo.table("schulen_daz")["schule_id"]
    }
    keys |= set(map(tuple, repo.imported_daz()[KEY].to_numpy().tolist()))
    return keys


def validate(contents: str, filename: str) -> ParsedUpload:
    """Decode the upload and check it (``upload_guard``) before any parser sees it."""
    shown = str(filename)[:60]
    try:
        raw, filename = upload_guard.decode(contents, filename)
    except upload_guard.UploadRefused as exc:
        return ParsedUpload(pd.DataFrame(), [f"{shown}: {exc}"])
    schools = services.get().repo.table("schulen_daz")
    names = {
        str(n).strip().lower(): sid
        for col in ("name_dokument", "name_amtlich")
        for n, sid in zip(schools[col], schools["schule_id"], strict=True)
    }
    return parse_upload(raw, filename, known_schools(), existing_keys(), names)


IMPORT_PAGE = 10  # imports per page of the import log


def imports_table(page: int = 1) -> html.Div:
    """One page of imports (newest first) with who and when; only administrators see
    the revert buttons."""
    user = current_user() or {}
    may_revert = user.get("rolle") == ADMINISTRATION
    engine = services.get().engine
    total = count_imports(engine)
    page = min(max(page, 1), max(1, -(-total // IMPORT_PAGE)))
    frame = list_imports(engine, IMPORT_PAGE, (page - 1) * IMPORT_PAGE)
    if frame.empty:
        return html.P("Noch keine Importe.", className="text-muted")
    rows = []
    for r in frame.itertuples():
        action = (
            dbc.Button(
                "Zurücknehmen",
                id={"type": ids.DAZ_REVERT, "import": int(r.id)},
                size="sm",
                color="outline-danger",
            )
            if r.status == ACTIVE and may_revert
            else "aktiv"
            if r.status == ACTIVE
            else f"zurückgenommen von {r.geaendert_von} am {fmt_time(r.geaendert_am)}"
        )
        rows.append(
            html.Tr(
                [
                    html.Td(int(r.id)),
                    html.Td(fmt_time(r.zeit)),
                    html.Td(r.benutzer),
                    html.Td(r.dateiname),
                    html.Td(r.schuljahre),
                    html.Td(int(r.zeilen)),
                    html.Td(action),
                ]
            )
        )
    headers = ("Nr.", "Zeit", "Wer", "Datei", "Schuljahr", "Zeilen", "")
    first = (page - 1) * IMPORT_PAGE + 1
    href = "/daz?tab=import&importe={}".format
    nav = [
        html.Span(
            labels.HISTORY_RANGE.format(
                first=first, last=first + len(frame) - 1, total=total
            ),
            className="text-muted",
        ),
        dcc.Link(labels.HISTORY_NEWER, href=href(page - 1)) if page > 1 else None,
        dcc.Link(labels.HISTORY_OLDER, href=href(page + 1))
        if first + len(frame) - 1 < total
        else None,
    ]
    return html.Div(
        [
            plain_table([html.Th(h) for h in headers], rows),
            html.Div(nav, className="d-flex flex-wrap gap-3 im-history-nav"),
        ]
    )


def section(importe: str | None = None) -> list:
    """The import tab; ``importe`` is the page of the import log (URL ``importe=``)."""
    user = current_user()
    login = (
        html.P(f"Angemeldet als {user['name']} (Rolle {user['rolle']}).")
        if user
        else dbc.Alert(
            [
                "Zum Hochladen bitte ",
                html.A("anmelden", href="/anmelden?weiter=/daz?tab=import"),
                " (Rolle Bearbeitung).",
            ],
            color="info",
        )
    )
    return [
        html.Div(className="mt-2"),
        login,
        html.P(
            "CSV oder Text (Trennzeichen ; , oder Tabulator; UTF-8, Windows-1252 oder "
            "Unicode-Text) oder Excel (.xlsx), höchstens 1 MB. Titelzeilen über der Kopfzeile, "
            "leere Zeilen und weitere Spalten (z. B. Bemerkung) stören nicht; eine Summenzeile "
            "wird geprüft, aber nicht übernommen. Jede Zeile braucht Quelle und Stand. Nach der "
            "Prüfung zeigt eine Vorschau alle Probleme; gespeichert wird erst nach „Übernehmen“ "
            "– ganz oder gar nicht."
        ),
        dbc.Button(
            "Vorlage herunterladen (CSV)",
            id=ids.DAZ_TEMPLATE_BUTTON,
            color="secondary",
            class_name="mb-2",
        ),
        dcc.Download(id=ids.DAZ_TEMPLATE),
        dcc.Upload(
            id=ids.DAZ_UPLOAD,
            children=html.Div(["Datei hierher ziehen oder ", html.U("auswählen")]),
            className="im-upload",
            multiple=False,
        ),
        html.Div(id=ids.DAZ_PREVIEW),
        dcc.Store(id=ids.DAZ_PENDING),
        dbc.Button(
            "Übernehmen",
            id=ids.DAZ_COMMIT,
            color="primary",
            disabled=True,
            class_name="mt-2",
        ),
        html.Div(id=ids.DAZ_IMPORT_MSG, className="mt-2"),
        html.H2("Importe", className="h5 mt-3"),
        html.Div(
            imports_table(int(importe) if (importe or "").isdigit() else 1),
            id=ids.DAZ_IMPORTS,
        ),
    ]


def preview(parsed: ParsedUpload, filename: str) -> list:
    if parsed.errors:
        return [
            dbc.Alert(
                [
                    html.Strong(
                        f"{filename} wurde nicht übernommen – {len(parsed.errors)} Problem(e):"
                    ),
                    html.Ul([html.Li(e) for e in parsed.errors[:200]]),
                ],
                color="danger",
                id="daz-fehler",
            )
        ]
    out = [
        dbc.Alert(
            f"{filename}: {len(parsed.rows)} Zeilen geprüft, keine Fehler. Bitte Vorschau prüfen und "
            "übernehmen.",
            color="success",
        )
    ]
    if parsed.warnings:
        out.append(
            dbc.Alert(
                [
                    html.Strong("Hinweise:"),
                    html.Ul([html.Li(w) for w in parsed.warnings]),
                ],
                color="warning",
            )
        )
    shown = parsed.rows.assign(stand=parsed.rows["stand"].map(fmt_stand)).fillna("")
    out.append(
        dbc.Table.from_dataframe(shown, size="sm", striped=True, class_name="im-table")
    )
    return out


@callback(
    Output(ids.DAZ_TEMPLATE, "data"),
    Input(ids.DAZ_TEMPLATE_BUTTON, "n_clicks"),
    prevent_initial_call=True,
)
def download_template(_n):  # noqa: ANN001, ANN201
    text = template_csv(services.get().repo.table("schulen_daz"))
    return {
        "content": "\ufeff" + text,
        "filename": "vorlage_daz_schuljahr.csv",
        "type": "text/csv",
    }


@callback(
    Output(ids.DAZ_PREVIEW, "children"),
    Output(ids.DAZ_PENDING, "data"),
    Output(ids.DAZ_COMMIT, "disabled"),
    Input(ids.DAZ_UPLOAD, "contents"),
    State(ids.DAZ_UPLOAD, "filename"),
    prevent_initial_call=True,
)
def check_upload(contents, filename):  # noqa: ANN001, ANN201
    require_role(BEARBEITUNG)
    parsed = validate(contents, filename)
    pending = {"contents": contents, "filename": filename} if parsed.ok else None
    return preview(parsed, str(filename)[:60]), pending, not parsed.ok


@callback(
    Output(ids.DAZ_IMPORT_MSG, "children"),
    Output(ids.DAZ_IMPORTS, "children"),
    Output(ids.DAZ_VERSION, "data"),
    Output(ids.DAZ_COMMIT, "disabled", allow_duplicate=True),
    Output(ids.DAZ_PREVIEW, "children", allow_duplicate=True),
    Input(ids.DAZ_COMMIT, "n_clicks"),
    State(ids.DAZ_PENDING, "data"),
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
        return (
            dbc.Alert(
                "Die Datei ist nicht mehr gültig und wurde nicht übernommen.",
                color="danger",
            ),
            dash.no_update,
            dash.no_update,
            True,
            preview(parsed, pending["filename"]),
        )
    import_id = commit_import(
        services.get().engine,
        parsed.rows,
        user["name"],
        upload_guard.check_name(pending["filename"]),
    )
    msg = dbc.Alert(
        f"Import {import_id} gespeichert: {len(parsed.rows)} Zeilen aus {pending['filename']}.",
        color="success",
        id="daz-import-ok",
    )
    return msg, imports_table(), import_id, True, []


@callback(
    Output(ids.DAZ_IMPORT_MSG, "children", allow_duplicate=True),
    Output(ids.DAZ_IMPORTS, "children", allow_duplicate=True),
    Output(ids.DAZ_VERSION, "data", allow_duplicate=True),
    Input({"type": ids.DAZ_REVERT, "import": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def revert(clicks):  # noqa: ANN001, ANN201
    user = require_role(ADMINISTRATION)
    if not any(clicks):
        raise dash.exceptions.PreventUpdate
    import_id = ctx.triggered_id["import"]
    try:
        revert_import(services.get().engine, import_id, user["name"])
    except ValueError as exc:
        return dbc.Alert(str(exc), color="danger"), dash.no_update, dash.no_update
    return (
        dbc.Alert(f"Import {import_id} zurückgenommen.", color="info"),
        imports_table(),
        f"r{import_id}",
    )
