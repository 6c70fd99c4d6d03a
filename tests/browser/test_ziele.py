"""Goal register in headless Chromium: rating a goal, conflicts, anonymous writes."""

from __future__ import annotations

import sqlite3

import pytest

from tests.browser.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    USER,
    Watched,
    login,
    post_callback,
)

pytestmark = pytest.mark.browser


def _card(goal: str) -> str:
    return f"[id='ziel-{goal}']"


def _open_editor(page, goal: str) -> None:  # noqa: ANN001
    page.click(f"{_card(goal)} button:has-text('Bearbeiten')")
    page.wait_for_selector("#ziele-dialog .modal-title")


def test_all_goals_start_unrated(watched):
    watched.goto("/ziele")
    text = watched.page.inner_text("body")
    for field in (
        "4.1 Bildung",
        "4.2 Sprachkompetenz",
        "4.3 Arbeit und Ausbildung",
        "4.4 Gesundheit",
        "4.5 Interkulturelle Öffnung",
        "4.6 Ehrenamt",
    ):
        assert field in text
    watched.goto("/ziele?feld=4.3")
    assert watched.page.locator(".im-goal").count() == 9
    assert watched.page.is_disabled(
        f"{_card('Z-4.3-1')} button:has-text('Bearbeiten')"
    )  # anonymous
    assert watched.console_errors == [] and watched.external == []


def test_rate_goal_with_comment_and_measured_value(watched):
    login(watched)
    watched.goto("/ziele?feld=4.5")
    page = watched.page
    _open_editor(page, "Z-4.5-5")
    page.click("#ziele-status label:has-text('in Umsetzung')")
    page.fill("#ziele-kommentar", "Ausschreibung Gemeindedolmetscherdienst beschlossen")
    page.select_option("#ziele-indikator", "I-GEMEINDEDOLMETSCHER")
    page.fill("#ziele-messwert", "1")
    page.fill("#ziele-messdatum", "2018-03-01")
    page.fill("#ziele-messquelle", "Ausländerbeauftragte")
    page.click("#ziele-speichern")
    page.wait_for_selector("#ziele-gespeichert")
    card = page.inner_text(_card("Z-4.5-5"))
    assert "in Umsetzung" in card and "Ziel erreicht" in card
    page.click(f"{_card('Z-4.5-5')} summary:has-text('Verlauf')")
    history = page.inner_text(_card("Z-4.5-5") + " .im-history")
    assert (
        "Fassung 1" in history
        and USER in history
        and "Ausschreibung Gemeindedolmetscherdienst" in history
    )
    assert watched.console_errors == []


def test_second_session_gets_conflict(browser, live_server):
    pages = []
    for user, password in ((USER, "test-passwort-123"), (ADMIN, ADMIN_PASSWORD)):
        ctx = browser.new_context(viewport={"width": 1280, "height": 800})
        w = Watched(ctx.new_page(), live_server.url)
        login(w, user, password)
        w.goto("/ziele?feld=4.6")
        _open_editor(w.page, "Z-4.6-2")
        pages.append(w)
    first, second = pages
    first.page.click("#ziele-status label:has-text('geplant')")
    first.page.click("#ziele-speichern")
    first.page.wait_for_selector("#ziele-gespeichert")
    second.page.click("#ziele-status label:has-text('gefährdet')")
    second.page.click("#ziele-speichern")
    second.page.wait_for_selector("#ziele-konflikt")
    message = second.page.inner_text("#ziele-konflikt")
    assert f"von {USER} am" in message and "Neu laden" in message
    second.page.click("#ziele-konflikt a:has-text('Neu laden')")
    second.page.wait_for_selector(_card("Z-4.6-2"))
    assert "geplant" in second.page.inner_text(_card("Z-4.6-2"))
    for w in pages:
        w.page.context.close()


def test_anonymous_save_is_refused(live_server):
    values = {
        "ziele-bearbeitungsstand.data": {
            "feld": "4.2",
            "ziel_id": "Z-4.2-1",
            "version": 0,
        },
        "ziele-status.value": "erreicht",
        "ziele-speichern.n_clicks": 1,
    }
    with sqlite3.connect(live_server.db) as conn:
        before = conn.execute("select count(*) from ziel_version").fetchone()[0]
    assert post_callback(live_server.url, "ziele-speichern", values) == 403
    with sqlite3.connect(live_server.db) as conn:
        assert conn.execute("select count(*) from ziel_version").fetchone()[0] == before


