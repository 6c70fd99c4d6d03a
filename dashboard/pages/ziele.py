"""Handlungsfelder & Ziele: the goal register with status, indicators, history and edits.

Reads Handlungsfelder, key statements, goals, indicators and actors from the store, and
goal versions and measured values from the goal tables; the save callback appends a new
version (role Bearbeitung, checked on the server).
"""

from __future__ import annotations

from datetime import date

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, Input, Output, State, callback, ctx, dcc, html

from dashboard import current, ids, labels, services
from dashboard.callbacks import measures as mc
from dashboard.components import goal_views as gv
from dashboard.components import reporting
from dashboard.components.downloads import send_table
from dashboard.store import goals as store
from dashboard.store.auth import BEARBEITUNG, current_user, require_role

dash.register_page(
    __name__,
    path="/ziele",
    name="Ziele",
    title=f"Handlungsfelder & Ziele – {labels.APP_TITLE}",
    nav_order=3,
)


def _text(value: object) -> object:
    """Strip text; anything else is passed on for the rules to refuse."""
    return value.strip() if isinstance(value, str) else ("" if value is None else value)


def _tables(snap: current.Snapshot | None = None) -> dict:
    """The page's tables; ``snap`` (default: today) decides indicators and values."""
    snap = snap or current.snapshot()
    repo = services.get().repo
    tables = {
        n: repo.table(n)
        for n in ("handlungsfelder", "kernaussagen", "ziele", "akteure")
    }
    return tables | {"indikatoren": snap.indicators(), "snap": snap}


