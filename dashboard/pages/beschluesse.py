"""Beschlüsse: the register of decisions (Lenkungsgruppe, Kreistag, Ausschüsse) and,
for role Bearbeitung, recording, correcting and withdrawing them.

Reads the register through ``dashboard.current`` (``Snapshot.decisions``); writes
go through ``dashboard.store.beschluesse`` (append-only, audited). Recording a
decision that was taken elsewhere is documentation like a goal edit, so it needs the
same role as goal edits (Bearbeitung; Administration includes it).
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, html

from dashboard import current, ids, labels, services
from dashboard.components import beschluss_views as views
from dashboard.components import reporting
from dashboard.components.info import info
from dashboard.data import beschluss_rules as rules
from dashboard.formatting import fmt_stand
from dashboard.store import beschluesse as store
from dashboard.store.auth import BEARBEITUNG, current_user, require_role

dash.register_page(
    __name__,
    path="/beschluesse",
    name=labels.BESCHLUESSE,
    title=f"{labels.BESCHLUESSE} – {labels.APP_TITLE}",
)

FIELDS = ("datum", "gremium", "nummer", "text", "ziele", "grund")


def _register(snap: current.Snapshot | None = None):  # noqa: ANN202
    return (snap or current.snapshot()).decisions(withdrawn=True)


def _goal_texts() -> dict[str, str]:
    goals = services.get().repo.table("ziele")
    return dict(zip(goals["ziel_id"], goals["text"], strict=True))


def layout(berichtsstand: str = "", **_query: str) -> html.Div:
    snap = current.snapshot(berichtsstand=berichtsstand)
    register = _register(snap)
    user = current_user()
    editable = user is not None and not reporting.frozen(snap)
    login = None
    if not user and not reporting.frozen(snap):
        login = dbc.Alert(
            [
                "Zum Erfassen von Beschlüssen bitte ",
                html.A("anmelden", href="/anmelden?weiter=/beschluesse"),
                " (Rolle Bearbeitung).",
            ],
            color="info",
            class_name="py-2 mt-3",
        )
    page = html.Div(
        [
            html.H1(labels.BESCHLUESSE, className="h2"),
            reporting.bar(snap, "/beschluesse", {}),
            html.P([labels.BESCHLUSS_INTRO, " ", info("beschluss")]),
            html.Div(views.register_table(register, _goal_texts()), id=ids.BES_TABLE),
            login,
            # the form exists for everyone so the callbacks validate; only editors see it
            html.Div(
                views.form(services.get().repo.table("ziele"), register),
                hidden=not editable,
            ),
        ]
    )
    return reporting.keep(page, snap)


def _errors(found: dict[str, str]) -> list[str]:
    return [found.get(o["id"]["field"], "") for o in ctx.outputs_list[0]]


@callback(
    Output(ids.BES_DATE, "value"),
    Output(ids.BES_BODY, "value"),
    Output(ids.BES_NUMBER, "value"),
    Output(ids.BES_TEXT, "value"),
    Output(ids.BES_GOALS, "value"),
    Output(ids.BES_WHOLE, "value"),
    Output(ids.BES_BASE, "data"),
    Input(ids.BES_TARGET, "value"),
    prevent_initial_call=True,
)
def load(target):  # noqa: ANN001, ANN201
    """Fill the form with the chosen Beschluss (or empty it for a new one)."""
    register = _register().set_index("beschluss_id", drop=False)
    if not isinstance(target, str) or target not in register.index:
        return "", None, "", "", [], False, None
    r = register.loc[target]
    return (
        fmt_stand(r["datum"]), r["gremium"], r["nummer"], r["text"],
        r["ziele"].split(), r["bezug"] == rules.WHOLE_CONCEPT,
        {"id": target, "version": int(r["version"])},
    )  # fmt: skip


@callback(
    Output({"type": ids.BES_ERROR, "field": ALL}, "children"),
    Output(ids.BES_MSG, "children"),
    Output(ids.BES_TABLE, "children"),
    Output(ids.BES_TARGET, "options"),
    Output(ids.BES_TARGET, "value"),
    Input(ids.BES_SAVE, "n_clicks"),
    Input(ids.BES_WITHDRAW, "n_clicks"),
    State(ids.BES_TARGET, "value"),
    State(ids.BES_BASE, "data"),
    State(ids.BES_DATE, "value"),
    State(ids.BES_BODY, "value"),
    State(ids.BES_NUMBER, "value"),
    State(ids.BES_TEXT, "value"),
    State(ids.BES_GOALS, "value"),
    State(ids.BES_WHOLE, "value"),
    State(ids.BES_REASON, "value"),
    prevent_initial_call=True,
)
def save(
    _save, _withdraw, target, base, datum, gremium, nummer, text, ziele, whole, grund
):  # noqa: ANN001, ANN201, PLR0913
    """Record, correct or withdraw; every refusal names its field in German."""
    user = require_role(BEARBEITUNG)["name"]
    engine = services.get().engine
    values = {"datum": datum, "gremium": gremium, "nummer": nummer, "text": text,
              "ziele": ziele or [], "gesamt": whole is True}  # fmt: skip
    chosen = (
        target != views.NEW
        and isinstance(base, dict)
        and base.get("id") == target
        and type(base.get("version")) is int
    )
    try:
        if ctx.triggered_id == ids.BES_WITHDRAW:
            if not chosen:
                raise rules.Invalid({"grund": "Bitte zuerst den Beschluss wählen, der zurückgezogen wird."})  # fmt: skip
            store.withdraw(engine, target, base["version"], grund, user)
            done = f"Beschluss zurückgezogen (bleibt im Register, markiert „{rules.WITHDRAWN}“)."
        elif chosen:
            version = store.correct(
                engine, target, base["version"], values, grund, user
            )
            done = f"Korrektur als Fassung {version} gespeichert."
        else:
            new_id = store.record(engine, values, user)
            done = f"Beschluss gespeichert ({new_id})."
    except rules.Invalid as exc:
        msg = dbc.Alert("Nicht gespeichert – bitte die markierten Angaben prüfen.", color="danger")  # fmt: skip
        return _errors(exc.errors), msg, *[dash.no_update] * 3
    except store.Conflict as exc:
        return _errors({}), dbc.Alert(str(exc), color="warning"), *[dash.no_update] * 3  # fmt: skip
    register = _register()
    table = views.register_table(register, _goal_texts())
    ok = dbc.Alert(done, color="success", id="beschluss-ok")
    return _errors({}), ok, table, views.target_options(register), views.NEW
