"""axe-core over every registered page, every tab and every slide, logged out and in.

The pages come from ``dash.page_registry``, so a new page is checked without touching
this file. Tabs (``role=tab``) and slides (``.im-slide``) are found in the page itself.
A page whose path has variables declares examples with ``a11y_paths=[...]`` in its
``register_page`` call; extra views that need a query string (e.g. a filter that shows
more controls) can be added the same way.

Fails on any critical or serious violation; moderate and minor ones are printed.
axe-core 4.14.1 is vendored from npm (``tests/browser/vendor``, MPL-2.0).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import dash
import pytest

from tests.browser.conftest import Watched, login

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
BLOCKING = {"critical", "serious"}
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


def _scan(
    watched: Watched, paths: list[str], slides: bool
) -> tuple[list[str], Counter]:
    blocking, other = [], Counter()
    for path in paths:
        before = len(watched.console_errors)
        watched.goto(path)
        if path == NOT_FOUND:  # the page's own 404 status is logged, nothing else
            del watched.console_errors[before:]
        watched.page.evaluate(AXE)
        for view in _views(watched, slides):
            for v in watched.page.evaluate(RUN, None):
                where = f"{path} [{view}]"
                if v["impact"] in BLOCKING:
                    blocking.append(
                        f"{where}: {v['impact']} {v['id']} – {v['help']} {v['targets']}"
                    )
                else:
                    other[f"{v['impact']} {v['id']} – {v['help']}"] += 1
    return blocking, other


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
    yield w
    context.close()


@pytest.mark.parametrize("logged_in", [False, True], ids=["abgemeldet", "angemeldet"])
def test_axe_every_page_tab_and_slide(app, wide_context, capsys, logged_in):
    if logged_in:
        login(wide_context)
    # Slides show the same content to everyone: their views are checked logged out.
    blocking, other = _scan(wide_context, page_paths(app), slides=not logged_in)
    _report(capsys, "angemeldet" if logged_in else "abgemeldet", other)
    assert not blocking, "\n".join(blocking)
    assert wide_context.console_errors == []
