"""Beschlüsse in headless Chromium: record one as Bearbeitung, see it drawn on the
DaZ chart and in the linked goal's history; refusals name their fields."""

from __future__ import annotations

import pytest

from tests.browser.conftest import login

pytestmark = pytest.mark.browser

LABEL = "Beschluss Lenkungsgruppe 01.03.2017"


def test_record_beschluss_then_see_it_on_the_daz_chart_and_in_the_goal_history(
    watched,
):
    page = watched.page
    watched.goto("/beschluesse")
    assert "16/6/0289" in page.inner_text("#beschluesse-tabelle")
    assert page.is_hidden("#beschluss-speichern")  # anonymous: no form
    assert page.inner_text("#shell-nav-anmelden").strip() == "Anmelden"
    login(watched)
    # logged in, the nav still fits one row at 1024 px: the entry sits beside "Karte"
    karte = page.locator("#shell-nav a[href='/karte']").bounding_box()
    entry = page.locator("#shell-nav-anmelden").bounding_box()
    assert entry["y"] < karte["y"] + karte["height"] and entry["x"] > karte["x"]
    watched.goto("/beschluesse")
    page.click("#beschluss-speichern")
    page.wait_for_selector("text=bitte die markierten Angaben prüfen")
    errors = page.inner_text(".im-beschluss-form")
    assert "Bitte das Datum des Beschlusses angeben" in errors
    assert "Bitte das Gremium wählen" in errors
    assert "Bitte den Inhalt des Beschlusses angeben" in errors

    page.fill("#beschluss-datum", "01.03.2017")
    page.select_option("#beschluss-gremium", "Lenkungsgruppe")
    page.fill("#beschluss-text", "Sprachkurse für neu zugewanderte Eltern anbieten.")
    # Dash 4 dropdown: wait for its search field (typing before the menu is open is lost),
    # then click the option itself (under load, Enter may pick before the list is filtered)
    page.click("#beschluss-ziele")
    page.fill(".dash-dropdown-content input[type=search]", "Z-4.1.2-1")
    page.locator(
        ".dash-dropdown-content [role=option]", has_text="Z-4.1.2-1:"
    ).first.click()
    page.keyboard.press("Escape")
    page.click("#beschluss-speichern")
    page.wait_for_selector("#beschluss-ok")
    row = page.locator("#beschluesse-tabelle tr", has_text="Sprachkurse für neu")
    assert "Verknüpft mit: Z-4.1.2-1" in row.inner_text()
    assert page.inner_text(".im-beschluss-form [role=alert]").strip() == ""

    # the DaZ trend draws a line and the label; its text alternative names it
    watched.goto("/daz")
    page.wait_for_selector(f"#daz-trend .annotation-text:has-text('{LABEL}')")
    lines = page.locator("#daz-trend .shapelayer path")
    assert lines.count() == 2  # the Kreistag Beschluss of 2016 and the new one
    box = lines.nth(1).bounding_box()
    assert box is not None and box["height"] > 100
    caption = page.inner_text("#daz-trend-text")
    assert "Lenkungsgruppe, Beschluss vom 01.03.2017" in caption

    watched.goto("/ziele?feld=4.1")
    history = page.locator("[id='ziel-Z-4.1.2-1'] .im-history").last
    history.locator("summary").click()
    assert "Sprachkurse für neu zugewanderte Eltern" in history.inner_text()
    assert watched.console_errors == [] and watched.external == []
