"""Beschlüsse as annotations on trend charts: a dashed vertical line and a short label.

Labels sit in rows at the top of the plot area, in headroom the chart keeps free for
them, so they never cover bars, points or each other. Each label's annotation is
named ``MARK_NAME`` and carries the full description as ``hovertext``; the chart's
text alternative (``dashboard.components.chart_text``) reads them from the figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from dashboard.formatting import fmt_stand

MARK_NAME = "beschluss"
LINE_COLOR = "#4d4d4d"  # 8.5:1 on white
ROW_PX = 20  # one label row
FONT_SIZE = 13
CHAR_PX = 7.5  # average label character at FONT_SIZE, for spacing the rows
ASSUMED_PLOT_PX = (
    450  # narrowest plot the charts get (Überblick at 1024 px): rows never collide
)


@dataclass(frozen=True)
class Mark:
    x: object  # position on the chart's x axis
    frac: float  # the same position as a fraction of the axis (0 … 1)
    label: str
    text: str


def short_label(row: pd.Series) -> str:
    """``Beschluss Kreistag 16/6/0289``, or the date when the body gives no number."""
    return f"Beschluss {row['gremium']} {row['nummer'] or fmt_stand(row['datum'])}"


def heading(row: pd.Series) -> str:
    """``Kreistag, Beschluss Nr. 16/6/0289 vom 17.03.2016``."""
    number = f" Nr. {row['nummer']}" if row["nummer"] else ""
    return f"{row['gremium']}, Beschluss{number} vom {fmt_stand(row['datum'])}"


def describe(row: pd.Series) -> str:
    """``Kreistag, Beschluss Nr. 16/6/0289 vom 17.03.2016: …`` (one sentence)."""
    return f"{heading(row)}: {row['text']}"


def _school_year_start(year: str) -> date:
    return date(int(year[:4]), 8, 1)


def school_year_marks(decisions: pd.DataFrame, years: list[str]) -> list[Mark]:
    """Marks on a category axis of school years (``2015/16`` = 01.08.2015–31.07.2016).

    A Beschluss sits inside its school year in proportion to its date; Beschlüsse
    before the first or after the last year shown are left out.
    """
    out = []
    for _, row in decisions.iterrows():
        day = date.fromisoformat(row["datum"])
        for i, year in enumerate(years):
            start = _school_year_start(year)
            end = date(start.year + 1, 8, 1)
            if start <= day < end:
                pos = i - 0.5 + (day - start).days / (end - start).days
                frac = (pos + 0.5) / len(years)
                out.append(Mark(pos, frac, short_label(row), describe(row)))
    return out


def date_marks(decisions: pd.DataFrame, first: object, last: object) -> list[Mark]:
    """Marks on a date axis for the Beschlüsse between ``first`` and ``last``."""
    lo, hi = pd.Timestamp(first), pd.Timestamp(last)
    span = (hi - lo).total_seconds() or 1.0
    out = []
    for _, row in decisions.iterrows():
        when = pd.Timestamp(row["datum"])
        if lo <= when <= hi:
            frac = (when - lo).total_seconds() / span
            out.append(Mark(row["datum"], frac, short_label(row), describe(row)))
    return out


def _rows(marks: list[Mark], plot_px: float) -> list[int]:
    """A label row per mark: the first row whose last label ends before it starts."""
    ends: list[float] = []
    rows = []
    for mark in sorted(marks, key=lambda m: m.frac):
        width = (len(mark.label) * CHAR_PX + 12) / plot_px
        start = mark.frac - width if mark.frac > 0.6 else mark.frac
        row = next((r for r, end in enumerate(ends) if end < start), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = start + width
        rows.append(row)
    order = sorted(range(len(marks)), key=lambda i: marks[i].frac)
    return [rows[order.index(i)] for i in range(len(marks))]


AXIS_PX = 40  # tick labels and axis title below the plot


def plot_height(fig: go.Figure, default: float = 420) -> float:
    """The plot area's height in pixels, at least (``default``: the smallest height
    the page gives the figure when the figure does not fix one)."""
    margin = fig.layout.margin
    height = fig.layout.height or default
    return height - (margin.t or 0) - (margin.b or 0) - AXIS_PX


def headroom(marks: list[Mark], height_px: float) -> float:
    """The share of a plot ``height_px`` high that the label rows need at its top."""
    if not marks:
        return 0.0
    rows = max(_rows(marks, ASSUMED_PLOT_PX)) + 1
    return min(0.6, (rows * ROW_PX + 12) / height_px)


def keep_free(lo: float, hi: float, share: float) -> list[float]:
    """A y range showing ``lo``…``hi`` with the top ``share`` of the plot left free."""
    return [lo, lo + (hi - lo) / (1 - share)]


def add_marks(fig: go.Figure, marks: list[Mark]) -> None:
    """Draw each mark: a dashed line behind the data and its label in its row."""
    rows = _rows(marks, ASSUMED_PLOT_PX)
    for mark, row in zip(marks, rows, strict=True):
        fig.add_shape(
            type="line",
            x0=mark.x,
            x1=mark.x,
            xref="x",
            y0=0,
            y1=1,
            yref="paper",
            line={"color": LINE_COLOR, "width": 2, "dash": "dash"},
            layer="between",
            name=MARK_NAME,
        )
        right = mark.frac > 0.6
        fig.add_annotation(
            x=mark.x,
            xref="x",
            y=1,
            yref="paper",
            yanchor="top",
            yshift=-row * ROW_PX,
            xanchor="right" if right else "left",
            xshift=-4 if right else 4,
            text=mark.label,
            hovertext=mark.text,
            showarrow=False,
            font={"size": FONT_SIZE, "color": LINE_COLOR},
            bgcolor="rgba(255,255,255,0.85)",
            name=MARK_NAME,
        )


def marked(fig: go.Figure) -> list[str]:
    """The descriptions of the Beschlüsse marked on ``fig``, in axis order."""
    return [
        a.hovertext
        for a in go.Figure(fig).layout.annotations
        if a.name == MARK_NAME and a.hovertext
    ]


def marked_sentence(fig: go.Figure) -> str:
    """The Beschlüsse marked on ``fig`` as one German sentence ("" if none)."""
    texts = [t.rstrip(".") for t in marked(fig)]
    if not texts:
        return ""
    head = "Markierter Beschluss" if len(texts) == 1 else "Markierte Beschlüsse"
    return f"{head}: {'; '.join(texts)}."
