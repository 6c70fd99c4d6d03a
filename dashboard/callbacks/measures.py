"""Add, edit and close Maßnahmen of a goal (role Bearbeitung, checked on the server).

Every save appends a version (``dashboard.store.measures``); bad input changes
nothing and comes back as a German message; a concurrent save is refused with who
and when. The goal page registers these callbacks with its card renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, Input, Output, State, callback, ctx, dcc, html

from dashboard import current, ids, services
from dashboard.components import measure_views as mv
from dashboard.components.measure_views import measure_modal
from dashboard.store import measures as store
from dashboard.store.auth import BEARBEITUNG, require_role
from dashboard.store.goals import Conflict

DONE_REASON = "als abgeschlossen markiert"


def measures_of(
    goal_ids: list[str], as_of: datetime | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Current Maßnahmen of the goals (``current``) and all their versions; with
    ``as_of`` (a Berichtsstand) those saved by then."""
    versions = current.saved_by(store.history(services.get().engine, goal_ids), as_of)
    return current.measure_status(versions, as_of), versions


def owner_columns(
    cur: pd.DataFrame, goal_ids: list[str], as_of: datetime | None = None
) -> pd.DataFrame:
    """Download columns of goals (``cur`` as of ``as_of``): status, owners and
    Fachamt by name, Maßnahmen as they were then."""
    names = dict(services.get().repo.actor_names().itertuples(index=False))
    now, _versions = measures_of(goal_ids, as_of)
    lines = {
        g: "; ".join(mv.measure_text(m, names) for m in part.itertuples())
        for g, part in now.groupby("ziel_id")
    }
    return pd.DataFrame(
        {
            "ziel_id": cur["ziel_id"],
            "version": cur["version"],
            "status": cur["status"],
            "verantwortliche": [mv.owner_text(list(a), names) for a in cur["akteure"]],
            "fachamt": [mv.office_text(f, names) for f in cur["fachamt"]],
            "massnahmen": [lines.get(g, "") for g in cur["ziel_id"]],
        }
    )


def modal() -> html.Div:
    """The dialog and its state (which Maßnahme, which version it started from)."""
    return html.Div(
        [
            measure_modal(services.get().repo.actor_names()),
            dcc.Store(id=ids.MASSNAHME_STATE, data={}),
        ]
    )


def _one(massnahme_id: str) -> pd.Series | None:
    versions = store.history(services.get().engine)
    now = current.measure_status(versions[versions["massnahme_id"] == massnahme_id])
    return now.iloc[0] if len(now) else None


def _clicked() -> bool:
    """A real click (re-rendered buttons arrive with ``n_clicks`` None)."""
    return bool(ctx.triggered and ctx.triggered[0].get("value"))


def _refused(exc: Exception, feld: str) -> dbc.Alert:
    if isinstance(exc, Conflict):
        reload = dbc.Button(
            "Neu laden",
            href=f"/ziele?feld={feld}",
            external_link=True,
            color="warning",
            class_name="ms-2",
        )
        return dbc.Alert([str(exc), reload], color="danger", id="massnahme-konflikt")
    return dbc.Alert(str(exc), color="danger", id="massnahme-fehler")


