"""Pages opened "zum Berichtsstand" in headless Chromium: after Berichtsstand A the data
changes (a school year, a goal, a new actor), yet /daz and /ziele for A show the old
figures, stay in A when clicked through, and the Veränderungen view lists the actor.

The changes are written straight into the live server's store (the upload and edit
forms have their own browser tests) and taken back at the end, so other tests see
the bundled data again."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from dashboard.data.daz_upload import parse_upload
from dashboard.store import goals as goal_store
from dashboard.store import records as record_store
from dashboard.store.daz_imports import commit_import, revert_import
from dashboard.store.db import make_engine
from tests.browser.conftest import ADMIN, ADMIN_PASSWORD, login
from tests.browser.test_a11y import AXE, BLOCKING, RUN
from tests.conftest import DATA

pytestmark = pytest.mark.browser

HEADER = "schuljahr;ebene;schule_id;schule;phase;schueler;vka_klassen;kapazitaetsreserve;quelle;stand\n"
AMT = "Kreisschul- und Kulturamt"
GOAL = "Z-4.4-3"
ACTOR = "Sprachcafé Coswig (Browsertest)"
SHOTS = Path(os.environ.get("IM_SCREENSHOTS", "/nonexistent"))


def _school_year() -> bytes:
    """2017/18 (synthetic test data): 890 in the Landkreis, 4. Grundschule Riesa 51."""
    lines = [f"2017/18;Landkreis;;;DaZ 1/2;370;;;{AMT};01.02.2018",
             f"2017/18;Landkreis;;;DaZ 3;520;;;{AMT};01.02.2018"]  # fmt: skip
    with (DATA / "schulen_daz.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pupils = 51 if r["schule_id"] == "gs-riesa-4" else int(r["vka_schueler"])
            lines.append(f"2017/18;Schule;{r['schule_id']};;DaZ 1/2;{pupils};"
                         f"{r['vka_klassen']};{r['kapazitaetsreserve']};{AMT};01.02.2018")  # fmt: skip
    return (HEADER + "\n".join(lines) + "\n").encode()


def _change_data(engine) -> tuple[int, int]:  # noqa: ANN001
    """Import 2017/18, rate a goal, add an actor by an actor-list import."""
    import pandas as pd

    schools = pd.read_csv(DATA / "schulen_daz.csv", dtype=str)
    parsed = parse_upload(_school_year(), "schuljahr.csv",
                          dict(zip(schools["schule_id"], schools["schulart"], strict=True)), set())  # fmt: skip
    assert parsed.errors == []
    daz = commit_import(engine, parsed.rows, "test-bearbeitung", "schuljahr.csv")
    goal_store.save(engine, GOAL, 0, goal_store.Edit("in Umsetzung", kommentar="Browsertest"), "test-bearbeitung")  # fmt: skip
    record = {
        "akteur_id": "sprachcafe-coswig-test", "name": ACTOR, "art": "Ehrenamt",
        "aufgaben": "", "handlungsfelder": "4.2", "hf_laut_konzept": "", "gebiet": "Landkreis",
        "ags": "", "anzahl": "", "hinweis": "", "quelle": "Testdaten", "stand": "2027-04-01",
        "status": "in Betrieb", "ende": "",
    }  # fmt: skip
    actors = record_store.commit_import(
        engine, "akteur", [("sprachcafe-coswig-test", 0, record)], "test-bearbeitung", "akteure.csv"
    )  # fmt: skip
    return daz, actors


def _take_back(engine, daz: int, actors: int) -> None:  # noqa: ANN001
    revert_import(engine, daz, "test-admin", "Testgrund")
    record_store.revert_import(engine, actors, "test-admin", {}, "Testgrund")
    latest = goal_store.latest_versions(engine, [GOAL])
    version = int(goal_store.current(latest, [GOAL]).iloc[0]["version"])
    goal_store.save(engine, GOAL, version, goal_store.Edit("noch nicht bewertet", kommentar="Browsertest zurückgesetzt"), "test-admin")  # fmt: skip


def _axe(page) -> list[str]:  # noqa: ANN001
    """Critical and serious axe-core findings of the loaded view (banner, chooser)."""
    page.evaluate(AXE)
    return [f"{v['id']}: {v['help']} {v['targets']}"
            for v in page.evaluate(RUN, None) if v["impact"] in BLOCKING]  # fmt: skip


def _shot(page, name: str) -> None:  # noqa: ANN001
    """Screenshots for review at both projector and desktop size (IM_SCREENSHOTS)."""
    if not SHOTS.is_dir():
        return
    for width, height in ((1024, 768), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1024, "height": 768})


def test_pages_zum_berichtsstand_keep_the_old_figures(watched, live_server):
    page = watched.page
    login(watched, ADMIN, ADMIN_PASSWORD)
    watched.goto("/veraenderungen")
    page.fill("#berichtsstand-name", "Lenkungsgruppe A (Browsertest)")
    page.fill("#berichtsstand-datum", "12.03.2027")
    page.click("#berichtsstand-abschliessen")
    page.wait_for_selector("#berichtsstand-ok")
    a = page.inner_text("#berichtsstand-ok").split()[1]
    engine = make_engine(f"sqlite:///{live_server.db}")
    daz, actors = _change_data(engine)
    try:
        watched.goto("/daz")
        page.wait_for_selector("#daz-trend .bars .point")
        assert "890" in page.inner_text("#daz-trend")

        watched.goto(f"/daz?berichtsstand={a}")
        page.wait_for_selector("#daz-trend .bars .point")
        banner = page.inner_text("#berichtsstand-hinweis")
        assert "Lenkungsgruppe A (Browsertest)" in banner and "vom 12.03.2027" in banner
        assert "830" in page.inner_text("#daz-trend") and "890" not in page.inner_text(
            "#daz-trend"
        )
        assert "Stand 08.02.2017" in page.inner_text("#daz-trend-quelle")
        assert page.locator("#daz-tabs a:has-text('Neues Schuljahr')").get_attribute("class").count("disabled")  # fmt: skip
        page.click("#daz-tabs a:has-text('Schulen')")
        page.wait_for_selector("#daz-schulen-quelle")
        assert f"berichtsstand={a}" in page.url  # the tab's URL stays in A
        assert "Schuljahr 2016/17" in page.inner_text("#daz-schulen-quelle")
        assert "4. Grundschule Riesa" in page.inner_text("#daz-schulen-tabelle")
        assert _axe(page) == []
        _shot(page, "daz-berichtsstand")

        # the chooser goes back to today's data (a plain form: no typing of URLs)
        page.select_option("#berichtsstand-wahl-liste", "heute")
        page.click("#berichtsstand-wahl button[type=submit]")
        page.wait_for_selector("#daz-schulen-quelle")
        assert "berichtsstand" not in page.url and "tab=schulen" in page.url
        assert page.locator("#berichtsstand-hinweis").count() == 0
        assert "Schuljahr 2017/18" in page.inner_text("#daz-schulen-quelle")

        watched.goto(f"/ziele?berichtsstand={a}")
        page.click("a:has-text('4.4 ')")
        page.wait_for_selector(f"[id='ziel-{GOAL}']")
        assert f"berichtsstand={a}" in page.url  # internal links keep the parameter
        card = page.inner_text(f"[id='ziel-{GOAL}']")
        assert "noch nicht bewertet" in card and "in Umsetzung" not in card
        assert page.locator(f"[id='ziel-{GOAL}'] button:has-text('Bearbeiten')").is_disabled()  # fmt: skip
        _shot(page, "ziele-berichtsstand")

        watched.goto(f"/veraenderungen?von={a}&bis=heute")
        rows = page.inner_text("#veraenderungen-akteure")
        assert ACTOR in rows and "neu" in rows and "Import der Akteursliste" in rows
        assert GOAL in page.inner_text("#veraenderungen-ziele")
        assert _axe(page) == []
        _shot(page, "veraenderungen-akteure")

        # the change slide (since the latest Berichtsstand) names the new actor too
        watched.goto("/sitzung?folien=veraenderungen")
        slide = page.inner_text("#folie-veraenderungen-akteure")
        assert "1 neu" in slide and ACTOR in slide
        _shot(page, "folie-veraenderungen")
    finally:
        _take_back(engine, daz, actors)
    assert watched.external == [] and watched.console_errors == [], "\n".join(
        watched.console_errors
    )
