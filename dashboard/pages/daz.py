"""DaZ & Schulen: enrolment by school year, capacity per school and area, a growth
scenario, and the upload of a new school year.

Reads schools, Sozialräume and DaZ rows (bundled and imported) from the store; the
upload callbacks in ``dashboard.callbacks.import_datasets`` write imports.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import (
    ALL,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    dcc,
    html,
)

from dashboard import current, ids, labels, services
from dashboard.callbacks import import_datasets
from dashboard.components import daz_views as views
from dashboard.components import import_panel, reporting
from dashboard.components.cards import figure_links
from dashboard.components.chart_text import accessible_graph, chart_caption
from dashboard.components.downloads import send_table
from dashboard.components.graph import graph_config
from dashboard.components.info import info
from dashboard.current import capacity_frame
from dashboard.data.daz import group_sums, observed_class_size
from dashboard.figures.daz import (
    daz_trend,
    utilisation_by_school,
)
from dashboard.formatting import parse_decimal

dash.register_page(
    __name__,
    path="/daz",
    name="DaZ & Schulen",
    title=f"DaZ & Schulen – {labels.APP_TITLE}",
    nav_order=2,
    plotly_preload=True,  # draws charts on every visit (dashboard.plotly_js)
)

# URL parameters the Berichtsstand chooser carries over (not the school year: each
# Berichtsstand opens on its own latest one)
KEEP = ("tab", "schulart", "sozialraum", "gemeinde", "gruppe")
TABS = {
    "entwicklung": "Entwicklung",
    "schulen": "Schulen",
    "szenario": "Szenario",
    "import": "Neues Schuljahr",
}


def _snap(stand: str | None) -> current.Snapshot:
    """Today's data, or the Berichtsstand the page was opened for."""
    return current.snapshot(berichtsstand=stand)


def _trend_parts(snap: current.Snapshot) -> tuple:
    en = snap.enrolment()
    note = views.trend_note(en.history["schuljahr"].nunique())
    return daz_trend(en.history, snap.decisions()), note, en.source.text()


def _filtered(snap, year: str, schulart, sozialraum, gemeinde) -> pd.DataFrame:  # noqa: ANN001
    cap = capacity_frame(snap.schools(year))
    for col, chosen in (
        ("schulart", schulart),
        ("sozialraum", sozialraum),
        ("gemeinde", gemeinde),
    ):
        if chosen:
            cap = cap[cap[col].isin(chosen)]
    return cap


def _list(query: dict, key: str) -> list[str]:
    return [v for v in query.get(key, "").split(",") if v]


def _trend_tab(snap: current.Snapshot) -> list:
    trend, note, source = _trend_parts(snap)
    return [
        html.P(note, id=ids.DAZ_TREND_NOTE, className="mt-2 mb-1"),
        accessible_graph(
            dcc.Graph(
                id=ids.DAZ_TREND,
                figure=trend,
                config=graph_config("DaZ-Schüler_nach_Schuljahr"),
                style={"height": "420px"},
            ),
            "DaZ-Schüler nach Schuljahr und Phase",
            caption_id=ids.DAZ_TREND_TEXT,
        ),
        html.P(source, id=ids.DAZ_TREND_SOURCE, className="im-source"),
        figure_links("daz-schueler"),
        html.P(
            "Phase 1/2: Unterricht in Vorbereitungsklassen (VKA); Phase 3: in Regelklassen integriert.",
            className="im-source",
        ),
    ]


