"""The planner's agenda editor: one row per slide with include, title, minutes,
move up/down and speaker notes. Pure helpers; the callbacks are in the planner page.
"""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components import deck as dk
from dashboard.components.slides import DEFAULT_AGENDA, SLIDE_TITLES

ON = "sitzung-punkt-an"
TITLE = "sitzung-punkt-titel"
MINUTES = "sitzung-punkt-minuten"
NOTES = "sitzung-punkt-notizen"
UP = "sitzung-punkt-hoch"
DOWN = "sitzung-punkt-runter"


def all_items(plan: dk.Plan, explicit: bool) -> list[tuple[dk.Item, bool]]:
    """Every possible slide as (item, included): the plan's items first, in its order."""
    chosen = [(i, True) for i in plan.items]
    keys = {i.key for i in plan.items}
    rest = [
        (dk.Item(k, SLIDE_TITLES[k]), not explicit)
        for k in DEFAULT_AGENDA
        if k not in keys
    ]
    return chosen + rest


def _id(kind: str, key: str) -> dict:
    return {"type": kind, "index": key}


def dom_id(kind: str, key: str) -> str:
    """The HTML id Dash gives a dict ID (keys sorted, compact JSON), for labels."""
    return json.dumps(_id(kind, key), sort_keys=True, separators=(",", ":"))


def row(item: dk.Item, included: bool, pos: int, total: int) -> html.Li:
    name = SLIDE_TITLES[item.key]
    return html.Li(
        [
            dbc.Row(
                [
                    dbc.Col(
                        dbc.Checkbox(id=_id(ON, item.key), value=included, label=name),
                        md=4,
                    ),
                    dbc.Col(
                        [
                            dbc.Label(
                                f"Titel: {name}",
                                html_for=dom_id(TITLE, item.key),
                                class_name="visually-hidden",
                            ),
                            dbc.Input(
                                id=_id(TITLE, item.key),
                                value=item.title,
                                maxlength=120,
                                size="sm",
                                placeholder="Titel",
                            ),
                        ],
                        md=4,
                    ),
                    dbc.Col(
                        [
                            dbc.Label(
                                f"Minuten: {name}",
                                html_for=dom_id(MINUTES, item.key),
                                class_name="visually-hidden",
                            ),
                            dbc.InputGroup(
                                [
                                    dbc.Input(
                                        id=_id(MINUTES, item.key),
                                        type="number",
                                        min=1,
                                        max=dk.MAX_MINUTES,
                                        value=item.minutes,
                                        size="sm",
                                        placeholder="–",
                                    ),
                                    dbc.InputGroupText("min"),
                                ],
                                size="sm",
                            ),
                        ],
                        md=2,
                    ),
                    dbc.Col(
                        [
                            html.Button(
                                "↑",
                                id=_id(UP, item.key),
                                className="btn btn-outline-secondary btn-sm me-1",
                                disabled=pos == 0,
                                title=f"{name} nach oben",
                                **{"aria-label": f"{name} nach oben"},
                            ),
                            html.Button(
                                "↓",
                                id=_id(DOWN, item.key),
                                className="btn btn-outline-secondary btn-sm",
                                disabled=pos == total - 1,
                                title=f"{name} nach unten",
                                **{"aria-label": f"{name} nach unten"},
                            ),
                        ],
                        md=2,
                    ),
                ],
                class_name="g-2 align-items-center",
            ),
            html.Details(
                [
                    html.Summary("Notizen für die Referentenansicht"),
                    dbc.Label(
                        f"Notizen: {name}",
                        html_for=dom_id(NOTES, item.key),
                        class_name="visually-hidden",
                    ),
                    dbc.Textarea(
                        id=_id(NOTES, item.key),
                        value=item.notes,
                        maxLength=dk.MAX_NOTE,
                        rows=2,
                    ),
                ],
                open=bool(item.notes),
                className="im-source",
            ),
        ],
        className="im-agenda-row",
    )


def rows(items: list[tuple[dk.Item, bool]]) -> html.Ol:
    return html.Ol(
        [row(i, inc, n, len(items)) for n, (i, inc) in enumerate(items)],
        className="im-agenda list-unstyled",
    )


def moved(order: list[str], key: str, delta: int) -> list[str]:
    """``order`` with ``key`` moved one place up (-1) or down (+1)."""
    new = list(order)
    i = new.index(key)
    j = max(0, min(len(new) - 1, i + delta))
    new[i], new[j] = new[j], new[i]
    return new


def _minutes(value) -> int | None:  # noqa: ANN001
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return n if 1 <= n <= dk.MAX_MINUTES else None


def collect(order, on, titles, minutes, notes) -> list[tuple[dk.Item, bool]]:  # noqa: ANN001
    """Rows as rendered (DOM order = ``order``) back to (item, included)."""
    out = []
    for k, inc, t, m, n in zip(order, on, titles, minutes, notes, strict=False):
        if k not in SLIDE_TITLES:
            continue
        title = (t or "").strip()[:120] or SLIDE_TITLES[k]
        out.append(
            (
                dk.Item(k, title, _minutes(m), (n or "").strip()[: dk.MAX_NOTE]),
                bool(inc),
            )
        )
    return out


def plan_of(items, area, title, contrast, change, auto, indicator=None) -> dk.Plan:  # noqa: ANN001, PLR0913
    """The plan the planner's fields describe; invalid numbers are left out."""
    try:
        scenario = (
            int(change) if change is not None and -50 <= int(change) <= 200 else None
        )
    except (TypeError, ValueError):
        scenario = None
    try:
        seconds = int(auto) if auto is not None and 5 <= int(auto) <= 3600 else None
    except (TypeError, ValueError):
        seconds = None
    return dk.Plan(
        items=tuple(i for i, inc in items if inc),
        area=area if area in dk.AREAS else None,
        scenario=scenario,
        contrast=bool(contrast),
        title=(title or "").strip()[:200],
        auto=seconds,
        # the map's colouring; dk.parse decides which values are acceptable
        indicator=dk.parse({"indikator": indicator}).indicator
        if isinstance(indicator, str)
        else dk.DEFAULT_INDICATOR,
    )
