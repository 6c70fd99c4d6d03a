"""Geometry invariants of the committed VG250 extract and the joins to it."""

from __future__ import annotations

import hashlib
import json

import geopandas as gpd
import pandas as pd
import pytest

from dashboard.data.geo import (
    join_gemeinden,
    load_gemeinden,
    representative_points,
    sozialraum_polygons,
)
from dashboard.data.loaders import DataError, load_dataset
from tests.conftest import DATA, GEO

EXPECTED_AGS = [
    "14627010",
    "14627020",
    "14627030",
    "14627040",
    "14627050",
    "14627060",
    "14627070",
    "14627080",
    "14627100",
    "14627110",
    "14627130",
    "14627140",
    "14627150",
    "14627170",
    "14627180",
    "14627190",
    "14627200",
    "14627210",
    "14627220",
    "14627230",
    "14627240",
    "14627250",
    "14627260",
    "14627270",
    "14627290",
    "14627310",
    "14627340",
    "14627360",
]


@pytest.fixture(scope="module")
def gem():
    return load_gemeinden(GEO)


def test_exactly_the_28_gemeinden(gem):
    assert gem["ags"].tolist() == EXPECTED_AGS
    assert gem["ags"].str.len().eq(8).all()
    assert list(gem.columns) == ["ags", "name", "typ", "geometry"]


def test_polygons_valid(gem):
    assert gem.geometry.is_valid.all()
    assert set(gem.geom_type) <= {"Polygon", "MultiPolygon"}


def test_no_overlaps_between_neighbours(gem):
    metric = gem.to_crs(25833)
    total = metric.area.sum()
    overlap = 0.0
    for i, a in enumerate(metric.geometry):
        for b in metric.geometry.iloc[i + 1 :]:
            if a.intersects(b):
                overlap += a.intersection(b).area
    assert overlap / total < 1e-5


def test_union_matches_kreis_outline(gem):
    kreis = gpd.read_file(GEO / "landkreis.geojson").to_crs(25833).geometry.iloc[0]
    union = gem.to_crs(25833).union_all()
    assert union.symmetric_difference(kreis).area / kreis.area < 0.005


def test_files_small_and_checksummed():
    prov = json.loads((GEO / "provenance.json").read_text(encoding="utf-8"))
    assert "© GeoBasis-DE / BKG 2017, dl-de/by-2-0, Daten verändert" == prov["lizenz"]
    for name, meta in prov["dateien"].items():
        raw = (GEO / name).read_bytes()
        assert len(raw) <= 100_000
        assert hashlib.sha256(raw).hexdigest() == meta["sha256"]


def test_sozialraum_dissolve(gem):
    mapping = load_dataset("sozialraeume", DATA).frame
    sr = sozialraum_polygons(gem, mapping)
    assert sorted(sr["sozialraum"]) == ["Großenhain", "Meißen", "Radebeul", "Riesa"]
    assert sr.geometry.is_valid.all()
    assert sr.to_crs(25833).area.sum() == pytest.approx(
        gem.to_crs(25833).area.sum(), rel=1e-5
    )


def test_editing_the_mapping_changes_the_areas(gem):
    mapping = load_dataset("sozialraeume", DATA).frame.copy()
    before = (
        sozialraum_polygons(gem, mapping).set_index("sozialraum").to_crs(25833).area
    )
    mapping.loc[mapping["gemeinde"] == "Nossen", "sozialraum"] = "Riesa"
    after = sozialraum_polygons(gem, mapping).set_index("sozialraum").to_crs(25833).area
    assert after["Riesa"] > before["Riesa"] and after["Meißen"] < before["Meißen"]


def test_join_rejects_unknown_and_duplicate_keys(gem):
    ok = join_gemeinden(gem, pd.DataFrame({"ags": ["14627010"], "x": [1]}), "t")
    assert len(ok) == 28 and ok["x"].notna().sum() == 1
    with pytest.raises(DataError, match="ohne Gemeindegeometrie"):
        join_gemeinden(gem, pd.DataFrame({"ags": ["14627999"], "x": [1]}), "t")
    with pytest.raises(DataError, match="mehrfach"):
        join_gemeinden(
            gem, pd.DataFrame({"ags": ["14627010", "14627010"], "x": [1, 2]}), "t"
        )


def test_representative_points_inside(gem):
    pts = representative_points(gem, "ags")
    inside = gpd.points_from_xy(pts["lon"], pts["lat"], crs=4326)
    assert all(poly.contains(pt) for poly, pt in zip(gem.geometry, inside, strict=True))
