"""Pages opened "zum Berichtsstand" (?berichtsstand=<id>) show the data frozen at
that moment: DaZ (chart, school table, downloads, captions), Ziele and Indikatoren;
editing is off, internal links keep the parameter, an unknown id says so in German."""

from __future__ import annotations

import json
import sys

import dash
import flask
import pandas as pd
import plotly.io.json
import pytest
from dash._callback_context import context_value
from dash._utils import AttributeDict

from dashboard import ids
from dashboard.config import Settings
from dashboard.data.daz_upload import parse_upload
from dashboard.page_cache import PageCache
from dashboard.services import EXTENSION, start
from dashboard.store import berichtsstaende
from dashboard.store import goals as goal_store
from dashboard.store import indicators as ind_store
from dashboard.store.daz_imports import commit_import

HEADER = "schuljahr;ebene;schule_id;schule;phase;schueler;vka_klassen;kapazitaetsreserve;quelle;stand\n"
AMT = "Kreisschul- und Kulturamt"
YEAR_2017_18 = (
    f"2017/18;Landkreis;;;DaZ 1/2;370;;;{AMT};01.02.2018\n"
    f"2017/18;Landkreis;;;DaZ 3;520;;;{AMT};01.02.2018\n"
    f"2017/18;Schule;gs-riesa-4;;DaZ 1/2;70;4;2;{AMT};01.02.2018\n"
    f"2017/18;Schule;gs-coswig-mitte;;DaZ 1/2;25;2;3;{AMT};01.02.2018\n"
)


@pytest.fixture(scope="module")
def stand(app, tmp_path_factory):  # noqa: ARG001  (app: the pages are registered)
    """Berichtsstand A closed on the bundled data; afterwards a school year 2017/18 is
    imported, a goal rated and a Messwert entered (synthetic test data)."""
    settings = Settings.from_env(
        instance_dir=tmp_path_factory.mktemp("stand"), database_url=""
    )
    services = start(settings)
    server = flask.Flask("stand")
    server.extensions[EXTENSION] = services
    engine = services.engine
    a = berichtsstaende.close(engine, "Lenkungsgruppe A (Test)", "2027-03-12", "admin")
    known = services.repo.table("schulen_daz")
    parsed = parse_upload(
        (HEADER + YEAR_2017_18).encode(),
        "jahr.csv",
        dict(zip(known["schule_id"], known["schulart"], strict=True)),
        set(),
    )
    commit_import(engine, parsed.rows, "anna", "jahr.csv")
    edit = goal_store.Edit(
        "gefährdet", kommentar="Kein Träger (Test)", massnahme="Trägersuche (Test)"
    )
    goal_store.save(engine, "Z-4.4-1", 0, edit, "anna")
    value = pd.DataFrame(
        [["I-GEMEINDEDOLMETSCHER", "2019", "", 987.0, "Testamt"]],
        columns=["indikator_id", "datum", "gebiet", "wert", "quelle"],
    )
    ind_store.add_values(engine, value, "anna")
    return server, str(a)


def test_briefing_for_a_berichtsstand_compares_with_the_one_before(stand):
    from dashboard.current import reporting_point
    from dashboard.reports.briefing import Options, build_html

    server, a = stand
    services = server.extensions[EXTENSION]
    b = berichtsstaende.close(services.engine, "Lenkungsgruppe B (Test)", "2027-06-11", "admin")  # fmt: skip
    page = build_html(
        services, Options(berichtsstand=reporting_point(services.engine, b))
    )
    first = page[: page.index("Ziele nach Stand der Umsetzung")]
    assert "Berichtsstand „Lenkungsgruppe B (Test)“ vom 11.06.2027" in first
    assert "+60 gegenüber Berichtsstand „Lenkungsgruppe A (Test)“ vom 12.03.2027 (2016/17: 830)" in first  # fmt: skip
    assert "Veränderungen gegenüber dem vorigen Berichtsstand „Lenkungsgruppe A (Test)“" in first  # fmt: skip
    assert "gegenüber 2016/17" not in first  # not the previous school year
    # A has no earlier Berichtsstand: the previous school year, labelled so
    page = build_html(
        services, Options(berichtsstand=reporting_point(services.engine, a))
    )
    first = page[: page.index("Ziele nach Stand der Umsetzung")]
    assert "+180 gegenüber 2015/16" in first and "Kein früherer Berichtsstand" in first
    # today: the previous school year, and the hint how to compare Berichtsstände
    today = build_html(services, Options())
    assert (
        "+60 gegenüber 2016/17" in today and "Briefing zu einem Berichtsstand" in today
    )


