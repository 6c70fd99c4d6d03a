"""What a person sees on the Überblick page, in headless Chromium."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PASSWORD, USER

pytestmark = pytest.mark.browser


def test_overview_renders_real_figures_offline(watched):
    watched.goto("/")
    page = watched.page
    page.wait_for_selector("#ueberblick-daz-graph .bars .point")
    kpis = page.inner_text("#ueberblick-kpis")
    assert "830" in kpis and "1.918" in kpis and "Stand 08.02.2017" in kpis
    assert page.locator("#ueberblick-daz-graph .bars .point").count() == 4
    assert (
        "Arbeitsstand – Zuordnung durch die Sozialplanung zu bestätigen"
        in page.inner_text("body")
    )
    assert "© GeoBasis-DE / BKG 2017" in page.inner_text("footer")
    assert watched.external == []
    assert watched.console_errors == []


def test_navigation_lists_only_existing_pages(watched):
    watched.goto("/")
    links = watched.page.locator("#shell-nav a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for href in hrefs:
        response = watched.page.request.get(watched.base_url + href)
        assert response.status == 200, href
    assert watched.console_errors == []


def test_login_and_logout(watched):
    watched.goto("/anmelden")
    page = watched.page
    page.fill("#login-name", USER)
    page.fill("#login-passwort", "falsch-falsch-1")
    page.click("#anmelden-form button[type=submit]")
    page.wait_for_selector("text=Anmeldung fehlgeschlagen")
    page.fill("#login-name", USER)
    page.fill("#login-passwort", PASSWORD)
    page.click("#anmelden-form button[type=submit]")
    page.wait_for_url(watched.base_url + "/")
    watched.goto("/anmelden")
    assert f"Angemeldet als {USER}" in page.inner_text("body")
    page.click("text=Abmelden")
    page.wait_for_url(watched.base_url + "/")
    assert watched.console_errors == []
