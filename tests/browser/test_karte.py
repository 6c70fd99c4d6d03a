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


# Issue 10: the map coloured by a catalogue indicator with a breakdown (test values)
MISSING_FILL = "rgb(207, 207, 207)"  # figures.classes.MISSING_COLOR
KEY = "I-TEST-KARTE"
RIESA, MEISSEN, NOSSEN, COSWIG = "14627230", "14627140", "14627180", "14627010"


def _fills(page, graph: str) -> list[str]:  # noqa: ANN001
    """The fill of every drawn area: what a person sees (the lean bundle draws SVG)."""
    return page.evaluate(
        f"[...document.querySelectorAll('#{graph} .choroplethlocation')]"
        ".map(p => getComputedStyle(p).fill)"
    )


def _coloured(page, graph: str, n: int) -> None:  # noqa: ANN001
    """Wait until 28 Gemeinden are drawn, ``n`` of them with a value's colour."""
    page.wait_for_function(
        f"""() => {{ const f = [...document.querySelectorAll('#{graph} .choroplethlocation')]
             .map(p => getComputedStyle(p).fill);
             return f.length === 28 && f.filter(c => c !== '{MISSING_FILL}').length === {n}; }}"""
    )


def _store_indicator(db) -> int:  # noqa: ANN001
    """Define the test indicator (Gemeinde breakdown) with values for 3 Gemeinden,
    close a Berichtsstand, then change Riesa and add Coswig; return its id."""
    import pandas as pd

    from dashboard.store import berichtsstaende
    from dashboard.store import indicators as store
    from dashboard.store.db import make_engine

    engine = make_engine(f"sqlite:///{db}")
    store.define(engine, store.Definition(
        KEY, "Z-4.2-1", "Sprachkurse je Gemeinde (Testdaten)", "Kurse", "steigen",
        10.0, "2017", 20.0, "2021", "Testquelle", aufschluesselung="gemeinde"), 0, "test")  # fmt: skip

    def values(rows: list[tuple]) -> None:
        cols = ["indikator_id", "datum", "gebiet", "wert", "quelle"]
        frame = pd.DataFrame([(KEY, *r, "Testquelle") for r in rows], columns=cols)
        store.add_values(engine, frame, "test")

    values([("2019", RIESA, 5.0), ("2019", MEISSEN, 3.0), ("2019", NOSSEN, 2.0)])
    point = berichtsstaende.close(engine, "Lenkungsgruppe Karte (Test)", "2027-03-12", "test")  # fmt: skip
    values([("2020", RIESA, 8.0), ("2020", COSWIG, 4.0)])
    engine.dispose()
    return point


def test_map_by_indicator_now_and_at_a_berichtsstand(watched, live_server):
    point = _store_indicator(live_server.db)
    page = watched.page
    watched.goto(f"/indikator?id={KEY}")
    page.click("#indikator-karte-link a")
    page.wait_for_url(f"**/karte?indikator={KEY}&ebene=gemeinde")
    _coloured(page, "karte-graph", 4)  # Riesa, Meißen, Nossen, Coswig
    legend = page.locator("#karte-graph .colorbar").text_content()
    assert "(Kurse)" in legend and "Stand 2019 bis 2020" in legend
    assert "kein Wert" in legend
    assert page.locator("#karte-tabelle td:text-is('kein Wert')").count() == 24
    assert "8 Kurse" in page.inner_text("#karte-tabelle")
    # on Sozialräume the Gemeinde indicator has no values, and the note says so
    page.get_by_label("Sozialräume", exact=True).check()
    page.wait_for_function(
        "document.getElementById('karte-hinweis').innerText.includes('keine Werte')"
    )
    # the patch-based recolour: to another measure and back, which switches the map
    # back to the indicator's level (Gemeinden)
    page.select_option("#karte-indikator", "einwohner")
    page.wait_for_function("location.search.includes('indikator=einwohner')")
    page.select_option("#karte-indikator", KEY)
    page.wait_for_function("location.search.includes('ebene=gemeinde')")
    assert page.get_by_label("Gemeinden", exact=True).is_checked()
    _coloured(page, "karte-graph", 4)
    page.select_option("#karte-gebiet", RIESA)
    page.wait_for_function(
        "document.getElementById('karte-panel').innerText.includes('8 Kurse (Stand 2020)')"
    )

    # the Berichtsstand: the values current then, also after a recolour
    watched.goto(f"/karte?berichtsstand={point}&indikator={KEY}")
    assert "Ansicht zum Berichtsstand" in page.inner_text("#berichtsstand-hinweis")
    _coloured(page, "karte-graph", 3)  # Coswig came later
    assert "5 Kurse" in page.inner_text("#karte-tabelle")
    assert "8 Kurse" not in page.inner_text("#karte-tabelle")
    page.select_option("#karte-indikator", "einwohner")
    page.wait_for_function("location.search.includes('indikator=einwohner')")
    page.select_option("#karte-indikator", KEY)
    page.wait_for_function(f"location.search.includes('indikator={KEY}')")
    assert f"berichtsstand={point}" in page.url
    _coloured(page, "karte-graph", 3)

    # the Berichtsstand's slide deck: its map recolours with the frozen data too
    watched.goto(f"/sitzung?berichtsstand={point}&folien=karte")
    page.select_option("#sitzung-karte-kennzahl", KEY)
    _coloured(page, "sitzung-karte", 3)
    assert watched.external == [] and watched.console_errors == [], "\n".join(
        watched.console_errors
    )
