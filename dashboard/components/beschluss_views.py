"""Beschlüsse in the views: goal histories, the register table and the form.

What counts comes from ``dashboard.current`` (``Snapshot.decisions``); the texts
(``describe``, ``short_label``) from ``dashboard.figures.beschluesse``, so a chart's
label, its text alternative and the lists say the same.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import ids, labels
from dashboard.components.sortable_table import plain_table
from dashboard.data import beschluss_rules as rules
from dashboard.data.goal_rules import MAX_TEXT
from dashboard.data.schemas import GREMIEN
from dashboard.figures.beschluesse import heading
from dashboard.formatting import fmt_stand, fmt_time

NEW = "neu"  # the form's choice "record a new Beschluss"


def linked(decisions: pd.DataFrame | None, ziel_id: str) -> pd.DataFrame | None:
    """The Beschlüsse linked to goal ``ziel_id``, newest first."""
    if decisions is None or decisions.empty:
        return None
    mask = decisions["ziele"].str.split().map(lambda z: ziel_id in z)
    return decisions[mask].sort_values("datum", ascending=False)


def history_item(row: pd.Series) -> html.Li:
    """A Beschluss as an entry of a goal's history."""
    return html.Li(
        [
            html.Strong(f"{heading(row)}: "),
            row["text"],
            " ",
            dcc.Link(labels.BESCHLUSS_LINK, href=f"/beschluesse#{row['beschluss_id']}"),
        ],
        className="im-history-beschluss",
    )


def interleave(
    items: list,
    version_dates: list[str],
    decisions: pd.DataFrame,
    oldest: bool,
    newer_than: str | None = None,
) -> list:
    """``items`` (one page of versions, newest first, dated ``version_dates``) with the
    linked Beschlüsse of that page's time placed by date.

    A Beschluss belongs to the page of the newest version dated on or before it:
    on this page if it is not older than the page's oldest version (or this is the
    oldest page) and, on later pages, older than ``newer_than`` (the date of the
    version just before the page).
    """
    low = version_dates[-1] if version_dates else ""
    out = list(zip(version_dates, items, strict=True))
    for _, row in decisions.sort_values("datum").iterrows():
        day = row["datum"]
        if (not oldest and day < low) or (newer_than is not None and day >= newer_than):
            continue
        at = next((i for i, (d, _) in enumerate(out) if d <= day), len(out))
        out.insert(at, (day, history_item(row)))
    return [item for _, item in out]


def decisions_only_history(decisions: pd.DataFrame) -> html.Details:
    """The history of a goal never edited but linked to Beschlüsse."""
    count = len(decisions)
    return html.Details(
        [
            html.Summary(
                f"Verlauf: noch keine Änderungen, {count} "
                + ("Beschluss" if count == 1 else "Beschlüsse")
            ),
            html.Ul([history_item(r) for _, r in decisions.iterrows()]),
        ],
        className="im-history",
    )


def _goals_text(row: pd.Series, goal_texts: dict[str, str]) -> html.Div | None:
    parts = [
        html.Li(html.Abbr(ziel, title=goal_texts.get(ziel, "")))
        for ziel in row["ziele"].split()
    ]
    if row["bezug"]:
        parts.append(html.Li(row["bezug"]))
    if not parts:
        return None
    return html.Div(
        ["Verknüpft mit: ", html.Ul(parts, className="im-inline-list")],
        className="small mt-1",
    )


def register_table(register: pd.DataFrame, goal_texts: dict[str, str]) -> html.Div:
    """All Beschlüsse, newest first, with status, source and who recorded them."""
    if register.empty:
        return html.P(labels.BESCHLUSS_NONE, className="text-muted")
    rows = []
    for _, r in register.sort_values("datum", ascending=False).iterrows():
        withdrawn = r["status"] == rules.WITHDRAWN
        state = [html.Strong(r["status"])]
        if r["version"]:
            state += [f", Fassung {r['version']} ({r['benutzer']}, {fmt_time(r['zeit'])})"]  # fmt: skip
        if r["grund"]:
            state += [html.Br(), f"Grund: {r['grund']}"]
        state += [html.Br(), html.Span(f"Quelle: {r['quelle']}; Stand {fmt_stand(r['stand'])}", className="im-source")]  # fmt: skip
        rows.append(
            html.Tr(
                [
                    html.Td(fmt_stand(r["datum"])),
                    html.Td(
                        [r["gremium"], html.Br(), f"Nr. {r['nummer']}"]
                        if r["nummer"]
                        else r["gremium"]
                    ),  # fmt: skip
                    html.Td(
                        [
                            html.Del(r["text"]) if withdrawn else r["text"],
                            _goals_text(r, goal_texts),
                        ]
                    ),
                    html.Td(state),
                ],
                id=r["beschluss_id"],
            )
        )
    heads = ("Datum", "Gremium", "Beschluss", "Stand und Quelle")
    return plain_table([html.Th(h, scope="col") for h in heads], rows)


