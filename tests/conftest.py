"""Shared fixtures: one test database and app per session, tiny synthetic files in tmp."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard.config import ROOT, Settings

DATA = ROOT / "data"
GEO = ROOT / "geo"


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    return Settings.from_env(
        instance_dir=tmp_path_factory.mktemp("instance"),
        database_url="",
        data_dir=DATA,
        geo_dir=GEO,
        secret_key="test-secret",
    )


@pytest.fixture(scope="session")
def app(settings):
    from dashboard.web import create_app

    return create_app(settings)


@pytest.fixture()
def client(app):
    return app.server.test_client()


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    """A writable copy of ``data/`` for tests that break or change files."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


# PostgreSQL (issue: Betrieb): one throwaway cluster per test session, one database per test.
@pytest.fixture(scope="session")
def pg_cluster():
    from tests.postgres import Cluster

    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture()
def pg_url(pg_cluster) -> str:
    """URL of a new, empty PostgreSQL database."""
    return pg_cluster.create_database()


def csrf_token(client) -> str:
    """A valid login/logout form token for ``client``'s session."""
    import flask
    from flask_wtf.csrf import generate_csrf

    with client.application.test_request_context():
        token = generate_csrf()
        raw = flask.session["csrf_token"]
    with client.session_transaction() as sess:
        sess["csrf_token"] = raw
    return token