def _schools_tab(snap, years: list[str], year: str, chosen: dict, group: str) -> list:  # noqa: ANN001
    schools = services.get().repo.schools()
    options = {
        c: sorted(schools[c].unique()) for c in ("schulart", "sozialraum", "gemeinde")
    }
    cap = _filtered(
        snap, year, chosen["schulart"], chosen["sozialraum"], chosen["gemeinde"]
    )
    sums = html.Div(
        views.group_table(group_sums(cap, group), group), id=ids.DAZ_GROUP_TABLE
    )
    chart = html.Div(
        [
            accessible_graph(
                dcc.Graph(
                    id=ids.DAZ_UTIL_GRAPH,
                    figure=utilisation_by_school(cap),
                    config=graph_config("Auslastung_je_Schule"),
                ),
                "Auslastung je Schule",
                caption_id=ids.DAZ_UTIL_TEXT,
            ),
            figure_links("auslastung-schulen"),
        ]
    )
    downloads = dbc.ButtonGroup(
        [
            dbc.Button("CSV herunterladen", id=ids.DAZ_CSV_BUTTON, color="secondary"),
            dbc.Button(
                "Excel herunterladen", id=ids.DAZ_XLSX_BUTTON, color="secondary"
            ),
        ]
    )
    return [
        html.Div(className="mt-2"),
        views.filters(years, year, options, chosen),
        dbc.Row(
            [
                dbc.Col([views.group_select(group), sums], xl=6),
                dbc.Col(
                    [
                        html.H2(
                            ["Auslastung je Schule", info("auslastung")], className="h5"
                        ),
                        chart,
                    ],
                    xl=6,
                ),
            ]
        ),
        html.H2("Schulen", className="h5 mt-2"),
        downloads,
        dcc.Download(id=ids.DAZ_DOWNLOAD),
        html.Div(views.school_table(cap), id=ids.DAZ_SCHOOL_TABLE, className="mt-2"),
        dcc.Store(
            id=ids.DAZ_SCHOOL_SORT_STATE, data={"key": "auslastung", "ascending": False}
        ),
        html.P(
            _school_source(snap, year, cap),
            id=ids.DAZ_SCHOOL_SOURCE,
            className="im-source",
        ),
        html.P(
            f"Auslastung = VKA-Schüler / (VKA-Schüler + Kapazitätsreserve). {labels.SOZIALRAUM_HINWEIS}.",
            className="im-source",
        ),
    ]


def _school_source(snap, year: str, cap: pd.DataFrame) -> str:  # noqa: ANN001
    if not len(cap):
        return "Keine Schule passt zu den Filtern."
    sf = snap.schools(year)  # a year the snapshot lacks falls back to its latest
    return f"Schuljahr {sf.year}. {sf.source.text()}"


def _import_tab(snap: current.Snapshot, query: dict) -> dbc.Tab:
    """Uploads change today's data: in a Berichtsstand the tab is off (frozen)."""
    section = import_panel.section(import_datasets.DAZ, query.get("importe"))
    if not reporting.frozen(snap):
        return dbc.Tab(section, label=TABS["import"], tab_id="import")
    return dbc.Tab(
        html.Div(section, hidden=True),  # callbacks validate on it
        label=TABS["import"],
        tab_id="import",
        disabled=True,
        label_class_name="text-muted",
    )


