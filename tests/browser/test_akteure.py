"""Akteure & Angebote in a real browser: filters, URL state, detail views."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    Watched,
    confirm_revert,
    login,
)

# The login route is rate-limited per address (10 per minute) and the whole browser
# suite shares one address: log in once per role and reuse the session cookie.


@pytest.fixture(scope="module")
def sessions(browser, live_server) -> dict:
    states = {}
    for role, user in (("user", None), ("admin", (ADMIN, ADMIN_PASSWORD))):
        context = browser.new_context(bypass_csp=True)
        w = Watched(context.new_page(), live_server.url)
        login(w, *user) if user else login(w)
        states[role] = context.storage_state()
        context.close()
    return states


def _as(w: Watched, browser, sessions: dict, role: str) -> Watched:  # noqa: ANN001
    """A page of a context with ``role``'s session, watched like ``w``."""
    context = browser.new_context(
        viewport={"width": 1024, "height": 768},
        locale="de-DE",
        bypass_csp=True,
        storage_state=sessions[role],
    )
    return Watched(context.new_page(), w.base_url)


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
    assert len(_rows(w)) == 30  # a first screen; the rest on request
    w.page.get_by_role("button", name="Alle 55 Einträge anzeigen").click()
    w.page.wait_for_function(
        "document.querySelectorAll('#akteure-tabelle tbody tr').length == 55"
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


def _field(kind: str, name: str) -> str:
    return (
        "[id='"
        + json.dumps(
            {"field": name, "kind": kind, "type": "eintrag-feld"}, separators=(",", ":")
        )
        + "']"
    )


def _versions(db) -> int:  # noqa: ANN001
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM eintrag_version").fetchone()[0]


def test_edit_as_bearbeitung_shows_up_with_history(
    watched: Watched, live_server, browser, sessions
):
    w = _as(watched, browser, sessions, "user")
    w.goto("/angebote/gu-grossenhain")
    # without a reason nothing is saved, and the field says why
    w.page.fill(_field("angebot", "zeitraum"), "01/2019 bis 12/2024")
    before = _versions(live_server.db)
    w.page.get_by_role("button", name="Speichern").click()
    w.page.get_by_text("Bitte einen Grund für die Änderung angeben.").wait_for()
    assert _versions(live_server.db) == before
    # end the Angebot with date and reason
    w.page.select_option(_field("angebot", "status"), "geschlossen")
    w.page.fill(_field("angebot", "ende"), "2024-12-31")
    reason = (
        "[id='"
        + json.dumps(
            {"kind": "angebot", "type": "eintrag-grund"}, separators=(",", ":")
        )
        + "']"
    )
    w.page.fill(reason, "Unterkunft geschlossen (Kreistag 2024)")
    w.page.get_by_role("button", name="Speichern").click()
    w.page.get_by_text("Gespeichert als Version").wait_for()
    detail = w.page.inner_text("#angebot-detail")
    assert "geschlossen" in detail and "01/2019 bis 12/2024" in detail
    assert (
        "Unterkunft geschlossen (Kreistag 2024)" in detail
        and "test-bearbeitung" in detail
    )
    # the directory counts it as ended
    w.goto("/akteure?status=beendet&typ=Angebot")
    assert "Gemeinschaftsunterkunft Großenhain (50 Plätze)" in _rows(w)
    assert w.console_errors == [] and w.external == []


def test_anonymous_write_is_refused_and_changes_nothing(live_server):
    """A save request as the browser would send it, without a session: HTTP 403."""
    before = _versions(live_server.db)

    def one(type_: str, prop: str, value, **extra):  # noqa: ANN001, ANN202
        return [
            {
                "id": {"kind": "akteur", "type": type_, **extra},
                "property": prop,
                "value": value,
            }
        ]

    body = {
        "output": '{"kind":["ALL"],"type":"eintrag-ansicht"}.children',
        "outputs": [
            {
                "id": {"kind": "akteur", "type": "eintrag-ansicht"},
                "property": "children",
            }
        ],
        "changedPropIds": ['{"kind":"akteur","type":"eintrag-speichern"}.n_clicks'],
        "inputs": [one("eintrag-speichern", "n_clicks", 1)],
        "state": [
            one("eintrag-feld", "value", "Gekapert", field="name"),
            one(
                "eintrag-feld",
                "id",
                {"kind": "akteur", "type": "eintrag-feld", "field": "name"},
                field="name",
            ),
            one("eintrag-grund", "value", "ohne Anmeldung"),
            one("eintrag-grund", "id", {"kind": "akteur", "type": "eintrag-grund"}),
            one("eintrag-stand", "data", {"key": "kreistag", "version": 0}),
            one("eintrag-stand", "id", {"kind": "akteur", "type": "eintrag-stand"}),
            one("eintrag-ansicht", "id", {"kind": "akteur", "type": "eintrag-ansicht"}),
        ],
    }
    req = urllib.request.Request(
        live_server.url + "/_dash-update-component",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 403
    assert _versions(live_server.db) == before


def test_map_panel_links_to_detail_views(watched: Watched):
    w = watched
    w.goto("/karte?ebene=gemeinde&auswahl=14627230&ebenen=angebote,akteure")
    panel = w.page.locator("#karte-panel")
    panel.get_by_role("link", name="AG Asyl Riesa").wait_for()
    assert (
        panel.get_by_role(
            "link",
            name="Unterkunft für Geflüchtete aus der Ukraine (60 Wohnungen, 216 Plätze)",
        ).count()
        == 1
    )
    panel.get_by_role("link", name="AG Asyl Riesa").click()
    w.page.wait_for_url("**/akteure/ag-asyl-riesa")
    w.page.locator("#akteur-detail h1", has_text="AG Asyl Riesa").wait_for()
    w.goto("/karte?ebene=sozialraum&auswahl=Riesa")
    link = w.page.locator("#karte-panel").get_by_role(
        "link", name="→ Alle Akteure und Angebote hier (mit landkreisweiten)"
    )
    assert link.get_attribute("href") == "/akteure?sozialraum=Riesa"
    assert w.console_errors == [] and w.external == []


def test_actor_list_import_preview_commit_and_revert(
    watched: Watched, tmp_path, browser, sessions
):
    import pandas as pd

    from tests.conftest import DATA

    w = _as(watched, browser, sessions, "user")
    rows = pd.read_csv(DATA / "akteure.csv", dtype=str, keep_default_na=False)
    row = rows[rows["akteur_id"] == "kreistag"][
        ["akteur_id", "name", "art", "ags", "gebiet", "quelle", "stand", "hinweis"]
    ].assign(hinweis="Ausschuss für Soziales berät das Konzept (Test)")
    upload = tmp_path / "akteure_geaendert.csv"
    upload.write_text(row.to_csv(sep=";", index=False), encoding="utf-8")
    w.goto("/akteursliste")
    w.page.set_input_files("#akteursliste-upload input[type=file]", str(upload))
    w.page.get_by_text("1 Akteure werden geändert oder angelegt").wait_for()
    assert "hinweis" in w.page.inner_text("#akteursliste-vorschau")
    w.page.get_by_role("button", name="Übernehmen").click()
    w.page.locator("#akteursliste-import-ok").wait_for()
    w.goto("/akteure/kreistag")
    assert "Ausschuss für Soziales berät das Konzept (Test)" in w.page.inner_text(
        "#akteur-detail"
    )
    w.page.context.close()
    w = _as(watched, browser, sessions, "admin")
    w.goto("/akteursliste")
    confirm_revert(w.page, "akteursliste")
    w.goto("/akteure/kreistag")
    detail = w.page.inner_text("#akteur-detail")
    assert "Ausschuss für Soziales" not in detail.split("Verlauf")[0]
    assert "Rücknahme von Import" in detail
    assert w.console_errors == [] and w.external == []


def test_relation_added_and_ended_as_bearbeitung(watched: Watched, browser, sessions):
    w = _as(watched, browser, sessions, "user")
    w.goto("/akteure/ag-asyl-riesa")

    def field(name: str) -> str:
        return _field("beziehung", name)

    reason = (
        "[id='"
        + json.dumps(
            {"kind": "beziehung", "type": "eintrag-grund"}, separators=(",", ":")
        )
        + "']"
    )
    save = w.page.get_by_role("button", name="Speichern").nth(1)
    w.page.select_option(field("beziehung"), "kooperiert mit")
    w.page.select_option(field("zu"), "kik-riesa")
    w.page.fill(field("fundstelle"), "Die KIK Riesa nimmt an jeder Sitzung teil.")
    w.page.fill(field("quelle"), "Protokoll der AG Asyl Riesa vom 12.03.2024")
    w.page.fill(field("stand"), "2024-03-12")
    w.page.fill(reason, "Protokoll")
    save.click()
    w.page.get_by_text("Gespeichert als Version 1.").wait_for()
    out = w.page.inner_text("#akteur-detail").split("Beziehungen zu diesem Akteur")[0]
    assert "kooperiert mit Kommunale Integrationskoordination Gebiet Riesa" in out
    # end it: same relation, status beendet with a date
    w.page.select_option(field("beziehung"), "kooperiert mit")
    w.page.select_option(field("zu"), "kik-riesa")
    w.page.fill(field("fundstelle"), "Die KIK Riesa nimmt an jeder Sitzung teil.")
    w.page.fill(field("quelle"), "Protokoll der AG Asyl Riesa vom 12.03.2024")
    w.page.fill(field("stand"), "2024-03-12")
    w.page.select_option(field("status"), "beendet")
    w.page.fill(field("ende"), "2025-01-31")
    w.page.fill(reason, "Stelle nicht mehr besetzt")
    w.page.get_by_role("button", name="Speichern").nth(1).click()
    w.page.get_by_text("Gespeichert als Version 2.").wait_for()
    assert "(beendet am 31.01.2025)" in w.page.inner_text("#akteur-detail")
    w.goto("/akteure/kik-riesa")
    assert "AG Asyl Riesa (beendet am 31.01.2025)" in w.page.inner_text(
        "#akteur-detail"
    )
    assert w.console_errors == [] and w.external == []
