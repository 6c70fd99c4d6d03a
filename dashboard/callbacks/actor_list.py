"""The actor list: export as CSV/Excel and its re-import as an import panel
(``dashboard.callbacks.imports``); a revert writes new versions that restore the
state before the import.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Input, Output, callback, ctx, dcc, html

from dashboard import ids, services
from dashboard.callbacks.imports import register
from dashboard.components.downloads import send_table
from dashboard.components.import_panel import ImportSpec
from dashboard.components.sortable_table import plain_table
from dashboard.data.records import export_list, parse_actor_list
from dashboard.store import models
from dashboard.store import records as record_store


def _parse_actors(raw: bytes, filename: str) -> object:
    repo = services.get().repo
    refs = {
        "ags": set(repo.table("sozialraeume")["ags"]),
        "hf": set(repo.table("handlungsfelder")["hf_id"]),
        "akteure": set(repo.records("akteur")["akteur_id"]),
    }
    return parse_actor_list(raw, filename, repo.records("akteur"), refs)


def _preview_actors(parsed: object, filename: str) -> list:
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
    notes = [html.Li(n) for n in parsed.notes]
    return [
        dbc.Alert(
            f"{filename}: {len(parsed.changes)} Akteure werden geändert oder angelegt, "
            f"{parsed.unchanged} bleiben gleich.",
            color="success",
        ),
        html.Ul(notes) if notes else None,
        plain_table([html.Th(h) for h in ("akteur_id", "Name", "Geändert")], rows),
    ]


def _commit_actors(parsed: object, user: str, name: str) -> tuple:
    changes = [(key, version, record) for key, version, record, _c in parsed.changes]
    engine = services.get().engine
    import_id = record_store.commit_import(engine, "akteur", changes, user, name)
    return import_id, len(changes)


def _revert_actors(import_id: int, user: str, reason: str) -> str:
    """New versions restore the state before; records changed since stay as they are."""
    file_rows = {
        r["akteur_id"]: {**r, "status": "in Betrieb", "ende": ""}
        for r in services.get().repo.table("akteure").to_dict("records")
    }
    engine = services.get().engine
    skipped = record_store.revert_import(engine, import_id, user, file_rows, reason)
    return (
        f" Später geändert und daher belassen: {', '.join(skipped)}." if skipped else ""
    )


def _actor_export() -> list:
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
    ]


AKTEURE = ImportSpec(
    ids=ids.AL_IMPORT,
    table=models.akteur_import,
    active="übernommen",
    href="/akteursliste",
    login_next="/akteursliste",
    intro=(
        "CSV, Text oder Excel (.xlsx), höchstens 1 MB – wie beim Schuljahr-Import. "
        "Leere „Akteur (Kennung)“ = neuer Akteur; fehlende Spalten bleiben "
        "unverändert; Beenden mit Status „beendet“ und Ende (Datum). Die wörtlichen "
        "Textstellen des Konzepts (Aufgaben, Handlungsfelder laut Konzept) ändert "
        "kein Import. Nach der Prüfung zeigt eine Vorschau alle Änderungen oder Fehler "
        "je Zeile und Spalte; gespeichert wird erst nach „Übernehmen“ – ganz oder gar "
        "nicht, je Akteur als neue Version."
    ),
    parse=_parse_actors,
    preview=_preview_actors,
    commit=_commit_actors,
    revert=_revert_actors,
    unit="Akteure",
    count_header="Änderungen",
    ready=lambda parsed: bool(parsed.changes),
    top=_actor_export,
    revert_effect=(
        "Die geänderten Akteure bekommen wieder ihren Stand vor dem Import (als neue "
        "Version); neu angelegte werden entfernt; später geänderte bleiben, wie sie sind."
    ),
)


@callback(
    Output(ids.AL_DOWNLOAD, "data"),
    Input(ids.AL_CSV_BUTTON, "n_clicks"),
    Input(ids.AL_XLSX_BUTTON, "n_clicks"),
    prevent_initial_call=True,
)
def download_actors(_csv, _xlsx):  # noqa: ANN001, ANN201
    return send_table(
        export_list(services.get().repo.records("akteur")),
        "akteursliste",
        excel=ctx.triggered_id == ids.AL_XLSX_BUTTON,
        sheet="Akteure",
    )


register(AKTEURE)
