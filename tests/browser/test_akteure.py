"""Akteure & Angebote in a real browser: filters, URL state, detail views."""

from __future__ import annotations

from tests.browser.conftest import Watched


def _rows(w: Watched) -> list[str]:
    return w.page.locator("#akteure-tabelle tbody tr td:first-child").all_inner_texts()


def test_sozialraum_riesa_lists_local_and_landkreisweit_actors(watched: Watched):
    w = watched
    w.goto("/akteure")
    w.page.select_option("#akteure-sozialraum", "Riesa")
    w.page.wait_for_function("location.search.includes('sozialraum=Riesa')")
    w.page.wait_for_function(
        "!document.querySelector('#akteure-tabelle').innerText.includes('AG Asyl Großenhain')"
    )
    names = _rows(w)
    assert "AG Asyl Riesa" in names
    assert "Kommunale Integrationskoordination Gebiet Riesa" in names
    assert "Ausländerbeauftragte des Landkreises Meißen" in names
    assert "Kommunale Integrationskoordination Gebiet Meißen" not in names
    row = w.page.locator(
        "#akteure-tabelle tr", has_text="Koordinierungskraft Integration"
    )
    assert "landkreisweit" in row.inner_text()
    assert "von 48 Akteuren" in w.page.inner_text("#akteure-anzahl")
    # the URL alone restores the view (shared link, reload)
    w.goto("/akteure?sozialraum=Riesa&art=Gremium&q=AG")
    names = _rows(w)
    assert "AG Asyl Riesa" in names and "AG Arbeitsmarktintegration" in names
    assert "AG Asyl Großenhain" not in names and "Ausländeramt" not in names
    assert w.page.input_value("#akteure-suche") == "AG"
    assert w.page.input_value("#akteure-art") == "Gremium"
    assert w.console_errors == [] and w.external == []


def test_search_as_you_type_and_sorting(watched: Watched):
    w = watched
    w.goto("/akteure")
    w.page.fill("#akteure-suche", "dolmetsch")
    w.page.wait_for_function("location.search.includes('q=dolmetsch')")
    w.page.wait_for_function(
        "document.querySelectorAll('#akteure-tabelle tbody tr').length < 10"
    )
    assert any("Sprach- und Kulturmittlerdienst" in n for n in _rows(w))
    w.page.fill("#akteure-suche", "")
    w.page.get_by_role("button", name="Name ▲").click()
    w.page.wait_for_selector("#akteure-tabelle th[aria-sort=descending]")
    names = _rows(w)
    assert names == sorted(names, reverse=True)


def test_detail_view_shows_tasks_and_relations_both_ways(watched: Watched):
    w = watched
    w.goto("/akteure?q=Ausländerbeauftragte")
    w.page.get_by_role(
        "link", name="Ausländerbeauftragte des Landkreises Meißen"
    ).click()
    w.page.wait_for_url("**/akteure/auslaenderbeauftragte")
    w.page.locator("#akteur-detail h1", has_text="Ausländerbeauftragte").wait_for()
    detail = w.page.locator("#akteur-detail")
    detail.get_by_text("Beziehungen zu diesem Akteur").wait_for()
    text = detail.inner_text()
    assert "Netzwerk- und Gremienarbeit" in text and "Kap. 3" in text
    assert "organisiert AG Arbeitsmarktintegration" in text
    assert "kooperiert mit Kommunale Integrationskoordination Gebiet Riesa" in text
    assert "laut Konzept" in text and "Zuordnung (Arbeitsstand)" in text
    detail.locator("summary").first.click()
    assert "Quelle:" in detail.locator("details[open]").inner_text()
    detail.get_by_role("link", name="AG Arbeitsmarktintegration").click()
    w.page.wait_for_url("**/akteure/ag-arbeitsmarktintegration")
    w.page.locator(
        "#akteur-detail h1", has_text="AG Arbeitsmarktintegration"
    ).wait_for()
    assert "wird organisiert von" in w.page.inner_text("#akteur-detail")
    w.goto("/angebote/ua-riesa")
    assert "Clara-Zetkin-Ring" in w.page.inner_text("#angebot-detail")
    assert w.console_errors == [] and w.external == []


def test_navbar_search_by_keyboard(watched: Watched):
    w = watched
    w.goto("/daz")
    box = w.page.locator("#nav-suche")
    box.click()
    w.page.keyboard.type("Dolmetsch")
    hits = w.page.locator("#nav-suche-liste li[role=option]")
    hits.first.wait_for()
    texts = hits.all_inner_texts()
    assert any("Sprach- und Kulturmittlerdienst" in t for t in texts)
    assert any("Ziel 4.5-5" in t for t in texts)
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    # arrow to the goal, Enter opens its Handlungsfeld page at the goal
    goal = next(i for i, t in enumerate(texts) if "Ziel 4.5-5" in t)
    for _ in range(goal + 1):
        w.page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == f"nav-suche-ergebnisse-{goal}"
    w.page.keyboard.press("Enter")
    w.page.wait_for_url("**/ziele?feld=4.5#ziel-Z-4.5-5")
    w.page.locator("#ziel-Z-4\\.5-5").wait_for()
    # a search from any page opens an actor's detail view
    box.fill("Ausländerbeauftragte")
    w.page.locator(
        "#nav-suche-liste li", has_text="Ausländerbeauftragte"
    ).first.wait_for()
    w.page.keyboard.press("ArrowDown")
    w.page.keyboard.press("Enter")
    w.page.wait_for_url("**/akteure/auslaenderbeauftragte")
    w.page.locator("#akteur-detail h1", has_text="Ausländerbeauftragte").wait_for()
    assert not w.page.locator("#nav-suche-ergebnisse").is_visible()
    assert w.console_errors == [] and w.external == []


def test_network_page_loads_cytoscape_only_there(watched: Watched):
    w = watched
    scripts = []
    w.page.on(
        "request", lambda r: scripts.append(r.url) if "cytoscape" in r.url else None
    )
    w.goto("/akteure")
    assert scripts == []
    w.goto("/netzwerk?sozialraum=Riesa&hf=4.3")
    w.page.locator(".im-net-box canvas").first.wait_for()
    assert len(scripts) == 1 and scripts[0].startswith(w.base_url)
    assert "kooperiert mit" in w.page.inner_text("#netz-liste")
    assert "Kommunale Integrationskoordination Gebiet Meißen" not in w.page.inner_text(
        "#netz-liste"
    )
    # a click on a node opens the actor's detail view
    w.page.wait_for_function(
        "() => { const c = document.querySelector('.im-net-box > div');"
        " return c && c._cyreg && c._cyreg.cy && c._cyreg.cy.nodes().length > 0; }"
    )
    pos = w.page.evaluate(
        "() => { const c = document.querySelector('.im-net-box > div');"
        " const n = c._cyreg.cy.$id('koordinierungskraft');"
        " const b = c.getBoundingClientRect(); const p = n.renderedPosition();"
        " return [b.x + p.x, b.y + p.y]; }"
    )
    w.page.mouse.click(*pos)
    w.page.wait_for_url("**/akteure/koordinierungskraft")
    w.page.locator("#akteur-detail h1", has_text="Koordinierungskraft").wait_for()
    assert w.console_errors == [] and w.external == []
