"""The map coloured by catalogue indicators with a breakdown (synthetic test values):
which indicators it offers, the current value per area, "kein Wert" areas, the
legend, the table alternative and the values at a Berichtsstand."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.components.karte_measured import caveat, panel_values
from dashboard.components.karte_panel import csv_frame, table
from dashboard.components.karte_state import MapState
from dashboard.current import Snapshot, reporting_point
from dashboard.data.geo import load_gemeinden, sozialraum_polygons
from dashboard.data.loaders import load_all
from dashboard.data.mapdata import build_map_data
from dashboard.figures.karte import TRACE_AREA, area_style, map_figure
from dashboard.store import berichtsstaende
from dashboard.store import indicators as store
from dashboard.store.db import make_engine, migrate
from dashboard.store.repository import Repository
from dashboard.store.seed import seed
from tests.conftest import DATA, GEO

COLUMNS = ["indikator_id", "datum", "gebiet", "wert", "quelle"]
RIESA, MEISSEN, NOSSEN = "14627230", "14627140", "14627180"


@pytest.fixture(scope="module")
def datasets():
    return load_all(DATA)


@pytest.fixture(scope="module")
def geo(datasets):
    gem = load_gemeinden(GEO)
    return gem, sozialraum_polygons(gem, datasets["sozialraeume"].frame)


@pytest.fixture()
def repo(tmp_path, datasets):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    seed(engine, datasets)
    return Repository(engine)


def _define(repo, key: str, breakdown: str, unit: str = "Kurse") -> None:  # noqa: ANN001
    store.define(
        repo.engine,
        store.Definition(
            key, "Z-4.2-1", f"Sprachkurse {key} (Test)", unit, "steigen", 10.0,
            "2017", 20.0, "2021", "Testquelle", aufschluesselung=breakdown,
        ),
        0,
        "anna",
    )  # fmt: skip


def _values(repo, rows: list[tuple]) -> None:  # noqa: ANN001
    frame = pd.DataFrame([(*r, "Testquelle") for r in rows], columns=COLUMNS)
    store.add_values(repo.engine, frame, "anna")


def _data(repo, geo, snap=None):  # noqa: ANN001, ANN202
    return build_map_data(repo, *geo, snap)


def test_gemeinde_breakdown_colours_gemeinden_latest_value_per_area(repo, geo):
    _define(repo, "I-TEST-G", "gemeinde")
    _values(
        repo,
        [
            ("I-TEST-G", "2018", RIESA, 3.0),
            ("I-TEST-G", "2019-12-31", RIESA, 5.0),  # the latest date counts
            ("I-TEST-G", "2019-12-31", MEISSEN, 2.5),
            ("I-TEST-G", "2019", "", 40.0),  # a Landkreis value: not on the map
        ],
    )
    data = _data(repo, geo)
    assert list(data.measured) == ["I-TEST-G"]
    layer = data.measured["I-TEST-G"]
    assert layer.level == "gemeinde" and layer.stand == "Stand 31.12.2019"
    g = data.tables["gemeinde"].set_index("ags")["I-TEST-G"]
    assert g[RIESA] == 5.0 and g[MEISSEN] == 2.5
    assert g.isna().sum() == 26  # no value: missing, not zero
    assert data.tables["sozialraum"]["I-TEST-G"].isna().all()

    style = area_style(data.tables["gemeinde"], "gemeinde", layer.indicator)
    ags = data.tables["gemeinde"]["ags"].tolist()
    assert style["text"][ags.index(RIESA)] == "5,0 Kurse"
    assert style["text"][ags.index(NOSSEN)] == "kein Wert"
    assert style["z"][ags.index(NOSSEN)] == -1
    assert style["colorbar"]["ticktext"] == ["kein Wert", "2,5", "5,0"]
    title = style["colorbar"]["title"]["text"]
    assert "(Kurse)" in title and title.endswith("Stand 31.12.2019")

    fig = map_figure(
        {"gemeinde": "/g", "sozialraum": "/s"}, data.tables, data.labels,
        data.points, level="gemeinde", indicator=layer.indicator, layers=set(),
        show_labels=False, selected=None, attribution="©",
    )  # fmt: skip
    area = fig.data[TRACE_AREA["gemeinde"]]
    assert sum(z >= 0 for z in area.z) == 2  # two coloured Gemeinden


def test_sozialraum_breakdown_and_the_map_offers_only_indicators_with_area_values(
    repo, geo
):
    _define(repo, "I-TEST-S", "sozialraum", "%")
    _define(repo, "I-TEST-LEER", "gemeinde")  # breakdown, but only a Landkreis value
    _define(repo, "I-TEST-LK", "")  # no breakdown
    _values(
        repo,
        [
            ("I-TEST-S", "2019", "Riesa", 12.5),
            ("I-TEST-S", "2020-06", "Meißen", 20.0),
            ("I-TEST-LEER", "2019", "", 1.0),
            ("I-TEST-LK", "2019", "", 1.0),
        ],
    )
    data = _data(repo, geo)
    assert list(data.measured) == ["I-TEST-S"]
    options = [o["value"] for o in data.indicator_options()]
    assert "I-TEST-S" in options and "I-TEST-LEER" not in options
    s = data.tables["sozialraum"].set_index("sozialraum")["I-TEST-S"]
    assert s["Riesa"] == 12.5 and s["Meißen"] == 20.0 and s.isna().sum() == 2
    layer = data.measured["I-TEST-S"]
    assert layer.stand == "Stand 2019 bis 06/2020 (je Gebiet)"
    style = area_style(data.tables["sozialraum"], "sozialraum", layer.indicator)
    assert sorted(style["text"]) == ["12,5 %", "20,0 %", "kein Wert", "kein Wert"]
    # opened from a URL without "ebene", an indicator shows on its own level
    state = MapState.from_query({"indikator": "I-TEST-S"}, {"I-TEST-S": "sozialraum"})
    assert (state.level, state.indicator) == ("sozialraum", "I-TEST-S")
    assert MapState.from_query({"indikator": "I-UNBEKANNT"}).indicator == "vka_schueler"
    # the note says what the other level shows
    assert "keine Werte" in caveat(data, "I-TEST-S", "gemeinde")
    assert "Testquelle" in caveat(data, "I-TEST-S", "sozialraum")


def test_table_panel_and_csv_list_the_values(repo, geo):
    _define(repo, "I-TEST-G", "gemeinde")
    _values(repo, [("I-TEST-G", "2019", RIESA, 7.0)])
    data = _data(repo, geo)
    text = str(table(data, "gemeinde", "I-TEST-G", False, indicator="I-TEST-G"))
    assert text.count("kein Wert") == 27 and "7 Kurse" in text
    assert "I-TEST-G" not in str(table(data, "gemeinde"))  # not chosen: no column
    assert "7 Kurse (Stand 2019)" in str(panel_values(data, "gemeinde", RIESA))
    assert "kein Wert" in str(panel_values(data, "gemeinde", NOSSEN))
    assert panel_values(data, "sozialraum", "Riesa") == []
    frame = csv_frame(data, "gemeinde").set_index("Gemeinde")
    column = "Sprachkurse I-TEST-G (Test) (Kurse), Stand 2019"
    assert frame.loc["Riesa", column] == 7.0 and pd.isna(frame.loc["Nossen", column])


def test_berichtsstand_shows_the_values_current_then(repo, geo):
    _define(repo, "I-TEST-G", "gemeinde")
    _values(repo, [("I-TEST-G", "2019", RIESA, 7.0)])
    point_id = berichtsstaende.close(repo.engine, "Lenkungsgruppe (Test)", "2027-03-12", "admin")  # fmt: skip
    _values(repo, [("I-TEST-G", "2020", RIESA, 9.0), ("I-TEST-G", "2020", NOSSEN, 1.0)])
    _define(repo, "I-TEST-SPAETER", "gemeinde")
    _values(repo, [("I-TEST-SPAETER", "2020", RIESA, 1.0)])

    now = _data(repo, geo).tables["gemeinde"].set_index("ags")
    assert now.loc[RIESA, "I-TEST-G"] == 9.0 and now.loc[NOSSEN, "I-TEST-G"] == 1.0
    snap = Snapshot(repo, reporting=reporting_point(repo.engine, point_id))
    then = _data(repo, geo, snap)
    assert then.reporting_id == point_id and list(then.measured) == ["I-TEST-G"]
    g = then.tables["gemeinde"].set_index("ags")["I-TEST-G"]
    assert g[RIESA] == 7.0 and pd.isna(g[NOSSEN])


def test_briefing_draws_a_second_map_for_a_chosen_indicator(tmp_path):
    from dashboard.config import Settings
    from dashboard.reports.briefing import Options, build_html
    from dashboard.services import start

    services = start(Settings.from_env(instance_dir=tmp_path, database_url=""))
    _define(services.repo, "I-TEST-G", "gemeinde")
    _values(services.repo, [("I-TEST-G", "2019", RIESA, 7.0)])
    html = build_html(services, Options(indikator="I-TEST-G"))
    assert "Karte: Indikator Sprachkurse I-TEST-G (Test) (Kurse) je Gemeinde" in html
    assert "grau = kein Wert" in html and "Quelle: Testquelle; Stand 2019" in html
    plain = build_html(services, Options(indikator="I-UNBEKANNT"))
    assert plain.count("<h2>Karte:") == 1  # only the VKA map
    assert "Karte: Einwohner je Gemeinde" in build_html(
        services, Options(indikator="einwohner")
    )


def test_briefing_url_keeps_only_a_known_colouring(client):
    """A made-up ``indikator`` gives the plain briefing (and no extra cached PDF)."""
    page = client.get("/briefing?indikator=I-GIBT-ES-NICHT").get_data(as_text=True)
    assert page.count("<h2>Karte:") == 1
    page = client.get("/briefing?indikator=auslastung").get_data(as_text=True)
    assert "<h2>Karte: Auslastung der DaZ-Plätze je Gemeinde</h2>" in page