def _field(label: str, control, field: str, hint: str = "") -> html.Div:  # noqa: ANN001
    return html.Div(
        [
            dbc.Label(label, html_for=control.id),
            control,
            html.Div(hint, className="form-text") if hint else None,
            html.Div(
                id={"type": ids.BES_ERROR, "field": field},
                className="invalid-feedback d-block",
                role="alert",
            ),
        ],
        className="mb-2",
    )


def target_options(register: pd.DataFrame) -> list[dict]:
    """ "New" and every Beschluss that counts (to correct or withdraw it)."""
    live = register[register["status"] == rules.ACTIVE]
    return [{"label": labels.BESCHLUSS_NEW, "value": NEW}] + [
        {"label": f"{fmt_stand(r.datum)} {r.gremium} {r.nummer}".strip(), "value": r.beschluss_id}
        for r in live.itertuples()
    ]  # fmt: skip


def form(goals: pd.DataFrame, register: pd.DataFrame) -> html.Div:
    """Record a new Beschluss, or correct or withdraw one (role Bearbeitung)."""
    targets = target_options(register)
    goal_options = [
        {"label": f"{g.ziel_id}: {g.text[:90]}", "value": g.ziel_id}
        for g in goals.itertuples()
    ]
    return html.Div(
        [
            html.H2(labels.BESCHLUSS_FORM_TITLE, className="h4 mt-4"),
            dbc.Label("Erfassen oder ändern", html_for=ids.BES_TARGET),
            dbc.Select(
                id=ids.BES_TARGET, options=targets, value=NEW, class_name="mb-2"
            ),
            dbc.Row(
                [
                    dbc.Col(
                        _field(
                            "Datum (TT.MM.JJJJ)",
                            dbc.Input(id=ids.BES_DATE, placeholder="17.03.2016"),
                            "datum",
                        ),
                        md=3,
                    ),  # fmt: skip
                    dbc.Col(
                        _field(
                            "Gremium",
                            dbc.Select(
                                id=ids.BES_BODY,
                                options=[{"label": g, "value": g} for g in GREMIEN],
                            ),
                            "gremium",
                        ),
                        md=4,
                    ),  # fmt: skip
                    dbc.Col(
                        _field(
                            "Nummer",
                            dbc.Input(
                                id=ids.BES_NUMBER,
                                maxLength=rules.MAX_NUMBER,
                                placeholder="16/6/0289",
                            ),
                            "nummer",
                            "bei Kreistag und Ausschüssen Pflicht",
                        ),
                        md=5,
                    ),  # fmt: skip
                ]
            ),
            _field(
                "Inhalt des Beschlusses",
                dbc.Textarea(id=ids.BES_TEXT, rows=3, maxLength=MAX_TEXT),
                "text",
            ),  # fmt: skip
            _field(
                "Verknüpfte Ziele",
                dcc.Dropdown(
                    id=ids.BES_GOALS,
                    options=goal_options,
                    multi=True,
                    placeholder="Ziele wählen …",
                ),  # fmt: skip
                "ziele",
            ),
            dbc.Checkbox(
                id=ids.BES_WHOLE,
                label=labels.BESCHLUSS_WHOLE,
                value=False,
            ),  # fmt: skip
            _field(
                "Grund (bei Korrektur oder Rücknahme)",
                dbc.Input(id=ids.BES_REASON, maxLength=MAX_TEXT),
                "grund",
            ),  # fmt: skip
            html.Div(
                [
                    dbc.Button(labels.BESCHLUSS_SAVE, id=ids.BES_SAVE, color="primary"),
                    dbc.Button(
                        labels.BESCHLUSS_WITHDRAW,
                        id=ids.BES_WITHDRAW,
                        color="danger",
                        outline=True,
                    ),  # fmt: skip
                ],
                className="d-flex gap-2 mt-2",
            ),
            html.Div(id=ids.BES_MSG, className="mt-2", role="status"),
            dcc.Store(id=ids.BES_BASE),
        ],
        className="im-beschluss-form",
    )
