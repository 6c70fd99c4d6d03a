"""Building blocks of the DaZ & Schulen page (pure layout, no callbacks)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import ids, labels
from dashboard.components.chart_text import accessible_graph
from dashboard.components.graph import graph_config
from dashboard.components.sortable_table import Column, plain_table, sortable_table
from dashboard.data.daz import scenario, scenario_by_area
from dashboard.figures.daz import TOP_SCHOOLS, scenario_by_area_figure
from dashboard.formatting import fmt_num, fmt_pct, fmt_stand

SCHULARTEN = ["Grundschule", "Oberschule", "Berufliches Schulzentrum"]
GROUPS = {"schulart": "Schulart", "sozialraum": "Sozialraum", "gemeinde": "Gemeinde"}


def _num(v: object) -> str:
    return "–" if pd.isna(v) else fmt_num(v)


def _pct(v: object) -> str:
    return "–" if pd.isna(v) else fmt_pct(v)


SCHOOL_COLUMNS = [
    Column("name_dokument", "Schule", numeric=False),
    Column("schulart", "Schulart", numeric=False),
    Column("gemeinde", "Gemeinde", numeric=False),
    Column("vka_schueler", "VKA-Schüler", _num),
    Column("vka_klassen", "Klassen", _num),
    Column("kapazitaetsreserve", "Reserve", _num),
    Column("plaetze", "Plätze", _num),
    Column("auslastung", "Auslastung", _pct),
]


def school_table(
    cap: pd.DataFrame, key: str = "auslastung", ascending: bool = False
) -> list:
    """The first ``TOP_SCHOOLS`` schools in the chosen order, and how many are left
    out (the page does not grow with the number of schools)."""
    table = sortable_table(
        cap, SCHOOL_COLUMNS, ids.DAZ_SCHOOL_SORT, key, ascending, limit=TOP_SCHOOLS
    )
    if len(cap) <= TOP_SCHOOLS:
        return [table]
    note = labels.SCHOOLS_SHOWN.format(shown=TOP_SCHOOLS, total=fmt_num(len(cap)))
    return [table, html.P(note, className="im-source")]


def group_table(sums: pd.DataFrame, by: str) -> dbc.Table:
    total = sums[["schulen", "vka_schueler", "vka_klassen", "kapazitaetsreserve"]].sum()
    places = total["vka_schueler"] + total["kapazitaetsreserve"]
    rows = [
        html.Tr(
            [
                html.Td(r[by]),
                *[
                    html.Td(_num(r[c]), className="text-end")
                    for c in (
                        "schulen",
                        "vka_schueler",
                        "vka_klassen",
                        "kapazitaetsreserve",
                        "plaetze",
                    )
                ],
                html.Td(_pct(r["auslastung"]), className="text-end"),
            ]
        )
        for _, r in sums.iterrows()
    ]
    rows.append(
        html.Tr(
            [
                html.Th("Summe"),
                *[
                    html.Th(_num(total[c]), className="text-end")
                    for c in (
                        "schulen",
                        "vka_schueler",
                        "vka_klassen",
                        "kapazitaetsreserve",
                    )
                ],
                html.Th(_num(places), className="text-end"),
                html.Th(
                    _pct(total["vka_schueler"] / places if places else None),
                    className="text-end",
                ),
            ]
        )
    )
    numbers = ("Schulen", "VKA-Schüler", "Klassen", "Reserve", "Plätze", "Auslastung")
    head = [html.Th(GROUPS[by])] + [html.Th(h, className="text-end") for h in numbers]
    return plain_table(head, rows)


def filters(
    years: list[str],
    year: str,
    options: dict[str, list[str]],
    chosen: dict[str, list[str]],
) -> dbc.Row:
    def multi(id_: str, label: str, values: list[str], selected: list[str]) -> dbc.Col:
        return dbc.Col(
            [
                dbc.Label(label, html_for=id_),
                dcc.Dropdown(
                    id=id_,
                    options=values,
                    value=selected,
                    multi=True,
                    placeholder="alle",
                    labels=labels.DROPDOWN,
                ),
            ],
            md=6,
            lg=3,
        )

    return dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label("Schuljahr", html_for=ids.DAZ_YEAR),
                    dbc.Select(id=ids.DAZ_YEAR, value=year, options=years),
                ],
                md=6,
                lg=3,
            ),
            multi(
                ids.DAZ_SCHULART, "Schulart", options["schulart"], chosen["schulart"]
            ),
            multi(
                ids.DAZ_SOZIALRAUM,
                "Sozialraum",
                options["sozialraum"],
                chosen["sozialraum"],
            ),
            multi(
                ids.DAZ_GEMEINDE, "Gemeinde", options["gemeinde"], chosen["gemeinde"]
            ),
        ],
        class_name="g-2 mb-2 im-controls",
    )


def group_select(group: str) -> html.Div:
    return html.Div(
        [
            dbc.Label("Summen nach", html_for=ids.DAZ_GROUP, class_name="me-2 mb-0 h5"),
            dbc.Select(
                id=ids.DAZ_GROUP,
                value=group,
                style={"maxWidth": "12rem"},
                options=[{"label": v, "value": k} for k, v in GROUPS.items()],
            ),
        ],
        className="d-flex align-items-center mb-1",
    )


def trend_note(years: int) -> str:
    """How many school years the trend shows, and whether that carries a trend."""
    if years < 4:
        return (
            f"{years} Schuljahre erfasst – zu wenige Punkte für eine Trendaussage; "
            "dargestellt sind die Werte je Jahr."
        )
    return f"{years} Schuljahre erfasst."


def scenario_controls(class_size: float, stand: str) -> html.Div:
    def slider(id_: object, value: int = 0) -> dcc.Slider:
        return dcc.Slider(
            id=id_,
            min=-50,
            max=200,
            step=10,
            value=value,
            marks={v: f"{v:+d} %" if v else "0 %" for v in range(-50, 201, 50)},
        )

    return html.Div(
        [
            dbc.Label(
                f"Veränderung der DaZ-Schüler gegenüber Stand {fmt_stand(stand)} (alle Schularten)",
                html_for=ids.DAZ_SC_CHANGE,
            ),
            slider(ids.DAZ_SC_CHANGE),
            dbc.Switch(
                id=ids.DAZ_SC_PER_TYPE,
                label="je Schulart getrennt einstellen",
                value=False,
                class_name="mt-3",
            ),
            dbc.Collapse(
                html.Div(
                    [
                        html.Div(
                            [
                                dbc.Label(s),
                                slider(
                                    {"type": ids.DAZ_SC_TYPE_CHANGES, "schulart": s}
                                ),
                            ]
                        )
                        for s in SCHULARTEN
                    ]
                ),
                id=f"{ids.DAZ_SC_PER_TYPE}-collapse",
                is_open=False,
            ),
            dbc.Label(
                "Schüler je zusätzlicher Klasse",
                html_for=ids.DAZ_SC_CLASS_SIZE,
                class_name="mt-3",
            ),
            dbc.Input(
                id=ids.DAZ_SC_CLASS_SIZE,
                type="text",
                value=fmt_num(class_size, 1),
                style={"maxWidth": "10rem"},
            ),
            html.Div(
                f"Voreinstellung: beobachtete Schüler je Klasse ({fmt_num(class_size, 1)}), Stand {fmt_stand(stand)}.",
                className="im-source",
            ),
        ]
    )


def scenario_assumptions(
    change: dict[str, float], class_size: float, stand: str
) -> html.Div:
    if len(set(change.values())) <= 1:
        growth = (
            f"{fmt_num(next(iter(change.values()), 0) * 100, 0)} % für alle Schularten"
        )
    else:
        growth = ", ".join(f"{s}: {fmt_num(v * 100, 0)} %" for s, v in change.items())
    return html.Div(
        [
            html.Strong("Berechnung (Szenario), keine beobachteten Daten. Annahmen: "),
            f"Veränderung der VKA-Schüler {growth}; Kapazität je Schule = VKA-Schüler + Kapazitätsreserve "
            f"(Stand {fmt_stand(stand)}); keine Verlagerung zwischen Schulen; {fmt_num(class_size, 1)} Schüler je "
            "zusätzlicher Klasse. Ausgangswerte: die aktuellen Zahlen je Schule (Seite „Schulen“).",
        ],
        className="im-scenario-note",
    )


def scenario_result(cap: pd.DataFrame, changes: dict[str, float], size: float) -> list:
    """Scenario verdict per school and Sozialraum, labelled as a calculation."""
    result = scenario(cap, changes, size)
    area = scenario_by_area(result, size)
    over = result[result["ueber_kapazitaet"] > 0].sort_values(
        "ueber_kapazitaet", ascending=False
    )
    if over.empty:
        verdict = html.P(
            "Keine Schule überschreitet ihre Kapazität (VKA-Schüler + Reserve).",
            className="fw-semibold",
        )
    else:
        headers = (
            "Schule",
            "Sozialraum",
            "Schüler (berechnet)",
            "Plätze",
            "darüber",
            "zusätzl. Klassen",
        )
        rows = [
            html.Tr(
                [html.Td(r.name_dokument), html.Td(r.sozialraum)]
                + [
                    html.Td(fmt_num(v))
                    for v in (
                        r.szenario_schueler,
                        r.plaetze,
                        r.ueber_kapazitaet,
                        r.extra_klassen,
                    )
                ]
            )
            for r in over.itertuples()
        ]
        verdict = html.Div(
            [
                html.P(
                    f"{len(over)} von {len(result)} Schulen überschreiten ihre Kapazität; zusätzlich nötig: "
                    f"{fmt_num(over['extra_klassen'].sum())} VKA-Klassen.",
                    className="fw-semibold",
                ),
                plain_table(
                    [html.Th(h) for h in headers], rows, id="daz-szenario-schulen"
                ),
            ]
        )
    areas_over = area[area["ueber_kapazitaet"] > 0]
    area_text = (
        (
            "Sozialräume über Kapazität (auch wenn Plätze innerhalb des Sozialraums geteilt würden): "
            + ", ".join(
                f"{r.sozialraum} (+{fmt_num(r.ueber_kapazitaet)} Schüler, {fmt_num(r.extra_klassen)} "
                "Klassen)"
                for r in areas_over.itertuples()
            )
        )
        if len(areas_over)
        else "Kein Sozialraum überschreitet in Summe seine Plätze."
    )
    return [
        scenario_assumptions(changes, size, cap["stand"].max()),
        verdict,
        html.P(area_text, id="daz-szenario-sozialraeume"),
        html.H2("Berechnung: Schüler und Plätze je Sozialraum", className="h6"),
        accessible_graph(
            dcc.Graph(
                figure=scenario_by_area_figure(area),
                config=graph_config("Szenario_je_Sozialraum"),
                style={"height": "340px"},
            ),
            "Berechnung: Schüler und Plätze je Sozialraum im Szenario",
        ),
        html.P(
            f"{labels.SOZIALRAUM_HINWEIS}. Ausgangsdaten Stand {fmt_stand(cap['stand'].max())}.",
            className="im-source",
        ),
    ]
