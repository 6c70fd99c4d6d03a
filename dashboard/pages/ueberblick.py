"""Überblick: the county's key figures from the concept, each with source and Stand.

Reads schools, DaZ enrolment, key figures, Handlungsfelder, goals and Leitlinien from
the store; writes nothing.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import current, ids, labels, services
from dashboard.components import changes_views as cv
from dashboard.components import reporting
from dashboard.components.cards import figure_links, kpi_card, source_note
from dashboard.components.chart_text import accessible_graph
from dashboard.components.daz_views import trend_note
from dashboard.components.goal_views import overview_cards
from dashboard.components.graph import graph_config
from dashboard.figures.daz import capacity_by_group, daz_trend
from dashboard.formatting import fmt_num, fmt_pct, fmt_stand

dash.register_page(
    __name__,
    path="/",
    name=labels.NAV_UEBERBLICK,
    title=labels.APP_TITLE,
    nav_order=0,
    plotly_preload=True,  # draws charts on every visit (dashboard.plotly_js)
)


def _kpis(repo, snap) -> list[dbc.Col]:  # noqa: ANN001
    figures = repo.table("kennzahlen").set_index("kennzahl_id")
    en, sf = snap.enrolment(), snap.schools()
    schools = sf.frame
    growth = (
        f"{fmt_num(en.previous_total)} im Schuljahr {en.previous_year} ({fmt_pct(en.total / en.previous_total - 1)})"
        if en.previous_year
        else None
    )
    pupils, reserve = schools["vka_schueler"].sum(), schools["kapazitaetsreserve"].sum()
    places = pupils + reserve if pd.notna(reserve) else None

    def figure(key: str, label: str) -> tuple[str, str, str]:
        """Value, label naming the figure's own date (beside newer school years it
        must not read as current) and source line, all from the row."""
        row = figures.loc[key]
        return (
            fmt_num(row["wert"]),
            labels.KPI_AS_OF.format(label=label, stand=fmt_stand(row["stand"])),
            f"Quelle: {row['quelle']}, {row['fundstelle']}; Stand {fmt_stand(row['stand'])}",
        )

    asyl, asyl_label, asyl_src = figure(
        "asylbewerber_2017", "Asylbewerber im Landkreis"
    )
    buendnisse, b_label, b_src = figure(
        "buendnisse_max", "ehrenamtliche Bündnisse und Initiativen"
    )
    kik, kik_label, kik_src = figure(
        "integrationskoordinatoren",
        "kommunale Integrations\u00adkoordinatoren (je Sozialraum)",
    )
    cards = [
        kpi_card(
            fmt_num(en.total),
            f"DaZ-Schüler im Schuljahr {en.year}",
            en.source.text(),
            f"gegenüber {growth}" if growth else None,
            term="daz",
        ),
        kpi_card(
            fmt_num(pupils),
            f"Schüler in {fmt_num(schools['vka_klassen'].sum())} Vorbereitungsklassen an "
            f"{len(schools)} Schulen im Schuljahr {sf.year}",
            sf.source.text(),
            term="vka",
        ),
        kpi_card(
            fmt_num(reserve),
            f"freie Plätze (Kapazitätsreserve) im Schuljahr {sf.year}",
            sf.source.text(),
            f"Auslastung {fmt_pct(pupils / places)}" if places else None,
            term="kapazitaetsreserve",
        ),
        kpi_card(asyl, asyl_label, asyl_src, term="asyl"),
        kpi_card(f"bis {buendnisse}", b_label, b_src, term="akteur"),
        kpi_card(kik, kik_label, kik_src, term="sozialraum"),
    ]
    return [dbc.Col(c, xs=12, sm=6, lg=4, xl=2, class_name="mb-3") for c in cards]


def _handlungsfelder(repo, snap) -> html.Div:  # noqa: ANN001
    """Goal status per Handlungsfeld from the goal register (same cards as /ziele)."""
    goals = repo.table("ziele")
    cur = snap.goals()
    return html.Div(
        [
            html.Div(
                overview_cards(repo.table("handlungsfelder"), goals, cur),
                id=ids.UEB_HF_LIST,
            ),
            source_note(
                f"Quelle der Ziele: {labels.KONZEPT}, Kap. 4; Stand {fmt_stand(goals['stand'].max())}. "
                "Bewertungen: Zielregister der Lenkungsgruppe (siehe „Ziele“)."
            ),
        ]
    )


def _leitlinien(repo) -> html.Details:  # noqa: ANN001
    rows = repo.table("leitlinien")
    return html.Details(
        [
            html.Summary(f"Die {len(rows)} Integrationsleitlinien", className="h5"),
            html.Ol(
                [
                    html.Li([html.Strong(r.leitlinie), html.Br(), r.erlaeuterung])
                    for r in rows.itertuples()
                ]
            ),
            source_note(
                f"Quelle: {labels.KONZEPT}, Kap. 2; Stand {fmt_stand(rows['stand'].max())}"
            ),
        ],
        className="mt-2",
    )


def layout(berichtsstand: str = "", **_query: str) -> html.Div:
    repo = services.get().repo
    snap = current.snapshot(berichtsstand=berichtsstand)
    en, sf = snap.enrolment(), snap.schools()
    page = html.Div(
        [
            html.H1(labels.APP_SUBTITLE, className="h2 mb-3"),
            reporting.bar(snap, "/", {}),
            dbc.Row(_kpis(repo, snap), id=ids.UEB_KPIS),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.H2(
                                "DaZ-Schüler nach Schuljahr und Phase", className="h4"
                            ),
                            html.P(
                                trend_note(en.history["schuljahr"].nunique()),
                                className="mb-1",
                            ),
                            accessible_graph(
                                dcc.Graph(
                                    id=ids.UEB_DAZ_GRAPH,
                                    figure=daz_trend(en.history, snap.decisions()),
                                    config=graph_config("DaZ-Schüler_nach_Schuljahr"),
                                    style={"height": "360px"},
                                ),
                                "DaZ-Schüler nach Schuljahr und Phase",
                            ),
                            source_note(en.source.text()),
                            figure_links("daz-schueler"),
                        ],
                        lg=6,
                        class_name="mb-4",
                    ),
                    dbc.Col(
                        [
                            html.H2(
                                f"Plätze in Vorbereitungsklassen je Sozialraum, Schuljahr {sf.year}",
                                className="h4",
                            ),
                            html.P(
                                labels.SOZIALRAUM_HINWEIS, className="im-warning mb-1"
                            ),
                            accessible_graph(
                                dcc.Graph(
                                    id=ids.UEB_SR_GRAPH,
                                    figure=capacity_by_group(sf.frame, "sozialraum"),
                                    config=graph_config("Plätze_je_Sozialraum"),
                                    style={"height": "360px"},
                                ),
                                f"Plätze in Vorbereitungsklassen je Sozialraum, Schuljahr {sf.year}",
                            ),
                            source_note(
                                f"{sf.source.text()}; Zuordnung der Gemeinden: Arbeitsannahme"
                            ),
                            figure_links("plaetze-sozialraum"),
                        ],
                        lg=6,
                        class_name="mb-4",
                    ),
                ]
            ),
            html.H2("Status der Ziele je Handlungsfeld", className="h4"),
            cv.overview_matrix(snap),
            html.H2("Handlungsfelder", className="h4 mt-3"),
            _handlungsfelder(repo, snap),
            _leitlinien(repo),
        ]
    )
    return reporting.keep(page, snap)
