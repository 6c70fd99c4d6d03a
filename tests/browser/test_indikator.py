"""The indicator page in headless Chromium: a Messwert entered by hand is withdrawn
with a reason; the earlier entry for the same date counts again; anonymous is refused."""

from __future__ import annotations

import sqlite3

import pytest

from tests.browser.conftest import USER, login, post_callback

pytestmark = pytest.mark.browser

PAGE = "/indikator?id=I-DAZ-SCHUELER"


def _enter(page, value: str) -> None:  # noqa: ANN001
    page.fill("#indikator-eingabe-datum", "31.12.2031")
    page.fill("#indikator-eingabe-wert", value)
    page.fill("#indikator-eingabe-quelle", "Kreisschulamt (Testdaten)")
    page.click("#indikator-eingabe-speichern")
    page.wait_for_selector("#messwert-gespeichert")


def _withdraw(page, value: str, reason: str) -> None:  # noqa: ANN001
    pick = page.locator("#indikator-ruecknahme-wert option", has_text=f"· {value} (")
    page.select_option("#indikator-ruecknahme-wert", pick.get_attribute("value"))
    page.fill("#indikator-ruecknahme-grund", reason)
    page.click("#indikator-ruecknahme-speichern")


def test_withdraw_a_value_entered_by_hand(watched, live_server):
    page = watched.page
    watched.goto(PAGE)
    assert not page.locator("#indikator-ruecknahme-speichern").is_visible()
    login(watched)
    watched.goto(PAGE)
    _enter(page, "901")
    _enter(page, "907")  # a correction for the same date
    table = "#indikator-tabelle"
    page.wait_for_function(
        "document.querySelector('#indikator-tabelle').innerText.includes('907')"
    )
    assert "901" not in page.inner_text(table)
    _withdraw(page, "907", "  ")
    page.wait_for_selector("text=Nicht zurückgenommen: Bitte einen Grund")
    assert "907" in page.inner_text(table)
    _withdraw(page, "907", "Zahl aus dem falschen Schuljahr")
    page.wait_for_selector("#messwert-zurueckgenommen")
    assert "901" in page.inner_text(table) and "907" not in page.inner_text(table)
    main = page.inner_text("main")
    assert f"zurückgenommen von {USER}" in main
    assert "Grund: Zahl aus dem falschen Schuljahr" in main
    assert page.input_value("#indikator-ruecknahme-grund") == ""
    with sqlite3.connect(live_server.db) as conn:
        row = conn.execute(
            "select benutzer, grund from messwert_widerruf order by id desc"
        ).fetchone()
        audited = conn.execute(
            "select benutzer from audit where aktion = 'Messwert zurückgenommen'"
        ).fetchall()
    assert row == (USER, "Zahl aus dem falschen Schuljahr") and (USER,) in audited
    _withdraw(page, "901", "Testwert")  # tidy up: no test value stays counted
    page.wait_for_function(
        "!document.querySelector('#indikator-tabelle').innerText.includes('901')"
    )
    assert watched.console_errors == [] and watched.external == []


def test_anonymous_withdrawal_is_refused(live_server):
    values = {
        "indikator-kennung.data": "I-DAZ-SCHUELER",
        "indikator-ruecknahme-wert.value": "1",
        "indikator-ruecknahme-grund.value": "weg damit",
    }
    status = post_callback(live_server.url, "indikator-ruecknahme-speichern", values)
    assert status == 403


def test_catalogue_keeps_goal_ids_and_basis_on_one_line_at_1024(watched):
    """At the projector's 1024 px, "Z-4.1.2-1" and "830 (08.02.2017)" do not break."""
    page = watched.page
    watched.goto("/indikatoren")
    row = page.locator("tr", has_text="Z-4.1.2-1").first
    for text in ("Z-4.1.2-1", "830 (08.02.2017)"):
        cell = row.locator("td", has_text=text).first
        lines = cell.evaluate(
            "td => { const r = document.createRange(); r.selectNodeContents(td);"
            " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }"
        )
        assert lines == 1, (text, lines)
