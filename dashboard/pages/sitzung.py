"""Sitzungsmodus: a full-screen agenda of slides for the projector, driven by a clicker.

The agenda and its filters come from the URL (shareable). Navigation runs in the
browser (assets/40-sitzung.js: → ← Bild↑ Bild↓ Leertaste always move slides, f =
Vollbild; a presenter view in a second window follows the deck). The map's indicator
and a chosen scenario stay usable on their slides. Reads the same tables as the other
views; writes nothing.
"""

from __future__ import annotations

from dataclasses import replace

import dash
from dash import Input, Output, Patch, State, callback, html

from dashboard import current, ids, labels, services
from dashboard.changes import compare
from dashboard.components import changes_views as cv
from dashboard.components import deck as dk
from dashboard.components import slides as sl
from dashboard.components.goal_slides import (
    field_slides,
    open_points_slide,
    with_owners,
)
from dashboard.components.map_patch import restyle
from dashboard.current import capacity_frame
from dashboard.data.daz import observed_class_size, scenario, scenario_by_area
from dashboard.data.indicators import DEFAULT_INDICATOR
from dashboard.data.mapdata import GEO_URLS, current_map_data
from dashboard.figures import contrast as hc
from dashboard.figures.daz import capacity_by_group, daz_trend
from dashboard.figures.karte import TRACE_AREA, map_figure
from dashboard.reports.summary import earlier_figures, key_figures

dash.register_page(
    __name__,
    path="/sitzung",
    name="Sitzungsmodus",
    title=f"Sitzung – {labels.APP_TITLE}",
    plotly_preload=True,  # draws charts on every visit (dashboard.plotly_js)
)


def _map_slide(area: str | None, indicator: str, contrast: bool, snap):  # noqa: ANN001, ANN202
    """The map slide with the data of the deck (now or its Berichtsstand); catalogue
    indicators of the slide's level (Sozialräume with an area, else Gemeinden) can
    colour it too."""
    reporting = snap.reporting.id if snap.reporting else None
    data = current_map_data(reporting)
    level = "sozialraum" if area else "gemeinde"
    options = [
        o for o in data.indicator_options()
        if o["value"] not in data.measured or data.measured[o["value"]].level == level
    ]  # fmt: skip
    if indicator not in [o["value"] for o in options]:
        indicator = DEFAULT_INDICATOR
    fig = map_figure(
        GEO_URLS,
        data.tables,
        data.labels,
        data.points,
        level=level,
        indicator=data.indicator(indicator),
        layers={"schulen"},
        show_labels=True,
        selected=area,
        attribution=labels.BKG_ATTRIBUTION,
    )
    fig = sl.projector_map(fig)
    if contrast:
        for lv in ("gemeinde", "sozialraum"):
            _contrast_area(
                fig.data[TRACE_AREA[lv]], data.tables[lv], data.indicator(indicator)
            )
    source = f"Schulen {data.school_year}: {data.school_source}"
    if indicator in data.measured:
        layer = data.measured[indicator]
        source += f"; {layer.indicator.short}: {layer.source()}"
    return sl.map_slide(fig, source, indicator, area, options, reporting)


def _contrast_area(trace, table, indicator) -> None:  # noqa: ANN001
    style = hc.area_style(table, indicator)
    for prop in ("z", "colorscale", "zmin", "zmax"):
        trace[prop] = style[prop]
    trace["colorbar"]["tickvals"] = style["tickvals"]
    trace["colorbar"]["ticktext"] = style["ticktext"]


