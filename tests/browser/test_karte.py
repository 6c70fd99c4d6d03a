"""The map in headless Chromium: drawing offline, drill-down, URL state, back/forward."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

AREAS = "#karte-graph .choroplethlocation"


def _wait_map(page, areas: int = 28) -> None:  # noqa: ANN001
    page.wait_for_function(f"document.querySelectorAll('{AREAS}').length >= {areas}")


def _click_gemeinde(page, ags: str) -> None:  # noqa: ANN001
    """Click the visible map area of one Gemeinde at a point inside its polygon."""
    index = page.evaluate(
        "ags => document.getElementById('karte-graph').querySelector('.js-plotly-plot')"
        ".data[0].locations.indexOf(ags)",
        ags,
    )
    box = page.locator(AREAS).nth(index).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_map_draws_offline_with_attribution(watched):
    watched.goto("/karte")
    page = watched.page
    _wait_map(page)
    assert "© GeoBasis-DE / BKG 2017" in page.inner_text("#karte-graph")
    assert "kein DaZ-Standort" in page.inner_text("#karte-graph")
    assert page.locator("#karte-tabelle tbody tr").count() == 28
    assert watched.external == [] and watched.console_errors == []


def test_click_opens_panel_and_url_restores_view(watched, browser):
    watched.goto("/karte")
    page = watched.page
    _wait_map(page)
    _click_gemeinde(page, "14627180")  # Nossen: no school, no point on top
    page.wait_for_function(
        "document.getElementById('karte-panel').innerText.includes('Nossen')"
    )
    assert "Kein DaZ-Standort" in page.inner_text("#karte-panel")
    page.select_option("#karte-indikator", "auslastung")
    page.wait_for_function(
        "document.getElementById('karte-graph').innerText.includes('Auslastung')"
    )
    page.get_by_label("Akteure", exact=True).check()
    page.wait_for_function("location.search.includes('akteure')")
    url = page.url
    assert "auswahl=14627180" in url and "indikator=auslastung" in url

    other = browser.new_context(
        viewport={"width": 1280, "height": 800}, bypass_csp=True
    ).new_page()
    other.goto(url)
    _wait_map(other)
    assert "Nossen" in other.inner_text("#karte-panel")
    assert other.input_value("#karte-indikator") == "auslastung"
    assert other.get_by_label("Akteure", exact=True).is_checked()
    other.context.close()
    assert watched.external == [] and watched.console_errors == []


def test_back_and_forward_restore_states(watched):
    watched.goto("/karte")
    page = watched.page
    _wait_map(page)
    page.get_by_label("Sozialräume", exact=True).check()
    page.wait_for_function("location.search.includes('ebene=sozialraum')")
    page.select_option("#karte-indikator", "einwohner")
    page.wait_for_function("location.search.includes('indikator=einwohner')")
    page.go_back()
    page.wait_for_function("!location.search.includes('indikator=einwohner')")
    _wait_map(page, areas=4)
    assert page.get_by_label("Sozialräume", exact=True).is_checked()
    assert page.input_value("#karte-indikator") == "vka_schueler"
    page.go_forward()
    page.wait_for_function("location.search.includes('indikator=einwohner')")
    page.wait_for_function(
        "document.getElementById('karte-indikator')?.value === 'einwohner'"
    )
    assert watched.external == [] and watched.console_errors == []


def test_table_sorts_by_column(watched):
    watched.goto("/karte")
    page = watched.page
    _wait_map(page)
    first = "document.querySelector('#karte-tabelle tbody tr td').innerText"
    assert page.evaluate(first) == "Coswig"
    page.click("#karte-tabelle button:has-text('Schüler')")
    page.wait_for_function(f"{first} === 'Riesa'")  # most VKA pupils first
    assert "descending" == page.get_attribute(
        "#karte-tabelle th[aria-sort='descending']", "aria-sort"
    )
    page.click("#karte-tabelle button:has-text('Schüler')")
    page.wait_for_function(
        f"{first} === 'Nünchritz'"
    )  # fewest (7); Gemeinden without school last
    assert watched.console_errors == []


def test_panel_links_to_daz_view_filtered(watched):
    watched.goto("/karte?auswahl=14627230")
    page = watched.page
    _wait_map(page)
    page.click("#karte-link-daz")
    page.wait_for_url("**/daz?tab=schulen&gemeinde=14627230")
    page.wait_for_selector("#daz-summen")
    assert "172" in page.inner_text("#daz-summen")  # Riesa's VKA pupils only
    assert "Riesa" in page.inner_text("#daz-gemeinde")
    assert watched.console_errors == []
