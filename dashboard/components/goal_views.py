"""Goal register pieces: status badges, field overview cards, goal cards."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import ids, labels
from dashboard.components import beschluss_views as bv
from dashboard.components import measure_views as mv
from dashboard.components.chart_text import accessible_graph
from dashboard.components.info import info
from dashboard.data import goal_rules as rules
from dashboard.data import measure_rules
from dashboard.data.progress import STATUS, indicator_progress
from dashboard.figures.goals import indicator_chart
from dashboard.formatting import fmt_num, fmt_stand, fmt_time


def status_badge(status: str, large: bool = False) -> html.Span:
    colour, symbol = STATUS[status]
    return html.Span(
        [html.Span(symbol, **{"aria-hidden": "true"}), f" {status}"],
        className="im-status" + (" im-status-lg" if large else ""),
        style={"backgroundColor": colour},
    )


def field_ids(fields: pd.DataFrame, hf_id: str) -> list[str]:
    """A field and its sub-fields (4.1 → 4.1, 4.1.1, 4.1.2)."""
    return [hf_id, *fields.loc[fields["uebergeordnet"] == hf_id, "hf_id"]]


def overview_cards(
    fields: pd.DataFrame, goals: pd.DataFrame, cur: pd.DataFrame
) -> dbc.Row:
    merged = goals.merge(cur, on="ziel_id")
    cols = []
    for f in fields[fields["uebergeordnet"] == ""].itertuples():
        part = merged[merged["hf_id"].isin(field_ids(fields, f.hf_id))]
        counts = part["status"].value_counts()
        rated = int((part["status"] != "noch nicht bewertet").sum())
        badges = [
            html.Li([status_badge(s), f" {counts[s]}"]) for s in STATUS if s in counts
        ]
        cols.append(
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.H2(
                                dcc.Link(
                                    f"{f.hf_id} {f.titel}",
                                    href=f"/ziele?feld={f.hf_id}",
                                ),
                                className="h5",
                            ),
                            html.P(
                                f"{len(part)} Ziele, davon {rated} bewertet",
                                className="mb-1",
                            ),
                            html.Ul(
                                badges, className="list-unstyled mb-0 im-badge-list"
                            ),
                        ]
                    ),
                    class_name="h-100",
                ),
                md=6,
                xl=4,
                class_name="mb-3",
            )
        )
    return dbc.Row(cols)


HISTORY_PAGE = 5  # versions per page of a goal's history
HISTORY_PREVIEW = 1  # versions on a card until its history is asked for


def history_href(feld: str, ziel_id: str, page: int) -> str:
    return f"/ziele?feld={feld}&verlauf={ziel_id}&seite={page}"


def _history(
    versions: pd.DataFrame,
    actor_names: dict[str, str],
    total: int,
    page: int = 1,
    feld: str = "",
    decisions: pd.DataFrame | None = None,
    newer_than: str | None = None,
    preview: bool = False,
) -> html.Details:
    """One page of a goal's history (``versions``: its rows, newest first).

    ``total`` is the number of versions stored; only ``HISTORY_PAGE`` are rendered
    (``HISTORY_PREVIEW`` in a ``preview``, until the history is asked for), with links
    to older and newer pages, so the page never grows with the history.
    ``decisions`` (Beschlüsse linked to the goal) appear by date among the versions;
    ``newer_than`` is the date of the version just before this page (page > 1).
    """
    if total == 0:
        if decisions is not None and len(decisions):
            return bv.decisions_only_history(decisions)
        return html.Details([html.Summary("Verlauf: noch keine Änderungen")])
    items = []
    for v in versions.itertuples():
        parts = [
            html.Strong(
                f"Fassung {v.version} – {fmt_stand(v.datum)}, {v.benutzer} "
                f"(gespeichert {fmt_time(v.zeit)}): "
            ),
            status_badge(v.status),
        ]
        owners = mv.owner_text(
            measure_rules.owners(getattr(v, "akteure", ""), v.verantwortlich),
            actor_names,
        )
        parts.append(f" · verantwortlich: {owners}")
        if getattr(v, "fachamt", ""):
            parts.append(f" · Fachamt: {mv.office_text(v.fachamt, actor_names)}")
        if v.massnahme:
            parts.append(html.Div(f"Maßnahme: {v.massnahme}"))
        if v.kommentar:
            parts.append(html.Div(f"Kommentar: {v.kommentar}"))
        items.append(html.Li(parts))
    first = (page - 1) * HISTORY_PAGE + 1
    shown = len(items)
    if decisions is not None and len(decisions):
        items = bv.interleave(
            items,
            versions["datum"].astype(str).tolist(),
            decisions,
            oldest=first + shown - 1 >= total,
            newer_than=newer_than,
        )
    nav = []
    if page > 1:
        nav.append(
            dcc.Link(labels.HISTORY_NEWER, href=history_href(feld, v.ziel_id, page - 1))
        )
    if first + shown - 1 < total:
        older = 1 if preview else page + 1
        nav.append(
            dcc.Link(labels.HISTORY_OLDER, href=history_href(feld, v.ziel_id, older))
        )
    return html.Details(
        [
            html.Summary(
                f"Verlauf ({total} {'Änderung' if total == 1 else 'Änderungen'})"
            ),
            html.Ul(items),
            html.Div(
                [
                    html.Span(
                        labels.HISTORY_RANGE.format(
                            first=first, last=first + shown - 1, total=total
                        ),
                        className="text-muted",
                    ),
                    *nav,
                ],
                className="d-flex flex-wrap gap-3 im-history-nav",
            ),
        ],
        className="im-history",
        open=page > 1,
    )


def _indicators(
    indicators: pd.DataFrame, values: pd.DataFrame, decisions: pd.DataFrame | None
) -> list:
    out = []
    for _, ind in indicators.iterrows():
        vals = values[values["indikator_id"] == ind["indikator_id"]]
        if "gebiet" in vals:
            vals = vals[vals["gebiet"] == ""]
        prog = indicator_progress(ind, values)
        target = (
            "kein Zielwert"
            if pd.isna(ind["ziel_wert"])
            else f"Ziel {fmt_num(ind['ziel_wert'])}"
        )
        out.append(
            html.Div(
                [
                    html.Div(
                        [
                            dcc.Link(
                                html.Strong(ind["name"]),
                                href=f"/indikator?id={ind['indikator_id']}",
                            ),
                            f" ({ind['einheit']}): Basis {fmt_num(ind['basis_wert'])} "
                            f"({fmt_stand(ind['basis_datum'])}), {target} – ",
                            html.Span(prog.label, className="im-progress"),
                            info("indikator"),
                        ]
                    ),
                    accessible_graph(
                        dcc.Graph(
                            figure=indicator_chart(ind, vals, decisions),
                            config={"displayModeBar": False, "locale": "de"},
                            style={"height": "160px"},
                        ),
                        f"Verlauf des Indikators {ind['name']}",
                    ),
                    html.Div(
                        f"Quelle Basiswert: {ind['quelle']}", className="im-source"
                    ),
                ],
                className="im-indicator",
            )
        )
    return out


def goal_card(
    goal: pd.Series,
    cur: pd.Series,
    versions: pd.DataFrame,
    indicators: pd.DataFrame,
    values: pd.DataFrame,
    actor_names: dict[str, str],
    can_edit: bool,
    measures: list[str] | None = None,
    history_page: int = 1,
    feld: str = "",
    measure_rows: pd.DataFrame | None = None,
    measure_versions: pd.DataFrame | None = None,
    decisions: pd.DataFrame | None = None,
    history_bound: str | None = None,
    history_preview: bool = False,
) -> dbc.Card:
    """A goal's card; ``versions`` holds one page of its history (newest first).

    ``measures`` are the free-text Maßnahmen of earlier goal versions;
    ``measure_rows``/``measure_versions`` the goal's Maßnahmen (current, all versions).
    ``decisions`` are the Beschlüsse that count: all of them are marked on the
    indicator charts, those linked to this goal appear in its history.
    """
    if measures is None:
        measures = [m for m in versions.sort_values("version")["massnahme"] if m]
    empty = pd.DataFrame(columns=["massnahme_id"])
    edit = dbc.Button(
        "Bearbeiten",
        id={"type": ids.ZIELE_EDIT, "ziel": goal["ziel_id"]},
        color="primary",
        size="lg",
        disabled=not can_edit,
        class_name="im-edit",
    )
    body = [
        html.Div(
            [status_badge(cur["status"], large=True), edit],
            className="d-flex justify-content-between align-items-start gap-2 mb-2",
        ),
        html.P(goal["text"], className="im-goal-text"),
        html.Ul(
            [html.Li(e) for e in goal["erlaeuterung"].split(" | ")],
            className="im-goal-detail",
        )
        if goal["erlaeuterung"]
        else None,
        mv.goal_section(
            goal["ziel_id"],
            cur,
            empty if measure_rows is None else measure_rows,
            empty if measure_versions is None else measure_versions,
            measures,
            actor_names,
            can_edit,
        ),
        *_indicators(indicators, values, decisions),
        _history(
            versions,
            actor_names,
            int(cur["version"]),
            history_page,
            feld,
            bv.linked(decisions, goal["ziel_id"]),
            history_bound,
            history_preview,
        ),
        html.Div(
            f"{goal['ziel_id']} · Quelle: {goal['quelle']}; Stand {fmt_stand(goal['stand'])}",
            className="im-source",
        ),
    ]
    return dbc.Card(
        dbc.CardBody(body), class_name="mb-3 im-goal", id=f"ziel-{goal['ziel_id']}"
    )


def edit_modal(actors: pd.DataFrame) -> dbc.Modal:
    today_hint = "Datum der Entscheidung oder des Berichts"
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(id=ids.ZIELE_MODAL_TITLE)),
            dbc.ModalBody(
                [
                    dbc.Label("Status", html_for=ids.ZIELE_STATUS),
                    dbc.RadioItems(
                        id=ids.ZIELE_STATUS,
                        options=[
                            {"label": f"{v[1]} {k}", "value": k}
                            for k, v in STATUS.items()
                        ],
                        class_name="im-status-radio",
                    ),
                    dbc.Label(
                        "Verantwortlich (ein oder mehrere Akteure)",
                        html_for=ids.ZIELE_RESPONSIBLE,
                        class_name="mt-2",
                    ),
                    dcc.Dropdown(
                        id=ids.ZIELE_RESPONSIBLE,
                        options=[
                            {"label": r.name, "value": r.akteur_id}
                            for r in actors.sort_values("name").itertuples()
                        ],
                        multi=True,
                        placeholder=labels.NOT_SET,
                        labels=labels.DROPDOWN,
                    ),
                    dbc.Label(
                        f"{labels.OFFICE_LABEL} ({labels.OFFICE_HELP})",
                        html_for=ids.ZIELE_OFFICE,
                        class_name="mt-2",
                    ),
                    dbc.Select(
                        id=ids.ZIELE_OFFICE,
                        options=[{"label": labels.NOT_SET, "value": ""}]
                        + [
                            {"label": r.name, "value": r.akteur_id}
                            for r in measure_rules.offices(actors).itertuples()
                        ],
                    ),
                    dbc.Label(today_hint, html_for=ids.ZIELE_DATE, class_name="mt-2"),
                    dbc.Input(
                        id=ids.ZIELE_DATE,
                        type="date",
                        min=rules.FIRST_DAY,
                        max=rules.LAST_DAY,
                    ),
                    dbc.Label(
                        "Kommentar / Beschluss",
                        html_for=ids.ZIELE_COMMENT,
                        class_name="mt-2",
                    ),
                    dbc.Textarea(
                        id=ids.ZIELE_COMMENT, rows=3, maxLength=rules.MAX_TEXT
                    ),
                    html.Fieldset(
                        [
                            html.Legend(
                                "Neuer Messwert (optional)", className="h6 mt-3"
                            ),
                            dbc.Select(id=ids.ZIELE_IND, options=[]),
                            dbc.Row(
                                [
                                    dbc.Col(
                                        dbc.Input(
                                            id=ids.ZIELE_IND_VALUE,
                                            type="number",
                                            min=-rules.MAX_VALUE,
                                            max=rules.MAX_VALUE,
                                            placeholder="Wert",
                                        )
                                    ),
                                    dbc.Col(
                                        dbc.Input(
                                            id=ids.ZIELE_IND_DATE,
                                            type="date",
                                            min=rules.FIRST_DAY,
                                            max=rules.LAST_DAY,
                                        )
                                    ),
                                    dbc.Col(
                                        dbc.Input(
                                            id=ids.ZIELE_IND_SOURCE,
                                            placeholder="Quelle",
                                            maxLength=rules.MAX_SOURCE,
                                        )
                                    ),
                                ],
                                class_name="g-2 mt-1",
                            ),
                        ]
                    ),
                    html.Div(id=ids.ZIELE_FEEDBACK, className="mt-3"),
                ]
            ),
            dbc.ModalFooter(
                [
                    dbc.Button("Abbrechen", id=ids.ZIELE_CANCEL, color="secondary"),
                    dbc.Button("Speichern", id=ids.ZIELE_SAVE, color="primary"),
                ]
            ),
        ],
        id=ids.ZIELE_MODAL,
        size="lg",
        is_open=False,
    )