def _module(path: str):  # noqa: ANN202
    """The page module as Dash loaded it (importing it again would register it twice)."""
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    return sys.modules[page["module"]]


def _layout(path: str):  # noqa: ANN202
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    return getattr(page["layout"], "uncached", page["layout"])


def _page(server: flask.Flask, path: str, **query: str) -> tuple[str, dict]:
    with server.test_request_context(path):
        tree = json.loads(plotly.io.json.to_json_plotly(_layout(path)(**query)))
    return json.dumps(tree, ensure_ascii=False), tree


def _find(node, wanted: str):  # noqa: ANN001, ANN202
    """Props of the component with id ``wanted``."""
    if isinstance(node, dict):
        props = node.get("props", {})
        if props.get("id") == wanted:
            return props
        for value in props.values():
            hit = _find(value, wanted)
            if hit is not None:
                return hit
    elif isinstance(node, list):
        for item in node:
            hit = _find(item, wanted)
            if hit is not None:
                return hit
    return None


def _hrefs(node, found: list) -> list:  # noqa: ANN001
    if isinstance(node, dict):
        props = node.get("props", {})
        if isinstance(props.get("href"), str):
            found.append(props["href"])
        for value in props.values():
            _hrefs(value, found)
    elif isinstance(node, list):
        for item in node:
            _hrefs(item, found)
    return found


def test_daz_page_shows_the_frozen_figures(stand):
    server, a = stand
    today, _ = _page(server, "/daz")
    assert "890" in today and "2017/18" in today
    text, tree = _page(server, "/daz", berichtsstand=a)
    trend = _find(tree, ids.DAZ_TREND)["figure"]
    years = {x for trace in trend["data"] for x in trace["x"]}
    assert "2017/18" not in years and "2016/17" in years
    assert "Stand 08.02.2017" in _find(tree, ids.DAZ_TREND_SOURCE)["children"]
    caption = json.dumps(_find(tree, ids.DAZ_TREND_TEXT), ensure_ascii=False)
    assert "2016/17" in caption and "2017/18" not in caption  # text alternative
    assert _find(tree, ids.DAZ_YEAR)["options"] == ["2016/17"]
    assert "Ansicht zum Berichtsstand „Lenkungsgruppe A (Test)“ vom 12.03.2027" in text
    assert _find(tree, ids.DAZ_BERICHTSSTAND)["data"] == a
    tabs = _find(tree, ids.DAZ_TABS)["children"]
    assert tabs[-1]["props"]["disabled"] is True  # no upload in a frozen view
    # the school table: 19 schools of 2016/17, 4. Grundschule Riesa with 62
    table = json.dumps(_find(tree, ids.DAZ_SCHOOL_TABLE), ensure_ascii=False)
    assert "4. Grundschule Riesa" in table and "62" in table
    links = _hrefs(tree, [])
    assert f"/abbildung/daz-schueler.png?berichtsstand={a}" in links
    assert "/daz?tab=entwicklung" in links  # "Zur aktuellen Ansicht": today


def _in_callback(trigger: str) -> None:
    context_value.set(
        AttributeDict(triggered_inputs=[{"prop_id": trigger, "value": 1}])
    )


