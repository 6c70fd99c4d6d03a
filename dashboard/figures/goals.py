"""Small indicator chart: baseline, measured values and target."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.template import OKABE_ITO, TEMPLATE


def indicator_chart(indicator: pd.Series, values: pd.DataFrame) -> go.Figure:
    """Baseline and measured values over time; the target as a dashed line if set."""
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
    return fig
