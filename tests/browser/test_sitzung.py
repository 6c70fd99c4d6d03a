"""Sitzungsmodus and Kreistag-Briefing in Chromium at 1024x768: a chair with a clicker,
a presenter view, the planner, and the PDF a Kreistag member reads."""

from __future__ import annotations

import io
import re
import threading
import unicodedata
import urllib.request

import pandas as pd
import pytest
from pypdf import PdfReader

from dashboard.config import ROOT
from dashboard.figures import contrast as hc

pytestmark = pytest.mark.browser

ACTIVE = """() => {
  const s = document.querySelector('.im-slide.im-active');
  const body = s.querySelector('.im-slide-body');
  const cut = [...s.querySelectorAll('*')].filter(e => {
    const st = getComputedStyle(e);
    return e.children.length === 0 && e.textContent.trim() && st.display !== 'none'
      && !e.closest('svg, .visually-hidden') && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0;
  }).map(e => e.textContent.slice(0, 40));
  const ellipsis = [...s.querySelectorAll('*')].filter(
    e => getComputedStyle(e).textOverflow === 'ellipsis').length;
  const graph = s.querySelector('.im-slide-map');
  return {key: s.dataset.key, fits: body.scrollHeight <= body.clientHeight + 1,
          page: document.documentElement.scrollHeight <= innerHeight,
          font: parseFloat(getComputedStyle(body).fontSize), cut, ellipsis,
          text: s.innerText,
          map: graph ? graph.getBoundingClientRect().height / s.getBoundingClientRect().height : null};
}"""


def counter(page, text: str) -> None:
    page.wait_for_function(
        f"document.getElementById('sitzung-zaehler')?.innerText === '{text}'"
    )


@pytest.mark.parametrize("query", ["", "?kontrast=1&sozialraum=Riesa&szenario=50"])
def test_walk_whole_agenda_with_keyboard(watched, query):
    watched.goto("/sitzung" + query)
    page = watched.page
    page.wait_for_selector(".im-slide.im-active")
    total = page.locator(".im-slide").count()
    keys = ["ArrowRight", "PageDown", " "]
    seen, texts = [], []
    for i in range(total):
        counter(page, f"{i + 1} / {total}")
        s = page.evaluate(ACTIVE)
        assert s["fits"] and s["page"], f"slide {s['key']} scrolls at 1024x768"
        assert s["font"] >= 24, s["key"]
        assert s["cut"] == [] and s["ellipsis"] == 0, (s["key"], s["cut"])
        if s["key"] == "karte":
            assert s["map"] >= 0.7, s["map"]
        seen.append(s["key"])
        texts.append(s["text"])
        page.keyboard.press(keys[i % 3])
    assert seen[0] == "ueberblick" and seen[-1] == "offen" and len(set(seen)) == total
    deck = "\n".join(texts)
    goals = pd.read_csv(ROOT / "data" / "ziele.csv")
    for row in goals[goals["hf_id"] == "4.3"].itertuples():
        assert " ".join(row.text.split()) in " ".join(deck.split()), row.ziel_id
    assert "…" not in deck
    scenario = texts[seen.index("szenario")]
    if "szenario" in query:  # a chosen scenario is shown as a calculation
        assert "Berechnet" in scenario and "Berechnung, keine" in scenario
    else:  # no scenario was chosen: the scenario slide computes nothing
        assert "kein Szenario gewählt" in scenario and "Berechnet" not in scenario
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("PageUp")
    counter(page, f"{total - 2} / {total}")
    assert f"folie={total - 2}" in page.url
    assert watched.console_errors == [] and watched.external == []


