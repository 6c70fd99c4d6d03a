"""The callbacks of an import panel (``dashboard.components.import_panel``): template,
validated preview, commit, revert — the same for every dataset.

Every write calls ``require_role`` first; the commit re-validates the file on the
server rather than trusting the preview; the Administration reverts an import as a
whole, after a confirmation dialog that names what goes and asks for a reason.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx

from dashboard import services
from dashboard.components import revert_dialog
from dashboard.components.import_panel import ImportSpec, log_table, refused, validate
from dashboard.data import upload_guard
from dashboard.store import import_log
from dashboard.store.auth import ADMINISTRATION, BEARBEITUNG, require_role
from dashboard.store.goals import Conflict


def _preview(spec: ImportSpec, parsed: object, filename: str) -> list:
    shown = str(filename)[:60]
    return (
        refused(spec, parsed, shown) if parsed.errors else spec.preview(parsed, shown)
    )


def register(spec: ImportSpec) -> None:
    """Register the panel's callbacks (once, at import of the dataset module)."""
    ids = spec.ids
    extra = [Output(*spec.refresh, allow_duplicate=True)] if spec.refresh else []

    if spec.template:

        @callback(
            Output(ids.template, "data"),
            Input(ids.template_button, "n_clicks"),
            prevent_initial_call=True,
        )
        def download_template(_n):  # noqa: ANN001, ANN202
            return spec.template()

    @callback(
        Output(ids.preview, "children"),
        Output(ids.pending, "data"),
        Output(ids.commit, "disabled"),
        Input(ids.upload, "contents"),
        State(ids.upload, "filename"),
        prevent_initial_call=True,
    )
    def check_upload(contents, filename):  # noqa: ANN001, ANN202
        require_role(BEARBEITUNG)
        parsed = validate(spec, contents, filename)
        ready = parsed.ok and spec.ready(parsed)
        pending = {"contents": contents, "filename": filename} if ready else None
        return _preview(spec, parsed, filename), pending, not ready

    @callback(
        Output(ids.msg, "children"),
        Output(ids.log, "children"),
        Output(ids.commit, "disabled", allow_duplicate=True),
        Output(ids.preview, "children", allow_duplicate=True),
        *extra,
        Input(ids.commit, "n_clicks"),
        State(ids.pending, "data"),
        prevent_initial_call=True,
    )
    def commit(_n, pending):  # noqa: ANN001, ANN202
        user = require_role(BEARBEITUNG)
        if not pending:
            raise dash.exceptions.PreventUpdate
        filename = pending["filename"]
        parsed = validate(
            spec, pending["contents"], filename
        )  # never trust the browser
        if not parsed.ok:
            alert = dbc.Alert(
                "Die Datei ist nicht mehr gültig und wurde nicht übernommen.",
                color="danger",
            )
            preview = _preview(spec, parsed, filename)
            return alert, dash.no_update, True, preview, *[dash.no_update] * len(extra)
        try:
            import_id, count = spec.commit(
                parsed, user["name"], upload_guard.check_name(filename)
            )
        except Conflict as exc:  # a record changed since the file was read
            alert = dbc.Alert(str(exc), color="danger")
            return alert, dash.no_update, True, [], *[dash.no_update] * len(extra)
        msg = dbc.Alert(
            f"{spec.noun} {import_id} gespeichert: {count} {spec.unit} aus {filename}.",
            color="success",
            id=ids.ok,
        )
        refreshed = [spec.refreshed(str(import_id))] if extra else []
        return msg, log_table(spec), True, [], *refreshed

    @callback(
        Output(ids.dialog, "is_open"),
        Output(ids.dialog_summary, "children"),
        Output(ids.target, "data"),
        Output(ids.reason, "value"),
        Output(ids.reason_error, "children"),
        Input({"type": ids.revert, "import": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def ask_revert(_clicks):  # noqa: ANN001, ANN202
        """The revert button only opens the dialog: what goes, and a reason."""
        require_role(ADMINISTRATION)
        if not (ctx.triggered and ctx.triggered[0]["value"]):
            raise dash.exceptions.PreventUpdate  # the log was redrawn, no click
        import_id = int(ctx.triggered_id["import"])
        row = import_log.one(services.get().engine, spec.table, import_id)
        if row is None or row["status"] != spec.active:
            raise dash.exceptions.PreventUpdate
        return True, revert_dialog.summary(spec, row), import_id, "", ""

    @callback(
        Output(ids.dialog, "is_open", allow_duplicate=True),
        Input(ids.cancel, "n_clicks"),
        prevent_initial_call=True,
    )
    def cancel_revert(_n):  # noqa: ANN001, ANN202
        return False

    @callback(
        Output(ids.msg, "children", allow_duplicate=True),
        Output(ids.log, "children", allow_duplicate=True),
        Output(ids.dialog, "is_open", allow_duplicate=True),
        Output(ids.reason_error, "children", allow_duplicate=True),
        *extra,
        Input(ids.confirm, "n_clicks"),
        State(ids.target, "data"),
        State(ids.reason, "value"),
        prevent_initial_call=True,
    )
    def revert(_n, import_id, reason):  # noqa: ANN001, ANN202
        user = require_role(ADMINISTRATION)
        if import_id is None:
            raise dash.exceptions.PreventUpdate
        keep = [dash.no_update] * len(extra)
        try:
            reason = import_log.check_reason(reason)
        except ValueError as exc:  # the dialog stays open, nothing changes
            return dash.no_update, dash.no_update, True, str(exc), *keep
        try:
            note = spec.revert(int(import_id), user["name"], reason)
        except (ValueError, Conflict) as exc:
            alert = dbc.Alert(str(exc), color="danger")
            return alert, log_table(spec), False, "", *keep
        msg = dbc.Alert(
            f"{spec.noun} {import_id} zurückgenommen.{note}",
            color="info",
            id=ids.reverted,
        )
        refreshed = [spec.refreshed(f"r{import_id}")] if extra else []
        return msg, log_table(spec), False, "", *refreshed
