"""Anmelden: login form for editors; posts to the Flask route ``/auth/anmelden``.

Reads nothing from the store; the route checks the password hash.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, html

from dashboard import ids, labels
from dashboard.security import CSRF_FIELD, csrf_token
from dashboard.store.auth import ADMINISTRATION, current_user

dash.register_page(
    __name__,
    path="/anmelden",
    name=labels.NAV_ANMELDEN,
    title=labels.LOGIN_TITLE,
    nav_order=99,
    nav_id=ids.NAV_LOGIN,  # the entry shows the login state (nav_login)
    cache_content=False,  # holds this session's CSRF token (dashboard.page_cache)
)


def _token() -> html.Div:
    return dbc.Input(type="hidden", name=CSRF_FIELD, value=csrf_token())


@callback(
    Output(ids.NAV_LOGIN, "children"),
    Input(ids.URL, "pathname"),
)
def nav_login(_path: str | None) -> object:
    """The nav entry says who is logged in (checked against the store per request),
    so a projected browser shows whether it may edit; logged out: "Anmelden".
    Two short lines ("Angemeldet" over the name) keep the nav one row at 1024 px."""
    user = current_user()
    if not user:
        return labels.NAV_ANMELDEN
    return html.Span(
        [
            html.Span(labels.NAV_ANGEMELDET, className="im-nav-login-state"),
            html.Span(user["name"], className="im-nav-login-name"),
        ],
        title=labels.NAV_ANGEMELDET_TITLE.format(
            name=user["name"], rolle=user["rolle"]
        ),
    )


def layout(fehler: str | None = None, weiter: str = "/", **_query: str) -> html.Div:
    user = current_user()
    if user:
        return html.Div(
            [
                html.H1(labels.LOGIN_TITLE, className="h2"),
                html.P(f"Angemeldet als {user['name']} (Rolle {user['rolle']})."),
                html.P(html.A(labels.BENUTZER_TITLE, href="/benutzer"))
                if user["rolle"] == ADMINISTRATION
                else None,
                html.Form(
                    [
                        _token(),
                        dbc.Button(
                            labels.NAV_ABMELDEN, type="submit", color="secondary"
                        ),
                    ],
                    method="POST",
                    action="/auth/abmelden",
                ),
            ]
        )
    return html.Div(
        [
            html.H1(labels.LOGIN_TITLE, className="h2"),
            html.P(labels.LOGIN_HINT),
            dbc.Alert(
                labels.LOGIN_LOCKED if fehler == "gesperrt" else labels.LOGIN_FAILED,
                color="danger",
            )
            if fehler
            else None,
            html.Form(
                [
                    dbc.Label("Benutzername", html_for="login-name"),
                    dbc.Input(
                        id="login-name",
                        name="name",
                        autoComplete="username",
                        required=True,
                        class_name="mb-2",
                    ),
                    dbc.Label("Passwort", html_for="login-passwort"),
                    dbc.Input(
                        id="login-passwort",
                        name="passwort",
                        type="password",
                        autoComplete="current-password",
                        required=True,
                        class_name="mb-3",
                    ),
                    dbc.Input(type="hidden", name="weiter", value=weiter),
                    _token(),
                    dbc.Button("Anmelden", type="submit", color="primary"),
                ],
                id=ids.LOGIN_FORM,
                method="POST",
                action="/auth/anmelden",
                style={"maxWidth": "28rem"},
            ),
        ]
    )
