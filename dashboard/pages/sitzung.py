"""Sitzungsmodus: a full-screen agenda of slides for the projector, driven by a clicker.

The agenda and its filters come from the URL (shareable). Navigation runs in the
browser (assets/40-sitzung.js: → ← Bild↑ Bild↓ Leertaste, f = Vollbild); the map's
indicator and the scenario's growth stay usable on their slides. Reads the same tables
as the other views; writes nothing.
"""

from __future__ import annotations

import dash
from dash import Input, Output, Patch, callback, html

from dashboard import current, ids, labels, services
from dashboard.components import slides as sl
from dashboard.components.karte_state import MapState
from dashboard.components.map_patch import restyle
from dashboard.current import capacity_frame
from dashboard.data.daz import observed_class_size, scenario, scenario_by_area
from dashboard.data.indicators import DEFAULT_INDICATOR, INDICATORS
from dashboard.data.mapdata import GEO_URLS, current_map_data
from dashboard.figures.daz import capacity_by_group, daz_trend
from dashboard.figures.karte import map_figure

dash.register_page(
    __name__,
    path="/sitzung",
    name="Sitzungsmodus",
    title=f"Sitzung – {labels.APP_TITLE}",
    plotly_preload=True,  # draws charts on every visit (dashboard.plotly_js)
)


def _area(value: str | None) -> str | None:
    return value if value in {"Meißen", "Riesa", "Großenhain", "Radebeul"} else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def layout(
    folien: str = "",
    sozialraum: str | None = None,
    indikator: str = DEFAULT_INDICATOR,
    szenario: str = "100",
    folie: str = "1",
    kontrast: str = "",
    titel: str = "",
    **_q: str,
) -> html.Div:
    s = services.get()
    repo = s.repo
    agenda = [k for k in folien.split(",") if k in sl.SLIDE_TITLES] or sl.DEFAULT_AGENDA
    area = _area(sozialraum)
    indicator = indikator if indikator in INDICATORS else DEFAULT_INDICATOR
    snap = current.snapshot()
    en, sf = snap.enrolment(), snap.schools()
    schools = sf.frame
    shown = schools[schools["sozialraum"] == area] if area else schools
    lk = en.history
    goals, fields = repo.table("ziele"), repo.table("handlungsfelder")
    cur = snap.goals()
    source = (
        f"DaZ-Schüler {en.year}: {en.source.text()} · "
        f"Schulen {sf.year}: {sf.source.text()}"
    )
    built = []
    for key in agenda:
        if key == "ueberblick":
            built.append(
                sl.kpi_slide(
                    sl.kpis(shown, sf.year, en, repo.table("kennzahlen")),
                    f"{source} · Kennzahlen: {labels.KONZEPT}, Kap. 3",
                )
            )
        elif key == "karte":
            data = current_map_data()
            state = MapState(
                "sozialraum" if area else "gemeinde",
                indicator,
                ("schulen",),
                True,
                area,
            )
            fig = map_figure(
                GEO_URLS,
                data.tables,
                data.labels,
                data.points,
                level=state.level,
                indicator=indicator,
                layers=set(state.layers),
                show_labels=True,
                selected=area,
                attribution=labels.BKG_ATTRIBUTION,
            )
            built.append(
                sl.map_slide(
                    fig,
                    indicator,
                    area,
                    f"Schulen {data.school_year}: {data.school_source}",
                )
            )
        elif key == "daz":
            by = "schulart" if area else "sozialraum"
            built.append(
                sl.daz_slide(daz_trend(lk), capacity_by_group(shown, by), source)
            )
        elif key == "szenario":
            built.append(
                sl.scenario_slide(_int(szenario, 100), sf.year, sf.source.text())
            )
        elif key == "offen":
            built.append(sl.open_points_slide(goals, cur))
        else:
            built.append(sl.field_slide(fields, goals, cur, key.removeprefix("hf-")))
    heading = titel or "Sitzung der Lenkungsgruppe Integration"
    if area:
        heading += f" · Filter: Sozialraum {area}"
    bar = html.Div(
        [
            html.Span(heading, className="im-deck-heading"),
            html.Span(
                [
                    html.Button(
                        "◀",
                        className="im-deck-btn",
                        **{"data-deck": "prev", "aria-label": "vorherige Folie"},
                    ),
                    html.Span(
                        f"1 / {len(built)}",
                        id=ids.DECK_COUNTER,
                        className="im-deck-counter",
                    ),
                    html.Button(
                        "▶",
                        className="im-deck-btn",
                        **{"data-deck": "next", "aria-label": "nächste Folie"},
                    ),
                    html.Button(
                        "Vollbild",
                        className="im-deck-btn",
                        **{"data-deck": "fullscreen"},
                    ),
                    html.A("Beenden", href="/sitzung-planen", className="im-deck-btn"),
                ]
            ),
        ],
        className="im-deck-bar",
    )
    contrast = " im-deck-contrast" if kontrast == "1" else ""
    return html.Div(
        [bar, *built],
        id=ids.DECK,
        className="im-deck" + contrast,
        **{"data-start": str(_int(folie, 1)), "data-szenario": szenario},
    )


@callback(
    Output(ids.DECK_MAP, "figure"),
    Input(ids.DECK_MAP_INDICATOR, "value"),
    prevent_initial_call=True,
)
def deck_map(indicator):  # noqa: ANN001, ANN201
    data = current_map_data()
    patch = Patch()
    for level in ("gemeinde", "sozialraum"):
        restyle(patch, data.tables[level], level, indicator)
    return patch


@callback(Output(ids.DECK_SC_RESULT, "children"), Input(ids.DECK_SC_CHANGE, "value"))
def deck_scenario(change):  # noqa: ANN001, ANN201
    cap = capacity_frame(current.snapshot().schools())
    size = observed_class_size(cap)
    change = int(change or 0)
    result = scenario(cap, {s: change / 100 for s in cap["schulart"].unique()}, size)
    return sl.scenario_summary(result, scenario_by_area(result, size), change, size)
