"""Start-up: validate bundled data, migrate and seed the store, load geometry.

The app refuses to start on invalid bundled data rather than show wrong numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import flask
import geopandas as gpd
import pandas as pd
from sqlalchemy import Engine

from dashboard.config import Settings
from dashboard.data.geo import (
    check_sozialraum_mapping,
    load_gemeinden,
    load_provenance,
    sozialraum_polygons,
)
from dashboard.data.loaders import DataError, load_all
from dashboard.store.db import make_engine, migrate
from dashboard.store.repository import Repository
from dashboard.store.seed import seed, seeded_unchanged

EXTENSION = "integrationsmonitor"


@dataclass(frozen=True)
class Services:
    """Everything a page needs; created once per app, read-only afterwards."""

    settings: Settings
    engine: Engine
    repo: Repository
    gemeinden: gpd.GeoDataFrame
    sozialraum_mapping: pd.DataFrame  # checked against the geometry at start
    provenance: dict

    @cached_property
    def sozialraeume(self) -> gpd.GeoDataFrame:
        """The Sozialräume as dissolved Gemeinden (built on first use: 0.07 s)."""
        return sozialraum_polygons(self.gemeinden, self.sozialraum_mapping)


def start(settings: Settings) -> Services:
    """Validate, migrate, seed; return the services.

    Files whose checksum equals the one seeded last were validated then and are not
    validated again; any changed file makes all files be validated and re-seeded.

    Raises
    ------
    DataError
        If a bundled file is invalid or does not match the geometry.
    """
    gemeinden = load_gemeinden(settings.geo_dir)
    _private_instance_dir(settings)
    engine = make_engine(settings.database_url)
    migrate(engine)
    if not seeded_unchanged(engine, settings.data_dir):
        datasets = load_all(settings.data_dir)
        _check_mapping(set(datasets["sozialraeume"].frame["ags"]), gemeinden)
        seed(engine, datasets)
    repo = Repository(engine)
    mapping = repo.table("sozialraeume")
    _check_mapping(set(mapping["ags"]), gemeinden)
    check_sozialraum_mapping(gemeinden, mapping)
    return Services(
        settings, engine, repo, gemeinden, mapping, load_provenance(settings.geo_dir)
    )


def _private_instance_dir(settings: Settings) -> None:
    """The instance folder holds the session key and the database: owner only (0700)."""
    path = Path(settings.instance_dir)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)


def _check_mapping(mapped: set[str], gemeinden: gpd.GeoDataFrame) -> None:
    if mapped != set(gemeinden["ags"]):
        diff = sorted(mapped ^ set(gemeinden["ags"]))
        raise DataError(
            [
                f"sozialraeume.csv passt nicht zur Geometrie in geo/: AGS {', '.join(diff)}."
            ]
        )


def get() -> Services:
    """The services of the app serving this request."""
    return flask.current_app.extensions[EXTENSION]
