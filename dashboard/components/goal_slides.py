"""Goal slides: every goal in full, wrapped, with status, owner and last change.

A field with more goals than fit on one slide at 1024x768 continues on further
slides ("4.3 Arbeit und Ausbildung (2/3)"). The split is decided here, on the
server, so every window of a meeting (deck and presenter view) numbers the slides
alike.
"""

from __future__ import annotations

import math

import pandas as pd
from dash import html

from dashboard import labels
from dashboard.components.goal_views import field_ids
from dashboard.components.slides import slide
from dashboard.data.progress import STATUS
from dashboard.figures.contrast import BADGE_TEXT, STATUS_COLORS, contrast_ratio

# Budget at 1024x768 with 24 px text: characters per line of a goal and the body
# height in lines. Conservative, so a slide never needs scrolling; the browser test
# checks it with the real texts.
CHARS_PER_LINE = 72  # bold (kontrast=1) fits about 75, regular about 82
BODY_LINES = 19.8  # 615 px of body at 30 px per line, less a safety margin
META_LINES = 1.4  # badge line (32 px) and the gap to the next goal (10 px)  # badge, owner and last change, plus the gap to the next goal


def badge(status: str, contrast: bool) -> html.Span:
    """Status as symbol and word; colours readable as white text (>= 4.5:1)."""
    colour, symbol = STATUS[status]
    return html.Span(
        [html.Span(symbol, **{"aria-hidden": "true"}), f" {status}"],
        className="im-status im-slide-badge",
        style={
            "backgroundColor": STATUS_COLORS[status] if contrast else colour,
            "color": BADGE_TEXT if contrast else _text_on(colour),
        },
    )


def _text_on(colour: str) -> str:
    white = contrast_ratio(colour, "#ffffff", washed=False)
    black = contrast_ratio(colour, "#000000", washed=False)
    return "#ffffff" if white >= black else "#000000"


def _lines(row) -> float:  # noqa: ANN001
    text = f"{row.ziel_id} {row.text}"
    return math.ceil(len(text) / CHARS_PER_LINE) + META_LINES


def pack(rows: list, budget: float = BODY_LINES) -> list[list]:
    """Split goals into consecutive groups whose estimated height fits one slide."""
    pages: list[list] = [[]]
    used = 0.0
    for row in rows:
        need = _lines(row)
        if pages[-1] and used + need > budget:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += need
    return pages


def _changed(row) -> str:  # noqa: ANN001
    if not row.version:
        return "noch nicht bearbeitet"
    who = f" ({row.benutzer})" if row.benutzer else ""
    return f"zuletzt geändert {row.zeit:%d.%m.%Y}{who}"


def goal_item(row, contrast: bool) -> html.Li:  # noqa: ANN001
    return html.Li(
        [
            html.Div(
                [html.Strong(row.ziel_id.removeprefix("Z-")), f" {row.text}"],
                className="im-slide-goal",
            ),
            html.Div(
                [
                    badge(row.status, contrast),
                    f" Verantwortlich: {row.verantwortlich or '–'} · {_changed(row)}",
                ],
                className="im-slide-goal-meta",
            ),
        ]
    )


def field_slides(
    fields: pd.DataFrame,
    goals: pd.DataFrame,
    cur: pd.DataFrame,
    hf: str,
    contrast: bool,
) -> list[html.Section]:
    part = goals[goals["hf_id"].isin(field_ids(fields, hf))].merge(cur, on="ziel_id")
    title = f"{hf} {fields.set_index('hf_id').loc[hf, 'titel']}"
    # a title that wraps (4.5 …) takes a line of 24 px text from the body
    pages = pack(list(part.itertuples()), BODY_LINES - (1.5 if len(title) > 48 else 0))
    source = (
        f"Ziele: {labels.KONZEPT}, Kap. {hf} (Stand 08.02.2017); Status, "
        "Verantwortliche, Änderungen: Zielregister"
    )
    return [
        slide(
            f"hf-{hf}" + (f"-{i + 1}" if i else ""),
            title + (f" ({i + 1}/{len(pages)})" if len(pages) > 1 else ""),
            [
                html.Ul(
                    [goal_item(r, contrast) for r in rows], className="im-slide-goals"
                )
            ],
            source,
        )
        for i, rows in enumerate(pages)
    ]


def open_points_slide(
    goals: pd.DataFrame, cur: pd.DataFrame, contrast: bool
) -> list[html.Section]:
    merged = goals.merge(cur, on="ziel_id")
    risky = list(merged[merged["status"] == "gefährdet"].itertuples())
    unrated = int((merged["status"] == "noch nicht bewertet").sum())
    lead = html.P(
        f"{unrated} von {len(merged)} Zielen (Landkreis) sind noch nicht bewertet.",
        className="fw-bold",
    )
    source = "Zielregister des Integrationsmonitors"
    if not risky:
        body = [lead, html.P("Kein Ziel ist als „gefährdet“ eingestuft.")]
        return [slide("offen", "Offene Punkte", body, source)]
    pages = pack(risky, BODY_LINES - 1.5)
    return [
        slide(
            "offen" + (f"-{i + 1}" if i else ""),
            "Offene Punkte" + (f" ({i + 1}/{len(pages)})" if len(pages) > 1 else ""),
            [
                *([lead] if i == 0 else []),
                html.Ul(
                    [goal_item(r, contrast) for r in rows], className="im-slide-goals"
                ),
            ],
            source,
        )
        for i, rows in enumerate(pages)
    ]
