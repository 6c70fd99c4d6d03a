"""Karte: Gemeinden or Sozialräume coloured by a measure or by a catalogue indicator
with a breakdown, with point layers, drill-down panel, table alternative and the view
state in the URL; ``?berichtsstand=<id>`` shows what was current at that Berichtsstand.

Reads schools, sites, actors, population, indicators and Messwerte, and the
Sozialraum mapping (via the store and ``dashboard.current``) and the geometry served
at ``/geo/…``; writes nothing.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import (
    ALL,
    Input,
    Output,
    Patch,
    State,
    callback,
    clientside_callback,
    ctx,
    dcc,
    html,
)

from dashboard import current, ids, labels
from dashboard.components import reporting
from dashboard.components.cards import figure_links
from dashboard.components.chart_text import MAP_SUMMARY, accessible_graph
from dashboard.components.downloads import send_table
from dashboard.components.graph import graph_config
from dashboard.components.info import info
from dashboard.components.karte_measured import caveat
from dashboard.components.karte_panel import area_options, csv_frame, panel, table
from dashboard.components.karte_state import MapState
from dashboard.components.map_patch import restyle
from dashboard.data.mapdata import GEO_URLS, MapData, current_map_data
from dashboard.figures.karte import (
    LAYERS,
    LEVELS,
    POINT_TRACES,
    TRACE_AREA,
    TRACE_LABEL,
    line_widths,
    map_figure,
)

dash.register_page(
    __name__,
    path="/karte",
    name="Karte",
    title=f"Karte – {labels.APP_TITLE}",
    nav_order=1,
    plotly_preload=True,  # draws charts on every visit (dashboard.plotly_js)
)

GRAPH_CONFIG = graph_config(
    "Karte_Landkreis_Meißen",
    scrollZoom=False,
)


def _figure(data: MapData, state: MapState):  # noqa: ANN202
    return map_figure(
        GEO_URLS,
        data.tables,
        data.labels,
        data.points,
        level=state.level,
        indicator=data.indicator(state.indicator),
        layers=set(state.layers),
        show_labels=state.labels,
        selected=state.selected,
        attribution=labels.BKG_ATTRIBUTION,
    )


AREA_LABEL = {"gemeinde": "Gemeinde auswählen", "sozialraum": "Sozialraum auswählen"}


def _controls(state: MapState, data: MapData) -> dbc.Row:
    return dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label("Ebene", html_for=ids.KARTE_LEVEL),
                    info("sozialraum"),
                    dbc.RadioItems(
                        id=ids.KARTE_LEVEL,
                        value=state.level,
                        inline=True,
                        options=[{"label": v, "value": k} for k, v in LEVELS.items()],
                    ),
                ],
                md="auto",
            ),
            dbc.Col(
                [
                    dbc.Label("Kennzahl", html_for=ids.KARTE_INDICATOR),
                    dbc.Select(
                        id=ids.KARTE_INDICATOR,
                        value=state.indicator,
                        options=data.indicator_options(),
                    ),
                ],
                md=4,
            ),
            dbc.Col(
                [
                    dbc.Label(
                        AREA_LABEL[state.level],
                        html_for=ids.KARTE_AREA,
                        id=ids.KARTE_AREA_LABEL,
                    ),
                    dbc.Select(
                        id=ids.KARTE_AREA,
                        value=state.selected or "",
                        options=area_options(data, state.level),
                    ),
                ],
                md=3,
            ),
            dbc.Col(
                [
                    dbc.Label("Punkte", html_for=ids.KARTE_LAYERS),
                    dbc.Checklist(
                        id=ids.KARTE_LAYERS,
                        value=list(state.layers),
                        inline=True,
                        options=[{"label": v, "value": k} for k, v in LAYERS.items()],
                    ),
                ],
                md="auto",
            ),
            dbc.Col(
                [
                    dbc.Label("Namen", html_for=ids.KARTE_LABELS),
                    dbc.Switch(
                        id=ids.KARTE_LABELS, value=state.labels, label="anzeigen"
                    ),
                ],
                md="auto",
            ),
        ],
        class_name="g-3 mb-2 align-items-end im-controls",
    )


def _source_note(data: MapData) -> str:
    return (
        f"Schulen, Schuljahr {data.school_year}: {data.school_source}. Übrige Kennzahlen: "
        "die mitgelieferten Datensätze mit Quelle und Stand je Eintrag (Übersicht "
        "„Datenstand der Datensätze“ in der Fußzeile); Punkte ohne genaue Adresse "
        "stehen in ihrer Gemeinde („Lage: Gemeinde“). "
    )


# URL parameters the Berichtsstand chooser carries over
KEEP = ("ebene", "indikator", "ebenen", "beschriftung", "auswahl")


def layout(berichtsstand: str = "", **query: str) -> html.Div:
    snap = current.snapshot(berichtsstand=berichtsstand)
    data = current_map_data(reporting.stand_id(snap))
    measured = {k: m.level for k, m in data.measured.items()}
    state = MapState.from_query(query, measured)
    level_keys = set(
        data.tables[state.level]["ags" if state.level == "gemeinde" else "sozialraum"]
    )
    if state.selected not in level_keys:
        state = MapState(state.level, state.indicator, state.layers, state.labels, None)
    page = html.Div(
        [
            html.H1("Karte: DaZ-Plätze, Angebote und Akteure", className="h3 mb-2"),
            reporting.bar(snap, "/karte", query, KEEP),
            _controls(state, data),
            dbc.Row(
                [
                    dbc.Col(
                        accessible_graph(
                            dcc.Graph(
                                id=ids.KARTE_GRAPH,
                                figure=_figure(data, state),
                                config=GRAPH_CONFIG,
                                responsive=True,
                                style={
                                    "height": "calc(100vh - 250px)",
                                    "minHeight": "420px",
                                },
                            ),
                            "Karte des Landkreises Meißen",
                            MAP_SUMMARY,
                        ),
                        lg=8,
                    ),
                    dbc.Col(
                        html.Div(
                            panel(data, state.level, state.selected),
                            id=ids.KARTE_PANEL,
                            className="im-panel",
                        ),
                        lg=4,
                    ),
                ]
            ),
            html.P(
                [
                    _source_note(data),
                    html.Strong(
                        caveat(data, state.indicator, state.level),
                        id=ids.KARTE_CAVEAT,
                    ),
                ],
                className="im-source mt-2",
            ),
            html.P([labels.SOZIALRAUM_HINWEIS], className="im-warning mt-2"),
            html.H2("Tabelle zur Karte", className="h4 mt-3"),
            html.P(
                "– = kein DaZ-Standort in der Gemeinde (keine Daten, nicht null). "
                f"{len(data.unplaced)} landkreisweit tätige Akteure und Angebote haben keinen Ort und sind "
                "nicht in der Karte eingezeichnet."
                + (
                    " „kein Wert“ = kein Messwert des Indikators für das Gebiet."
                    if data.measured
                    else ""
                ),
                className="im-source",
            ),
            dbc.Button(
                "Tabelle als CSV herunterladen",
                id=ids.KARTE_CSV_BUTTON,
                color="secondary",
                class_name="mb-2",
            ),
            dcc.Download(id=ids.KARTE_CSV),
            figure_links("karte-vka-schueler"),
            html.Div(
                table(data, state.level, indicator=state.indicator), id=ids.KARTE_TABLE
            ),
            dcc.Store(id=ids.KARTE_SORT_STATE, data={"key": "name", "ascending": True}),
            dcc.Store(id=ids.KARTE_SELECTION, data=state.selected),
            dcc.Store(id=ids.KARTE_URL_SYNC),
            dcc.Store(id=ids.KARTE_BERICHTSSTAND, data=data.reporting_id),
        ]
    )
    return reporting.keep(page, snap)


def _clicked_point(click: dict | None) -> str | None:
    """Name of the clicked point (points carry ``[ags, name]``; areas a location)."""
    pt = (click or {}).get("points", [{}])[0]
    custom = pt.get("customdata")
    return custom[1] if isinstance(custom, list) and len(custom) > 1 else None


def _clicked_key(click: dict | None, level: str, data: MapData) -> str | None:
    if not click or not click.get("points"):
        return None
    pt = click["points"][0]
    key = pt.get("location") or (pt.get("customdata") or [None])[0]
    if level == "sozialraum" and key in set(data.tables["gemeinde"]["ags"]):
        key = data.tables["gemeinde"].set_index("ags").loc[key, "sozialraum"]
    return key


@callback(
    Output(ids.KARTE_GRAPH, "figure"),
    Output(ids.KARTE_PANEL, "children"),
    Output(ids.KARTE_SELECTION, "data"),
    Output(ids.KARTE_CAVEAT, "children"),
    Output(ids.KARTE_AREA, "value"),
    Output(ids.KARTE_AREA, "options"),
    Output(ids.KARTE_AREA_LABEL, "children"),
    Output(ids.KARTE_LEVEL, "value"),
    Input(ids.KARTE_LEVEL, "value"),
    Input(ids.KARTE_INDICATOR, "value"),
    Input(ids.KARTE_LAYERS, "value"),
    Input(ids.KARTE_LABELS, "value"),
    Input(ids.KARTE_GRAPH, "clickData"),
    Input(ids.KARTE_AREA, "value"),
    State(ids.KARTE_SELECTION, "data"),
    State(ids.KARTE_BERICHTSSTAND, "data"),
    prevent_initial_call=True,
)
def update_map(
    level, indicator, layers, show_labels, click, chosen, selected, berichtsstand
):  # noqa: ANN001, ANN201
    """Restyle the map with a Patch holding only what changed; geometry is never resent.

    A click on the map and the select list (the keyboard way) choose the same area.
    An indicator with a breakdown switches the map to its level.
    """
    data, trigger, patch = current_map_data(berichtsstand), ctx.triggered_id, Patch()
    ind = data.indicator(indicator)
    if ind is None:
        raise dash.exceptions.PreventUpdate
    layer = data.measured.get(indicator)
    new_level = trigger == ids.KARTE_LEVEL
    switched = trigger == ids.KARTE_INDICATOR and layer and layer.level != level
    if switched:
        level, new_level = layer.level, True
    if trigger == ids.KARTE_GRAPH:
        selected = _clicked_key(click, level, data)
    elif trigger == ids.KARTE_AREA:
        selected = chosen or None
    elif new_level and selected:
        g = data.tables["gemeinde"].set_index("ags")
        selected = (
            g.loc[selected, "sozialraum"]
            if level == "sozialraum" and selected in g.index
            else None
        )
    if new_level or trigger == ids.KARTE_INDICATOR:
        restyle(patch, data.tables[level], level, ind)
    if new_level or trigger in (ids.KARTE_GRAPH, ids.KARTE_AREA):
        widths = line_widths(data.tables[level], level, selected)
        patch["data"][TRACE_AREA[level]]["marker"]["line"]["width"] = widths
    if new_level:
        for lv, trace in TRACE_AREA.items():
            patch["data"][trace]["visible"] = patch["data"][trace]["showscale"] = (
                lv == level
            )
    if new_level or trigger == ids.KARTE_LABELS:
        for lv, trace in TRACE_LABEL.items():
            patch["data"][trace]["visible"] = bool(show_labels) and lv == level
    if trigger == ids.KARTE_LAYERS:
        for layer, traces in POINT_TRACES.items():
            for trace in traces:
                patch["data"][trace]["visible"] = layer in (layers or [])
    changed_selection = new_level or trigger in (ids.KARTE_GRAPH, ids.KARTE_AREA)
    return (
        patch,
        panel(
            data,
            level,
            selected,
            _clicked_point(click) if trigger == ids.KARTE_GRAPH else None,
        )
        if changed_selection
        else dash.no_update,
        selected if changed_selection else dash.no_update,
        caveat(data, indicator, level)
        if trigger in (ids.KARTE_LEVEL, ids.KARTE_INDICATOR)
        else dash.no_update,
        (selected or "") if changed_selection else dash.no_update,
        area_options(data, level) if new_level else dash.no_update,
        AREA_LABEL[level] if new_level else dash.no_update,
        level if switched else dash.no_update,
    )


@callback(
    Output(ids.KARTE_TABLE, "children"),
    Output(ids.KARTE_SORT_STATE, "data"),
    Input(ids.KARTE_LEVEL, "value"),
    Input(ids.KARTE_INDICATOR, "value"),
    Input({"type": ids.KARTE_SORT, "col": ALL}, "n_clicks"),
    State(ids.KARTE_SORT_STATE, "data"),
    State(ids.KARTE_BERICHTSSTAND, "data"),
    prevent_initial_call=True,
)
def sort_table(level, indicator, _clicks, sort, berichtsstand):  # noqa: ANN001, ANN201
    """Re-render the table for a new level or indicator or a click on a header."""
    trigger = ctx.triggered_id
    if isinstance(trigger, dict):
        if not any(_clicks):
            raise dash.exceptions.PreventUpdate
        key = trigger["col"]
        sort = {
            "key": key,
            "ascending": not sort["ascending"] if sort["key"] == key else key == "name",
        }
    data = current_map_data(berichtsstand)
    return table(data, level, sort["key"], sort["ascending"], indicator), sort


@callback(
    Output(ids.KARTE_CSV, "data"),
    Input(ids.KARTE_CSV_BUTTON, "n_clicks"),
    State(ids.KARTE_LEVEL, "value"),
    State(ids.KARTE_BERICHTSSTAND, "data"),
    prevent_initial_call=True,
)
def download_csv(_n, level, berichtsstand):  # noqa: ANN001, ANN201
    data = current_map_data(berichtsstand)
    return send_table(csv_frame(data, level), f"karte_{level}")


clientside_callback(
    """
    function (level, indicator, layers, labels, selected, berichtsstand) {
        window.imUrlState.push({berichtsstand: berichtsstand || null, ebene: level,
                                indikator: indicator, ebenen: (layers || []).join(","),
                                beschriftung: labels ? "1" : null, auswahl: selected || null});
        return window.dash_clientside.no_update;
    }
    """,
    Output(ids.KARTE_URL_SYNC, "data"),
    Input(ids.KARTE_LEVEL, "value"),
    Input(ids.KARTE_INDICATOR, "value"),
    Input(ids.KARTE_LAYERS, "value"),
    Input(ids.KARTE_LABELS, "value"),
    Input(ids.KARTE_SELECTION, "data"),
    State(ids.KARTE_BERICHTSSTAND, "data"),
    prevent_initial_call=True,
)