def register(render: Callable[[str], list]) -> None:
    """Register the callbacks; ``render(feld)`` returns the goal cards of a field."""

    @callback(
        Output(ids.MASSNAHME_MODAL, "is_open"),
        Output(ids.MASSNAHME_MODAL_TITLE, "children"),
        Output(ids.MASSNAHME_STATE, "data"),
        Output(ids.MASSNAHME_TITLE, "value"),
        Output(ids.MASSNAHME_STATUS, "value"),
        Output(ids.MASSNAHME_DUE, "value"),
        Output(ids.MASSNAHME_ACTOR, "value"),
        Output(ids.MASSNAHME_REASON, "value"),
        Output(ids.MASSNAHME_FEEDBACK, "children"),
        Input({"type": ids.MASSNAHME_NEW, "ziel": ALL}, "n_clicks"),
        Input({"type": ids.MASSNAHME_EDIT, "id": ALL}, "n_clicks"),
        Input(ids.MASSNAHME_CANCEL, "n_clicks"),
        State(ids.ZIELE_EDIT_STATE, "data"),
        prevent_initial_call=True,
    )
    def open_measure(_new, _edit, _cancel, page):  # noqa: ANN001, ANN202
        """Load a Maßnahme (or an empty one) into the dialog; its version travels."""
        if ctx.triggered_id == ids.MASSNAHME_CANCEL or not _clicked():
            return (False, *[dash.no_update] * 8)
        feld = (page or {}).get("feld", "")
        trigger = ctx.triggered_id
        if trigger["type"] == ids.MASSNAHME_NEW:
            state = {"ziel_id": trigger["ziel"], "id": None, "version": 0, "feld": feld}
            title = f"Neue Maßnahme zu Ziel {trigger['ziel']}"
            return (True, title, state, "", "geplant", "", "", "", None)
        row = _one(trigger["id"])
        if row is None:
            raise dash.exceptions.PreventUpdate
        state = {
            "ziel_id": row["ziel_id"],
            "id": row["massnahme_id"],
            "version": int(row["version"]),
            "feld": feld,
        }
        due = (
            pd.Timestamp(row["faellig"]).strftime("%d.%m.%Y") if row["faellig"] else ""
        )
        return (
            True,
            f"Maßnahme bearbeiten (Ziel {row['ziel_id']}, Fassung {row['version']})",
            state,
            row["titel"],
            row["status"],
            due,
            row["akteur"],
            "",
            None,
        )

    @callback(
        Output(ids.MASSNAHME_FEEDBACK, "children", allow_duplicate=True),
        Output(ids.MASSNAHME_MODAL, "is_open", allow_duplicate=True),
        Output(ids.ZIELE_CARDS, "children", allow_duplicate=True),
        Output(ids.ZIELE_MESSAGE, "children", allow_duplicate=True),
        Input(ids.MASSNAHME_SAVE, "n_clicks"),
        State(ids.MASSNAHME_STATE, "data"),
        State(ids.MASSNAHME_TITLE, "value"),
        State(ids.MASSNAHME_STATUS, "value"),
        State(ids.MASSNAHME_DUE, "value"),
        State(ids.MASSNAHME_ACTOR, "value"),
        State(ids.MASSNAHME_REASON, "value"),
        prevent_initial_call=True,
    )
    def save_measure(_n, state, titel, status, due, actor, reason):  # noqa: ANN001, ANN202, PLR0913
        user = require_role(BEARBEITUNG)
        if not isinstance(state, dict) or "ziel_id" not in state:
            raise dash.exceptions.PreventUpdate
        edit = store.MeasureEdit(titel, status, due or "", actor or "", reason or "")
        feld = str(state.get("feld", ""))
        try:
            _id, version = store.save(
                services.get().engine,
                state["ziel_id"],
                state.get("id"),
                state.get("version"),
                edit,
                user["name"],
            )
        except (Conflict, ValueError) as exc:
            return _refused(exc, feld), True, dash.no_update, dash.no_update
        msg = dbc.Alert(
            f"{state['ziel_id']}: Maßnahme „{str(titel).strip()}“ gespeichert "
            f"(Fassung {version}, {user['name']}).",
            color="success",
            id="massnahme-gespeichert",
            duration=8000,
        )
        return None, False, render(feld), msg

    @callback(
        Output(ids.ZIELE_CARDS, "children", allow_duplicate=True),
        Output(ids.ZIELE_MESSAGE, "children", allow_duplicate=True),
        Input(
            {"type": ids.MASSNAHME_DONE, "id": ALL, "v": ALL, "ziel": ALL}, "n_clicks"
        ),
        State(ids.ZIELE_EDIT_STATE, "data"),
        prevent_initial_call=True,
    )
    def mark_done(_clicks, page):  # noqa: ANN001, ANN202
        """Close a Maßnahme from its card: a new version with status "abgeschlossen"."""
        if not _clicked():
            raise dash.exceptions.PreventUpdate
        user = require_role(BEARBEITUNG)
        trigger, feld = ctx.triggered_id, str((page or {}).get("feld", ""))
        row = _one(str(trigger["id"]))
        if row is None:
            return dash.no_update, _refused(
                ValueError("Diese Maßnahme gibt es nicht."), feld
            )
        edit = store.MeasureEdit(
            row["titel"], "abgeschlossen", row["faellig"], row["akteur"], DONE_REASON
        )
        try:
            _id, version = store.save(
                services.get().engine,
                str(trigger["ziel"]),
                row["massnahme_id"],
                trigger["v"],
                edit,
                user["name"],
            )
        except (Conflict, ValueError) as exc:
            return dash.no_update, _refused(exc, feld)
        msg = dbc.Alert(
            f"Maßnahme „{row['titel']}“ als abgeschlossen gespeichert "
            f"(Fassung {version}, {user['name']}).",
            color="success",
            id="massnahme-gespeichert",
            duration=8000,
        )
        return render(feld), msg
