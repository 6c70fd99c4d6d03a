"""Everything the map page shows, derived once per data version."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from dashboard import services
from dashboard.current import Snapshot, ended, reporting_point
from dashboard.data.geo import representative_points
from dashboard.data.indicators import (
    INDICATORS,
    Indicator,
    gemeinde_indicators,
    sozialraum_indicators,
)
from dashboard.data.map_measured import MeasuredLayer, measured_layers, with_measured
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
    # catalogue indicators with a breakdown, by indikator_id (a column in ``tables``)
    measured: dict[str, MeasuredLayer]
    reporting_id: int | None = None  # the Berichtsstand shown, None = now

    def indicator(self, key: str) -> Indicator | None:
        """The colouring ``key`` names: built-in or a catalogue indicator, else None."""
        if key in INDICATORS:
            return INDICATORS[key]
        layer = self.measured.get(key)
        return layer.indicator if layer else None

    def indicator_options(self) -> list[dict]:
        """Choices for a "Kennzahl" select: built-in measures, then indicators."""
        return [{"label": i.label, "value": k} for k, i in INDICATORS.items()] + [
            {"label": f"Indikator: {m.indicator.label}", "value": k}
            for k, m in self.measured.items()
        ]


def build_map_data(
    repo: Repository,
    gemeinden,  # noqa: ANN001
    sozialraeume,  # noqa: ANN001
    snap: Snapshot | None = None,
) -> MapData:
    """Map tables, labels and points: school figures of the current school year,
    actors, Angebote and indicator values, all now or as of ``snap``."""
    mapping = repo.table("sozialraeume")
    snap = snap or Snapshot(repo)
    figures = snap.schools()
    # actors and Angebote as they were (at a Berichtsstand) or are
    schools, sites = figures.frame, snap.records("angebot")
    actors, population = snap.records("akteur"), repo.table("einwohner")
    actors = actors[~ended(actors)]  # ended actors leave the map (current.py decides)
    g = gemeinde_indicators(mapping, schools, sites, actors, population)
    gem_labels = representative_points(gemeinden, "ags").merge(
        gemeinden[["ags", "name"]], on="ags"
    )
    sr_labels = representative_points(sozialraeume, "sozialraum").rename(
        columns={"sozialraum": "name"}
    )
    measured = measured_layers(snap.indicators(), snap.values(), mapping)
    tables = {"gemeinde": g, "sozialraum": sozialraum_indicators(g)}
    return MapData(
        tables=with_measured(tables, measured),
        labels={"gemeinde": gem_labels, "sozialraum": sr_labels},
        points=map_points(gemeinden, sozialraeume, schools, sites, actors),
        unplaced=unplaced(sites, actors),
        schools=schools,
        sites=sites,
        actors=actors,
        population=population,
        school_year=figures.year,
        school_source=figures.source.text(),
        measured=measured,
        reporting_id=snap.reporting.id if snap.reporting else None,
    )


def current_map_data(berichtsstand: object = None) -> MapData:
    """Map data of the serving app, now or at a Berichtsstand (its URL value; unknown
    values mean now), rebuilt only when the data version changes."""
    s = services.get()
    point = reporting_point(s.repo.engine, berichtsstand) if berichtsstand else None
    return _cached(id(s), s.repo.version(), point.id if point else None)


@lru_cache(maxsize=8)
def _cached(_services_id: int, _version: int, reporting_id: int | None) -> MapData:
    s = services.get()
    point = reporting_point(s.repo.engine, reporting_id) if reporting_id else None
    snap = Snapshot(s.repo, reporting=point) if point else None
    return build_map_data(s.repo, s.gemeinden, s.sozialraeume, snap)
