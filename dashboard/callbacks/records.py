"""Save an actor or Angebot as a new version (role Bearbeitung, checked on the server).

Bad input changes nothing and comes back with one German message per field; a
concurrent save is refused with who and when (``dashboard.store.records``).
"""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, State, callback, ctx

from dashboard import ids, services
from dashboard.components.record_pages import NEW, view
from dashboard.data.records import EXTRA, KEY, TABLE, new_id, validate
from dashboard.data.schemas import SCHEMAS
from dashboard.store import records as record_store
from dashboard.store.auth import BEARBEITUNG, require_role
from dashboard.store.goals import Conflict


def _record(kind: str, key: str, form: dict) -> tuple[str, dict]:
    """The full record to store: current values (or empty) updated by the form."""
    repo = services.get().repo
    columns = [*SCHEMAS[TABLE[kind]].columns, *EXTRA[kind]]
    current = repo.records(kind)
    id_col = KEY[kind][0]
    if key == NEW:
        key = new_id(form.get("name", ""), set(current[id_col]))
        base = {c: "" for c in columns}
        base.update(status="in Betrieb") if "status" in base else None
    else:
        base = current[current[id_col] == key].iloc[0].to_dict()
    record = {c: str(base.get(c, "") or "") for c in columns}
    record.update(form)
    record[id_col] = key
    return key, record


@callback(
    Output({"type": ids.REC_VIEW, "kind": ALL}, "children"),
    Input({"type": ids.REC_SAVE, "kind": ALL}, "n_clicks"),
    State({"type": ids.REC_FIELD, "kind": ALL, "field": ALL}, "value"),
    State({"type": ids.REC_FIELD, "kind": ALL, "field": ALL}, "id"),
    State({"type": ids.REC_REASON, "kind": ALL}, "value"),
    State({"type": ids.REC_META, "kind": ALL}, "data"),
    prevent_initial_call=True,
)
def save(clicks, values, field_ids, reasons, metas):  # noqa: ANN001, ANN201
    user = require_role(BEARBEITUNG)
    if not any(clicks or []) or not metas:
        raise dash.exceptions.PreventUpdate
    kind, meta = ctx.triggered_id["kind"], metas[0]
    form = {
        fid["field"]: " ".join(v) if isinstance(v, list) else str(v or "").strip()
        for fid, v in zip(field_ids, values, strict=True)
    }
    reason = str(reasons[0] or "").strip()
    key, record = _record(kind, meta["key"], form)
    repo = services.get().repo
    areas = repo.table("sozialraeume")
    refs = {
        "ags": set(areas["ags"]),
        "hf": set(repo.table("handlungsfelder")["hf_id"]),
        "akteure": set(repo.records("akteur")["akteur_id"]),
    }
    errors = validate(kind, record, refs)
    if not reason:
        errors["grund"] = "Bitte einen Grund für die Änderung angeben."
    if errors:
        state = {
            "values": form,
            "errors": errors,
            "reason": reason,
            "message": "Nicht gespeichert: bitte die markierten Felder prüfen.",
        }
        return [view(kind, meta["key"], state)]
    try:
        version = record_store.save(
            services.get().engine,
            kind,
            key,
            0 if meta["key"] == NEW else int(meta["version"]),
            record,
            reason,
            user["name"],
        )
    except Conflict as exc:
        return [
            view(
                kind,
                meta["key"],
                {"values": form, "reason": reason, "message": str(exc)},
            )
        ]
    return [view(kind, key, {"message": f"Gespeichert als Version {version}."})]
