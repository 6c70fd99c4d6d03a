"""Save an actor or Angebot as a new version (role Bearbeitung, checked on the server).

Bad input changes nothing and comes back with one German message per field; a
concurrent save is refused with who and when (``dashboard.store.records``).
"""

from __future__ import annotations

import dash
from dash import ALL, Input, Output, State, callback, ctx

from dashboard import ids, services
from dashboard.components.record_pages import NEW, view
from dashboard.data.records import EXTRA, KEY, TABLE, key_of, new_id, validate
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


def _relation(actor_key: str, form: dict) -> tuple[str, int, dict]:
    """Key, base version and record of a relation from the actor ``actor_key``.

    The same (von, beziehung, zu) saved again is a new version of that relation
    (e.g. ended); otherwise a new relation."""
    record = {
        "von": actor_key,
        "beziehung": form.get("beziehung", ""),
        "zu": form.get("zu", ""),
        "fundstelle": form.get("fundstelle", ""),
        "quelle": form.get("quelle", ""),
        "stand": form.get("stand", ""),
        "status": form.get("status", "") or "in Betrieb",
        "ende": form.get("ende", ""),
    }
    key = key_of("beziehung", record)
    current = services.get().repo.records("beziehung")
    match = current[
        (current["von"] == record["von"])
        & (current["beziehung"] == record["beziehung"])
        & (current["zu"] == record["zu"])
    ]
    return key, int(match["version"].iloc[0]) if len(match) else 0, record


@callback(
    Output({"type": ids.REC_VIEW, "kind": ALL}, "children"),
    Input({"type": ids.REC_SAVE, "kind": ALL}, "n_clicks"),
    State({"type": ids.REC_FIELD, "kind": ALL, "field": ALL}, "value"),
    State({"type": ids.REC_FIELD, "kind": ALL, "field": ALL}, "id"),
    State({"type": ids.REC_REASON, "kind": ALL}, "value"),
    State({"type": ids.REC_REASON, "kind": ALL}, "id"),
    State({"type": ids.REC_META, "kind": ALL}, "data"),
    State({"type": ids.REC_META, "kind": ALL}, "id"),
    State({"type": ids.REC_VIEW, "kind": ALL}, "id"),
    prevent_initial_call=True,
)
def save(clicks, values, field_ids, reasons, reason_ids, metas, meta_ids, views):  # noqa: ANN001, ANN201, PLR0913
    user = require_role(BEARBEITUNG)
    if not any(clicks or []) or not metas or not views:
        raise dash.exceptions.PreventUpdate
    kind = ctx.triggered_id["kind"]  # the form: akteur, angebot or beziehung
    page_kind = views[0]["kind"]  # the page it sits on
    meta = next(m for m, i in zip(metas, meta_ids, strict=True) if i["kind"] == kind)
    page_key = next(
        m["key"] for m, i in zip(metas, meta_ids, strict=True) if i["kind"] == page_kind
    )
    form = {
        fid["field"]: " ".join(v) if isinstance(v, list) else str(v or "").strip()
        for fid, v in zip(field_ids, values, strict=True)
        if fid["kind"] == kind
    }
    reason = next(
        str(r or "").strip()
        for r, i in zip(reasons, reason_ids, strict=True)
        if i["kind"] == kind
    )
    if kind == "beziehung":
        key, base, record = _relation(meta["key"], form)
    else:
        key, record = _record(kind, meta["key"], form)
        base = 0 if meta["key"] == NEW else int(meta["version"])
    repo = services.get().repo
    refs = {
        "ags": set(repo.table("sozialraeume")["ags"]),
        "hf": set(repo.table("handlungsfelder")["hf_id"]),
        "akteure": set(repo.records("akteur")["akteur_id"]),
    }
    errors = validate(kind, record, refs)
    if not reason:
        errors["grund"] = "Bitte einen Grund für die Änderung angeben."
    failed = {"form": kind, "values": form, "reason": reason}
    if errors:
        failed.update(
            errors=errors,
            message="Nicht gespeichert: bitte die markierten Felder prüfen.",
        )
        return [view(page_kind, page_key, failed)]
    try:
        version = record_store.save(
            services.get().engine, kind, key, base, record, reason, user["name"]
        )
    except Conflict as exc:
        return [view(page_kind, page_key, {**failed, "message": str(exc)})]
    done = {"form": kind, "message": f"Gespeichert als Version {version}."}
    return [view(page_kind, key if kind == page_kind else page_key, done)]
