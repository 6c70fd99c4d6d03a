"""Slides of the Sitzungsmodus. Each slide: title, content sized to fit, source line.

They reuse the figure builders of the other views; nothing is computed twice here.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import ids, labels
from dashboard.components.goal_views import field_ids, status_badge
from dashboard.components.graph import graph_config
from dashboard.data.indicators import INDICATORS
from dashboard.formatting import fmt_num, fmt_pct

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
    **{f"hf-{f}": f"Handlungsfeld {f}" for f in FIELDS},
}


def slide(key: str, title: str, body: list, source: str) -> html.Section:
    return html.Section(
        [
            html.H1(title, className="im-slide-title"),
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
        **{"data-key": key},
    )


def kpi_slide(figures: list[tuple[str, str]], source: str) -> html.Section:
    cells = [
        dbc.Col(
            html.Div([html.Div(v, className="im-slide-kpi"), html.Div(t)]),
            width=4,
            class_name="mb-4",
        )
        for v, t in figures
    ]
    return slide("ueberblick", labels.APP_SUBTITLE, [dbc.Row(cells)], source)


def map_slide(figure, indicator: str, area: str | None, source: str) -> html.Section:  # noqa: ANN001
    select = dbc.Select(
        id=ids.DECK_MAP_INDICATOR,
        value=indicator,
        class_name="im-slide-select",
        options=[{"label": i.label, "value": k} for k, i in INDICATORS.items()],
    )
    title = "Karte" + (f" – Sozialraum {area}" if area else "")
    return slide(
        "karte",
        title,
        [
            dbc.Label(
                "Kennzahl der Karte",
                html_for=ids.DECK_MAP_INDICATOR,
                class_name="visually-hidden",
            ),
            select,
            dcc.Graph(
                id=ids.DECK_MAP,
                figure=figure,
                style={"height": "calc(100vh - 270px)"},
                config=GRAPH,
            ),
        ],
        f"{source}; {labels.BKG_ATTRIBUTION}. {labels.SOZIALRAUM_HINWEIS}.",
    )


def daz_slide(trend, capacity, source: str) -> html.Section:  # noqa: ANN001
    return slide(
        "daz",
        "DaZ: Schüler je Schuljahr und Plätze je Sozialraum",
        [
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Graph(
                            figure=trend,
                            config=GRAPH,
                            style={"height": "calc(100vh - 220px)"},
                        ),
                        width=6,
                    ),
                    dbc.Col(
                        dcc.Graph(
                            figure=capacity,
                            config=GRAPH,
                            style={"height": "calc(100vh - 220px)"},
                        ),
                        width=6,
                    ),
                ]
            )
        ],
        source,
    )


def scenario_slide(change: int, year: str, source: str) -> html.Section:
    control = dcc.Slider(
        id=ids.DECK_SC_CHANGE,
        min=-50,
        max=200,
        step=10,
        value=change,
        marks={v: f"{v:+d} %" if v else "0 %" for v in range(-50, 201, 50)},
    )
    return slide(
        "szenario",
        "Was wäre, wenn? – Berechnung, keine beobachteten Daten",
        [
            html.Label(
                f"Veränderung der DaZ-Schüler gegenüber Schuljahr {year}:",
                htmlFor=ids.DECK_SC_CHANGE,
                className="d-block",
            ),
            control,
            html.Div(id=ids.DECK_SC_RESULT, className="mt-3"),
        ],
        f"Berechnung auf Basis von {source}",
    )


def scenario_summary(
    result: pd.DataFrame, area: pd.DataFrame, change: int, size: float
) -> list:
    over = result[result["ueber_kapazitaet"] > 0]
    if over.empty:
        verdict = "Keine Schule überschreitet ihre Kapazität."
    else:
        verdict = (
            f"{len(over)} von {len(result)} Schulen über Kapazität – zusätzlich "
            f"{fmt_num(over['extra_klassen'].sum())} VKA-Klassen nötig."
        )
    areas = [
        f"{r.sozialraum}: +{fmt_num(r.ueber_kapazitaet)} Schüler"
        for r in area.itertuples()
        if r.ueber_kapazitaet > 0
    ]
    return [
        html.P(verdict, className="fw-bold"),
        html.P(
            "Sozialräume über Kapazität: " + (", ".join(areas) if areas else "keiner")
        ),
        html.P(
            f"Annahmen: {change:+d} % für alle Schularten, Kapazität = Schüler + Reserve, keine Verlagerung, "
            f"{fmt_num(size, 1)} Schüler je Klasse.",
            className="im-slide-note",
        ),
    ]


def field_slide(
    fields: pd.DataFrame, goals: pd.DataFrame, cur: pd.DataFrame, hf: str
) -> html.Section:
    part = goals[goals["hf_id"].isin(field_ids(fields, hf))].merge(cur, on="ziel_id")
    title = fields.set_index("hf_id").loc[hf, "titel"]
    rows = [
        html.Li(
            [
                status_badge(r.status),
                html.Span(
                    f" {r.ziel_id.removeprefix('Z-')} {r.text}",
                    className="im-slide-goal",
                ),
            ]
        )
        for r in part.itertuples()
    ]
    return slide(
        f"hf-{hf}",
        f"{hf} {title}",
        [html.Ul(rows, className="im-slide-goals")],
        f"Ziele: {labels.KONZEPT}, Kap. {hf} (Stand 08.02.2017); Status: Zielregister",
    )


def open_points_slide(goals: pd.DataFrame, cur: pd.DataFrame) -> html.Section:
    merged = goals.merge(cur, on="ziel_id")
    risky = merged[merged["status"] == "gefährdet"]
    unrated = int((merged["status"] == "noch nicht bewertet").sum())
    body = [
        html.P(
            f"{unrated} von {len(merged)} Zielen sind noch nicht bewertet.",
            className="fw-bold",
        )
    ]
    body.append(
        html.Ul(
            [
                html.Li(
                    [
                        status_badge(r.status),
                        html.Span(
                            f" {r.ziel_id.removeprefix('Z-')} {r.text}",
                            className="im-slide-goal",
                        ),
                    ]
                )
                for r in risky.itertuples()
            ],
            className="im-slide-goals",
        )
        if len(risky)
        else html.P("Kein Ziel ist als „gefährdet“ eingestuft.")
    )
    return slide(
        "offen", "Offene Punkte", body, "Zielregister des Integrationsmonitors"
    )


def kpis(
    schools: pd.DataFrame,
    school_year: str,
    en,
    figures: pd.DataFrame,  # noqa: ANN001
) -> list[tuple[str, str]]:
    """Key figures; ``en`` is ``dashboard.current.Enrolment``, each figure names its year."""
    pupils, reserve = schools["vka_schueler"].sum(), schools["kapazitaetsreserve"].sum()
    places = pupils + reserve if pd.notna(reserve) else None
    f = figures.set_index("kennzahl_id")["wert"]
    return [
        (fmt_num(en.total), f"DaZ-Schüler {en.year}"),
        (fmt_num(pupils), f"VKA-Schüler an {len(schools)} Schulen {school_year}"),
        (
            fmt_pct(pupils / places) if places else "–",
            f"Auslastung der DaZ-Plätze {school_year}",
        ),
        (fmt_num(f["asylbewerber_2017"]), "Asylbewerber (Konzept)"),
        (f"bis {fmt_num(f['buendnisse_max'])}", "ehrenamtliche Bündnisse"),
        (fmt_num(f["integrationskoordinatoren"]), "Integrations\u00adkoordinatoren"),
    ]
