"""Sitzung and briefing without a browser: contrast rule, agenda URL, goal paging,
print queue and cache, key figures."""

from __future__ import annotations

import threading
import time

import pandas as pd
import pytest

from dashboard.components import deck as dk
from dashboard.components.goal_slides import pack
from dashboard.components.slides import DEFAULT_AGENDA
from dashboard.current import enrolment
from dashboard.data.progress import STATUS
from dashboard.figures import contrast as hc
from dashboard.figures.daz import capacity_by_group, daz_trend
from dashboard.reports.pdf import PdfPrinter
from dashboard.reports.summary import key_figures


def test_washed_out_filter_keeps_white_light_and_black_dark():
    white, black = hc.washed_out("#ffffff"), hc.washed_out("#000000")
    assert all(c > 0.9 for c in white) and all(c < 0.2 for c in black)
    # the filter does reduce contrast: black on white loses two thirds of its ratio
    assert (
        hc.contrast_ratio("#000000", "#ffffff")
        < 15
        < 21
        == round(hc.contrast_ratio("#000000", "#ffffff", washed=False))
    )


@pytest.mark.parametrize(
    "palette",
    [[hc.MAP_MISSING, *hc.MAP_CLASSES], hc.SERIES],
    ids=["map-classes-with-missing", "chart-series"],
)
def test_high_contrast_neighbours_stay_apart_on_a_washed_out_projector(palette):
    for a, b in zip(palette, palette[1:], strict=False):
        assert hc.contrast_ratio(a, b) >= hc.MIN_CLASS_CONTRAST, (a, b)
    # the grey "no value" class is also 3:1 from the darkest class
    assert hc.contrast_ratio(palette[0], palette[-1]) >= hc.MIN_CLASS_CONTRAST


def test_high_contrast_map_legend_starts_with_the_grey_missing_class():
    table = pd.DataFrame({"vka_schueler": [None, 0, 5, 12, 40, 70]})
    style = hc.area_style(table, "vka_schueler")
    legend = [style["colorscale"][i][1] for i in range(0, len(style["colorscale"]), 2)]
    assert legend == [hc.MAP_MISSING, *hc.MAP_CLASSES]
    assert style["ticktext"][0] == "kein DaZ-Standort"


def test_chart_series_stand_out_from_the_white_background():
    for colour in hc.SERIES:
        assert hc.contrast_ratio(colour, "#ffffff") >= hc.MIN_CLASS_CONTRAST, colour


def test_default_palette_fails_the_rule_so_the_test_can_fail():
    from dashboard.figures.classes import PALETTE

    ratios = [
        hc.contrast_ratio(a, b) for a, b in zip(PALETTE, PALETTE[1:], strict=False)
    ]
    assert min(ratios) < hc.MIN_CLASS_CONTRAST


@pytest.mark.parametrize("status", list(STATUS))
def test_badges_keep_white_text_readable(status):
    colour = hc.STATUS_COLORS[status]
    assert hc.contrast_ratio(colour, hc.BADGE_TEXT, washed=False) >= 4.5
    assert hc.contrast_ratio(colour, hc.BADGE_TEXT) >= 4.5


def test_high_contrast_map_uses_three_classes_in_palette_order():
    values = pd.Series([0, 1, 2, 5, 8, 13, 21, 34, None])
    classes = hc.map_classes(values, 0, False)
    assert classes.colors == hc.MAP_CLASSES and classes.index[-1] == -1
    assert max(classes.index) == 2


def test_high_contrast_bars_recolour_every_series():
    lk = pd.DataFrame(
        {
            "schuljahr": ["2015/16", "2015/16", "2016/17", "2016/17"],
            "phase": ["DaZ 1/2", "DaZ 3", "DaZ 1/2", "DaZ 3"],
            "schueler": [198, 452, 381, 449],
        }
    )
    fig = hc.bars(daz_trend(lk))
    assert [t.marker.color for t in fig.data if t.type == "bar"] == hc.SERIES
    schools = pd.DataFrame(
        {
            "sozialraum": ["Riesa", "Meißen"],
            "vka_schueler": [5, 6],
            "kapazitaetsreserve": [1, 2],
        }
    )
    fig = hc.bars(capacity_by_group(schools, "sozialraum"))
    assert {t.marker.color for t in fig.data} <= set(hc.SERIES)


def test_agenda_round_trips_through_the_url():
    plan = dk.Plan(
        items=(
            dk.Item("karte", "TOP 1: Lage", 10, "Auf Riesa hinweisen"),
            dk.Item("hf-4.3", "Handlungsfeld 4.3"),
        ),
        area="Riesa",
        scenario=50,
        contrast=True,
        title="Sitzung am 12.03.",
        auto=30,
    )
    assert dk.parse(dk.query_of(plan)) == plan


def test_bad_agenda_arguments_fall_back_to_defaults():
    plan = dk.parse(
        {
            "folien": "karte,nix,karte",
            "minuten": "abc,-3",
            "notizen": "{kaputt",
            "sozialraum": "Berlin",
            "szenario": "900",
            "auto": "1",
            "indikator": "erfunden",
        }
    )
    assert [i.key for i in plan.items] == ["karte"] and plan.items[0].minutes is None
    assert plan.area is None and plan.scenario is None and plan.auto is None
    assert plan.items[0].notes == "" and plan.indicator == dk.DEFAULT_INDICATOR
    assert [i.key for i in dk.parse({}).items] == DEFAULT_AGENDA