def layout(**query: str) -> html.Div:
    repo = services.get().repo
    plan = dk.parse(query)
    snap = current.snapshot(berichtsstand=plan.berichtsstand)
    if snap.reporting:  # a deck for a Berichtsstand: its name, and its changes second
        keys = [i.key for i in plan.items]
        extra = () if query.get("folien") or "veraenderungen" in keys else (
            dk.Item("veraenderungen", sl.SLIDE_TITLES["veraenderungen"]),)  # fmt: skip
        plan = replace(
            plan,
            title=plan.title or f"Sitzung – {snap.reporting.name}",
            items=plan.items[:1] + extra + plan.items[1:],
        )
    area, contrast = plan.area, plan.contrast
    en, sf = snap.enrolment(), snap.schools()
    cap = capacity_frame(sf)
    shown = cap[cap["sozialraum"] == area] if area else cap
    goals, fields = repo.table("ziele"), repo.table("handlungsfelder")
    names = dict(repo.actor_names().itertuples(index=False))
    cur = with_owners(snap.goals(), names, snap.measures())
    figures = [
        (f"DaZ-Schüler {en.year}", en.source.text()),
        (f"Schulen {sf.year}", sf.source.text()),
    ]

    def chart(fig):  # noqa: ANN001, ANN202
        fig = sl.projector_chart(fig)
        return hc.bars(fig) if contrast else fig

    built = []
    for item in plan.items:
        key = item.key
        if key == "ueberblick":
            made = [
                sl.kpi_slide(
                    key_figures(shown, en, sf.year, area, earlier_figures(snap, area)),
                    sl.concept_figures(repo.table("kennzahlen")),
                    sl.source_line(
                        [*figures, ("Kennzahlen", f"{labels.KONZEPT}, Kap. 3")]
                    ),
                )
            ]
        elif key == "karte":
            made = [_map_slide(area, plan.indicator, contrast, snap)]
        elif key == "daz":
            by = "schulart" if area else "sozialraum"
            made = [
                sl.daz_slide(
                    chart(daz_trend(en.history, snap.decisions())),
                    chart(capacity_by_group(shown, by)).update_xaxes(
                        title_text="Plätze"
                    ),
                    area,
                    sf.year,
                    sl.source_line(figures),
                )
            ]
        elif key == "szenario":
            made = [sl.scenario_slide(plan.scenario, sf.year, sf.source.text())]
        elif key == "veraenderungen":
            made = [_changes_slide(snap)]
        elif key == "offen":
            made = open_points_slide(goals, cur, contrast)
        else:
            made = field_slides(fields, goals, cur, key.removeprefix("hf-"), contrast)
        built += dk.with_agenda(made, item)
    return dk.deck(plan, built)


def _changes_slide(snap):  # noqa: ANN001, ANN202
    """Changes from the Berichtsstand before ``snap`` (or the latest one) to ``snap``."""
    repo = snap.repo
    point = current.previous_point(repo.engine, snap.reporting)
    titles = repo.table("handlungsfelder").set_index("hf_id")["titel"].to_dict()
    until = snap.reporting.name if snap.reporting else "heute"
    if point is None:
        return sl.slide("veraenderungen", sl.SLIDE_TITLES["veraenderungen"],
                        [html.P("Noch kein früherer Berichtsstand zum Vergleich.")], "Integrationsmonitor")  # fmt: skip
    before = current.Snapshot(repo, reporting=point)
    return cv.changes_slide(compare(before, snap), titles, point.name, until)


@callback(
    Output(ids.DECK_MAP, "figure"),
    Input(ids.DECK_MAP_INDICATOR, "value"),
    State(ids.DECK, "className"),
    State(ids.DECK_BERICHTSSTAND, "data"),
    prevent_initial_call=True,
)
def deck_map(indicator, class_name, berichtsstand):  # noqa: ANN001, ANN201
    """Recolour the slide map with the deck's data: a Berichtsstand's, or today's."""
    data = current_map_data(berichtsstand)
    ind = data.indicator(indicator)
    if ind is None:
        return dash.no_update
    patch = Patch()
    for level in ("gemeinde", "sozialraum"):
        restyle(patch, data.tables[level], level, ind)
        if dk.CONTRAST_CLASS in (class_name or ""):
            _contrast_area(patch["data"][TRACE_AREA[level]], data.tables[level], ind)
    return patch


@callback(Output(ids.DECK_SC_RESULT, "children"), Input(ids.DECK_SC_CHANGE, "value"))
def deck_scenario(change):  # noqa: ANN001, ANN201
    if change is None:  # no scenario chosen for this meeting: show nothing computed
        return []
    cap = capacity_frame(current.snapshot().schools())
    size = observed_class_size(cap)
    change = int(change)
    result = scenario(cap, {s: change / 100 for s in cap["schulart"].unique()}, size)
    return sl.scenario_summary(result, scenario_by_area(result, size), change, size)