def layout(tab: str = "entwicklung", berichtsstand: str = "", **query: str) -> html.Div:
    snap = _snap(berichtsstand)
    schools = services.get().repo.schools()
    years = snap.school_years()
    year = query.get("schuljahr") if query.get("schuljahr") in years else years[-1]
    names = dict(zip(schools["ags"], schools["gemeinde"], strict=False))
    chosen = {
        "schulart": _list(query, "schulart"),
        "sozialraum": _list(query, "sozialraum"),
        "gemeinde": [names.get(g, g) for g in _list(query, "gemeinde")],
    }
    group = query.get("gruppe") if query.get("gruppe") in views.GROUPS else "schulart"
    base = capacity_frame(snap.schools())
    scenario_tab = dbc.Row(
        [
            dbc.Col(
                views.scenario_controls(observed_class_size(base), base["stand"].max()),
                lg=4,
                class_name="mt-3",
            ),
            dbc.Col(html.Div(id=ids.DAZ_SC_RESULT), lg=8, class_name="mt-3"),
        ]
    )
    tabs = [
        dbc.Tab(_trend_tab(snap), label=TABS["entwicklung"], tab_id="entwicklung"),
        dbc.Tab(
            _schools_tab(snap, years, year, chosen, group),
            label=TABS["schulen"],
            tab_id="schulen",
        ),
        dbc.Tab(scenario_tab, label=TABS["szenario"], tab_id="szenario"),
        _import_tab(snap, query),
    ]
    if tab not in TABS or (tab == "import" and reporting.frozen(snap)):
        tab = "entwicklung"
    page = html.Div(
        [
            html.H1("DaZ-Vorbereitungsklassen und Schulen", className="h3 mb-2"),
            reporting.bar(snap, "/daz", {"tab": tab, **query}, KEEP),
            dbc.Tabs(tabs, id=ids.DAZ_TABS, active_tab=tab),
            dcc.Store(id=ids.DAZ_URL_SYNC),
            dcc.Store(id=ids.DAZ_VERSION),
            dcc.Store(id=ids.DAZ_BERICHTSSTAND, data=reporting.stand_id(snap)),
        ]
    )
    return reporting.keep(page, snap)


@callback(
    Output(ids.DAZ_GROUP_TABLE, "children"),
    Output(ids.DAZ_UTIL_GRAPH, "figure"),
    Output(ids.DAZ_UTIL_TEXT, "children"),
    Output(ids.DAZ_SCHOOL_TABLE, "children"),
    Output(ids.DAZ_SCHOOL_SORT_STATE, "data"),
    Output(ids.DAZ_SCHOOL_SOURCE, "children"),
    Input(ids.DAZ_YEAR, "value"),
    Input(ids.DAZ_SCHULART, "value"),
    Input(ids.DAZ_SOZIALRAUM, "value"),
    Input(ids.DAZ_GEMEINDE, "value"),
    Input(ids.DAZ_GROUP, "value"),
    Input({"type": ids.DAZ_SCHOOL_SORT, "col": ALL}, "n_clicks"),
    Input(ids.DAZ_VERSION, "data"),
    State(ids.DAZ_SCHOOL_SORT_STATE, "data"),
    State(ids.DAZ_BERICHTSSTAND, "data"),
    prevent_initial_call=True,
)
def update_schools(
    year, schulart, sozialraum, gemeinde, group, clicks, _version, sort, stand
):  # noqa: ANN001, ANN201, PLR0913
    trigger = ctx.triggered_id
    if isinstance(trigger, dict):
        if not any(clicks):
            raise dash.exceptions.PreventUpdate
        key = trigger["col"]
        sort = {
            "key": key,
            "ascending": not sort["ascending"]
            if sort["key"] == key
            else key in views.GROUPS or key == "name_dokument",
        }
    snap = _snap(stand)
    cap = _filtered(snap, year, schulart, sozialraum, gemeinde)
    figure = utilisation_by_school(cap)
    return (
        views.group_table(group_sums(cap, group), group),
        figure,
        chart_caption(figure, "Auslastung je Schule"),
        views.school_table(cap, sort["key"], sort["ascending"]),
        sort,
        _school_source(snap, year, cap),
    )


@callback(
    Output(ids.DAZ_DOWNLOAD, "data"),
    Input(ids.DAZ_CSV_BUTTON, "n_clicks"),
    Input(ids.DAZ_XLSX_BUTTON, "n_clicks"),
    State(ids.DAZ_YEAR, "value"),
    State(ids.DAZ_SCHULART, "value"),
    State(ids.DAZ_SOZIALRAUM, "value"),
    State(ids.DAZ_GEMEINDE, "value"),
    State(ids.DAZ_BERICHTSSTAND, "data"),
    prevent_initial_call=True,
)
def download(_csv, _xlsx, year, schulart, sozialraum, gemeinde, stand):  # noqa: ANN001, ANN201, PLR0913
    snap = _snap(stand)
    year = snap.schools(year).year  # the year shown (the latest, if unknown)
    cap = _filtered(snap, year, schulart, sozialraum, gemeinde)
    cap = cap.assign(auslastung_prozent=(cap["auslastung"] * 100).round(1)).drop(
        columns=["auslastung", "ags"]
    )
    cap.insert(0, "schuljahr", year)
    name = f"daz_schulen_{year.replace('/', '-')}"
    if snap.reporting:  # the file says which Berichtsstand it shows
        cap.insert(
            1, "berichtsstand", f"{snap.reporting.name} ({snap.reporting.datum})"
        )
        name += f"_berichtsstand-{snap.reporting.id}"
    return send_table(
        cap, name, excel=ctx.triggered_id == ids.DAZ_XLSX_BUTTON, sheet="Schulen"
    )


