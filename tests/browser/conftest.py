"""Real-browser fixtures: the real entry point on a free port, headless Chromium.

Chromium comes from Debian (``chromium``); when it is missing and we are root the
fixture installs it, so README's test command works on a fresh machine.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard.config import ROOT
from dashboard.reports.briefing import CHROMIUM_FLAGS

CHROMIUM = "/usr/bin/chromium"

USER, PASSWORD = "test-bearbeitung", "test-passwort-123"
ADMIN, ADMIN_PASSWORD = "test-admin", "admin-passwort-123"


def ensure_chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"],
            check=True,
            env=env,
        )
        return CHROMIUM
    pytest.fail(
        "Chromium fehlt: bitte 'apt-get install -y chromium chromium-driver' ausführen."
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Live:
    url: str
    db: Path


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Start ``app.py`` with its own database; yield its URL and database path.

    Chromium is ensured first: the app prints the briefing PDF with it.
    """
    ensure_chromium()
    instance = tmp_path_factory.mktemp("live")
    port = free_port()
    env = {
        **os.environ,
        "IM_INSTANCE_DIR": str(instance),
        "DASH_PORT": str(port),
        "SECRET_KEY": "browser-test",
        # the tests log in far more often than a person; the limit has unit tests
        "IM_LOGIN_LIMIT": "1000 per minute",
    }
    env.pop("DATABASE_URL", None)
    users = ((USER, PASSWORD, "Bearbeitung"), (ADMIN, ADMIN_PASSWORD, "Administration"))
    for name, password, role in users:
        cmd = [sys.executable, "-m", "dashboard.cli", "benutzer-anlegen", name]
        subprocess.run(
            [*cmd, "--rolle", role],
            cwd=ROOT,
            env={**env, "IM_PASSWORT": password},
            check=True,
            capture_output=True,
        )
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("Server did not start")
    yield Live(url, instance / "integrationsmonitor.sqlite")
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=ensure_chromium(), args=list(CHROMIUM_FLAGS)
        )
        yield b
        b.close()


class Watched:
    """A page that records console errors and requests leaving the machine."""

    def __init__(self, page, base_url: str):
        self.page, self.base_url = page, base_url
        self.console_errors: list[str] = []
        self.external: list[str] = []
        page.on(
            "console",
            lambda m: self.console_errors.append(m.text) if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("request", self._request)

    def _request(self, request) -> None:  # noqa: ANN001
        if not request.url.startswith((self.base_url, "data:", "blob:")):
            self.external.append(request.url)

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")


@pytest.fixture()
def watched(browser, live_server):
    # Playwright's wait_for_function evaluates strings with eval, which the app's CSP
    # forbids; tests/browser/test_betrieb.py checks every page with the CSP enforced.
    context = browser.new_context(
        viewport={"width": 1024, "height": 768}, locale="de-DE", bypass_csp=True
    )
    w = Watched(context.new_page(), live_server.url)
    yield w
    context.close()


def login(watched: Watched, user: str = USER, password: str = PASSWORD) -> None:
    watched.goto("/anmelden")
    if watched.page.locator("text=Abmelden").count():
        watched.page.click("form[action='/auth/abmelden'] button")
        watched.page.wait_for_url(watched.base_url + "/")
        watched.goto("/anmelden")
    watched.page.fill("#login-name", user)
    watched.page.fill("#login-passwort", password)
    watched.page.click("#anmelden-form button[type=submit]")
    watched.page.wait_for_url(watched.base_url + "/")
    # the nav entry shows who is logged in (a projected browser shows its edit rights)
    watched.page.wait_for_selector(
        f"#shell-nav-anmelden .im-nav-login-name >> text={user}"
    )


def post_callback(base_url: str, first_input: str, values: dict) -> int:
    """POST a callback request as a browser would, without a session; return the status.

    The request is built from ``/_dash-dependencies`` for the callback whose first input
    has the id ``first_input``; ``values`` maps ``"id.property"`` to values.
    """
    deps = json.loads(urllib.request.urlopen(base_url + "/_dash-dependencies").read())
    dep = next(d for d in deps if d["inputs"] and d["inputs"][0]["id"] == first_input)
    outputs = [
        {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1].split("@")[0]}
        for o in dep["output"].strip(".").split("...")
    ]

    def arg(spec: dict) -> dict:
        return {**spec, "value": values.get(f"{spec['id']}.{spec['property']}")}

    body = {
        "output": dep["output"],
        "outputs": outputs,
        "changedPropIds": [f"{first_input}.{dep['inputs'][0]['property']}"],
        "inputs": [arg(i) for i in dep["inputs"]],
        "state": [arg(i) for i in dep["state"]],
    }
    req = urllib.request.Request(
        base_url + "/_dash-update-component",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        return urllib.request.urlopen(req, timeout=10).status
    except urllib.error.HTTPError as exc:
        return exc.code


# Import revert (shared import panel): the button opens a dialog that needs a reason
def confirm_revert(page, prefix: str, reason: str = "Testimport") -> None:  # noqa: ANN001
    """Click the first "Zurücknehmen" of the ``prefix`` import log, check the dialog
    refuses an empty reason (German message, stays open), then give one and confirm."""
    page.locator(f"#{prefix}-importe button:has-text('Zurücknehmen')").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_text("Diese Rücknahme betrifft").wait_for()
    assert dialog.locator(f"#{prefix}-ruecknahme-grund").evaluate(
        "el => el.closest('.modal').contains(document.activeElement)"
    )  # focus moved into the dialog
    dialog.get_by_role("button", name="Endgültig zurücknehmen").click()
    dialog.get_by_text("Bitte einen Grund für die Rücknahme angeben.").wait_for()
    assert page.locator(f"#{prefix}-zurueck").count() == 0  # nothing reverted
    dialog.get_by_label("Grund der Rücknahme").fill(reason)
    dialog.get_by_role("button", name="Endgültig zurücknehmen").press("Enter")
    page.locator(f"#{prefix}-zurueck").wait_for()
    dialog.wait_for(state="hidden")