def test_daz_callbacks_and_downloads_follow_the_berichtsstand(stand):
    daz = _module("/daz")
    server, a = stand
    with server.test_request_context("/_dash-update-component"):
        _in_callback(f"{ids.DAZ_CSV_BUTTON}.n_clicks")
        frozen = daz.download(1, None, "2017/18", [], ["Riesa"], [], a)
        live = daz.download(1, None, "2017/18", [], ["Riesa"], [], "")
        _in_callback(f"{ids.DAZ_YEAR}.value")
        out = daz.update_schools("2017/18", [], [], [], "sozialraum", [], None,
                                 {"key": "auslastung", "ascending": False}, a)  # fmt: skip
    csv = frozen["content"]
    assert "Lenkungsgruppe A (Test)" in csv and ";62;" in csv
    assert frozen["filename"] == f"daz_schulen_2016-17_berichtsstand-{a}.csv"
    assert ";70;" in live["content"] and ";62;" not in live["content"]
    # 2017/18 did not exist at A: the frozen page falls back to A's latest year
    assert out[-1].startswith("Schuljahr 2016/17.")


def test_ziele_page_shows_status_history_and_values_as_of_then(stand):
    server, a = stand
    today, _ = _page(server, "/ziele", feld="4.4")
    assert "Kein Träger (Test)" in today and "Trägersuche (Test)" in today
    text, tree = _page(server, "/ziele", feld="4.4", berichtsstand=a)
    card = json.dumps(_find(tree, "ziel-Z-4.4-1"), ensure_ascii=False)
    assert "noch nicht bewertet" in card and "gefährdet" not in card
    assert "Kein Träger (Test)" not in text and "Trägersuche (Test)" not in text
    assert "987" not in text
    edit = _find(tree, {"type": ids.ZIELE_EDIT, "ziel": "Z-4.4-1"})
    assert edit["disabled"] is True
    assert _find(tree, ids.ZIELE_EDIT_STATE)["data"]["berichtsstand"] == a
    links = [h for h in _hrefs(tree, []) if h.startswith(("/ziele", "/indikator"))]
    links.remove("/ziele?feld=4.4")  # "Zur aktuellen Ansicht"
    assert links and all(f"berichtsstand={a}" in h for h in links), links
    # the overview keeps the parameter in its links to the fields
    _, overview = _page(server, "/ziele", berichtsstand=a)
    assert f"/ziele?feld=4.4&berichtsstand={a}" in _hrefs(overview, [])


def test_indicator_pages_show_values_as_of_then(stand):
    server, a = stand
    assert "987" in _page(server, "/indikator", id="I-GEMEINDEDOLMETSCHER")[0]
    text, _ = _page(server, "/indikator", id="I-GEMEINDEDOLMETSCHER", berichtsstand=a)
    assert "987" not in text and "Ansicht zum Berichtsstand" in text
    text, _ = _page(server, "/indikatoren", berichtsstand=a)
    assert "987" not in text and f"/indikator?id=I-GEMEINDEDOLMETSCHER&berichtsstand={a}" in text  # fmt: skip


@pytest.mark.parametrize("path", ["/", "/daz", "/ziele", "/indikatoren"])
def test_unknown_berichtsstand_says_so_and_shows_today(stand, path):
    server, _a = stand
    text, tree = _page(server, path, berichtsstand="999")
    assert "Einen Berichtsstand „999“ gibt es nicht" in text
    assert "Ansicht zum Berichtsstand" not in text


def test_chooser_lists_the_berichtsstaende_and_keeps_the_other_parameters(stand):
    server, a = stand
    _, tree = _page(server, "/daz", tab="schulen", schuljahr="2016/17")
    form = _find(tree, ids.BS_CHOOSER)
    assert form["action"] == "/daz" and form["method"] == "get"
    select = _find(tree, ids.BS_CHOOSER_SELECT)
    assert select["name"] == "berichtsstand" and select["value"] == "heute"
    assert {"label": "Lenkungsgruppe A (Test) (12.03.2027)", "value": a} in select[
        "options"
    ]
    hidden = {
        c["props"]["name"]: c["props"]["value"]
        for c in form["children"]
        if c["props"].get("type") == "hidden"
    }
    assert hidden == {"tab": "schulen"}  # each Berichtsstand opens on its own year
    assert form["data-keep"].split(",")[0] == "tab"


def test_page_cache_keeps_berichtsstaende_apart(stand):
    server, a = stand
    cache = PageCache(server.extensions[EXTENSION].repo)
    with server.test_request_context("/_dash-update-component"):
        assert cache.key("daz", {"berichtsstand": a}) != cache.key("daz", {})
