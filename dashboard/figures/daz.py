"""Figures of DaZ enrolment and school capacity."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures import beschluesse as marks
from dashboard.figures.template import OKABE_ITO, TEMPLATE
from dashboard.formatting import fmt_num

PHASE_COLORS = {"DaZ 1/2": OKABE_ITO[0], "DaZ 3": OKABE_ITO[1]}
# Schools drawn or listed at once (the county has 19 DaZ schools, all shown): a chart
# or table of every school would grow with the data; the rest are on demand.
TOP_SCHOOLS = 20


def daz_trend(
    enrolment: pd.DataFrame, decisions: pd.DataFrame | None = None
) -> go.Figure:
    """Stacked bars of DaZ pupils per school year and phase, with totals on top.

    Parameters
    ----------
    enrolment : pandas.DataFrame
        Landkreis rows of ``daz_schuljahre`` (``schuljahr``, ``phase``, ``schueler``).
    decisions : pandas.DataFrame, optional
        Beschlüsse that count (``dashboard.current.decisions``); those within the
        school years shown are marked (``dashboard.figures.beschluesse``).
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
    shown = []
    if decisions is not None and len(decisions):
        shown = marks.school_year_marks(decisions, list(wide.index))
    # the smallest this chart is shown: 360 px on the Überblick, with its legend above
    free = marks.headroom(shown, marks.plot_height(fig, 360) - 30)
    fig.update_yaxes(
        title_text="Schüler",
        rangemode="tozero",
        range=marks.keep_free(0, totals.max() * 1.18, free),
    )
    marks.add_marks(fig, shown)
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


def utilisation_by_school(cap: pd.DataFrame, limit: int = TOP_SCHOOLS) -> go.Figure:
    """Auslastung per school, fullest first; colour and text both say how full.

    At most ``limit`` schools, the fullest; a title says so when some are left out.
    """
    ranked = cap.dropna(subset=["auslastung"]).sort_values("auslastung", kind="stable")
    data = ranked.tail(limit)
    bands = [
        (0.95, OKABE_ITO[5], "≥ 95 % – ausgeschöpft"),
        (0.8, OKABE_ITO[1], "80–95 % – knapp"),
        (-1, OKABE_ITO[0], "unter 80 %"),
    ]
    fig = go.Figure(layout={"template": TEMPLATE, "barmode": "overlay"})
    for i, (lower, color, name) in enumerate(bands):
        upper = bands[i - 1][0] if i else 10
        part = data[(data["auslastung"] >= lower) & (data["auslastung"] < upper)]
        fig.add_bar(
            y=part["name_dokument"],
            x=part["auslastung"] * 100,
            orientation="h",
            name=name,
            marker_color=color,
            text=[
                f"{fmt_num(a * 100)} % ({fmt_num(r)} frei)"
                for a, r in zip(
                    part["auslastung"], part["kapazitaetsreserve"], strict=True
                )
            ],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>Auslastung %{x:.1f} %<extra></extra>",
        )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=data["name_dokument"].tolist(),
        tickfont={"size": 13},
    )
    fig.update_xaxes(
        title_text="Auslastung der DaZ-Plätze (%)", range=[0, 135], ticksuffix=" %"
    )
    fig.update_layout(height=max(320, 30 * len(data) + 110), margin={"r": 20})
    if len(ranked) > limit:
        fig.update_layout(
            title={
                "text": f"Die {limit} am stärksten ausgelasteten von "
                f"{fmt_num(len(ranked))} Schulen",
                "font": {"size": 14},
            },
            margin={"t": 50},
        )
    return fig


def scenario_by_area_figure(area: pd.DataFrame) -> go.Figure:
    """Calculated pupils vs places per Sozialraum (labelled as a calculation)."""
    fig = go.Figure(layout={"template": TEMPLATE, "barmode": "group"})
    fig.add_bar(
        x=area["sozialraum"],
        y=area["plaetze"],
        name="Plätze (beobachtet)",
        marker_color=OKABE_ITO[4],
        text=[fmt_num(v) for v in area["plaetze"]],
        textposition="outside",
    )
    fig.add_bar(
        x=area["sozialraum"],
        y=area["szenario_schueler"],
        name="Schüler laut Berechnung",
        marker_color=OKABE_ITO[5],
        marker_pattern_shape="/",
        text=[fmt_num(v) for v in area["szenario_schueler"]],
        textposition="outside",
    )
    fig.update_yaxes(title_text="Schüler bzw. Plätze", rangemode="tozero")
    return fig
