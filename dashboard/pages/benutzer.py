"""Benutzerverwaltung (role Administration): create, disable, change role, reset password.

Reads the user table; every change goes through ``dashboard.store.users`` (audited,
ends the user's sessions at once). The callbacks check the role on the server first.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html

from dashboard import ids, labels, services
from dashboard.components.sortable_table import plain_table
from dashboard.store import users
from dashboard.store.auth import ADMINISTRATION, ROLES, current_user, require_role

dash.register_page(__name__, path="/benutzer", title=labels.BENUTZER_TITLE)

ACTIONS = {
    "sperren": "Sperren",
    "entsperren": "Entsperren",
    "rolle": "Rolle ändern",
    "passwort": "Passwort zurücksetzen",
}


def _table() -> html.Table:
    frame = users.list_users(services.get().engine)
    rows = [
        html.Tr(
            [
                html.Td(r.name),
                html.Td(r.rolle),
                html.Td("aktiv" if r.aktiv else "gesperrt"),
                html.Td(f"{r.angelegt_am:%d.%m.%Y}"),
            ]
        )
        for r in frame.itertuples()
    ]
    heads = [html.Th(h) for h in ("Name", "Rolle", "Zustand", "Angelegt")]
    return plain_table(heads, rows)


def _names() -> list[str]:
    return users.list_users(services.get().engine)["name"].tolist()


def _field(label: str, component, html_for: str) -> html.Div:  # noqa: ANN001
    return html.Div([dbc.Label(label, html_for=html_for), component], className="mb-2")


def layout(**_query: str) -> html.Div:
    user = current_user()
    if not user or user["rolle"] != ADMINISTRATION:
        # The components exist (hidden, without names) so the callbacks validate.
        return html.Div(
            [
                html.H1(labels.BENUTZER_TITLE, className="h2"),
                dbc.Alert(labels.BENUTZER_ONLY_ADMIN, color="info"),
                html.Div([*_forms([]), html.Div(id=ids.BEN_TABLE)], hidden=True),
            ]
        )
    return html.Div(
        [
            html.H1(labels.BENUTZER_TITLE, className="h2"),
            html.P(labels.BENUTZER_HINT),
            *_forms(_names()),
            html.Div(_table(), id=ids.BEN_TABLE),
        ]
    )


def _forms(names: list[str]) -> list:
    role_options = [{"label": r, "value": r} for r in ROLES]
    create = dbc.Card(
        dbc.CardBody(
            [
                html.H2("Neues Konto", className="h5"),
                _field(
                    "Name",
                    dbc.Input(id=ids.BEN_NEW_NAME, maxLength=64),
                    ids.BEN_NEW_NAME,
                ),
                _field(
                    "Rolle",
                    dbc.Select(
                        id=ids.BEN_NEW_ROLE, options=role_options, value=ROLES[0]
                    ),
                    ids.BEN_NEW_ROLE,
                ),
                _field(
                    "Anfangspasswort (mindestens 10 Zeichen)",
                    dbc.Input(id=ids.BEN_NEW_PASSWORD, type="password", maxLength=256),
                    ids.BEN_NEW_PASSWORD,
                ),
                dbc.Button("Anlegen", id=ids.BEN_CREATE, color="primary"),
            ]
        ),
        class_name="mb-3",
    )
    change = dbc.Card(
        dbc.CardBody(
            [
                html.H2("Konto ändern", className="h5"),
                _field(
                    "Konto",
                    dbc.Select(id=ids.BEN_SELECT, options=names),
                    ids.BEN_SELECT,
                ),
                _field(
                    "Aktion",
                    dbc.Select(
                        id=ids.BEN_ACTION,
                        options=[{"label": v, "value": k} for k, v in ACTIONS.items()],
                        value="sperren",
                    ),
                    ids.BEN_ACTION,
                ),
                _field(
                    "Neue Rolle",
                    dbc.Select(id=ids.BEN_ROLE, options=role_options, value=ROLES[0]),
                    ids.BEN_ROLE,
                ),
                _field(
                    "Neues Passwort",
                    dbc.Input(id=ids.BEN_PASSWORD, type="password", maxLength=256),
                    ids.BEN_PASSWORD,
                ),
                dbc.Button("Ausführen", id=ids.BEN_APPLY, color="primary"),
            ]
        ),
        class_name="mb-3",
    )
    return [
        html.Div(id=ids.BEN_MESSAGE, role="status"),
        dbc.Row([dbc.Col(create, md=6), dbc.Col(change, md=6)]),
    ]


def _result(message: str, ok: bool):  # noqa: ANN202
    alert = dbc.Alert(message, color="success" if ok else "danger")
    return alert, (_table() if ok else dash.no_update)


@callback(
    Output(ids.BEN_MESSAGE, "children"),
    Output(ids.BEN_TABLE, "children"),
    Input(ids.BEN_CREATE, "n_clicks"),
    State(ids.BEN_NEW_NAME, "value"),
    State(ids.BEN_NEW_ROLE, "value"),
    State(ids.BEN_NEW_PASSWORD, "value"),
    prevent_initial_call=True,
)
def create_account(_n, name, rolle, password):  # noqa: ANN001, ANN201
    admin = require_role(ADMINISTRATION)
    try:
        users.create_user(
            services.get().engine,
            str(name or "").strip(),
            str(password or ""),
            str(rolle or ""),
            by=admin["name"],
        )
    except ValueError as exc:
        return _result(str(exc), False)
    return _result(f"Konto „{name}“ ({rolle}) angelegt.", True)


@callback(
    Output(ids.BEN_MESSAGE, "children", allow_duplicate=True),
    Output(ids.BEN_TABLE, "children", allow_duplicate=True),
    Input(ids.BEN_APPLY, "n_clicks"),
    State(ids.BEN_SELECT, "value"),
    State(ids.BEN_ACTION, "value"),
    State(ids.BEN_ROLE, "value"),
    State(ids.BEN_PASSWORD, "value"),
    prevent_initial_call=True,
)
def change_account(_n, name, action, rolle, password):  # noqa: ANN001, ANN201
    admin = require_role(ADMINISTRATION)
    engine, by = services.get().engine, admin["name"]
    name = str(name or "")
    try:
        if action in ("sperren", "entsperren"):
            users.set_active(engine, name, action == "entsperren", by)
        elif action == "rolle":
            users.set_role(engine, name, str(rolle or ""), by)
        elif action == "passwort":
            users.reset_password(engine, name, str(password or ""), by)
        else:
            return _result("Unbekannte Aktion.", False)
    except ValueError as exc:
        return _result(str(exc), False)
    return _result(
        f"{ACTIONS[action]}: „{name}“ erledigt; laufende Sitzungen beendet.", True
    )
