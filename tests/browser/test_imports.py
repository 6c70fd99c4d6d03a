"""The shared import panel in headless Chromium for the Messwert import (the school
year and actor list go through the same panel: tests/browser/test_daz.py,
test_akteure.py): preview, commit into the catalogue, revert by the Administration."""

from __future__ import annotations

import sqlite3

import pytest

from tests.browser.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    USER,
    confirm_revert,
    login,
)

pytestmark = pytest.mark.browser

VALUES = (
    "Messwerte DaZ (Test)\n\nIndikator;Datum;Gebiet;Wert;Quelle;Bemerkung\n"
    "I-DAZ-SCHUELER;31.12.2018;;917;Kreisschulamt (Testdaten);erste Zeile\n"
)


def _upload(page, content: str) -> None:  # noqa: ANN001
    page.set_input_files(
        "#messwerte-upload input[type=file]",
        files=[
            {"name": "werte.csv", "mimeType": "text/csv", "buffer": content.encode()}
        ],
    )


def test_messwert_import_preview_commit_and_revert(watched, live_server):
    page = watched.page
    login(watched)
    watched.goto("/indikatoren")
    _upload(page, VALUES.replace(";917;", ";viele;"))
    page.wait_for_selector("#messwerte-fehler")
    assert "Zeile 4, Spalte „Wert“: keine Zahl" in page.inner_text("#messwerte-fehler")
    assert page.is_disabled("#messwerte-uebernehmen")
    _upload(page, VALUES)
    page.wait_for_selector("text=1 Messwerte geprüft, keine Fehler.")
    assert "Bemerkung" in page.inner_text("#messwerte-vorschau")  # the warning
    page.click("#messwerte-uebernehmen")
    page.wait_for_selector("#messwerte-import-ok")
    assert "917" in page.inner_text("#indikatoren-katalog")
    log = page.inner_text("#messwerte-importe")
    assert "werte.csv" in log and "aktiv" in log
    assert page.locator("#messwerte-importe button").count() == 0  # editor: no revert
    with sqlite3.connect(live_server.db) as conn:
        (who,) = conn.execute(
            "select benutzer from messwert_import order by id desc"
        ).fetchone()
    assert who == USER  # audited: who imported
    login(watched, ADMIN, ADMIN_PASSWORD)
    watched.goto("/indikatoren")
    confirm_revert(page, "messwerte")
    assert "zurückgenommen von test-admin" in page.inner_text("#messwerte-importe")
    assert "917" not in page.inner_text("#indikatoren-katalog")
    assert watched.console_errors == [] and watched.external == []
