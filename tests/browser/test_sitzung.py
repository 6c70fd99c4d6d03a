"""Sitzungsmodus and Kreistag-Briefing: keyboard walk, fit at 1024x768, shared agenda, PDF."""

from __future__ import annotations

import io
import unicodedata
import urllib.request

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

FITS = """() => {
  const s = document.querySelector('.im-slide.im-active');
  const body = s.querySelector('.im-slide-body');
  return [s.dataset.key, body.scrollHeight <= body.clientHeight + 1,
          document.documentElement.scrollHeight <= window.innerHeight,
          parseFloat(getComputedStyle(body).fontSize)];
}"""


def test_walk_whole_agenda_with_keyboard(watched):
    watched.goto("/sitzung")
    page = watched.page
    page.wait_for_selector(".im-slide.im-active")
    total = page.locator(".im-slide").count()
    assert total == 11
    seen = []
    keys = ["ArrowRight", "PageDown", " "]
    for i in range(total):
        page.wait_for_function(
            f"document.getElementById('sitzung-zaehler').innerText === '{i + 1} / {total}'"
        )
        key, body_fits, page_fits, font = page.evaluate(FITS)
        assert body_fits and page_fits, f"slide {key} scrolls at 1024x768"
        assert font >= 24, key
        seen.append(key)
        page.keyboard.press(keys[i % 3])
    assert seen[0] == "ueberblick" and seen[-1] == "offen" and len(set(seen)) == total
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("PageUp")
    page.wait_for_function(
        f"document.getElementById('sitzung-zaehler').innerText === '{total - 2} / {total}'"
    )
    assert f"folie={total - 2}" in page.url
    assert watched.console_errors == [] and watched.external == []


def test_shared_agenda_url_reopens_slides_and_filters(watched):
    watched.goto(
        "/sitzung?folien=karte,hf-4.2&sozialraum=Riesa&indikator=auslastung&folie=2&kontrast=1"
    )
    page = watched.page
    page.wait_for_function(
        "document.getElementById('sitzung-zaehler')?.innerText === '2 / 2'"
    )
    assert (
        page.evaluate("document.querySelector('.im-slide.im-active').dataset.key")
        == "hf-4.2"
    )
    assert "Sozialraum Riesa" in page.inner_text(".im-deck-bar")
    assert page.locator(".im-deck.im-deck-contrast").count() == 1
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(
        "document.getElementById('sitzung-zaehler').innerText === '1 / 2'"
    )
    assert page.input_value("#sitzung-karte-kennzahl") == "auslastung"
    page.wait_for_function(
        "document.querySelectorAll('#sitzung-karte .choroplethlocation').length >= 4"
    )
    page.select_option(
        "#sitzung-karte-kennzahl", "einwohner"
    )  # the meeting's control still works
    page.wait_for_function(
        "document.getElementById('sitzung-karte').innerText.includes('Einwohner')"
    )
    assert watched.console_errors == [] and watched.external == []


def test_planner_builds_the_agenda_link(watched):
    watched.goto("/sitzung-planen")
    page = watched.page
    page.select_option("#sitzung-planen-sozialraum", "Großenhain")
    page.get_by_label("Handlungsfeld 4.3", exact=True).uncheck()
    page.wait_for_function(
        "document.getElementById('sitzung-link-text').innerText.includes('sozialraum=')"
    )
    link = page.inner_text("#sitzung-link-text")
    assert "hf-4.3" not in link and "Gro%C3%9Fenhain" in link
    assert link.startswith("http://127.0.0.1:") and "folien=ueberblick,karte," in link
    page.click("#sitzung-start")
    page.wait_for_selector(".im-slide.im-active")
    assert page.locator(".im-slide").count() == 10
    assert watched.console_errors == []


def test_briefing_pdf(live_server):
    raw = urllib.request.urlopen(
        live_server.url + "/briefing.pdf?szenario=100&sozialraum=Riesa", timeout=180
    ).read()
    pdf = PdfReader(io.BytesIO(raw))
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in pdf.pages))
    for field in (
        "4.1 Bildung",
        "4.2 Sprachkompetenz",
        "4.3 Arbeit und Ausbildung",
        "4.4 Gesundheit",
        "4.5 Interkulturelle Öffnung",
        "4.6 Ehrenamt",
    ):
        assert field in text, field
    for expected in (
        "Datenstand",
        "Quellen",
        "Sozialraum Riesa",
        "Berechnung, keine",
        "Seite 1 von",
        f"Seite {len(pdf.pages)} von",
    ):
        assert expected in text, expected
    for page in pdf.pages:  # sources and BKG attribution on every page
        compact = "".join(unicodedata.normalize("NFKC", page.extract_text()).split())
        assert "GeoBasis-DE/BKG2017" in compact
        assert "IntegrationskonzeptLKMeißen" in compact
    assert sum(len(p.images) for p in pdf.pages) >= 3  # map, trend, capacity as images


def test_briefing_print_view(live_server):
    html = (
        urllib.request.urlopen(live_server.url + "/briefing", timeout=120)
        .read()
        .decode()
    )
    assert (
        "@page" in html
        and "break-before: page" in html
        and "Szenario" not in html.split("<body>")[1][:2000]
    )
    assert html.count("<img ") >= 3 and "http" not in html.split("<body>")[1].replace(
        "https://www.govdata", ""
    )


@pytest.mark.parametrize(
    "name",
    ["daz-schueler", "plaetze-sozialraum", "auslastung-schulen", "karte-vka-schueler"],
)
def test_single_chart_downloads(live_server, name):
    svg = urllib.request.urlopen(f"{live_server.url}/abbildung/{name}.svg", timeout=120)
    assert svg.headers["Content-Type"].startswith("image/svg+xml")
    assert "filename*=UTF-8''" in svg.headers["Content-Disposition"]
    assert svg.read().lstrip().startswith(b"<svg")
    png = urllib.request.urlopen(
        f"{live_server.url}/abbildung/{name}.png", timeout=120
    ).read()
    assert png.startswith(b"\x89PNG")
