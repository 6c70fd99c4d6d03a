"""Start-up: validate bundled data, migrate and seed the store, load geometry.

The app refuses to start on invalid bundled data rather than show wrong numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import flask
import geopandas as gpd
from sqlalchemy import Engine

from dashboard.config import Settings
from dashboard.data.geo import load_gemeinden, load_provenance, sozialraum_polygons
from dashboard.data.loaders import DataError, load_all
from dashboard.store.db import make_engine, migrate
from dashboard.store.repository import Repository
from dashboard.store.seed import seed

EXTENSION = "integrationsmonitor"


@dataclass(frozen=True)
class Services:
    """Everything a page needs; created once per app, read-only afterwards."""

    settings: Settings
    engine: Engine
    repo: Repository
    gemeinden: gpd.GeoDataFrame
    sozialraeume: gpd.GeoDataFrame
    provenance: dict


def start(settings: Settings) -> Services:
    """Validate, migrate, seed; return the services.

    Raises
    ------
    DataError
        If a bundled file is invalid or does not match the geometry.
    """
    datasets = load_all(settings.data_dir)
    gemeinden = load_gemeinden(settings.geo_dir)
    mapped = set(datasets["sozialraeume"].frame["ags"])
    if mapped != set(gemeinden["ags"]):
        diff = sorted(mapped ^ set(gemeinden["ags"]))
        raise DataError(
            [
                f"sozialraeume.csv passt nicht zur Geometrie in geo/: AGS {', '.join(diff)}."
            ]
        )
    engine = make_engine(settings.database_url)
    migrate(engine)
    seed(engine, datasets)
    repo = Repository(engine)
    areas = sozialraum_polygons(gemeinden, repo.table("sozialraeume"))
    return Services(
        settings, engine, repo, gemeinden, areas, load_provenance(settings.geo_dir)
    )


def get() -> Services:
    """The services of the app serving this request."""
    return flask.current_app.extensions[EXTENSION]
