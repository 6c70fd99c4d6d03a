"""Monitoring cycle end to end: an import shows in every view with its own Stand,
and reverting it brings every view back to 2016/17."""

from __future__ import annotations

import csv
import html
import urllib.request

import pytest

from tests.browser.conftest import ADMIN, ADMIN_PASSWORD, confirm_revert, login
from tests.conftest import DATA

pytestmark = pytest.mark.browser

HEADER = "schuljahr;ebene;schule_id;schule;phase;schueler;vka_klassen;kapazitaetsreserve;quelle;stand"
AMT = "Kreisschul- und Kulturamt"


def _school_year_file() -> bytes:
    """2017/18 (synthetic test data): Landkreis 370 + 520 = 890; every school as in
    2016/17 except 4. Grundschule Riesa 62 -> 51, so Grund- + Oberschulen = 370."""
    lines = [
        HEADER,
        f"2017/18;Landkreis;;;DaZ 1/2;370;;;{AMT};01.02.2018",
        f"2017/18;Landkreis;;;DaZ 3;520;;;{AMT};01.02.2018",
    ]
    with (DATA / "schulen_daz.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pupils = 51 if r["schule_id"] == "gs-riesa-4" else int(r["vka_schueler"])
            lines.append(
                f"2017/18;Schule;{r['schule_id']};;DaZ 1/2;{pupils};{r['vka_klassen']};"
                f"{r['kapazitaetsreserve']};{AMT};01.02.2018"
            )
    return ("\n".join(lines) + "\n").encode()


def _views(watched) -> dict[str, str]:  # noqa: ANN001
    page, out = watched.page, {}
    watched.goto("/")
    out["ueberblick"] = (
        page.inner_text("main")
        if page.locator("main").count()
        else page.inner_text("body")
    )
    watched.goto("/daz")
    page.wait_for_selector("#daz-trend .bars .point")
    out["daz"] = page.inner_text("#daz-trend") + page.inner_text("#daz-trend-quelle")
    watched.goto("/daz?tab=schulen")
    page.wait_for_selector("#daz-schulen-quelle")
    out["daz_schulen"] = page.inner_text("#daz-schulen-quelle")
    watched.goto("/karte?auswahl=14627230")
    page.wait_for_selector("#karte-panel table")
    out["karte"] = page.inner_text("#karte-panel") + page.inner_text("body")
    watched.goto("/sitzung?folien=ueberblick")
    out["folie"] = page.inner_text("#folie-ueberblick")
    # the print view is a plain document (no favicon); read it as the server sends it
    with urllib.request.urlopen(watched.base_url + "/briefing", timeout=120) as r:
        out["briefing"] = html.unescape(r.read().decode())
    return out


def test_import_shows_everywhere_and_revert_brings_2016_17_back(watched):
    page = watched.page
    login(watched)
    watched.goto("/daz?tab=import")
    page.set_input_files(
        "#daz-upload input[type=file]",
        files=[
            {
                "name": "schuljahr_2017_18.csv",
                "mimeType": "text/csv",
                "buffer": _school_year_file(),
            }
        ],
    )
    page.wait_for_selector("text=21 Zeilen geprüft, keine Fehler")
    page.click("#daz-uebernehmen")
    page.wait_for_selector("#daz-import-ok")

    v = _views(watched)
    assert (
        "890" in v["ueberblick"]
        and "DaZ-Schüler im Schuljahr 2017/18" in v["ueberblick"]
    )
    assert f"Quelle: {AMT} (Import Nr." in v["ueberblick"]
    assert (
        "Stand 01.02.2018" in v["ueberblick"]
        and "3 Schuljahre erfasst" in v["ueberblick"]
    )
    assert (
        "506" in v["ueberblick"]
        and "an 19 Schulen im Schuljahr 2017/18" in v["ueberblick"]
    )
    assert "890" in v["daz"] and "Stand 01.02.2018" in v["daz"] and AMT in v["daz"]
    assert (
        "Schuljahr 2017/18" in v["daz_schulen"]
        and "Stand 01.02.2018" in v["daz_schulen"]
    )
    assert "Schuljahr 2017/18" in v["karte"] and "Stand 01.02.2018" in v["karte"]
    assert "4. Grundschule Riesa\t51" in v["karte"]
    assert "890" in v["folie"] and "DaZ-Schüler 2017/18" in v["folie"]
    assert "506" in v["folie"] and "Stand 01.02.2018" in v["folie"]
    # no mix of school years on the first slide (the change is labelled as such)
    assert "2016/17" not in v["folie"].replace("gegenüber 2016/17", "")
    assert (
        "aktuell 2017/18: 890" in v["briefing"] and "Stand 01.02.2018" in v["briefing"]
    )

    login(watched, ADMIN, ADMIN_PASSWORD)
    watched.goto("/daz?tab=import")
    confirm_revert(page, "daz")
    page.wait_for_selector("text=zurückgenommen von test-admin")

    v = _views(watched)
    assert (
        "830" in v["ueberblick"]
        and "DaZ-Schüler im Schuljahr 2016/17" in v["ueberblick"]
    )
    assert (
        "Stand 01.02.2018" not in v["ueberblick"]
        and "2 Schuljahre erfasst" in v["ueberblick"]
    )
    assert "517" in v["ueberblick"]
    assert "2017/18" not in v["daz"] and "Stand 08.02.2017" in v["daz"]
    assert "Schuljahr 2016/17" in v["daz_schulen"]
    assert (
        "Schuljahr 2016/17" in v["karte"] and "4. Grundschule Riesa\t62" in v["karte"]
    )
    assert "830" in v["folie"] and "DaZ-Schüler 2016/17" in v["folie"]
    assert "2017/18" not in v["folie"]
    assert "aktuell 2016/17: 830" in v["briefing"] and "01.02.2018" not in v["briefing"]
    assert watched.external == [] and watched.console_errors == [], "\n".join(
        watched.console_errors
    )


def test_define_indicator_enter_two_values_and_see_progress(watched):
    page = watched.page
    login(watched)
    watched.goto("/indikatoren")
    fields = {
        "indikator-id": "I-TEST-SPRACHKURSE", "name": "Sprachkurse für Erwachsene (Test)",
        "einheit": "Kurse", "basis-wert": "10", "basis-datum": "2017", "ziel-wert": "20",
        "ziel-datum": "2021", "quelle": "Kreisvolkshochschule (Testdaten)",
    }  # fmt: skip
    for name, value in fields.items():
        page.fill(f"#indikator-feld-{name}", value)
    page.select_option("#indikator-feld-ziel-id", "Z-4.2-1")
    page.click("#indikator-form-speichern")
    page.wait_for_selector("#indikator-gespeichert")
    assert "Sprachkurse für Erwachsene (Test)" in page.inner_text(
        "#indikatoren-katalog"
    )
    page.click("#indikator-gespeichert a")
    page.wait_for_selector("#indikator-metadaten")
    assert "noch keine Messung" in page.inner_text("main")
    for when, value in (("31.12.2018", "13"), ("31.12.2019", "16")):
        page.fill("#indikator-eingabe-datum", when)
        page.fill("#indikator-eingabe-wert", value)
        page.fill("#indikator-eingabe-quelle", "Kreisvolkshochschule (Testdaten)")
        page.click("#indikator-eingabe-speichern")
        page.wait_for_selector("#messwert-gespeichert")
        page.wait_for_function(
            f"document.getElementById('indikator-tabelle').innerText.includes('{when}')"
        )
    # 6 of 10 needed in 3 of 4 years: ratio 0,8 -> "mäßiger Fortschritt" (Open SDG method)
    assert "Fortschritt: mäßiger Fortschritt" in page.inner_text("main")
    assert "16" in page.inner_text("#indikator-diagramm")
    watched.goto("/ziele?feld=4.2")
    assert "Sprachkurse für Erwachsene (Test)" in page.inner_text("main")
    assert watched.external == [] and watched.console_errors == [], "\n".join(
        watched.console_errors
    )


def _close_reporting_point(watched, name: str, datum: str) -> None:  # noqa: ANN001
    watched.goto("/veraenderungen")
    watched.page.fill("#berichtsstand-name", name)
    watched.page.fill("#berichtsstand-datum", datum)
    watched.page.click("#berichtsstand-abschliessen")
    watched.page.wait_for_selector("#berichtsstand-ok")


def test_reporting_points_changes_view_and_slides(watched):
    page = watched.page
    login(watched, ADMIN, ADMIN_PASSWORD)
    _close_reporting_point(watched, "Lenkungsgruppe A (Test)", "12.03.2027")
    login(watched)
    watched.goto("/ziele?feld=4.4")
    page.click("[id='ziel-Z-4.4-1'] button:has-text('Bearbeiten')")
    page.wait_for_selector("#ziele-dialog .modal-title")
    page.click("#ziele-status label:has-text('gefährdet')")
    page.fill("#ziele-kommentar", "Kein Träger gefunden (Test)")
    page.click("#ziele-speichern")
    page.wait_for_selector("#ziele-gespeichert")
    login(watched, ADMIN, ADMIN_PASSWORD)
    _close_reporting_point(watched, "Lenkungsgruppe B (Test)", "11.06.2027")
    points = page.locator("#berichtsstand-liste a:has-text('Folien')")
    ids = [h.split("berichtsstand=")[1] for h in points.evaluate_all("els => els.map(e => e.getAttribute('href'))")]  # fmt: skip
    a, b = ids[-2], ids[-1]

    watched.goto(f"/veraenderungen?von={a}&bis={b}")
    rows = page.locator("#veraenderungen-ziele tbody tr")
    assert rows.count() == 1  # exactly that change
    row = rows.inner_text()
    assert "Z-4.4-1" in row and "noch nicht bewertet" in row and "gefährdet" in row
    assert "test-bearbeitung" in row and "Kein Träger gefunden (Test)" in row
    assert "(+1)" in page.inner_text("#veraenderungen-matrix")

    watched.goto(f"/sitzung?berichtsstand={b}")
    slide = page.inner_text("#folie-veraenderungen")
    assert (
        "Z-4.4-1" in slide
        and "gefährdet" in slide
        and "Lenkungsgruppe A (Test)" in slide
    )
    watched.goto(f"/?berichtsstand={a}")
    assert "Ansicht zum Berichtsstand" in page.inner_text("#berichtsstand-hinweis")
    assert page.locator("#ueberblick-statusmatrix").count() == 1
    assert watched.external == [] and watched.console_errors == [], "\n".join(
        watched.console_errors
    )
