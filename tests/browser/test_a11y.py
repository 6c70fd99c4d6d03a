"""axe-core over every registered page, every tab and every slide, logged out and in.

The pages come from ``dash.page_registry``, so a new page is checked without touching
this file. Tabs (``role=tab``) and slides (``.im-slide``) are found in the page itself.
A page whose path has variables declares examples with ``a11y_paths=[...]`` in its
``register_page`` call; extra views that need a query string (e.g. a filter that shows
more controls) can be added the same way.

Fails on any critical or serious violation and on heading-order; other moderate and
minor ones are printed. The
same walk checks each view's rendered text for internal words (``tests/internal_words``).
axe-core 4.14.1 is vendored from npm (``tests/browser/vendor``, MPL-2.0).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import dash
import openpyxl
import pytest

from tests.browser.conftest import Watched, login
from tests.internal_words import internal_words

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
BLOCKING = {"critical", "serious"}
# moderate rules we keep at zero once fixed: they fail the test too
BLOCKING_RULES = {"heading-order"}
NOT_FOUND = "/404"
# Rules that judge the page as a whole run once per page, not per tab or slide.
RUN = """async (ctx) => {
  const r = await axe.run(ctx || document, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""


def page_paths(app) -> list[str]:  # noqa: ANN001
    """Every registered page's path, or its declared examples when it has variables."""
    paths = []
    for page in dash.page_registry.values():
        declared = page.get("a11y_paths")
        if declared:
            paths.extend(declared)
        elif page.get("path_template"):
            pytest.fail(
                f"{page['module']}: Seite mit Pfadvariablen braucht "
                "a11y_paths=[...] in register_page"
            )
        else:
            paths.append(page["relative_path"])
    return paths


def _views(watched: Watched, slides: bool = True):  # noqa: ANN202
    """Yield a label for every view of the loaded page: itself, each tab, each slide."""
    page = watched.page
    yield "Seite"
    tabs = page.locator("[role=tab]")
    for i in range(1, tabs.count()):
        tabs.nth(i).click()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(200)
        yield f"Reiter {tabs.nth(i).inner_text().strip()}"
    count = page.locator(".im-deck .im-slide").count() if slides else 0
    for i in range(1, count):
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            f"document.querySelector('.im-deck').dataset.index === '{i}'"
        )
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(200)
        yield f"Folie {i + 1}"


# Text people typed or uploaded is theirs, not ours (e.g. an uploaded file's name).
USER_CONTENT = "#daz-importe, #daz-vorschau"
TEXT = f"""() => {{
  let t = document.body.innerText;
  document.querySelectorAll('{USER_CONTENT}').forEach(e => {{ t = t.replace(e.innerText, ''); }});
  return t;
}}"""


def _export_text(path: Path, filename: str) -> str:
    """The cells a person sees in a downloaded CSV or the data sheet of an Excel file."""
    if filename.endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
        sheet = book.worksheets[0]
        return "\n".join(
            ";".join("" if v is None else str(v) for v in row)
            for row in sheet.iter_rows(values_only=True)
        )
    return path.read_text(encoding="utf-8-sig")


def _downloads(watched: Watched, done: set[str]) -> list[str]:
    """Every table download of the view not seen yet (the import template is for
    machines and keeps technical names); return internal words found in them."""
    page, found = watched.page, []
    buttons = page.locator("button:visible").filter(has_text=re.compile("CSV|Excel"))
    for i in range(buttons.count()):
        button = buttons.nth(i)
        label = button.inner_text()
        key = (button.get_attribute("id") or "") + label
        if "Vorlage" in label or key in done:
            continue
        done.add(key)
        with page.expect_download(timeout=20_000) as info:
            button.click()
        name = info.value.suggested_filename
        text = _export_text(Path(info.value.path()), name)
        found += [f"Download {name}: {w}" for w in internal_words(text)]
    return found


def _scan(
    watched: Watched, paths: list[str], slides: bool, exports: bool = False
) -> tuple[list[str], Counter, list[str]]:
    done: set[str] = set()
    blocking, other, words = [], Counter(), []
    for path in paths:
        before = len(watched.console_errors)
        watched.goto(path)
        if path == NOT_FOUND:  # the page's own 404 status is logged, nothing else
            del watched.console_errors[before:]
        watched.page.evaluate(AXE)
        for view in _views(watched, slides):
            where = f"{path} [{view}]"
            text = watched.page.evaluate(TEXT)
            words += [f"{where}: {w}" for w in internal_words(text)]
            if exports:
                words += _downloads(watched, done)
            for v in watched.page.evaluate(RUN, None):
                if v["impact"] in BLOCKING or v["id"] in BLOCKING_RULES:
                    blocking.append(
                        f"{where}: {v['impact']} {v['id']} – {v['help']} {v['targets']}"
                    )
                else:
                    other[f"{v['impact']} {v['id']} – {v['help']}"] += 1
    return blocking, other, sorted(set(words))


def _report(capsys, title: str, other: Counter) -> None:  # noqa: ANN001
    with capsys.disabled():
        print(f"\naxe-core ({title}): nicht blockierende Verstöße (Anzahl Ansichten)")
        for text, n in sorted(other.items()):
            print(f"  {n:3d} × {text}")


@pytest.fixture()
def wide_context(browser, live_server):
    context = browser.new_context(
        viewport={"width": 1024, "height": 768}, locale="de-DE", bypass_csp=True
    )
    w = Watched(context.new_page(), live_server.url)
    # Warm-up: a page served while Dash is still building its validation layout can
    # log "ID not found in layout" (a start-up race, reported); judge warm pages only.
    w.goto("/")
    w.console_errors.clear()
    yield w
    context.close()


@pytest.mark.parametrize("logged_in", [False, True], ids=["abgemeldet", "angemeldet"])
def test_axe_and_internal_words_on_every_page_tab_slide_and_export(
    app, wide_context, capsys, logged_in
):
    if logged_in:
        login(wide_context)
    # Slides show the same content to everyone: their views are checked logged out;
    # downloads are the same for everyone: they are checked logged in.
    blocking, other, words = _scan(
        wide_context, page_paths(app), slides=not logged_in, exports=logged_in
    )
    _report(capsys, "angemeldet" if logged_in else "abgemeldet", other)
    assert not blocking, "\n".join(blocking)
    assert not words, "Interne Wörter im sichtbaren Text:\n" + "\n".join(words)
    assert wide_context.console_errors == []


def test_briefing_html_and_pdf_have_no_internal_words(live_server):
    """The Kreistag briefing (print view and PDF) speaks to people, not to machines."""
    import io
    import urllib.request
    from html.parser import HTMLParser

    import pypdf

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts, self.skip = [], 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.skip += tag in ("script", "style")

        def handle_endtag(self, tag: str) -> None:
            self.skip -= tag in ("script", "style")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    html = urllib.request.urlopen(live_server.url + "/briefing", timeout=60).read()
    parser.feed(html.decode("utf-8"))
    pdf = urllib.request.urlopen(live_server.url + "/briefing.pdf", timeout=120).read()
    pdf_text = "\n".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages
    )
    found = [f"HTML: {w}" for w in internal_words(" ".join(parser.parts))]
    found += [f"PDF: {w}" for w in internal_words(pdf_text)]
    assert not found, "\n".join(found)