def _register(t: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Current version of every goal (indexed lookups) and the measured values."""
    engine, snap = services.get().engine, t["snap"]
    ids_ = t["ziele"]["ziel_id"].tolist()
    latest = store.latest_versions(engine, ids_, as_of=snap.as_of)
    return current.goal_status(latest, ids_, snap.as_of), snap.values()


def _page(value: str | None) -> int:
    return int(value) if (value or "").isdigit() and int(value) > 0 else 1


def _histories(
    goal_ids: list[str], verlauf: str | None, seite: int, as_of: object = None
) -> pd.DataFrame:
    """The latest entry of every goal's history, page ``seite`` of goal ``verlauf``
    (versions saved by ``as_of`` when the page shows a Berichtsstand)."""
    engine = services.get().engine
    others = [g for g in goal_ids if g != verlauf]
    pages = [store.latest_versions(engine, others, gv.HISTORY_PREVIEW, as_of=as_of)]
    if verlauf in goal_ids:
        skip = (seite - 1) * gv.HISTORY_PAGE
        pages.append(
            store.latest_versions(engine, [verlauf], gv.HISTORY_PAGE, skip, as_of)
        )
    return pd.concat(pages, ignore_index=True)


def _history_bound(ziel_id: str, page: int, as_of: object = None) -> str | None:
    """Date of the version just newer than history page ``page`` (Beschlüsse after
    it belong to earlier pages)."""
    if page <= 1:
        return None
    skip = (page - 1) * gv.HISTORY_PAGE - 1
    before = store.latest_versions(services.get().engine, [ziel_id], 1, skip, as_of)
    return str(before["datum"].iloc[0]) if len(before) else None


def _cards(
    t: dict, feld: str, verlauf: str | None = None, seite: str | None = None
) -> list:
    cur, values = _register(t)
    shown = t["ziele"][
        t["ziele"]["hf_id"].isin(gv.field_ids(t["handlungsfelder"], feld))
    ]["ziel_id"].tolist()
    page = _page(seite)
    as_of = t["snap"].as_of
    versions = _histories(shown, verlauf, page, as_of)
    measures = store.measures(services.get().engine, shown, as_of)
    now, all_versions = mc.measures_of(shown, as_of)
    names = dict(zip(t["akteure"]["akteur_id"], t["akteure"]["name"], strict=True))
    can_edit = current_user() is not None and not reporting.frozen(t["snap"])
    decisions = t["snap"].decisions()
    bound = _history_bound(verlauf, page, as_of) if verlauf in shown else None
    out = []
    for hf in gv.field_ids(t["handlungsfelder"], feld):
        goals = t["ziele"][t["ziele"]["hf_id"] == hf]
        if goals.empty:
            continue
        title = t["handlungsfelder"].set_index("hf_id").loc[hf, "titel"]
        out.append(html.H2(f"{hf} {title} – Ziele", className="h4 mt-3"))
        for _, goal in goals.iterrows():
            c = cur.set_index("ziel_id").loc[goal["ziel_id"]]
            c = pd.concat([c, pd.Series({"ziel_id": goal["ziel_id"]})])
            out.append(
                gv.goal_card(
                    goal,
                    c,
                    versions[versions["ziel_id"] == goal["ziel_id"]],
                    t["indikatoren"][t["indikatoren"]["ziel_id"] == goal["ziel_id"]],
                    values,
                    names,
                    can_edit,
                    measures=measures[goal["ziel_id"]],
                    history_page=page if goal["ziel_id"] == verlauf else 1,
                    feld=feld,
                    measure_rows=now[now["ziel_id"] == goal["ziel_id"]],
                    measure_versions=all_versions,
                    decisions=decisions,
                    history_bound=bound if goal["ziel_id"] == verlauf else None,
                    history_preview=goal["ziel_id"] != verlauf,
                )
            )
    return out


def _field_page(t: dict, feld: str, verlauf: str | None, seite: str | None) -> html.Div:
    fields = t["handlungsfelder"].set_index("hf_id")
    statements = t["kernaussagen"][
        t["kernaussagen"]["hf_id"].isin(gv.field_ids(t["handlungsfelder"], feld))
    ]
    login = (
        None
        if current_user() or reporting.frozen(t["snap"])
        else dbc.Alert(
            [
                "Ansicht ohne Anmeldung. Zum Bearbeiten bitte ",
                html.A("anmelden", href=f"/anmelden?weiter=/ziele?feld={feld}"),
                " (Rolle Bearbeitung).",
            ],
            color="info",
            class_name="py-2",
        )
    )
    return html.Div(
        [
            dcc.Link("← alle Handlungsfelder", href="/ziele"),
            html.H1(f"{feld} {fields.loc[feld, 'titel']}", className="h2 mt-2"),
            login,
            html.Details(
                [
                    html.Summary("Kernaussagen des Konzepts", className="h5"),
                    html.Ul([html.Li(s) for s in statements["text"]]),
                    html.P(
                        f"Quelle: {labels.KONZEPT}, Kap. {feld}; Stand 08.02.2017",
                        className="im-source",
                    ),
                ],
                open=True,
            ),
            dbc.ButtonGroup(
                [
                    dbc.Button("Ziele als CSV", id=ids.ZIELE_CSV, color="secondary"),
                    dbc.Button("Ziele als Excel", id=ids.ZIELE_XLSX, color="secondary"),
                ],
                class_name="my-2",
            ),
            dcc.Download(id=ids.ZIELE_DOWNLOAD),
            html.Div(id=ids.ZIELE_MESSAGE),
            html.Div(_cards(t, feld, verlauf, seite), id=ids.ZIELE_CARDS),
            gv.edit_modal(t["akteure"]),
            mc.modal(),
            dcc.Store(
                id=ids.ZIELE_EDIT_STATE,
                data={"feld": feld, "berichtsstand": reporting.stand_id(t["snap"])},
            ),
        ]
    )


def layout(
    feld: str | None = None,
    verlauf: str | None = None,
    seite: str | None = None,
    berichtsstand: str = "",
    **_query: str,
) -> html.Div:
    snap = current.snapshot(berichtsstand=berichtsstand)
    t = _tables(snap)
    top = t["handlungsfelder"][t["handlungsfelder"]["uebergeordnet"] == ""][
        "hf_id"
    ].tolist()
    query = {"feld": feld, "verlauf": verlauf, "seite": seite}
    bar = reporting.bar(
        snap, "/ziele", {k: v for k, v in query.items() if v}, ("feld",)
    )
    if feld in top:
        page = _field_page(t, feld, verlauf, seite)
        page.children.insert(2, bar)
        return reporting.keep(page, snap)
    cur, _values = _register(t)
    page = html.Div(
        [
            html.H1("Handlungsfelder und Ziele", className="h2"),
            bar,
            html.P(
                [
                    "Stand der Umsetzung je Handlungsfeld. Das Konzept nennt keinen Umsetzungsstand: jedes Ziel ist "
                    "„noch nicht bewertet“, bis die Lenkungsgruppe es bewertet. ",
                    dcc.Link("Indikatoren aller Ziele", href="/indikatoren"),
                    " · ",
                    dcc.Link(labels.BESCHLUESSE, href="/beschluesse"),
                ],
                className="mb-3",
            ),
            gv.overview_cards(t["handlungsfelder"], t["ziele"], cur),
            html.Div(
                [gv.status_badge(s) for s in gv.STATUS],
                className="im-legend d-flex flex-wrap gap-2",
            ),
            html.P(
                f"Quelle der Ziele: {labels.KONZEPT}, Kap. 4; Stand 08.02.2017",
                className="im-source mt-2",
            ),
            # the edit components exist on every variant of the page so callbacks validate
            html.Div(
                [
                    html.Div(id=ids.ZIELE_CARDS),
                    html.Div(id=ids.ZIELE_MESSAGE),
                    dcc.Download(id=ids.ZIELE_DOWNLOAD),
                    html.Button(id=ids.ZIELE_CSV),
                    html.Button(id=ids.ZIELE_XLSX),
                    gv.edit_modal(t["akteure"]),
                    mc.modal(),
                    dcc.Store(id=ids.ZIELE_EDIT_STATE, data={}),
                ],
                hidden=True,
            ),
        ]
    )
    return reporting.keep(page, snap)


@callback(
    Output(ids.ZIELE_MODAL, "is_open"),
    Output(ids.ZIELE_MODAL_TITLE, "children"),
    Output(ids.ZIELE_EDIT_STATE, "data"),
    Output(ids.ZIELE_STATUS, "value"),
    Output(ids.ZIELE_RESPONSIBLE, "value"),
    Output(ids.ZIELE_DATE, "value"),
    Output(ids.ZIELE_COMMENT, "value"),
    Output(ids.ZIELE_OFFICE, "value"),
    Output(ids.ZIELE_IND, "options"),
    Output(ids.ZIELE_IND_VALUE, "value"),
    Output(ids.ZIELE_FEEDBACK, "children"),
    Input({"type": ids.ZIELE_EDIT, "ziel": ALL}, "n_clicks"),
    Input(ids.ZIELE_CANCEL, "n_clicks"),
    State(ids.ZIELE_EDIT_STATE, "data"),
    prevent_initial_call=True,
)
def open_editor(clicks, _cancel, state):  # noqa: ANN001, ANN201
    """Load the goal's current version into the form; the version number travels along."""
    if ctx.triggered_id == ids.ZIELE_CANCEL or not any(c for c in clicks if c):
        return (False, *[dash.no_update] * 10)
    ziel_id = ctx.triggered_id["ziel"]
    t = _tables()
    latest = store.latest_versions(services.get().engine, [ziel_id])
    cur = store.current(latest, [ziel_id]).iloc[0]
    inds = t["indikatoren"][t["indikatoren"]["ziel_id"] == ziel_id]
    options = [{"label": "kein Messwert", "value": ""}] + [
        {"label": f"{r.name} ({r.einheit})", "value": r.indikator_id}
        for r in inds.itertuples()
    ]
    state = {**state, "ziel_id": ziel_id, "version": int(cur["version"])}
    return (
        True,
        f"Ziel {ziel_id} bearbeiten"
        + (f" (zuletzt geändert: Fassung {cur['version']})" if cur["version"] else ""),
        state,
        cur["status"],
        list(cur["akteure"]),
        date.today().isoformat(),
        "",
        cur["fachamt"],
        options,
        None,
        None,
    )


@callback(
    Output(ids.ZIELE_FEEDBACK, "children", allow_duplicate=True),
    Output(ids.ZIELE_MODAL, "is_open", allow_duplicate=True),
    Output(ids.ZIELE_CARDS, "children"),
    Output(ids.ZIELE_MESSAGE, "children"),
    Input(ids.ZIELE_SAVE, "n_clicks"),
    State(ids.ZIELE_EDIT_STATE, "data"),
    State(ids.ZIELE_STATUS, "value"),
    State(ids.ZIELE_RESPONSIBLE, "value"),
    State(ids.ZIELE_DATE, "value"),
    State(ids.ZIELE_COMMENT, "value"),
    State(ids.ZIELE_OFFICE, "value"),
    State(ids.ZIELE_IND, "value"),
    State(ids.ZIELE_IND_VALUE, "value"),
    State(ids.ZIELE_IND_DATE, "value"),
    State(ids.ZIELE_IND_SOURCE, "value"),
    prevent_initial_call=True,
)
def save_goal(
    _n,
    state,
    status,
    responsible,
    datum,
    comment,
    office,
    ind,
    value,
    value_date,
    source,
):  # noqa: ANN001, ANN201, PLR0913
    user = require_role(BEARBEITUNG)
    if not isinstance(state, dict) or "ziel_id" not in state:
        raise dash.exceptions.PreventUpdate
    messwerte = ()
    if ind:
        if value in (None, "") or not value_date or not _text(source):
            return (
                dbc.Alert(
                    "Für einen Messwert bitte Wert, Datum und Quelle angeben.",
                    color="danger",
                ),
                True,
                dash.no_update,
                dash.no_update,
            )
        messwerte = ((ind, value_date, value, _text(source)),)
    # Raw values go to the store: goal_rules.check_edit decides, for forged requests too.
    edit = store.Edit(
        status=status,
        akteure=responsible or [],
        fachamt=office or "",
        kommentar=_text(comment),
        datum=datum or "",
        messwerte=messwerte,
    )
    try:
        version = store.save(
            services.get().engine,
            state["ziel_id"],
            state.get("version"),
            edit,
            user["name"],
        )
    except store.Conflict as exc:
        reload = dbc.Button(
            "Neu laden",
            href=f"/ziele?feld={state.get('feld', '')}",
            external_link=True,
            color="warning",
            class_name="ms-2",
        )
        return (
            dbc.Alert([str(exc), reload], color="danger", id="ziele-konflikt"),
            True,
            dash.no_update,
            dash.no_update,
        )
    except ValueError as exc:
        return dbc.Alert(str(exc), color="danger"), True, dash.no_update, dash.no_update
    msg = dbc.Alert(
        f"{state['ziel_id']}: Fassung {version} gespeichert ({user['name']}).",
        color="success",
        id="ziele-gespeichert",
        duration=8000,
    )
    return None, False, _cards(_tables(), str(state.get("feld", ""))), msg


@callback(
    Output(ids.ZIELE_DOWNLOAD, "data"),
    Input(ids.ZIELE_CSV, "n_clicks"),
    Input(ids.ZIELE_XLSX, "n_clicks"),
    State(ids.ZIELE_EDIT_STATE, "data"),
    prevent_initial_call=True,
)
def export(_csv, _xlsx, state):  # noqa: ANN001, ANN201
    snap = current.snapshot(berichtsstand=state.get("berichtsstand"))
    t = _tables(snap)
    feld = state.get("feld", "")
    goals = t["ziele"][
        t["ziele"]["hf_id"].isin(gv.field_ids(t["handlungsfelder"], feld))
    ]
    cur, values = _register(t)
    frame = goals[["ziel_id", "hf_id", "text"]].merge(
        mc.owner_columns(cur, goals["ziel_id"].tolist(), snap.as_of), on="ziel_id"
    )
    inds = t["indikatoren"].merge(
        values.groupby("indikator_id").tail(1)[["indikator_id", "datum", "wert"]],
        on="indikator_id",
        how="left",
    )
    frame = frame.merge(
        inds[
            [
                "ziel_id",
                "name",
                "basis_wert",
                "basis_datum",
                "ziel_wert",
                "datum",
                "wert",
            ]
        ].rename(
            columns={
                "name": "indikator",
                "datum": "letzter_messwert_datum",
                "wert": "letzter_messwert",
            }
        ),
        on="ziel_id",
        how="left",
    )
    frame["quelle"] = (
        f"{labels.KONZEPT}, Kap. 4 (Stand 08.02.2017); Status: Integrationsmonitor"
    )
    name = f"ziele_handlungsfeld_{feld}"
    if snap.reporting:  # the file says which Berichtsstand it shows
        frame.insert(
            0, "berichtsstand", f"{snap.reporting.name} ({snap.reporting.datum})"
        )
        name += f"_berichtsstand-{snap.reporting.id}"
    return send_table(
        frame, name, excel=ctx.triggered_id == ids.ZIELE_XLSX, sheet="Ziele"
    )


# Maßnahmen are saved by ``dashboard.callbacks.measures``; it re-renders the cards.
mc.register(lambda feld: _cards(_tables(), feld))
