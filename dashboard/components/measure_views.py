"""Owners, Fachamt and Maßnahmen of a goal: card section, texts and the edit dialog.

Text helpers (``owner_text``, ``measure_text``) are shared by the goal card, the
slides, the briefing and the downloads, so every view words a Maßnahme alike.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard import ids, labels
from dashboard.data import goal_rules as rules
from dashboard.data.measure_rules import MAX_TITLE
from dashboard.formatting import fmt_stand, fmt_time


def owner_text(akteure: list[str], names: dict[str, str]) -> str:
    """Owners by name ("nicht festgelegt" when none is set)."""
    return ", ".join(names.get(a, a) for a in akteure) or labels.NOT_SET


def office_text(fachamt: str, names: dict[str, str]) -> str:
    return names.get(fachamt, fachamt) if fachamt else labels.NOT_SET


def due_text(row) -> str:  # noqa: ANN001
    """ "fällig 31.03.2027", with "überfällig" in words when it is."""
    if not row.faellig:
        return labels.MEASURE_NO_DUE
    text = labels.MEASURE_DUE.format(date=fmt_stand(row.faellig))
    return f"{text} – {labels.MEASURE_OVERDUE}" if row.ueberfaellig else text


def measure_text(row, names: dict[str, str]) -> str:  # noqa: ANN001
    """One line: "Titel – laufend – fällig 31.03.2027 – überfällig (Zuständig)"."""
    who = f" ({names.get(row.akteur, row.akteur)})" if row.akteur else ""
    return f"{row.titel} – {row.status} – {due_text(row)}{who}"


def measure_badge(status: str) -> html.Span:
    """Status as symbol and word; no colour carries meaning."""
    return html.Span(
        [
            html.Span(labels.MASSNAHME_STATUS[status], **{"aria-hidden": "true"}),
            f" {status}",
        ],
        className=f"im-measure-status im-measure-{status}",
    )


def _item(row, versions: pd.DataFrame, names: dict, can_edit: bool) -> html.Li:  # noqa: ANN001
    due = (
        [labels.MEASURE_DUE.format(date=fmt_stand(row.faellig))]
        if row.faellig
        else [labels.MEASURE_NO_DUE]
    )
    if row.ueberfaellig:
        due.append(html.Strong(f" – {labels.MEASURE_OVERDUE}", className="im-overdue"))
    mine = versions[versions["massnahme_id"] == row.massnahme_id].sort_values(
        "version", ascending=False
    )
    buttons = [
        html.Button(
            labels.MEASURE_EDIT,
            id={"type": ids.MASSNAHME_EDIT, "id": row.massnahme_id},
            className="btn btn-secondary btn-sm",
            disabled=not can_edit,
            **{"aria-label": f"Maßnahme „{row.titel}“ bearbeiten"},
        )
    ]
    if row.status != "abgeschlossen":
        buttons.append(
            html.Button(
                labels.MEASURE_DONE,
                id={
                    "type": ids.MASSNAHME_DONE,
                    "id": row.massnahme_id,
                    "v": int(row.version),
                    "ziel": row.ziel_id,
                },
                className="btn btn-outline-secondary btn-sm",
                disabled=not can_edit,
                **{"aria-label": f"Maßnahme „{row.titel}“ als abgeschlossen markieren"},
            )
        )
    return html.Li(
        [
            html.Div(
                [
                    html.Strong(row.titel),
                    " ",
                    measure_badge(row.status),
                    html.Span([" · ", *due], className="im-measure-due"),
                    f" · zuständig: {names.get(row.akteur, row.akteur)}"
                    if row.akteur
                    else "",
                ]
            ),
            html.Div(buttons, className="d-flex flex-wrap gap-2 mt-1"),
            html.Details(
                [
                    html.Summary(f"Verlauf der Maßnahme ({len(mine)})"),
                    html.Ul(
                        [
                            html.Li(
                                f"Fassung {v.version} – {v.benutzer} "
                                f"(gespeichert {fmt_time(v.zeit)}): {v.status}"
                                + (
                                    f", fällig {fmt_stand(v.faellig)}"
                                    if v.faellig
                                    else ""
                                )
                                + (f" – {v.grund}" if v.grund else "")
                            )
                            for v in mine.itertuples()
                        ]
                    ),
                ],
                className="im-history",
            ),
        ],
        className="im-measure",
        id=f"massnahme-{row.massnahme_id}",
    )


def goal_section(
    ziel_id: str,
    cur: pd.Series,
    measures: pd.DataFrame,
    versions: pd.DataFrame,
    legacy: list[str],
    names: dict[str, str],
    can_edit: bool,
) -> html.Div:
    """Owners, Fachamt and Maßnahmen on a goal's card.

    ``measures`` are the goal's current Maßnahmen (``current.measure_status``),
    ``versions`` all their stored versions, ``legacy`` the free-text Maßnahmen of
    goal versions saved before Maßnahmen were records.
    """
    items = [_item(r, versions, names, can_edit) for r in measures.itertuples()]
    return html.Div(
        [
            html.P(
                [
                    html.Strong(f"{labels.OWNERS_LABEL}: "),
                    owner_text(list(cur.get("akteure", []) or []), names),
                ],
                className="mb-1 im-owners",
            ),
            html.P(
                [
                    html.Strong(f"{labels.OFFICE_LABEL}: "),
                    office_text(cur.get("fachamt", "") or "", names),
                ],
                className="im-office",
            ),
            html.Div(
                [
                    html.Strong(f"{labels.MEASURES_LABEL}:", className="me-1"),
                    None if items else html.Span(labels.MEASURES_NONE),
                    dbc.Button(
                        labels.MEASURE_ADD,
                        id={"type": ids.MASSNAHME_NEW, "ziel": ziel_id},
                        color="secondary",
                        size="sm",
                        disabled=not can_edit,
                        class_name="ms-2",
                    ),
                ],
                className="d-flex flex-wrap align-items-center",
            ),
            html.Ul(items, className="im-measures") if items else None,
            html.Div(
                [html.Em(f"{labels.MEASURES_LEGACY}: "), "; ".join(legacy)],
                className="im-measures-legacy",
            )
            if legacy
            else None,
        ],
        className="im-goal-measures mb-2",
    )


def measure_modal(actors: pd.DataFrame) -> dbc.Modal:
    """Dialog to add or edit a Maßnahme (``actors``: ``akteur_id``, ``name``)."""
    return dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(id=ids.MASSNAHME_MODAL_TITLE)),
            dbc.ModalBody(
                [
                    dbc.Label("Titel der Maßnahme", html_for=ids.MASSNAHME_TITLE),
                    dbc.Input(id=ids.MASSNAHME_TITLE, maxLength=MAX_TITLE),
                    dbc.Label(
                        "Status", html_for=ids.MASSNAHME_STATUS, class_name="mt-2"
                    ),
                    dbc.RadioItems(
                        id=ids.MASSNAHME_STATUS,
                        options=[
                            {"label": f"{symbol} {word}", "value": word}
                            for word, symbol in labels.MASSNAHME_STATUS.items()
                        ],
                        inline=True,
                        class_name="im-status-radio",
                    ),
                    dbc.Label(
                        "Fällig am (TT.MM.JJJJ, optional)",
                        html_for=ids.MASSNAHME_DUE,
                        class_name="mt-2",
                    ),
                    dbc.Input(
                        id=ids.MASSNAHME_DUE,
                        placeholder="z. B. 31.03.2027",
                        maxLength=20,
                        inputMode="numeric",
                    ),
                    dbc.Label(
                        "Zuständig (optional)",
                        html_for=ids.MASSNAHME_ACTOR,
                        class_name="mt-2",
                    ),
                    dbc.Select(
                        id=ids.MASSNAHME_ACTOR,
                        options=[{"label": labels.NOT_SET, "value": ""}]
                        + [
                            {"label": r.name, "value": r.akteur_id}
                            for r in actors.itertuples()
                        ],
                    ),
                    dbc.Label(
                        "Begründung / Anlass der Änderung",
                        html_for=ids.MASSNAHME_REASON,
                        class_name="mt-2",
                    ),
                    dbc.Input(id=ids.MASSNAHME_REASON, maxLength=rules.MAX_TEXT),
                    html.Div(id=ids.MASSNAHME_FEEDBACK, className="mt-3"),
                ]
            ),
            dbc.ModalFooter(
                [
                    dbc.Button("Abbrechen", id=ids.MASSNAHME_CANCEL, color="secondary"),
                    dbc.Button("Speichern", id=ids.MASSNAHME_SAVE, color="primary"),
                ]
            ),
        ],
        id=ids.MASSNAHME_MODAL,
        size="lg",
        is_open=False,
    )
