"""Hilfe, the pages a public body must have, and the info buttons."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_footer_links_legal_pages_with_marked_placeholders(watched):
    watched.goto("/karte")
    page = watched.page
    links = page.locator("footer .im-footer-links a")
    assert [links.nth(i).inner_text() for i in range(links.count())] == [
        "Hilfe",
        "Impressum",
        "Datenschutz",
        "Erklärung zur Barrierefreiheit",
    ]
    page.click("footer >> text=Erklärung zur Barrierefreiheit")
    page.wait_for_selector("main .im-text h2")
    text = page.inner_text("main")
    for expected in ["Durchsetzungsverfahren", "Durchsetzungsstelle@sk.sachsen.de"]:
        assert expected in text
    # the shipped text still has placeholders: the page says so
    assert "enthält noch Platzhalter" in text and "⟦Platzhalter:" in text
    watched.goto("/datenschutz")
    page.wait_for_selector("main .im-text h2")
    assert "Keine Dritten" in page.inner_text("main")
    assert watched.console_errors == []


def test_info_button_explains_term_by_keyboard(watched):
    watched.goto("/")
    page = watched.page
    summary = page.locator("#ueberblick-kpis .im-info summary").nth(2)
    summary.focus()
    page.keyboard.press("Enter")
    text = page.locator("#ueberblick-kpis .im-info[open] .im-info-text").inner_text()
    assert text.startswith("Kapazitätsreserve")
    page.click("#ueberblick-kpis .im-info[open] a")
    page.wait_for_selector("main h1:has-text('Hilfe')")
    glossary = page.inner_text(".im-glossar")
    for term in ["VKA", "DaZ 1/2", "DaZ 3", "Kapazitätsreserve", "Auslastung"]:
        assert term in glossary
    for term in ["Sozialraum", "Handlungsfeld", "Berichtsstand"]:
        assert term in glossary
    assert watched.console_errors == []
