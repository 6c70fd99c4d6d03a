"""Betrieb in the browser: every page works under the enforced Content-Security-Policy."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ADMIN, ADMIN_PASSWORD, Watched, login

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/karte?ebenen=schulen,angebote,akteure",
    "/daz",
    "/daz?tab=import",
    "/ziele?feld=4.3",
    "/akteure",
    "/akteure/auslaenderamt",
    "/angebote/fsa-diakonie-rg",
    "/sitzung-planen",
    "/sitzung?folien=karte,hf-4.2",
    "/anmelden",
]


@pytest.fixture()
def strict(browser, live_server):
    """A page whose context enforces the CSP (no bypass, unlike ``watched``)."""
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    yield Watched(context.new_page(), live_server.url)
    context.close()


def test_every_page_renders_under_the_csp(strict):
    for path in PAGES:
        response = strict.page.goto(strict.base_url + path)
        strict.page.wait_for_load_state("networkidle")
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert strict.page.locator("#_pages_content").inner_text().strip(), path
    assert strict.console_errors == []
    assert strict.external == []


def test_login_form_carries_a_token_and_works_under_the_csp(strict):
    login(strict, ADMIN, ADMIN_PASSWORD)
    strict.goto("/anmelden")
    assert strict.page.locator("form[action='/auth/abmelden'] input[name=csrf_token]")
    strict.page.click("form[action='/auth/abmelden'] button")
    strict.page.wait_for_url(strict.base_url + "/")
    assert strict.console_errors == []
