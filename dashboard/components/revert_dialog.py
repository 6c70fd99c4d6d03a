"""The confirmation dialog of an import revert (shared by every import panel): it
names what goes (import no., file, school years, rows) and asks for a reason; only
"Endgültig zurücknehmen" reverts (``dashboard.callbacks.imports``).

A ``dbc.Modal`` (role dialog, focus kept inside, Escape closes, focus returns).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.formatting import fmt_num, fmt_time
from dashboard.store.import_log import REASON_MAX

if TYPE_CHECKING:
    from dashboard.components.import_panel import ImportSpec


def dialog(import_ids: ids.ImportIds) -> list:
    """The (closed) dialog and the store of the import it is about."""
    title = f"{import_ids.dialog}-titel"
    return [
        dcc.Store(id=import_ids.target),
        dbc.Modal(
            [
                dbc.ModalHeader(dbc.ModalTitle("Import zurücknehmen?", id=title)),
                dbc.ModalBody(
                    [
                        html.Div(id=import_ids.dialog_summary),
                        dbc.Label(
                            "Grund der Rücknahme (Pflicht, wird protokolliert)",
                            html_for=import_ids.reason,
                            class_name="mt-2",
                        ),
                        dbc.Textarea(
                            id=import_ids.reason,
                            maxLength=REASON_MAX,
                            rows=2,
                            required=True,
                        ),
                        html.Div(
                            id=import_ids.reason_error,
                            className="text-danger mt-1",
                            role="alert",
                        ),
                    ]
                ),
                dbc.ModalFooter(
                    [
                        dbc.Button(
                            "Abbrechen", id=import_ids.cancel, color="secondary"
                        ),
                        dbc.Button(
                            "Endgültig zurücknehmen",
                            id=import_ids.confirm,
                            color="danger",
                        ),
                    ]
                ),
            ],
            id=import_ids.dialog,
            is_open=False,
            labelledby=title,
        ),
    ]


def summary(spec: ImportSpec, row: dict) -> list:
    """What the revert of the import ``row`` (a row of its log) takes away."""
    facts = [
        html.Li(
            f"{spec.noun} Nr. {int(row['id'])} vom {fmt_time(row['zeit'])}"
            f" ({row['benutzer']})"
        ),
        html.Li(f"Datei: {row['dateiname']}"),
        *(
            html.Li(f"{head}: {row[col]}")
            for head, col in spec.extra_columns
            if row.get(col)
        ),
        html.Li(f"Umfang: {fmt_num(int(row['zeilen']), 0)} {spec.unit}"),
    ]
    return [
        html.P("Diese Rücknahme betrifft:", className="mb-1"),
        html.Ul(facts),
        html.P(spec.revert_effect),
    ]
