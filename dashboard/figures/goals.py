"""Small indicator chart: baseline, measured values and target."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import beschluesse as marks
from dashboard.figures.template import OKABE_ITO, TEMPLATE
from dashboard.formatting import fmt_num


def mark_decisions(
    fig: go.Figure, decisions: pd.DataFrame | None, xs: list, ys: list
) -> go.Figure:
    """Mark the Beschlüsse between the first and last date ``xs`` of the chart,
    keeping the top of the plot free for their labels (``ys``: every y value shown)."""
    dates = [pd.Timestamp(x) for x in xs if isinstance(x, str) and x]
    if decisions is None or decisions.empty or not dates:
        return fig
    shown = marks.date_marks(decisions, min(dates), max(dates))
    if not shown:
        return fig
    numbers = [float(y) for y in ys if pd.notna(y)]
    lo, hi = (min(numbers), max(numbers)) if numbers else (0.0, 1.0)
    pad = (hi - lo) * 0.15 or abs(hi) * 0.15 or 1.0
    free = marks.headroom(shown, marks.plot_height(fig, 380))
    fig.update_yaxes(range=marks.keep_free(lo - pad, hi + pad, free))
    marks.add_marks(fig, shown)
    return fig


def indicator_chart(
    indicator: pd.Series, values: pd.DataFrame, decisions: pd.DataFrame | None = None
) -> go.Figure:
    """Baseline and measured values over time; the target as a dashed line if set;
    the Beschlüsse in that time marked (``decisions``: ``dashboard.current.decisions``)."""
    x = [indicator["basis_datum"], *values["datum"]]
    y = [indicator["basis_wert"], *values["wert"]]
    fig = go.Figure(
        layout={
            "template": TEMPLATE,
            "height": 160,
            "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
            "showlegend": False,
        }
    )
    fig.add_scatter(
        x=x,
        y=y,
        mode="lines+markers",
        marker={"size": 10, "color": OKABE_ITO[0]},
        line={"color": OKABE_ITO[0]},
        hovertemplate="%{x|%d.%m.%Y}: %{y:,.1f}<extra></extra>",
    )
    if pd.notna(indicator["ziel_wert"]):
        fig.add_hline(
            y=indicator["ziel_wert"],
            line_dash="dash",
            line_color=OKABE_ITO[2],
            annotation_text="Ziel",
            annotation_position="top left",
        )
    fig.update_xaxes(type="date", tickformat="%m/%Y")
    return mark_decisions(fig, decisions, x, [*y, indicator["ziel_wert"]])


def indicator_detail_chart(
    indicator: pd.Series, values: pd.DataFrame, decisions: pd.DataFrame | None = None
) -> go.Figure:
    """The indicator page's chart: baseline, Landkreis values, target value and date,
    and the Beschlüsse in that time."""
    fig = go.Figure(
        layout={"template": TEMPLATE, "margin": {"l": 10, "r": 10, "t": 30, "b": 10}}
    )
    if pd.notna(indicator["basis_wert"]):
        fig.add_scatter(
            x=[indicator["basis_datum"]],
            y=[indicator["basis_wert"]],
            mode="markers",
            name="Basiswert",
            marker={"size": 14, "symbol": "diamond", "color": OKABE_ITO[4]},
            hovertemplate="Basiswert %{x|%d.%m.%Y}: %{y:,.1f}<extra></extra>",
        )
    fig.add_scatter(
        x=values["datum"],
        y=values["wert"],
        mode="lines+markers+text",
        name="Messwerte",
        text=[fmt_num(v, 0 if float(v).is_integer() else 1) for v in values["wert"]],
        textposition="top center",
        marker={"size": 11, "color": OKABE_ITO[0]},
        line={"color": OKABE_ITO[0], "width": 3},
        hovertemplate="%{x|%d.%m.%Y}: %{y:,.1f}<extra></extra>",
    )
    if pd.notna(indicator["ziel_wert"]):
        fig.add_hline(
            y=indicator["ziel_wert"],
            line_dash="dash",
            line_color=OKABE_ITO[2],
            annotation_text="Zielwert",
            annotation_position="top left",
        )
        if indicator["ziel_datum"]:
            fig.add_scatter(
                x=[indicator["ziel_datum"]],
                y=[indicator["ziel_wert"]],
                mode="markers",
                name="Ziel (Datum)",
                marker={"size": 14, "symbol": "star", "color": OKABE_ITO[2]},
                hovertemplate="Ziel bis %{x|%d.%m.%Y}: %{y:,.1f}<extra></extra>",
            )
    fig.update_xaxes(type="date", tickformat="%m/%Y")
    fig.update_layout(
        legend={
            "orientation": "h",
            "x": 1,
            "xanchor": "right",
            "y": 1.02,
            "yanchor": "bottom",
        },
        margin={"t": 50},
    )
    xs = [indicator["basis_datum"], *values["datum"], indicator["ziel_datum"]]
    ys = [indicator["basis_wert"], *values["wert"], indicator["ziel_wert"]]
    return mark_decisions(fig, decisions, xs, ys)
