"""Keyboard and language basics of the shell: skip link, chart toolbars, 404 page."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def test_skip_link_reaches_main_content_in_one_step(watched):
    watched.goto("/")
    page = watched.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
    # the next Tab stop lies inside the main content, not in the navigation
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")
    assert page.locator("main").count() == 1
    assert page.locator("nav, [role=navigation]").count() == 1
    assert page.locator("footer, [role=contentinfo]").count() == 1
    assert watched.console_errors == []


def test_chart_toolbars_are_german_and_offer_no_cloud(watched):
    for path in ["/", "/daz", "/karte"]:
        watched.goto(path)
        page = watched.page
        page.wait_for_selector(".modebar-btn")
        titles = page.eval_on_selector_all(
            ".modebar-btn", "els => els.map(e => e.getAttribute('data-title'))"
        )
        charts = page.locator(".js-plotly-plot").count()
        assert titles and len(titles) <= 2 * charts, (path, titles)
        assert all(
            t.startswith(("Graphen als PNG", "Achsen", "Ansicht", "Zurücksetzen"))
            for t in titles
        )
        bars = " ".join(
            page.eval_on_selector_all(".modebar", "e => e.map(b => b.outerHTML)")
        )
        assert "share" not in bars.lower() and "cloud" not in bars.lower(), path
        assert page.locator(".modebar a[href]").count() == 0
    assert watched.console_errors == []


def test_unknown_address_answers_404_in_german(watched):
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(watched.base_url + "/gibt-es-nicht")
    assert err.value.code == 404
    response = watched.page.goto(watched.base_url + "/gibt-es-nicht")
    assert response.status == 404
    watched.page.wait_for_selector("h1")
    assert watched.page.inner_text("main h1") == "Seite nicht gefunden"
    assert "Page not found" not in watched.page.inner_text("body")
    # the app frame (navigation, footer) stays around the message
    assert watched.page.locator("nav a").count() >= 3
    assert watched.page.locator("footer").count() == 1


def _tab_to(page, selector: str, limit: int = 60) -> None:  # noqa: ANN001
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} not reachable with Tab")


def test_gemeinde_is_chosen_on_the_map_by_keyboard_alone(watched):
    watched.goto("/karte")
    page = watched.page
    page.wait_for_selector("#karte-graph .choroplethlayer path")
    _tab_to(page, "#karte-gebiet")
    page.keyboard.type("Riesa")
    page.wait_for_function("location.search.includes('auswahl=14627230')")
    page.wait_for_selector("#karte-panel h2:has-text('Riesa')")
    # the map outlines the chosen Gemeinde; switching to Sozialräume keeps the choice
    # in sync (Riesa lies in Sozialraum Riesa) and the list offers Sozialräume then
    page.check("#karte-ebene input[value=sozialraum]", force=True)
    page.wait_for_function("location.search.includes('auswahl=Riesa')")
    assert page.input_value("#karte-gebiet") == "Riesa"
    assert page.inner_text("label[for=karte-gebiet]") == "Sozialraum auswählen"
    # the URL brings the choice back after a reload
    page.reload()
    page.wait_for_selector("#karte-graph .choroplethlayer path")
    assert page.input_value("#karte-gebiet") == "Riesa"
    assert watched.console_errors == []
