"""DaZ page in headless Chromium: trend, scenario, upload of a new school year."""

from __future__ import annotations

import base64
import sqlite3

import pytest

from tests.browser.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    confirm_revert,
    login,
    post_callback,
)

pytestmark = pytest.mark.browser

HEADER = "schuljahr;ebene;schule_id;schule;phase;schueler;vka_klassen;kapazitaetsreserve;quelle;stand\n"
VALID = (
    HEADER + "2017/18;Landkreis;;;DaZ 1/2;360;;;Kreisschul- und Kulturamt;01.02.2018\n"
    "2017/18;Landkreis;;;DaZ 3;520;;;Kreisschul- und Kulturamt;01.02.2018\n"
)


def _counts(db) -> tuple:  # noqa: ANN001
    with sqlite3.connect(db) as conn:
        return (
            conn.execute("select count(*) from daz_import").fetchone()[0],
            conn.execute("select count(*) from daz_import_zeile").fetchone()[0],
            conn.execute("select count(*) from audit").fetchone()[0],
        )


def _upload(page, name: str, content: bytes) -> None:  # noqa: ANN001
    page.set_input_files(
        "#daz-upload input[type=file]",
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}],
    )


def test_trend_and_scenario(watched):
    watched.goto("/daz")
    page = watched.page
    page.wait_for_selector("#daz-trend .bars .point")
    assert "830" in page.inner_text("#daz-trend") and "650" in page.inner_text(
        "#daz-trend"
    )
    page.click("text=Szenario")
    page.wait_for_selector("text=Keine Schule überschreitet ihre Kapazität")
    page.fill(
        "#daz-szenario-veraenderung input", "100"
    )  # Dash 4 slider has an input box
    page.keyboard.press("Tab")
    page.wait_for_selector("#daz-szenario-schulen")
    text = page.inner_text("#daz-szenario-ergebnis")
    assert "4. Grundschule Riesa" in text and "Riesa (+121 Schüler" in text
    assert "Berechnung (Szenario), keine beobachteten Daten" in text
    assert watched.external == [] and watched.console_errors == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("alt.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 60, "bitte als .xlsx speichern"),
        (
            "zahl.csv",
            VALID.replace(";360;", ";3x0;").encode(),
            "Zeile 2, Spalte „schueler“: keine ganze Zahl",
        ),
        (
            "schule.csv",
            (
                HEADER + "2017/18;Schule;gs-gibtsnicht;;DaZ 1/2;5;1;1;Amt;01.02.2018\n"
            ).encode(),
            "unbekannte Schule",
        ),
        (
            "doppelt.csv",
            (VALID + VALID.splitlines()[1] + "\n").encode(),
            "doppelte Angabe",
        ),
        ("leer.csv", b"", "leer"),
        (
            "gross.csv",
            HEADER.encode() + b"x" * 1_100_000,
            "erlaubt ist höchstens 1,0 MB",
        ),
        (
            "alt.csv",
            VALID.replace("2017/18", "2016/17").encode(),
            "bereits gespeichert",
        ),
    ],
)
def test_broken_upload_changes_nothing(watched, live_server, name, content, message):
    login(watched)
    watched.goto("/daz?tab=import")
    before = _counts(live_server.db)
    _upload(watched.page, name, content)
    watched.page.wait_for_selector("#daz-fehler")
    assert message in watched.page.inner_text("#daz-fehler")
    assert watched.page.is_disabled("#daz-uebernehmen")
    assert _counts(live_server.db) == before
    assert watched.console_errors == []


def test_valid_upload_shows_in_trend_and_can_be_reverted(watched, live_server):
    login(watched)
    watched.goto("/daz?tab=import")
    page = watched.page
    before = _counts(live_server.db)
    _upload(page, "schuljahr_2017_18.csv", VALID.encode("cp1252"))
    page.wait_for_selector("text=2 Zeilen geprüft, keine Fehler")
    page.click("#daz-uebernehmen")
    page.wait_for_selector("#daz-import-ok")
    after = _counts(live_server.db)
    assert (
        after[0] == before[0] + 1
        and after[1] == before[1] + 2
        and after[2] == before[2] + 1
    )
    page.click("text=Entwicklung")
    page.wait_for_function(
        "document.getElementById('daz-trend').innerText.includes('2017/18')"
    )
    assert "880" in page.inner_text("#daz-trend")  # 360 + 520
    # an editor sees no revert button; the administrator does
    page.click("text=Neues Schuljahr")
    assert page.locator("#daz-importe button:has-text('Zurücknehmen')").count() == 0
    login(watched, ADMIN, ADMIN_PASSWORD)
    watched.goto("/daz?tab=import")
    confirm_revert(page, "daz")
    page.wait_for_selector("text=zurückgenommen von test-admin")
    watched.goto("/daz")
    page.wait_for_selector("#daz-trend .bars .point")
    assert "2017/18" not in page.inner_text("#daz-trend")


def test_anonymous_writes_are_refused(live_server):
    content = "data:text/csv;base64," + base64.b64encode(VALID.encode()).decode()
    values = {
        "daz-upload.contents": content,
        "daz-upload.filename": "x.csv",
        "daz-uebernehmen.n_clicks": 1,
        "daz-upload-daten.data": {"contents": content, "filename": "x.csv"},
    }
    before = _counts(live_server.db)
    for first_input in ("daz-upload", "daz-uebernehmen"):
        assert post_callback(live_server.url, first_input, values) == 403, first_input
    revert = '{"import":["ALL"],"type":"daz-zuruecknehmen"}'
    assert post_callback(live_server.url, revert, {}) == 403
    assert _counts(live_server.db) == before
