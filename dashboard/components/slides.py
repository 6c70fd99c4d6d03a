"""Slides of the Sitzungsmodus. Each slide: title, content sized to fit, source line.

They reuse the figure builders of the other views; nothing is computed twice here.
Goal slides are in ``goal_slides``.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from dashboard import ids, labels
from dashboard.components.chart_text import MAP_SUMMARY, accessible_graph
from dashboard.components.graph import graph_config
from dashboard.data.indicators import INDICATORS
from dashboard.figures.karte_static import HALO
from dashboard.formatting import fmt_num
from dashboard.reports.summary import KeyFigure

GRAPH = graph_config("Sitzung_Folie")
FIELDS = ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6"]
DEFAULT_AGENDA = [
    "ueberblick",
    "karte",
    "daz",
    "szenario",
    *[f"hf-{f}" for f in FIELDS],
    "offen",
]
SLIDE_TITLES = {
    "ueberblick": "Überblick",
    "karte": "Karte",
    "daz": "DaZ: Entwicklung und Plätze",
    "szenario": "Szenario (Berechnung)",
    "offen": "Offene Punkte",
    "veraenderungen": "Veränderungen seit der letzten Sitzung",  # issue 10
    **{f"hf-{f}": f"Handlungsfeld {f}" for f in FIELDS},
}


def source_line(parts: list[tuple[str, str]]) -> str:
    """A footer naming each figure's source once: ``(what, source text)`` pairs;
    figures with the same source share one mention ("DaZ-Schüler 2017/18 und
    Schulen 2017/18: Quelle: …")."""
    shared: dict[str, list[str]] = {}
    for what, text in parts:
        shared.setdefault(text, []).append(what)
    return " · ".join(
        f"{' und '.join(whats)}: {text}" for text, whats in shared.items()
    )


def slide(
    key: str, title: str, body: list, source: str, tools: list | None = None
) -> html.Section:
    """One slide; ``tools`` (e.g. the map's indicator select) sit beside the title."""
    return html.Section(
        [
            html.Div(
                [html.H1(title, className="im-slide-title"), *(tools or [])],
                className="im-slide-head",
            ),
            html.Div(body, className="im-slide-body"),
            html.Footer(
                [
                    html.Span(source, className="im-slide-source"),
                    html.Span(className="im-slide-number"),
                ],
                className="im-slide-footer",
            ),
        ],
        className="im-slide",
        id=f"folie-{key}",
        **{"data-key": key, "aria-label": title},
    )


def kpi_slide(
    figures: list[KeyFigure], concept: list[tuple[str, str]], source: str
) -> html.Section:
    """Key figures, each with its scope (Landkreis or the chosen Sozialraum)."""

    def cell(value: str, label: str, scope: str, width: int) -> dbc.Col:
        return dbc.Col(
            html.Div(
                [
                    html.Div(value, className="im-slide-kpi"),
                    html.Div(label, className="im-slide-kpi-label"),
                    html.Div(scope, className="im-slide-scope"),
                ]
            ),
            width=width,
            class_name="mb-3",
        )

    first = [
        cell(k.value, k.label, k.scope + (f" · {k.change}" if k.change else ""), 3)
        for k in figures
    ]
    second = [cell(v, t, "Landkreis, laut Konzept", 4) for v, t in concept]
    return slide(
        "ueberblick",
        "Überblick: Integrationskonzept Landkreis Meißen",
        [dbc.Row(first), dbc.Row(second)],
        source,
    )


def map_slide(
    figure,  # noqa: ANN001
    source: str,
    indicator: str,
    area: str | None,
    options: list[dict] | None = None,
    berichtsstand: int | None = None,
) -> html.Section:
    """The map slide; ``options`` are the indicator choices (default: the built-in
    measures), ``berichtsstand`` the Berichtsstand whose data a recolour uses."""
    select = dbc.Select(
        id=ids.DECK_MAP_INDICATOR,
        value=indicator,
        class_name="im-slide-select",
        options=options
        or [{"label": i.label, "value": k} for k, i in INDICATORS.items()],
    )
    tool = html.Div(
        [
            dbc.Label(
                "Kennzahl der Karte",
                html_for=ids.DECK_MAP_INDICATOR,
                class_name="visually-hidden",
            ),
            select,
            dcc.Store(id=ids.DECK_BERICHTSSTAND, data=berichtsstand),
        ],
        className="im-slide-tool",
    )
    level = f"Sozialräume, {area} markiert" if area else "Gemeinden"
    return slide(
        "karte",
        f"Karte: {level}",
        [
            accessible_graph(
                dcc.Graph(
                    id=ids.DECK_MAP,
                    figure=figure,
                    className="im-slide-map",
                    config=GRAPH,
                    responsive=True,
                ),
                "Karte des Landkreises",
                MAP_SUMMARY,
                visible=False,
            )
        ],
        f"{source}; {labels.BKG_ATTRIBUTION}."
        # the Sozialraum caveat only where the map shows Sozialräume
        + (f" Sozialräume: {labels.SOZIALRAUM_HINWEIS}." if area else ""),
        tools=[tool],
    )


def label_positions(
    lon: list[float],
    lat: list[float],
    names: list[str],
    px_lon: float = 780,
    px_lat: float = 1140,
    char_px: float = 10,
    line_px: float = 17,
) -> list[str]:
    """Text positions that pull neighbouring names apart (Zeithain / Wülknitz).

    Two names whose boxes would overlap on the 1024x768 slide map (about 780 px per
    degree of longitude, 1140 per degree of latitude, 15 px bold type) move apart
    vertically: the northern one above its point, the southern one below.
    """
    pos = ["middle center"] * len(names)
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            dx = abs(lon[i] - lon[j]) * px_lon
            dy = abs(lat[i] - lat[j]) * px_lat
            if dx < (len(names[i]) + len(names[j])) * char_px / 2 and dy < line_px:
                north, south = (i, j) if lat[i] >= lat[j] else (j, i)
                if pos[north] == "middle center":
                    pos[north] = "top center"
                if pos[south] == "middle center":
                    pos[south] = "bottom center"
    return pos


def projector_map(fig: go.Figure) -> go.Figure:
    """Slide-size legend and area names on top of every marker, with a halo."""
    out = go.Figure(fig)
    labels_ = [t for t in out.data if getattr(t, "mode", None) == "text"]
    others = [t for t in out.data if getattr(t, "mode", None) != "text"]
    out.data = others + labels_  # drawn last = never hidden by school markers
    for t in labels_:
        t.textfont = {"size": 15, "color": "#000", "shadow": HALO, "weight": 700}
        t.textposition = label_positions(list(t.lon), list(t.lat), list(t.text))
    out.update_traces(
        selector={"type": "choropleth"},
        colorbar={
            "tickfont": {"size": 20},
            "title": {"font": {"size": 20}},
            "thickness": 26,
            "len": 0.9,
        },
    )
    out.layout.annotations = ()  # the slide footer carries the BKG attribution
    out.update_layout(
        legend={"font": {"size": 18}, "orientation": "h", "x": 0, "y": 0},
        margin={"l": 0, "r": 0, "t": 0, "b": 30},
    )
    return out


def projector_chart(fig: go.Figure) -> go.Figure:
    """Slide-size type for a chart built for the desktop views."""
    return go.Figure(fig).update_layout(font_size=20, legend_font_size=20)


def daz_slide(
    trend, capacity, area: str | None, year: str, source: str
) -> html.Section:  # noqa: ANN001
    by = "Schulart" if area else "Sozialraum"
    scope = f"Sozialraum {area}" if area else "Landkreis"

    def graph(fig, caption: str) -> dbc.Col:  # noqa: ANN001
        return dbc.Col(
            [
                html.H2(caption, className="im-slide-subtitle"),
                accessible_graph(
                    dcc.Graph(figure=fig, config=GRAPH, className="im-slide-chart"),
                    caption,
                    visible=False,
                ),
            ],
            width=6,
        )

    return slide(
        "daz",
        "DaZ: Schüler und Plätze in Vorbereitungsklassen",
        [
            dbc.Row(
                [
                    graph(trend, "DaZ-Schüler je Schuljahr – Landkreis"),
                    graph(capacity, f"Plätze je {by} – {scope}, {year}"),
                ]
            )
        ],
        source,
    )


def scenario_slide(change: int | None, year: str, source: str) -> html.Section:
    """Only a scenario chosen in the planner is shown, and always as a calculation."""
    slider = dcc.Slider(
        id=ids.DECK_SC_CHANGE,
        min=-50,
        max=200,
        step=10,
        value=change,
        marks={v: f"{v:+d} %" if v else "0 %" for v in range(-50, 201, 50)},
        allow_direct_input=False,
        className="im-slide-slider",
    )
    result = html.Div(id=ids.DECK_SC_RESULT, className="mt-3")
    if change is None:
        # the controls exist for the callback but stay hidden (and unfocusable)
        body = [
            html.P(
                "Für diese Sitzung wurde kein Szenario gewählt. Ein Szenario lässt "
                "sich unter „Sitzung planen“ festlegen."
            ),
            html.Div([slider, result], hidden=True),
        ]
    else:
        body = [
            html.P(
                f"Veränderung der DaZ-Schüler gegenüber Schuljahr {year} (Landkreis):"
            ),
            html.Div(slider, className="im-slide-slider-wrap"),
            result,
        ]
    return slide(
        "szenario",
        "Was wäre, wenn? – Berechnung, keine beobachteten Daten",
        body,
        f"Berechnung auf Basis der Schulen {year} – {source}",
    )


def scenario_summary(
    result: pd.DataFrame, area: pd.DataFrame, change: int, size: float
) -> list:
    over = result[result["ueber_kapazitaet"] > 0]
    if over.empty:
        verdict = "Berechnet: keine Schule über ihren Plätzen."
    else:
        verdict = (
            f"Berechnet: {len(over)} von {len(result)} Schulen über ihren Plätzen – "
            f"zusätzlich {fmt_num(over['extra_klassen'].sum())} VKA-Klassen nötig."
        )
    areas = [
        f"{r.sozialraum}: +{fmt_num(r.ueber_kapazitaet)} Schüler"
        for r in area.itertuples()
        if r.ueber_kapazitaet > 0
    ]
    return [
        html.P(verdict, className="fw-bold"),
        html.P(
            "Sozialräume über ihren Plätzen: "
            + (", ".join(areas) if areas else "keiner")
        ),
        html.P(
            f"Annahmen: {change:+d} % für alle Schularten, Plätze = Schüler + freie "
            f"Plätze, keine Verlagerung, {fmt_num(size, 1)} Schüler je Klasse.",
            className="im-slide-note",
        ),
    ]


def concept_figures(figures: pd.DataFrame) -> list[tuple[str, str]]:
    """Figures the concept states for the whole Landkreis (Stand 08.02.2017)."""
    f = figures.set_index("kennzahl_id")["wert"]
    return [
        (fmt_num(f["asylbewerber_2017"]), "Asylbewerber"),
        (f"bis {fmt_num(f['buendnisse_max'])}", "ehrenamtliche Bündnisse"),
        (fmt_num(f["integrationskoordinatoren"]), "Integrations\u00adkoordinatoren"),
    ]