def test_clicker_keys_move_slides_whatever_was_clicked(watched):
    watched.goto("/sitzung?folien=karte,szenario,hf-4.2&szenario=50")
    page = watched.page
    counter(page, "1 / 3")
    page.select_option(
        "#sitzung-karte-kennzahl", "einwohner"
    )  # used once with the mouse
    page.wait_for_function(
        "document.getElementById('sitzung-karte').innerText.includes('Einwohner')"
    )
    page.keyboard.press("ArrowRight")
    counter(page, "2 / 3")
    assert page.input_value("#sitzung-karte-kennzahl") == "einwohner"
    page.click(
        ".im-slide.im-active .dash-slider-thumb, .im-slide.im-active [role=slider]"
    )
    before = page.inner_text("#sitzung-szenario-ergebnis")
    page.keyboard.press("ArrowRight")
    counter(page, "3 / 3")
    page.keyboard.press("PageUp")
    counter(page, "2 / 3")
    assert page.inner_text("#sitzung-szenario-ergebnis") == before  # slider untouched
    assert "Berechnet" in before and "+50 %" in before
    page.keyboard.press("ArrowRight")
    counter(page, "3 / 3")
    page.click("[data-deck=prev]")
    counter(page, "2 / 3")
    page.keyboard.press(" ")  # space after clicking ◀ moves on, the button stays idle
    counter(page, "3 / 3")
    page.wait_for_timeout(300)
    counter(page, "3 / 3")
    for _ in range(12):  # Tab never lands behind the deck or in a hidden slide
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => { const a = document.activeElement;
                 return [a === document.body || !!a.closest('.im-deck'), !a.closest('.im-slide')
                         || a.closest('.im-slide').classList.contains('im-active'),
                         a.offsetParent !== null || a === document.body]; }"""
        )
        assert where == [True, True, True], where
    assert watched.console_errors == []


def test_shared_agenda_url_reopens_slides_filters_and_contrast(watched):
    watched.goto(
        "/sitzung?folien=karte,daz,hf-4.2&sozialraum=Riesa&indikator=auslastung&folie=3&kontrast=1"
    )
    page = watched.page
    counter(page, "3 / 3")
    bar = page.inner_text(".im-deck-bar")
    assert "Sozialraum Riesa" in bar
    badges = page.evaluate(
        "[...document.querySelectorAll('.im-slide.im-active .im-slide-badge')]"
        ".map(b => getComputedStyle(b).backgroundColor)"
    )
    expected = {
        "rgb({}, {}, {})".format(*(int(c[i : i + 2], 16) for i in (1, 3, 5)))
        for c in hc.STATUS_COLORS.values()
    }
    assert badges and set(badges) <= expected
    page.keyboard.press("ArrowLeft")
    counter(page, "2 / 3")
    text = page.inner_text(".im-slide.im-active")
    assert "DaZ-Schüler je Schuljahr – Landkreis" in text
    assert "Plätze je Schulart – Sozialraum Riesa" in text
    page.keyboard.press("ArrowLeft")
    assert page.input_value("#sitzung-karte-kennzahl") == "auslastung"
    page.wait_for_function(
        "document.querySelectorAll('#sitzung-karte .choroplethlocation').length >= 4"
    )
    fills = page.evaluate(
        "[...document.querySelectorAll('#sitzung-karte .choroplethlocation')]"
        ".map(p => getComputedStyle(p).fill)"
    )
    allowed = {
        "rgb({}, {}, {})".format(*(int(c[i : i + 2], 16) for i in (1, 3, 5)))
        for c in [*hc.MAP_CLASSES, "#cfcfcf"]
    }
    assert set(fills) <= allowed, set(fills)
    assert watched.console_errors == [] and watched.external == []


def test_washed_out_simulation_matches_the_browser(watched):
    """The Python model of the CSS filter is what Chromium draws."""
    page = watched.page
    page.set_content("<canvas id=c width=4 height=4></canvas>")
    for colour in [*hc.MAP_CLASSES, *hc.SERIES, "#a1dab4", "#E69F00"]:
        drawn = page.evaluate(
            """([colour, filter]) => { const c = document.getElementById('c').getContext('2d');
                 c.clearRect(0, 0, 4, 4); c.filter = filter; c.fillStyle = colour;
                 c.fillRect(0, 0, 4, 4); return [...c.getImageData(1, 1, 1, 1).data]; }""",
            [colour, hc.WASHED_OUT],
        )
        model = [round(v * 255) for v in hc.washed_out(colour)]
        assert all(abs(a - b) <= 6 for a, b in zip(drawn[:3], model, strict=True)), (
            colour,
            drawn,
            model,
        )


def test_presenter_view_follows_the_deck(browser, live_server):
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    deck, presenter = context.new_page(), context.new_page()
    query = (
        "/sitzung?folien=ueberblick,karte&minuten=5,10"
        "&notizen=%7B%22karte%22%3A%22Riesa%20zuerst%22%7D"
    )
    deck.goto(live_server.url + query)
    presenter.goto(live_server.url + query + "&ansicht=referent")
    for p in (deck, presenter):
        p.wait_for_selector(".im-slide.im-active")
    assert "Überblick" in presenter.inner_text("#sitzung-punkt")
    assert "Karte" in presenter.inner_text("#sitzung-naechste")
    deck.keyboard.press("ArrowRight")
    counter(presenter, "2 / 2")
    assert presenter.inner_text("#sitzung-notizen") == "Riesa zuerst"
    assert "geplant 10 min" in presenter.inner_text("#sitzung-punkt")
    assert "Ende der Sitzung" in presenter.inner_text("#sitzung-naechste")
    presenter.keyboard.press("ArrowLeft")  # the presenter can drive the deck, too
    counter(deck, "1 / 2")
    context.close()


def test_foyer_screen_advances_by_itself_and_starts_again(watched):
    watched.goto("/sitzung?folien=ueberblick,hf-4.6&auto=5")
    page = watched.page
    counter(page, "1 / 2")
    page.wait_for_function(
        "document.getElementById('sitzung-zaehler').innerText === '2 / 2'", timeout=9000
    )
    page.wait_for_function(
        "document.getElementById('sitzung-zaehler').innerText === '1 / 2'", timeout=9000
    )
    assert watched.console_errors == []


def test_planner_orders_agenda_and_end_keeps_it(watched):
    watched.goto("/sitzung-planen")
    page = watched.page
    page.select_option("#sitzung-planen-sozialraum", "Großenhain")
    page.get_by_label("Handlungsfeld 4.3", exact=True).uncheck()
    page.click("[aria-label='Karte nach oben']")
    page.wait_for_function(
        "document.getElementById('sitzung-link-text').innerText.includes('folien=karte,')"
    )
    page.get_by_label("Minuten: DaZ: Entwicklung und Plätze").fill("7")
    page.wait_for_function(
        "document.getElementById('sitzung-link-text').innerText.includes('minuten=')"
    )
    link = page.inner_text("#sitzung-link-text")
    assert "hf-4.3" not in link and "Gro%C3%9Fenhain" in link
    assert (
        link.startswith("http://127.0.0.1:") and "folien=karte,ueberblick,daz," in link
    )
    assert "minuten=,,7," in link
    page.click("#sitzung-start")
    page.wait_for_selector(".im-slide.im-active")
    assert page.evaluate("document.querySelector('.im-slide').dataset.key") == "karte"
    page.click("#sitzung-beenden")
    page.wait_for_selector("#sitzung-link-text")
    page.wait_for_function(
        "document.getElementById('sitzung-link-text').innerText.includes('minuten=')"
    )
    assert page.inner_text("#sitzung-link-text") == link
    assert not page.get_by_label("Handlungsfeld 4.3", exact=True).is_checked()
    assert watched.console_errors == []


def test_pdf_button_shows_progress_and_cannot_be_pressed_twice(watched):
    watched.goto("/sitzung-planen")
    page = watched.page
    page.wait_for_selector("#briefing-pdf")
    with page.expect_download(timeout=120_000) as download:
        page.click("#briefing-pdf")
        assert page.get_attribute("#briefing-pdf", "aria-disabled") == "true"
        assert "wird erstellt" in page.inner_text("#briefing-pdf")
        page.click("#briefing-pdf", force=True)  # a second press changes nothing
    assert download.value.suggested_filename.startswith(
        "Kreistag-Briefing_Integration_"
    )
    page.wait_for_function(
        "!document.getElementById('briefing-pdf').hasAttribute('aria-disabled')"
    )
    assert "heruntergeladen" in page.inner_text("#briefing-status")


def _pdf_text(raw: bytes) -> list[str]:
    pdf = PdfReader(io.BytesIO(raw))
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in pdf.pages]


def test_briefing_pdf(live_server):
    raw = urllib.request.urlopen(
        live_server.url + "/briefing.pdf?szenario=100&sozialraum=Riesa", timeout=180
    ).read()
    pages = _pdf_text(raw)
    text = "\n".join(pages)
    assert "Das Wichtigste in Kürze" in pages[0] and "Sozialraum Riesa" in pages[0]
    map_page = next(p for p in pages if "Karte: VKA-Schüler" in p)
    for gemeinde in ("Riesa", "Großenhain", "Nünchritz", "Klipphausen", "Weinböhla"):
        assert gemeinde in map_page, gemeinde
    for field in ("4.1 Bildung", "4.3 Arbeit und Ausbildung", "4.6 Ehrenamt"):
        assert field in text, field
    for expected in (
        "Anhang: Datenstand",
        "Quellen",
        "Berechnung, keine",
        "Seite 1 von",
    ):
        assert expected in text, expected
    assert text.index("Anhang: Datenstand") > text.index("Handlungsfelder und Ziele")
    for word in (r"\.csv", "data/", "kennzahl", r"\bNone\b", r"\bnan\b", r"\bNaT\b"):
        assert not re.search(word, text), word
    for page in pages:  # sources and BKG attribution on every page
        compact = "".join(page.split())
        assert (
            "GeoBasis-DE/BKG2017" in compact
            and "IntegrationskonzeptLKMeißen" in compact
        )


def test_five_simultaneous_briefings_all_succeed(live_server):
    results: list[bytes] = []
    url = live_server.url + "/briefing.pdf?sozialraum=Mei%C3%9Fen"

    def fetch() -> None:
        results.append(urllib.request.urlopen(url, timeout=180).read())

    threads = [threading.Thread(target=fetch) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 5 and len(set(results)) == 1  # one generation, then cached
    assert results[0].startswith(b"%PDF")


def test_briefing_print_view(live_server):
    html = (
        urllib.request.urlopen(live_server.url + "/briefing", timeout=120)
        .read()
        .decode()
    )
    body = html.split("<body>")[1]
    assert "@page" in html and "break-before: page" in html
    assert "Szenario" not in body and body.count('class="plot"') >= 3
    assert "http" not in body.replace("https://www.govdata", "")


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
