"""Everything the map page shows, derived once per data version."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from dashboard import services
from dashboard.current import Snapshot
from dashboard.data.geo import representative_points
from dashboard.data.indicators import gemeinde_indicators, sozialraum_indicators
from dashboard.data.points import map_points, unplaced
from dashboard.store.repository import Repository

GEO_URLS = {
    "gemeinde": "/geo/gemeinden.geojson",
    "sozialraum": "/geo/sozialraeume.geojson",
}


@dataclass(frozen=True)
class MapData:
    tables: dict[str, pd.DataFrame]
    labels: dict[str, pd.DataFrame]
    points: pd.DataFrame
    unplaced: pd.DataFrame
    schools: pd.DataFrame
    sites: pd.DataFrame
    actors: pd.DataFrame
    population: pd.DataFrame
    school_year: str  # school year of the school figures (``dashboard.current``)
    school_source: str  # their Quelle and Stand


def build_map_data(
    repo: Repository,
    gemeinden,  # noqa: ANN001
    sozialraeume,  # noqa: ANN001
    snap: Snapshot | None = None,
) -> MapData:
    """Map tables, labels and points; school figures of the current school year."""
    mapping = repo.table("sozialraeume")
    figures = (snap or Snapshot(repo)).schools()
    schools, sites = figures.frame, repo.records("angebot")
    actors, population = repo.records("akteur"), repo.table("einwohner")
    actors = actors[actors["status"] != "beendet"]  # ended actors leave the map
    g = gemeinde_indicators(mapping, schools, sites, actors, population)
    gem_labels = representative_points(gemeinden, "ags").merge(
        gemeinden[["ags", "name"]], on="ags"
    )
    sr_labels = representative_points(sozialraeume, "sozialraum").rename(
        columns={"sozialraum": "name"}
    )
    return MapData(
        tables={"gemeinde": g, "sozialraum": sozialraum_indicators(g)},
        labels={"gemeinde": gem_labels, "sozialraum": sr_labels},
        points=map_points(gemeinden, sozialraeume, schools, sites, actors),
        unplaced=unplaced(sites, actors),
        schools=schools,
        sites=sites,
        actors=actors,
        population=population,
        school_year=figures.year,
        school_source=figures.source.text(),
    )


def current_map_data() -> MapData:
    """Map data of the serving app, rebuilt only when the data version changes."""
    s = services.get()
    return _cached(id(s), s.repo.version())


@lru_cache(maxsize=4)
def _cached(_services_id: int, _version: int) -> MapData:
    s = services.get()
    return build_map_data(s.repo, s.gemeinden, s.sozialraeume)