def _choose_owner(page, name: str) -> None:  # noqa: ANN001
    """Pick an actor in the multi-select (Dash 4 dropdown: search, then the option)."""
    page.click("#ziele-verantwortlich")
    page.fill(".dash-dropdown-content input[type=search]", name)
    page.click(f".dash-dropdown-content [role=option]:has-text('{name}')")
    page.keyboard.press("Escape")


def test_owners_fachamt_and_a_measure_show_on_card_and_slide(watched):
    """Bearbeitung sets two actors, the Fachamt and a Maßnahme with a due date; the
    goal view and the goal slide show them, overdue said in words."""
    from tests.browser.test_sitzung import ACTIVE, counter

    login(watched)
    watched.goto("/ziele?feld=4.3")
    page, goal = watched.page, "Z-4.3-3"
    card = _card(goal)
    assert "Verantwortlich: nicht festgelegt" in page.inner_text(card)
    assert "Fachamt: nicht festgelegt" in page.inner_text(card)
    _open_editor(page, goal)
    _choose_owner(page, "Jobcenter Meißen")
    _choose_owner(page, "Kreisjugendamt")
    page.select_option("#ziele-fachamt", label="Kreisjugendamt")
    page.click("#ziele-speichern")
    page.wait_for_selector("#ziele-gespeichert")
    text = page.inner_text(card)
    assert "Verantwortlich: Jobcenter Meißen, Kreisjugendamt" in text
    assert "Fachamt: Kreisjugendamt" in text

    page.click(f"{card} button:has-text('Maßnahme hinzufügen')")
    page.wait_for_selector("#massnahme-dialog .modal-title")
    page.fill("#massnahme-titel", "Berufsbezogene Sprachkurse ausschreiben")
    page.click("#massnahme-status label:has-text('laufend')")
    page.fill("#massnahme-faellig", "31.02.2020")  # no such day: refused
    page.click("#massnahme-speichern")
    page.wait_for_selector("#massnahme-fehler")
    assert "kein gültiges Datum" in page.inner_text("#massnahme-fehler")
    page.fill("#massnahme-faellig", "31.03.2020")
    page.select_option("#massnahme-akteur", label="Jobcenter Meißen")
    page.fill("#massnahme-grund", "Auftrag der Lenkungsgruppe")
    page.click("#massnahme-speichern")
    page.wait_for_selector("#massnahme-gespeichert")
    item = page.inner_text(f"{card} .im-measure")
    for part in (
        "Berufsbezogene Sprachkurse ausschreiben",
        "laufend",
        "fällig 31.03.2020",
        "überfällig",
        "zuständig: Jobcenter Meißen",
    ):
        assert part in item, part
    page.click(f"{card} .im-measure summary")
    assert "Auftrag der Lenkungsgruppe" in page.inner_text(f"{card} .im-measure")

    watched.goto("/sitzung?folien=hf-4.3")
    page.wait_for_selector(".im-slide.im-active")
    total = page.locator(".im-slide").count()
    for i in range(total):
        counter(page, f"{i + 1} / {total}")
        slide = page.evaluate(ACTIVE)
        if "Sprachkurse ausschreiben" in slide["text"]:
            break
        page.keyboard.press("ArrowRight")
    flat = " ".join(slide["text"].split())
    assert (
        "Verantwortlich: Jobcenter Meißen, Kreisjugendamt (Fachamt: Kreisjugendamt)"
        in flat
    )
    assert (
        "Berufsbezogene Sprachkurse ausschreiben – laufend – fällig 31.03.2020 – überfällig"
        in flat
    )
    assert slide["fits"] and slide["font"] >= 24 and slide["cut"] == []

    watched.goto("/ziele?feld=4.3")
    page.click(f"{card} button:has-text('Als abgeschlossen markieren')")
    page.wait_for_selector("#massnahme-gespeichert")
    item = page.inner_text(f"{card} .im-measure")
    assert "abgeschlossen" in item and "überfällig" not in item
    assert watched.console_errors == [] and watched.external == []
