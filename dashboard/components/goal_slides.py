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
from dashboard.components import measure_views as mv
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


META_CHARS = 76  # regular text after the status badge (its width counted as chars)
BADGE_CHARS = 22
MEASURE_CHARS = 62  # a Maßnahme line is indented (1.2 em)


def _lines(row) -> float:  # noqa: ANN001
    """Estimated height: the goal, its meta line(s) and one line per Maßnahme."""
    text = f"{row.ziel_id} {row.text}"
    meta = getattr(row, "meta", "")
    extra = math.ceil((BADGE_CHARS + len(meta)) / META_CHARS) - 1 if meta else 0
    items = sum(
        math.ceil(len(f"Maßnahme: {m}") / MEASURE_CHARS)
        for m in getattr(row, "measure_lines", [])
    )
    return math.ceil(len(text) / CHARS_PER_LINE) + META_LINES + extra + items


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
    who = f" ({row.benutzer})" if row.benutzer else ""
    return f"zuletzt geändert {row.zeit:%d.%m.%Y}{who}"


def with_owners(
    cur: pd.DataFrame, names: dict[str, str], measures: pd.DataFrame | None = None
) -> pd.DataFrame:
    """``cur`` (``Snapshot.goals``) with the slide's meta line and Maßnahme lines.

    An unedited goal says only "Verantwortlich: nicht festgelegt": its badge
    already says "noch nicht bewertet".
    """
    metas, lines = [], []
    for row in cur.itertuples():
        owners = f"Verantwortlich: {mv.owner_text(list(row.akteure), names)}"
        if row.fachamt:
            owners += f" (Fachamt: {mv.office_text(row.fachamt, names)})"
        metas.append(f"{owners} · {_changed(row)}" if row.version else owners)
        mine = (
            measures[measures["ziel_id"] == row.ziel_id]
            if measures is not None and len(measures)
            else []
        )
        lines.append(
            []
            if len(mine) == 0
            else [mv.measure_text(m, names) for m in mine.itertuples()]
        )
    return cur.assign(meta=metas, measure_lines=lines)


def goal_item(row, contrast: bool) -> html.Li:  # noqa: ANN001
    """A goal: text, then status badge with owners, then its Maßnahmen (if any)."""
    measures = getattr(row, "measure_lines", [])
    return html.Li(
        [
            html.Div(
                [html.Strong(row.ziel_id.removeprefix("Z-")), f" {row.text}"],
                className="im-slide-goal",
            ),
            html.Div(
                [badge(row.status, contrast), f" {row.meta}"],
                className="im-slide-goal-meta",
            ),
            html.Ul(
                [html.Li(f"Maßnahme: {m}") for m in measures],
                className="im-slide-measures",
            )
            if measures
            else None,
        ]
    )


def field_slides(
    fields: pd.DataFrame,
    goals: pd.DataFrame,
    cur: pd.DataFrame,
    hf: str,
    contrast: bool,
) -> list[html.Section]:
    cur = cur if "meta" in cur else with_owners(cur, {})
    part = goals[goals["hf_id"].isin(field_ids(fields, hf))].merge(cur, on="ziel_id")
    title = f"{hf} {fields.set_index('hf_id').loc[hf, 'titel']}"
    # a title that wraps (4.5 …) takes a line of 24 px text from the body
    pages = pack(list(part.itertuples()), BODY_LINES - (1.5 if len(title) > 48 else 0))
    source = (
        f"Ziele: {labels.KONZEPT}, Kap. {hf} (Stand 08.02.2017); Status, "
        "Verantwortliche, Maßnahmen, Änderungen: Zielregister"
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
    cur = cur if "meta" in cur else with_owners(cur, {})
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
