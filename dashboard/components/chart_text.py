"""Text alternatives for charts (WCAG 1.1.1): a name, one sentence, and a table with
the same numbers, all derived from the figure itself so they cannot drift apart.

``accessible_graph`` wraps a ``dcc.Graph`` in a ``<figure>`` named by ``name``; its
caption holds the sentence and a collapsed "Zahlen als Tabelle". Charts redrawn by a
callback get their caption from ``chart_caption(figure, …)`` in that callback.
"""

from __future__ import annotations

import math
import re

import plotly.graph_objects as go
from dash import dcc, html

from dashboard.components.sortable_table import plain_table
from dashboard.figures.beschluesse import marked_sentence
from dashboard.formatting import fmt_num

TABLE_SUMMARY = "Zahlen als Tabelle"
MAP_SUMMARY = (
    "Karte der Gemeinden bzw. Sozialräume, eingefärbt nach der gewählten Kennzahl; "
    "dieselben Zahlen stehen in der Tabelle zur Karte auf der Seite Karte."
)


def _fmt(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, int | float):
        decimals = 0 if float(value).is_integer() else 1
        return fmt_num(float(value), decimals)
    return str(value)


def _clean(text: object) -> str:
    """Plotly titles may hold <br> and other markup."""
    return re.sub(r"<[^>]+>", " ", str(text or "")).replace("\u00ad", "").strip()


def figure_rows(fig: go.Figure) -> tuple[list[str], list[list[object]]]:
    """Header and rows of a bar/scatter/pie figure: one row per category, one column
    per trace (traces without a name are called "Wert")."""
    if not isinstance(fig, go.Figure):  # a dict; a Figure is only read, not copied
        fig = go.Figure(fig)
    series: dict[str, dict[object, object]] = {}
    order: list[object] = []
    axis = _clean(fig.layout.xaxis.title.text) or "Kategorie"
    for trace in fig.data:
        if trace.type in ("bar", "scatter"):
            horizontal = getattr(trace, "orientation", None) == "h"
            cats, vals = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
            if horizontal:
                axis = _clean(fig.layout.yaxis.title.text) or "Kategorie"
        elif trace.type == "pie":
            cats, vals = trace.labels, trace.values
        else:
            continue
        if cats is None or vals is None:
            continue
        text_only = trace.type == "scatter" and trace.mode == "text"
        name = _clean(trace.name) or ("Summe" if text_only else "Wert")
        column = series.setdefault(name, {})
        for cat, val in zip(list(cats), list(vals), strict=False):
            cat = _clean(cat) if isinstance(cat, str) else cat
            if cat not in order:
                order.append(cat)
            column[cat] = val
    header = [axis, *series]
    rows = [[cat, *(series[s].get(cat) for s in series)] for cat in order]
    return header, rows


def summary_sentence(name: str, fig: go.Figure) -> str:
    """One German sentence: what the chart shows and its largest and smallest value."""
    header, rows = figure_rows(fig)
    if not rows:
        return f"{name}: keine Werte."
    if len(header) == 2:
        values = [(r[0], r[1]) for r in rows if isinstance(r[1], int | float)]
        if len(values) >= 2:
            hi = max(values, key=lambda v: v[1])
            lo = min(values, key=lambda v: v[1])
            return (
                f"{name}: {len(rows)} Werte, am höchsten {_fmt(hi[0])} mit "
                f"{_fmt(hi[1])}, am niedrigsten {_fmt(lo[0])} mit {_fmt(lo[1])}."
            )
    series = header[1:]
    parts = (
        ", ".join(series[:-1]) + f" und {series[-1]}" if len(series) > 1 else series[0]
    )
    cats = [_fmt(r[0]) for r in rows]
    listed = ", ".join(cats) if len(cats) <= 6 else f"{cats[0]} bis {cats[-1]}"
    return f"{name}: {parts} je {header[0]} ({listed})."


def chart_caption(fig: go.Figure, name: str, summary: str | None = None) -> list:
    """The sentence (with the Beschlüsse marked on the chart) and the collapsed
    table, for a ``<figcaption>``."""
    header, rows = figure_rows(fig)
    text = summary or summary_sentence(name, fig)
    sentence = html.P(
        " ".join(filter(None, [text, marked_sentence(fig)])),
        className="im-chart-summary",
    )
    if not rows:  # maps: their numbers stand in the page's own table
        return [sentence]
    table = plain_table(
        [html.Th(_fmt(h), scope="col") for h in header],
        [
            html.Tr(
                [html.Th(_fmt(r[0]), scope="row")] + [html.Td(_fmt(v)) for v in r[1:]]
            )
            for r in rows
        ],
    )
    return [
        sentence,
        html.Details([html.Summary(TABLE_SUMMARY), table], className="im-chart-table"),
    ]


def accessible_graph(
    graph: dcc.Graph,
    name: str,
    summary: str | None = None,
    caption_id: str | None = None,
    visible: bool = True,
) -> html.Figure:
    """``graph`` as a named figure with its sentence and table.

    ``caption_id`` names the caption for a callback that redraws the chart;
    ``visible=False`` keeps the caption for screen readers only (slides).
    """
    caption = chart_caption(graph.figure, name, summary) if graph.figure else []
    extra = {"id": caption_id} if caption_id else {}
    return html.Figure(
        [
            graph,
            html.Figcaption(
                caption,
                className="im-chart-caption" + ("" if visible else " visually-hidden"),
                **extra,
            ),
        ],
        className="im-chart",
        **{"aria-label": name},
    )
