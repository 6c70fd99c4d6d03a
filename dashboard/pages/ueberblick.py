"""Überblick: the county's key figures from the concept, each with source and Stand.

Reads schools, DaZ enrolment, key figures, Handlungsfelder, goals and Leitlinien from
the store; writes nothing.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids, labels, services
from dashboard.components.cards import figure_links, kpi_card, source_note
from dashboard.components.goal_views import overview_cards
from dashboard.components.graph import graph_config
from dashboard.figures.daz import capacity_by_group, daz_trend
from dashboard.formatting import fmt_num, fmt_pct, fmt_stand
from dashboard.store import goals as goal_store

dash.register_page(
    __name__, path="/", name=labels.NAV_UEBERBLICK, title=labels.APP_TITLE, nav_order=0
)


def _kpis(repo) -> list[dbc.Col]:  # noqa: ANN001
    schools = repo.table("schulen_daz")
    daz = repo.table("daz_schuljahre")
    figures = repo.table("kennzahlen").set_index("kennzahl_id")
    lk = daz[daz["ebene"] == "Landkreis"]
    totals = lk.groupby("schuljahr")["schueler"].sum().sort_index()
    latest, previous = totals.index[-1], totals.index[-2] if len(totals) > 1 else None
    growth = (
        f"{fmt_num(totals[previous])} im Schuljahr {previous} ({fmt_pct(totals[latest] / totals[previous] - 1)})"
        if previous
        else None
    )
    pupils, reserve = schools["vka_schueler"].sum(), schools["kapazitaetsreserve"].sum()
    stand_schools = fmt_stand(schools["stand"].max())

    def figure(key: str) -> tuple[str, str]:
        row = figures.loc[key]
        return (
            fmt_num(row["wert"]),
            f"Quelle: {row['quelle']}, {row['fundstelle']}; Stand {fmt_stand(row['stand'])}",
        )

    asyl, asyl_src = figure("asylbewerber_2017")
    buendnisse, b_src = figure("buendnisse_max")
    kik, kik_src = figure("integrationskoordinatoren")
    cards = [
        kpi_card(
            fmt_num(totals[latest]),
            f"DaZ-Schüler im Schuljahr {latest}",
            f"Quelle: {labels.KONZEPT}, Abb. 3; Stand {fmt_stand(lk['stand'].max())}",
            f"gegenüber {growth}" if growth else None,
        ),
        kpi_card(
            fmt_num(pupils),
            f"Schüler in {fmt_num(schools['vka_klassen'].sum())} Vorbereitungsklassen an {len(schools)} Schulen",
            f"Quelle: {labels.KONZEPT}, Abb. 4; Stand {stand_schools}",
        ),
        kpi_card(
            fmt_num(reserve),
            "freie Plätze (Kapazitätsreserve)",
            f"Quelle: {labels.KONZEPT}, Abb. 4; Stand {stand_schools}",
            f"Auslastung {fmt_pct(pupils / (pupils + reserve))}",
        ),
        kpi_card(asyl, "Asylbewerber im Landkreis", asyl_src),
        kpi_card(f"bis {buendnisse}", "ehrenamtliche Bündnisse und Initiativen", b_src),
        kpi_card(
            kik, "kommunale Integrations\u00adkoordinatoren (je Sozialraum)", kik_src
        ),
    ]
    return [dbc.Col(c, xs=12, sm=6, lg=4, xl=2, class_name="mb-3") for c in cards]


def _handlungsfelder(repo) -> html.Div:  # noqa: ANN001
    """Goal status per Handlungsfeld from the goal register (same cards as /ziele)."""
    goals = repo.table("ziele")
    cur = goal_store.current(
        goal_store.history(services.get().engine), goals["ziel_id"].tolist()
    )
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


def layout(**_query: str) -> html.Div:
    repo = services.get().repo
    daz = repo.table("daz_schuljahre")
    schools = repo.schools()
    lk = daz[daz["ebene"] == "Landkreis"]
    return html.Div(
        [
            html.H1(labels.APP_SUBTITLE, className="h2 mb-3"),
            dbc.Row(_kpis(repo), id=ids.UEB_KPIS),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.H2(
                                "DaZ-Schüler nach Schuljahr und Phase", className="h4"
                            ),
                            html.P(
                                f"{lk['schuljahr'].nunique()} Schuljahre erfasst – zu wenige für eine Trendaussage.",
                                className="mb-1",
                            ),
                            dcc.Graph(
                                id=ids.UEB_DAZ_GRAPH,
                                figure=daz_trend(lk),
                                config=graph_config("DaZ-Schüler_nach_Schuljahr"),
                                style={"height": "360px"},
                            ),
                            source_note(
                                f"Quelle: {labels.KONZEPT}, Abb. 3 (Übersicht DaZ-Klassen); Stand {fmt_stand(lk['stand'].max())}"
                            ),
                            figure_links("daz-schueler"),
                        ],
                        lg=6,
                        class_name="mb-4",
                    ),
                    dbc.Col(
                        [
                            html.H2(
                                "Plätze in Vorbereitungsklassen je Sozialraum",
                                className="h4",
                            ),
                            html.P(
                                labels.SOZIALRAUM_HINWEIS, className="im-warning mb-1"
                            ),
                            dcc.Graph(
                                id=ids.UEB_SR_GRAPH,
                                figure=capacity_by_group(schools, "sozialraum"),
                                config=graph_config("Plätze_je_Sozialraum"),
                                style={"height": "360px"},
                            ),
                            source_note(
                                f"Quelle: {labels.KONZEPT}, Abb. 4; Stand {fmt_stand(schools['stand'].max())}; Zuordnung der Gemeinden: Arbeitsannahme"
                            ),
                            figure_links("plaetze-sozialraum"),
                        ],
                        lg=6,
                        class_name="mb-4",
                    ),
                ]
            ),
            html.H2("Handlungsfelder", className="h4"),
            _handlungsfelder(repo),
            _leitlinien(repo),
        ]
    )
