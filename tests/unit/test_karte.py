"""Map: indicators per Gemeinde/Sozialraum, classes, figure traces, URL state."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.components.karte_state import MapState
from dashboard.data.geo import load_gemeinden, sozialraum_polygons
from dashboard.data.indicators import gemeinde_indicators, sozialraum_indicators
from dashboard.data.loaders import load_all
from dashboard.data.points import map_points
from dashboard.figures.classes import classify
from dashboard.figures.karte import (
    POINT_TRACES,
    TRACE_AREA,
    area_style,
    line_widths,
    map_figure,
)
from tests.conftest import DATA, GEO


@pytest.fixture(scope="module")
def d():
    return {k: v.frame for k, v in load_all(DATA).items()}


@pytest.fixture(scope="module")
def tables(d):
    g = gemeinde_indicators(
        d["sozialraeume"], d["schulen_daz"], d["angebote"], d["akteure"], d["einwohner"]
    )
    return {"gemeinde": g, "sozialraum": sozialraum_indicators(g)}


def test_gemeinde_indicators_match_data(tables):
    g = tables["gemeinde"].set_index("gemeinde")
    assert len(g) == 28
    assert g.loc[
        "Riesa", ["vka_schueler", "vka_klassen", "kapazitaetsreserve", "daz_standorte"]
    ].tolist() == [172, 9, 37, 5]
    assert g.loc["Riesa", "auslastung"] == pytest.approx(172 / 209)
    assert g.loc["Riesa", "vka_je_1000"] == pytest.approx(172 / 29127 * 1000)
    # no DaZ school: no value (not zero) for school indicators; counts stay real zeros
    assert pd.isna(g.loc["Nossen", "vka_schueler"]) and pd.isna(
        g.loc["Nossen", "auslastung"]
    )
    assert (
        g.loc["Nossen", "daz_standorte"] == 0 and g.loc["Nossen", "einwohner"] == 10524
    )
    assert g["vka_schueler"].sum() == 517


def test_sozialraum_sums(tables):
    s = tables["sozialraum"].set_index("sozialraum")
    assert s["vka_schueler"].sum() == 517 and s["kapazitaetsreserve"].sum() == 198
    assert s.loc["Riesa", "vka_schueler"] == 188
    assert s.loc["Meißen", "auslastung"] == pytest.approx(102 / 115)


def test_classes_separate_missing_and_label_members():
    c = classify(pd.Series([1.0, None, 2.0, 2.0]))
    assert c.index == [0, -1, 1, 1] and c.labels == ["1", "2"]
    many = classify(pd.Series(range(1, 101)), k=5)
    assert len(many.labels) == 5 and many.labels[0] == "1 – 20" and max(many.index) == 4
    assert classify(pd.Series([0.5, 0.75]), decimals=0, percent=True).labels == [
        "50 %",
        "75 %",
    ]


def test_area_style_german_legend_and_selection(tables):
    g = tables["gemeinde"]
    style = area_style(g, "gemeinde", "auslastung")
    assert style["colorbar"]["ticktext"][0] == "kein DaZ-Standort"
    assert style["zmin"] == -1.5
    widths = dict(zip(g["ags"], line_widths(g, "gemeinde", "14627230"), strict=True))
    assert widths["14627230"] > widths["14627010"]
    assert style["text"][g["ags"].tolist().index("14627230")] == "82,3 %"
    assert style["z"][g["ags"].tolist().index("14627180")] == -1  # Nossen: no data


def test_map_figure_traces(d, tables):
    gem = load_gemeinden(GEO)
    sr = sozialraum_polygons(gem, d["sozialraeume"])
    points = map_points(gem, sr, d["schulen_daz"], d["angebote"], d["akteure"])
    labels = {
        "gemeinde": pd.DataFrame({"lon": [13.3], "lat": [51.2], "name": ["x"]}),
        "sozialraum": pd.DataFrame({"lon": [13.3], "lat": [51.2], "name": ["y"]}),
    }
    fig = map_figure(
        {"gemeinde": "/geo/g", "sozialraum": "/geo/s"},
        tables,
        labels,
        points,
        level="gemeinde",
        indicator="vka_schueler",
        layers={"schulen"},
        show_labels=False,
        selected=None,
        attribution="©",
    )
    area = fig.data[TRACE_AREA["gemeinde"]]
    assert (
        area.type == "choropleth"
        and area.geojson == "/geo/g"
        and len(area.locations) == 28
    )
    assert fig.data[TRACE_AREA["sozialraum"]].visible is False
    school_traces = [fig.data[i] for i in POINT_TRACES["schulen"]]
    assert sum(len(t.lon) for t in school_traces) == 19 and all(
        t.visible for t in school_traces
    )
    assert not any(fig.data[i].visible for i in POINT_TRACES["akteure"])
    assert fig.layout.geo.visible is False and fig.layout.geo.fitbounds == "locations"
    assert all("Lage: " in h for t in fig.data[4:] for h in t.hovertext)


def test_points_inside_their_gemeinde(d):
    import geopandas as gpd

    gem = load_gemeinden(GEO)
    sr = sozialraum_polygons(gem, d["sozialraeume"])
    pts = map_points(gem, sr, d["schulen_daz"], d["angebote"], d["akteure"])
    geom = gem.set_index("ags").geometry
    for ags, pt in zip(
        pts["ags"], gpd.points_from_xy(pts["lon"], pts["lat"]), strict=True
    ):
        assert geom[ags].contains(pt)
    assert not pts.duplicated(["lon", "lat"]).any()


def test_state_round_trip_and_defaults():
    state = MapState("sozialraum", "auslastung", ("schulen", "akteure"), True, "Riesa")
    query = dict(pair.split("=") for pair in state.to_query()[1:].split("&"))
    query = {k: v.replace("%2C", ",") for k, v in query.items()}
    assert MapState.from_query(query) == state
    assert MapState.from_query(
        {"ebene": "x", "indikator": "<script>", "ebenen": "foo"}
    ) == MapState(layers=())


def test_ended_sites_leave_the_map_by_the_current_rule(d):
    """The map asks ``current.ended``: a closed Angebot ("geschlossen") and one whose
    status is the directory's "beendet" both leave the points and the counts."""
    from dashboard.current import ended

    gem = load_gemeinden(GEO)
    sr = sozialraum_polygons(gem, d["sozialraeume"])
    sites = d["angebote"][d["angebote"]["ags"] != ""].head(2).copy()
    assert not ended(sites).any()
    names = set(sites["name"])
    closed = sites.assign(status=["geschlossen", "beendet"])
    assert ended(closed).all()
    empty = d["akteure"].head(0)
    before = map_points(gem, sr, d["schulen_daz"].head(0), sites, empty)
    after = map_points(gem, sr, d["schulen_daz"].head(0), closed, empty)
    assert names <= set(before["name"]) and not names & set(after["name"])
    g = gemeinde_indicators(
        d["sozialraeume"], d["schulen_daz"], closed, empty, d["einwohner"]
    )
    assert g["angebote"].fillna(0).sum() == 0