def test_goals_are_packed_in_order_without_loss():
    rows = [
        pd.Series({"ziel_id": f"Z-4.3-{n}", "text": "x" * length})
        for n, length in enumerate([313, 228, 324, 151, 111, 68, 132, 62, 270], 1)
    ]
    pages = pack(rows)
    assert len(pages) > 1
    assert [r.ziel_id for p in pages for r in p] == [r.ziel_id for r in rows]
    assert pack(rows[:1]) == [rows[:1]]  # one long goal still gets its slide


def test_key_figures_say_what_they_cover():
    cap = pd.DataFrame({"vka_schueler": [10, 20], "kapazitaetsreserve": [5, 5]})
    lk = pd.DataFrame(
        {
            "schuljahr": ["2015/16", "2016/17"],
            "phase": ["DaZ 1/2"] * 2,
            "schueler": [50, 80],
            "quelle": ["Konzept"] * 2,
            "stand": ["2017-02-08"] * 2,
        }
    )
    en = enrolment(lk.assign(ebene="Landkreis"), lk.iloc[0:0].assign(ebene=""))
    figs = key_figures(cap, en, "2016/17", "Riesa")
    assert figs[0].scope == "Landkreis" and figs[0].change == "+30 gegenüber 2015/16"
    assert {f.scope for f in figs[1:]} == {"Sozialraum Riesa"}
    assert figs[3].value == "75,0 %"  # 30 of 40 places


class SlowPrinter(PdfPrinter):
    """Printing replaced by a recorder: how many jobs ran at once and how often."""

    def __init__(self) -> None:
        super().__init__()
        self.running = 0
        self.peak = 0
        self.printed = 0
        self.lock = threading.Lock()

    def _print(self, html_text: str) -> bytes:
        with self.lock:
            self.running += 1
            self.peak = max(self.peak, self.running)
        time.sleep(0.05)
        with self.lock:
            self.running -= 1
            self.printed += 1
        return html_text.encode()

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def test_print_jobs_queue_one_at_a_time_and_share_the_cache():
    printer = SlowPrinter()
    results: list[bytes] = []

    def ask(key: str) -> None:
        results.append(printer.pdf((1, key), lambda src: f"{key}|{src}")[0])

    threads = [threading.Thread(target=ask, args=(k,)) for k in "aabab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 5 and printer.peak == 1
    assert printer.printed == 2  # a and b once each; the rest came from the cache
    assert printer.pdf((2, "a"), lambda src: "new version") == (b"new version", True)
    assert printer.pdf((2, "a"), lambda src: "unused") == (b"new version", False)
    printer.close()


def test_neighbouring_map_names_move_apart_and_lonely_ones_stay():
    from dashboard.components.slides import label_positions

    pos = label_positions(
        [13.306076, 13.388116, 13.501231],
        [51.37330, 51.37635, 51.08875],
        ["Zeithain", "Wülknitz", "Klipphausen"],
    )
    assert pos == ["bottom center", "top center", "middle center"]


def test_slide_footers_name_a_shared_source_once(app, tmp_path, monkeypatch):
    """An import with Landkreis and school rows is one source for both figures."""
    import json

    import dash
    import plotly.io

    from dashboard import current
    from dashboard.data.daz_upload import parse_upload
    from dashboard.data.loaders import load_all
    from dashboard.store.daz_imports import commit_import
    from dashboard.store.db import make_engine, migrate
    from dashboard.store.repository import Repository
    from dashboard.store.seed import seed
    from tests.conftest import DATA

    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    seed(engine, load_all(DATA))
    rows = (
        "schuljahr;ebene;schule_id;schule;phase;schueler;vka_klassen;kapazitaetsreserve;quelle;stand\n"
        "2017/18;Landkreis;;;DaZ 1/2;370;;;Kreisschulamt;01.02.2018\n"
        "2017/18;Schule;gs-riesa-4;;DaZ 1/2;70;4;2;Kreisschulamt;01.02.2018\n"
    )
    parsed = parse_upload(rows.encode(), "j.csv", {"gs-riesa-4": "Grundschule"}, set())
    commit_import(engine, parsed.rows, "anna", "j.csv")
    snap = current.Snapshot(Repository(engine))
    monkeypatch.setattr(current, "snapshot", lambda **_kw: snap)
    # the page as Dash registered it (importing the module again would re-register)
    layout = next(p for p in dash.page_registry.values() if p["path"] == "/sitzung")
    with app.server.test_request_context("/sitzung"):
        tree = json.loads(plotly.io.json.to_json_plotly(layout["layout"]()))

    def footers(node):  # noqa: ANN001, ANN202
        if isinstance(node, dict):
            props = node.get("props", {})
            if "im-slide-source" in str(props.get("className", "")):
                yield props["children"]
            for value in node.values():
                yield from footers(value)
        elif isinstance(node, list):
            for value in node:
                yield from footers(value)

    text = snap.enrolment().source.text()
    assert text == snap.schools().source.text() and "Import Nr." in text
    found = [f for f in footers(tree) if text in f]
    assert len(found) >= 2  # Überblick and DaZ slides
    assert all(f.count("Quelle: Kreisschulamt") == 1 for f in found), found
    assert "DaZ-Schüler 2017/18 und Schulen 2017/18: Quelle: Kreisschulamt" in found[0]
    # the Gemeinde map names no Sozialraum caveat (it shows no Sozialräume)
    (map_footer,) = [f for f in footers(tree) if "GeoBasis-DE" in f]
    assert "Sozialräume" not in map_footer
