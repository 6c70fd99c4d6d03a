"""A goal page does not grow with its history: the store grows, the page stays bounded."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import dash
import flask
import pandas as pd
import plotly.io.json
import pytest

from dashboard.components.goal_views import HISTORY_PAGE
from dashboard.config import Settings
from dashboard.figures.daz import TOP_SCHOOLS
from dashboard.services import EXTENSION, start
from dashboard.store import goals as store
from dashboard.store.daz_imports import commit_import
from tests.conftest import DATA

FELD = "4.2"
MAX_PAGE_BYTES = 40_000  # ≈ 22 KB today, whatever the number of versions


SCHOOL_FACTOR = 10
MAX_DAZ_BYTES = 90_000  # ≈ 59 KB with the bundled 19 schools, ≈ 80 KB with 190
MAX_KARTE_BYTES = 80_000  # ≈ 69 KB, however many schools


def _more_schools(data: Path) -> Path:
    """A copy of ``data/`` with ``SCHOOL_FACTOR`` times the schools (synthetic)."""
    shutil.copytree(DATA, data)
    path = data / "schulen_daz.csv"
    schools = pd.read_csv(path, dtype=str, keep_default_na=False)
    copies = [schools]
    for i in range(1, SCHOOL_FACTOR):
        c = schools.copy()
        c["schule_id"] = c["schule_id"] + f"-k{i}"
        c["name_dokument"] = c["name_dokument"] + f" (Kopie {i})"
        c["schulnummer"] = [f"SN-9{i:02d}{n:04d}" for n in range(len(c))]
        copies.append(c)
    pd.concat(copies).to_csv(path, index=False)
    return data


@pytest.fixture(scope="module")
def grown(app, tmp_path_factory):  # noqa: ARG001  (app: the pages are registered)
    settings = Settings.from_env(
        instance_dir=tmp_path_factory.mktemp("grown"),
        database_url="",
        data_dir=_more_schools(tmp_path_factory.mktemp("grown-data") / "data"),
    )
    services = start(settings)
    server = flask.Flask("grown")
    server.extensions[EXTENSION] = services
    return server, services


def _page(server: flask.Flask, path: str, **query: str) -> str:
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    layout = getattr(page["layout"], "uncached", page["layout"])
    with server.test_request_context(path):
        tree = json.loads(plotly.io.json.to_json_plotly(layout(**query)))
    return json.dumps(tree, ensure_ascii=False)


def _ziele_page(server: flask.Flask, **query: str) -> str:
    return _page(server, "/ziele", **query)


def _save(engine, goal: str, n: int) -> None:  # noqa: ANN001
    latest = store.latest_versions(engine, [goal])
    version = int(store.current(latest, [goal]).iloc[0]["version"])
    for i in range(n):
        edit = store.Edit(
            "in Umsetzung" if i % 2 else "geplant",
            kommentar=f"Zwischenstand {version + 1}: Bericht der Arbeitsgruppe",
            massnahme="Sprachmittlerpool ausbauen" if i % 50 == 0 else "",
        )
        version = store.save(engine, goal, version, edit, "test")


def test_goal_page_size_is_bounded_as_versions_pile_up(grown):
    server, services = grown
    goal = f"Z-{FELD}-1"
    _save(services.engine, goal, HISTORY_PAGE + 1)
    base = len(_ziele_page(server, feld=FELD).encode())
    _save(services.engine, goal, 400)
    grown_page = _ziele_page(server, feld=FELD)
    assert len(grown_page.encode()) < MAX_PAGE_BYTES
    assert len(grown_page.encode()) < base * 1.05
    assert f"{HISTORY_PAGE + 401} Änderungen" in grown_page
    assert "Weitere anzeigen" in grown_page


def test_older_history_pages_on_demand(grown):
    server, services = grown
    goal = f"Z-{FELD}-2"
    _save(services.engine, goal, 2 * HISTORY_PAGE + 2)  # three pages: 5, 5, 2
    total = 2 * HISTORY_PAGE + 2
    texts = [
        _ziele_page(server, feld=FELD, verlauf=goal, seite=seite)
        for seite in ("1", "2", "3")
    ]
    first_v = [f"Fassung {total - i} –" for i in range(HISTORY_PAGE)]
    assert all(v in texts[0] for v in first_v)
    assert f"Fassung {total - HISTORY_PAGE} –" in texts[1]
    assert f"Fassung {total - HISTORY_PAGE} –" not in texts[0]
    assert "Fassung 1 –" in texts[2] and "Fassung 1 –" not in texts[1]
    assert f"Einträge 11–12 von {total}" in texts[2]
    assert "Neuere Einträge" in texts[2]
    assert "Weitere anzeigen" not in texts[2].split(goal)[-1]


def test_import_log_shows_one_page_of_imports(grown):
    from dashboard.callbacks.import_datasets import DAZ
    from dashboard.components.import_panel import LOG_PAGE as IMPORT_PAGE
    from dashboard.components.import_panel import log_table
    from dashboard.data.daz_upload import parse_upload

    server, services = grown
    header = "schuljahr;ebene;schule_id;schule;phase;schueler;vka_klassen;kapazitaetsreserve;quelle;stand\n"
    for year in range(2018, 2018 + IMPORT_PAGE + 3):
        row = f"{year}/{(year + 1) % 100:02d};Landkreis;;;DaZ 3;500;;;Kreisschulamt;01.02.{year + 1}\n"
        parsed = parse_upload((header + row).encode(), "jahr.csv", {}, set())
        assert parsed.errors == []
        commit_import(services.engine, parsed.rows, "anna", f"{year}.csv")
    total = IMPORT_PAGE + 3
    with server.test_request_context("/daz"):
        first = json.dumps(json.loads(plotly.io.json.to_json_plotly(log_table(DAZ))))
        second = json.dumps(
            json.loads(plotly.io.json.to_json_plotly(log_table(DAZ, 2))),
            ensure_ascii=False,
        )
    assert first.count('"Tr"') == IMPORT_PAGE + 1  # header row + one page
    assert f"{2018 + IMPORT_PAGE + 2}.csv" in first and "2018.csv" not in first
    assert "2018.csv" in second and f"Einträge 11–{total} von {total}" in second


def test_daz_page_does_not_list_every_school(app, grown):
    server, services = grown
    real = _page(app.server, "/daz")
    assert "Gezeigt: die ersten" not in real  # the county's 19 schools: all shown
    schools = services.repo.schools()
    assert len(schools) == 19 * SCHOOL_FACTOR
    page = _page(server, "/daz")
    assert len(page.encode()) < MAX_DAZ_BYTES
    assert f"die ersten {TOP_SCHOOLS} von {19 * SCHOOL_FACTOR} Schulen" in page
    assert f"Die {TOP_SCHOOLS} am stärksten ausgelasteten" in page
    # each shown school: table row, bar, bar order, chart table
    assert page.count("(Kopie ") <= 4 * TOP_SCHOOLS


def test_map_bundles_crowded_points(grown):
    server, _ = grown
    page = _page(server, "/karte")
    assert len(page.encode()) < MAX_KARTE_BYTES
    assert "Schulen (Oberschule, DaZ)" in page and "weitere" in page
