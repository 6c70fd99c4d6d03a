"""Figures of DaZ enrolment and school capacity."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.template import OKABE_ITO, TEMPLATE
from dashboard.formatting import fmt_num

PHASE_COLORS = {"DaZ 1/2": OKABE_ITO[0], "DaZ 3": OKABE_ITO[1]}


def daz_trend(enrolment: pd.DataFrame) -> go.Figure:
    """Stacked bars of DaZ pupils per school year and phase, with totals on top.

    Parameters
    ----------
    enrolment : pandas.DataFrame
        Landkreis rows of ``daz_schuljahre`` (``schuljahr``, ``phase``, ``schueler``).
    """
    wide = enrolment.pivot_table(
        index="schuljahr", columns="phase", values="schueler", aggfunc="sum"
    )
    wide = wide.sort_index()
    fig = go.Figure(layout={"template": TEMPLATE, "barmode": "stack"})
    for phase in wide.columns:
        fig.add_bar(
            x=wide.index,
            y=wide[phase],
            name=phase,
            marker_color=PHASE_COLORS.get(phase),
            text=[fmt_num(v) for v in wide[phase]],
            textposition="inside",
            insidetextfont={
                "size": 18,
                "color": "white" if phase == "DaZ 1/2" else "black",
            },
            hovertemplate=f"{phase}<br>Schuljahr %{{x}}: %{{y:,.0f}} Schüler<extra></extra>",
        )
    totals = wide.sum(axis=1)
    fig.add_scatter(
        x=wide.index,
        y=totals,
        mode="text",
        text=[f"<b>{fmt_num(v)}</b>" for v in totals],
        textposition="top center",
        textfont={"size": 18},
        showlegend=False,
        hoverinfo="skip",
    )
    fig.update_xaxes(type="category", title_text="Schuljahr")
    fig.update_yaxes(
        title_text="Schüler", rangemode="tozero", range=[0, totals.max() * 1.18]
    )
    return fig


def capacity_by_group(schools: pd.DataFrame, group: str) -> go.Figure:
    """Horizontal stacked bars: VKA pupils and remaining reserve per ``group``."""
    agg = schools.groupby(group, as_index=False)[
        ["vka_schueler", "kapazitaetsreserve"]
    ].sum()
    agg = agg.sort_values("vka_schueler")
    fig = go.Figure(layout={"template": TEMPLATE, "barmode": "stack"})
    for col, name, color in [
        ("vka_schueler", "VKA-Schüler", OKABE_ITO[0]),
        ("kapazitaetsreserve", "Kapazitätsreserve (freie Plätze)", OKABE_ITO[4]),
    ]:
        fig.add_bar(
            y=agg[group],
            x=agg[col],
            name=name,
            orientation="h",
            marker_color=color,
            text=[fmt_num(v) for v in agg[col]],
            textposition="inside",
            insidetextfont={"size": 16},
            hovertemplate=f"%{{y}}<br>{name}: %{{x:,.0f}}<extra></extra>",
        )
    fig.update_xaxes(title_text="Plätze in Vorbereitungsklassen")
    return fig