@callback(
    Output(ids.DAZ_SC_RESULT, "children"),
    Output(f"{ids.DAZ_SC_PER_TYPE}-collapse", "is_open"),
    Input(ids.DAZ_SC_CHANGE, "value"),
    Input(ids.DAZ_SC_PER_TYPE, "value"),
    Input({"type": ids.DAZ_SC_TYPE_CHANGES, "schulart": ALL}, "value"),
    Input(ids.DAZ_SC_CLASS_SIZE, "value"),
    State(ids.DAZ_BERICHTSSTAND, "data"),
)
def update_scenario(change, per_type, type_changes, class_size, stand):  # noqa: ANN001, ANN201
    """The scenario is a calculation, shown apart from observed data with its assumptions."""
    cap = capacity_frame(_snap(stand).schools())
    typed = parse_decimal(class_size)
    valid = typed is not None and 5 <= typed <= 30
    size = typed if valid else observed_class_size(cap)
    changes = (
        {s: (v or 0) / 100 for s, v in zip(views.SCHULARTEN, type_changes, strict=True)}
        if per_type
        else {s: (change or 0) / 100 for s in views.SCHULARTEN}
    )
    result = views.scenario_result(cap, changes, size)
    if not valid and str(class_size or "").strip():
        note = labels.CLASS_SIZE_INVALID.format(value=class_size)
        result = [dbc.Alert(note, color="warning"), *result]
    return result, bool(per_type)


@callback(
    Output(ids.DAZ_TREND, "figure"),
    Output(ids.DAZ_TREND_TEXT, "children"),
    Output(ids.DAZ_TREND_NOTE, "children"),
    Output(ids.DAZ_TREND_SOURCE, "children"),
    Output(ids.DAZ_YEAR, "options"),
    Input(ids.DAZ_VERSION, "data"),
    State(ids.DAZ_BERICHTSSTAND, "data"),
    prevent_initial_call=True,
)
def refresh_after_import(_version, stand):  # noqa: ANN001, ANN201
    """An import or revert shows at once in the trend, its source and the school years."""
    snap = _snap(stand)
    figure, note, source = _trend_parts(snap)
    caption = chart_caption(figure, "DaZ-Schüler nach Schuljahr und Phase")
    return figure, caption, note, source, snap.school_years()


clientside_callback(
    """
    function (tab, year, schulart, sozialraum, gemeinde, group) {
        const join = (v) => (v && v.length) ? v.join(",") : null;
        window.imUrlState.push({tab: tab, schuljahr: year, schulart: join(schulart), sozialraum: join(sozialraum),
                                gemeinde: join(gemeinde), gruppe: group});
        return window.dash_clientside.no_update;
    }
    """,
    Output(ids.DAZ_URL_SYNC, "data"),
    Input(ids.DAZ_TABS, "active_tab"),
    Input(ids.DAZ_YEAR, "value"),
    Input(ids.DAZ_SCHULART, "value"),
    Input(ids.DAZ_SOZIALRAUM, "value"),
    Input(ids.DAZ_GEMEINDE, "value"),
    Input(ids.DAZ_GROUP, "value"),
    prevent_initial_call=True,
)
