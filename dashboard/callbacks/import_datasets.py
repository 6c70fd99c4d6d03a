"""The school-year (DaZ) and Messwert imports as import panels: each names its
parser, preview, commit and revert; ``dashboard.callbacks.imports`` does the rest
(upload guard, preview, commit, revert, log) the same way for all (the actor list:
``dashboard.callbacks.actor_list``).
"""

from __future__ import annotations

from collections.abc import Callable

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard import current, ids, services
from dashboard.callbacks.imports import register
from dashboard.components.import_panel import ImportSpec
from dashboard.components.indicator_views import catalogue_table
from dashboard.data import daz_upload, messwert_upload
from dashboard.data.daz import BASE_YEAR
from dashboard.formatting import fmt_num, fmt_stand
from dashboard.store import daz_imports, import_log, indicators, models


def _checked(parsed: object, filename: str, what: str, table: pd.DataFrame) -> list:
    """Success note, warnings and the rows as they will be stored."""
    notes = (
        [dbc.Alert([html.Strong("Hinweise:"), html.Ul([html.Li(w) for w in parsed.warnings])], color="warning")]
        if parsed.warnings
        else []
    )  # fmt: skip
    return [
        dbc.Alert(f"{filename}: {len(parsed.rows)} {what}", color="success"),
        *notes,
        dbc.Table.from_dataframe(table, size="sm", striped=True, class_name="im-table"),
    ]


def _template(text: str, filename: str) -> dict:
    return {"content": "\ufeff" + text, "filename": filename, "type": "text/csv"}


def _rows_commit(write: Callable) -> Callable:
    """``write(engine, rows, user, file name) -> import id`` as an ImportSpec commit."""

    def commit(parsed: object, user: str, name: str) -> tuple[int, int]:
        return write(services.get().engine, parsed.rows, user, name), len(parsed.rows)

    return commit


def _status_revert(revert: Callable) -> Callable:
    """``revert(engine, import id, user, reason)`` (marks it reverted) as a revert."""

    def run(import_id: int, user: str, reason: str) -> str:
        revert(services.get().engine, import_id, user, reason)
        return ""

    return run


# --- school years (DaZ) --------------------------------------------------------------


def existing_keys() -> set[tuple]:
    """Keys already stored: bundled Landkreis rows, the 2016/17 school table, active imports."""
    repo = services.get().repo
    key = daz_upload.KEY
    keys = set(map(tuple, repo.table("daz_schuljahre")[key].to_numpy().tolist()))
    keys |= {
        (BASE_YEAR, "Schule", s, "DaZ 1/2")
        for s in repo.table("schulen_daz")["schule_id"]
    }
    keys |= set(map(tuple, repo.imported_daz()[key].to_numpy().tolist()))
    return keys


def _parse_daz(raw: bytes, filename: str) -> daz_upload.ParsedUpload:
    schools = services.get().repo.table("schulen_daz")
    known = dict(zip(schools["schule_id"], schools["schulart"], strict=True))
    names = {
        str(n).strip().lower(): sid
        for col in ("name_dokument", "name_amtlich")
        for n, sid in zip(schools[col], schools["schule_id"], strict=True)
    }
    return daz_upload.parse_upload(raw, filename, known, existing_keys(), names)


def _preview_daz(parsed: daz_upload.ParsedUpload, filename: str) -> list:
    shown = parsed.rows.assign(stand=parsed.rows["stand"].map(fmt_stand)).fillna("")
    what = "Zeilen geprüft, keine Fehler. Bitte Vorschau prüfen und übernehmen."
    return _checked(parsed, filename, what, shown)


DAZ = ImportSpec(
    ids=ids.DAZ_IMPORT,
    table=models.daz_import,
    active=import_log.ACTIVE,
    href="/daz?tab=import",
    login_next="/daz?tab=import",
    intro=(
        "CSV oder Text (Trennzeichen ; , oder Tabulator; UTF-8, Windows-1252 oder "
        "Unicode-Text) oder Excel (.xlsx), höchstens 1 MB. Titelzeilen über der Kopfzeile, "
        "leere Zeilen und weitere Spalten (z. B. Bemerkung) stören nicht; eine Summenzeile "
        "wird geprüft, aber nicht übernommen. Jede Zeile braucht Quelle und Stand. Nach der "
        "Prüfung zeigt eine Vorschau alle Probleme; gespeichert wird erst nach „Übernehmen“ "
        "– ganz oder gar nicht."
    ),
    parse=_parse_daz,
    preview=_preview_daz,
    commit=_rows_commit(daz_imports.commit_import),
    revert=_status_revert(daz_imports.revert_import),
    extra_columns=(("Schuljahr", "schuljahre"),),
    template=lambda: _template(
        daz_upload.template_csv(services.get().repo.table("schulen_daz")),
        "vorlage_daz_schuljahr.csv",
    ),
    top=lambda: [html.Div(className="mt-2")],
    refresh=(ids.DAZ_VERSION, "data"),  # the charts redraw on a new data version
)


# --- Messwerte ------------------------------------------------------------------------


def _parse_values(raw: bytes, filename: str) -> messwert_upload.ParsedValues:
    indicators_now = current.snapshot().indicators()
    areas = services.get().repo.table("sozialraeume")
    return messwert_upload.parse_values_file(raw, filename, indicators_now, areas)


def _preview_values(parsed: messwert_upload.ParsedValues, filename: str) -> list:
    shown = parsed.rows.assign(
        datum=parsed.rows["datum"].map(fmt_stand),
        wert=parsed.rows["wert"].map(lambda v: fmt_num(v, 2).removesuffix(",00")),
        gebiet=parsed.rows["gebiet"].replace("", "Landkreis"),
    )
    return _checked(parsed, filename, "Messwerte geprüft, keine Fehler.", shown)


MESSWERTE = ImportSpec(
    ids=ids.MW_IMPORT,
    table=models.messwert_import,
    active=import_log.ACTIVE,
    href="/indikatoren",
    intro=(
        "CSV, Text oder Excel mit den Spalten Indikator (Kennung), Datum, Wert, Quelle "
        "und bei aufgeschlüsselten Indikatoren Gebiet (Gemeinde oder Sozialraum; "
        "leer = Landkreis). Zahlen wie 1.234,5; Datum wie 31.12.2018, 12/2018 oder 2018. "
        "Vorschau zuerst, gespeichert wird erst nach „Übernehmen“ – ganz oder gar nicht; "
        "jeder Import ist protokolliert."
    ),
    parse=_parse_values,
    preview=_preview_values,
    commit=_rows_commit(indicators.add_values),
    revert=_status_revert(indicators.revert_values_import),
    noun="Messwert-Import",
    unit="Werte",
    drop_text="Messwert-Datei hierher ziehen oder ",
    log_heading="Messwert-Importe",
    log_level=3,
    empty="Noch keine Messwert-Importe.",
    template=lambda: _template(
        messwert_upload.template_csv(current.snapshot().indicators()),
        "vorlage_messwerte.csv",
    ),
    refresh=(ids.IND_CATALOGUE, "children"),
    refreshed=lambda _token: catalogue_table(),
)


for _spec in (DAZ, MESSWERTE):
    register(_spec)
