"""Betrieb in the browser: every page works under the enforced Content-Security-Policy."""

from __future__ import annotations

import json
import os
import sqlite3
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from dashboard import ids
from tests.browser.conftest import ADMIN, ADMIN_PASSWORD, Watched, confirm_revert, login
from tests.browser.test_daz import VALID

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
    "/benutzer",
    "/netzwerk",
    "/akteursliste",
    "/indikatoren",
    "/hilfe",
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


# every Content-Security-Policy violation (also one a script catches, e.g. a probe
# with ``new Function``), kept on the page for the test to read
RECORD_VIOLATIONS = """
window.imViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.imViolations.push(
    `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def test_import_tab_logged_in_has_no_csp_violation(strict):
    """Upload, template, preview, commit and the revert dialog on /daz?tab=import
    with the CSP enforced: no violation (e.g. 'unsafe-eval'), no console error."""
    page = strict.page
    page.context.add_init_script(RECORD_VIOLATIONS)
    violations = []
    login(strict)
    strict.goto("/daz?tab=import")
    with page.expect_download():
        page.click(f"#{ids.DAZ_IMPORT.template_button}")
    page.set_input_files(
        f"#{ids.DAZ_IMPORT.upload} input[type=file]",
        files=[{"name": "s.csv", "mimeType": "text/csv", "buffer": VALID.encode()}],
    )
    page.get_by_text("2 Zeilen geprüft, keine Fehler").wait_for()
    page.click(f"#{ids.DAZ_IMPORT.commit}")
    page.locator(f"#{ids.DAZ_IMPORT.ok}").wait_for()
    violations += page.evaluate("window.imViolations")
    login(strict, ADMIN, ADMIN_PASSWORD)
    strict.goto("/daz?tab=import")
    confirm_revert(page, "daz")
    violations += page.evaluate("window.imViolations")
    assert violations == []
    assert strict.console_errors == [] and strict.external == []


def test_login_form_carries_a_token_and_works_under_the_csp(strict):
    login(strict, ADMIN, ADMIN_PASSWORD)
    strict.goto("/anmelden")
    assert strict.page.locator("form[action='/auth/abmelden'] input[name=csrf_token]")
    strict.page.click("form[action='/auth/abmelden'] button")
    strict.page.wait_for_url(strict.base_url + "/")
    assert strict.console_errors == []


def _save_goal_status(base_url: str, cookie: str) -> int:
    """POST the goal editor's save callback with ``cookie``; return the HTTP status."""
    deps = json.loads(urllib.request.urlopen(base_url + "/_dash-dependencies").read())
    dep = next(d for d in deps if d["inputs"][0]["id"] == ids.ZIELE_SAVE)
    values = {
        ids.ZIELE_EDIT_STATE: {"ziel_id": "Z-4.1-1", "version": 0, "feld": "4.1"},
        ids.ZIELE_STATUS: "geplant",
    }
    outputs = [
        {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1].split("@")[0]}
        for o in dep["output"].strip(".").split("...")
    ]
    body = {
        "output": dep["output"],
        "outputs": outputs,
        "changedPropIds": [f"{ids.ZIELE_SAVE}.n_clicks"],
        "inputs": [{**dep["inputs"][0], "value": 1}],
        "state": [{**s, "value": values.get(s["id"])} for s in dep["state"]],
    }
    request = urllib.request.Request(
        base_url + "/_dash-update-component",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Cookie": cookie},
    )
    try:
        return urllib.request.urlopen(request, timeout=20).status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_admin_creates_and_disables_an_account(browser, live_server, strict, tmp_path):
    shots = Path(os.environ.get("IM_SHOTS", tmp_path))
    login(strict, ADMIN, ADMIN_PASSWORD)
    strict.goto("/benutzer")
    page = strict.page
    page.fill(f"#{ids.BEN_NEW_NAME}", "neu-bearbeiter")
    page.fill(f"#{ids.BEN_NEW_PASSWORD}", "neu-passwort-123")
    page.click(f"#{ids.BEN_CREATE}")
    page.wait_for_selector(f"#{ids.BEN_MESSAGE} .alert-success")
    assert "neu-bearbeiter" in page.inner_text(f"#{ids.BEN_TABLE}")

    other = browser.new_context(viewport={"width": 1024, "height": 768})
    user = Watched(other.new_page(), live_server.url)
    login(user, "neu-bearbeiter", "neu-passwort-123")
    session = next(c for c in other.cookies() if c["name"] == "session")
    cookie = f"session={session['value']}"
    assert _save_goal_status(live_server.url, cookie) == 200

    strict.goto("/benutzer")  # the new name is in the list now
    page.select_option(f"#{ids.BEN_SELECT}", "neu-bearbeiter")
    page.select_option(f"#{ids.BEN_ACTION}", "sperren")
    page.click(f"#{ids.BEN_APPLY}")
    page.wait_for_selector(f"#{ids.BEN_MESSAGE} .alert-success")
    assert "gesperrt" in page.inner_text(f"#{ids.BEN_TABLE}")
    page.screenshot(path=str(shots / "benutzer-1024.png"), full_page=True)

    assert _save_goal_status(live_server.url, cookie) == 403  # next write refused
    user.goto("/anmelden")
    assert user.page.locator("#login-name").count() == 1  # logged out
    other.close()
    with sqlite3.connect(live_server.db) as conn:
        actions = [
            r[0]
            for r in conn.execute(
                "select aktion from audit where benutzer = ? order by id", (ADMIN,)
            )
        ]
    assert actions[-2:] == ["Benutzer angelegt", "Benutzer gesperrt"]
    assert strict.console_errors == [] and user.console_errors == []


def test_user_page_is_closed_to_others(strict):
    strict.goto("/benutzer")
    text = strict.page.inner_text("#_pages_content")
    assert "nur angemeldeten Konten der Rolle" in text
    assert ADMIN not in text
