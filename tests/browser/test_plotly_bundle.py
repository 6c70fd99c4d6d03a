"""The lean plotly.js in headless Chromium: what is drawn, what is loaded, compressed.

A trace type missing from the bundle fails silently (bars drawn as points, a map
without areas), so every chart on every chart page is counted against its data.
"""

from __future__ import annotations

import hashlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dashboard.plotly_js import DASH_PATH, provenance

pytestmark = pytest.mark.browser

# For each graph: the declared trace types, the types plotly.js resolved, and per type
# the number of marks expected from the data (visible traces' calcdata) and drawn.
DRAWN = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => {
  const marks = {
    bar: '.barlayer .point',
    choropleth: '.choroplethlocation',
    scattergeo: '.scattergeo .point, .scattergeo text',
    scatter: '.cartesianlayer .scatterlayer .trace',
  };
  const expected = {bar: 0, choropleth: 0, scattergeo: 0, scatter: 0};
  gd.data.forEach((t, i) => {
    const full = gd._fullData[i];
    const type = t.type || 'scatter';
    if (full.visible !== true) return;
    if (type === 'scatter') { expected.scatter += 1; return; }
    const ok = gd.calcdata[i].filter(d => t.type === 'bar' ? Number.isFinite(d.s)
      : t.type === 'scattergeo' ? Number.isFinite(d.lonlat && d.lonlat[0]) : true);
    expected[t.type] += ok.length;
  });
  const drawn = {};
  for (const [type, sel] of Object.entries(marks)) {
    drawn[type] = gd.querySelectorAll(sel).length;
  }
  return {
    declared: gd.data.map(t => t.type || 'scatter'),
    resolved: gd._fullData.map(t => t.type),
    expected, drawn,
  };
})"""

CHART_PAGES = ["/", "/karte?ebenen=schulen,angebote,akteure", "/daz", "/sitzung"]
CHART_FREE = ["/ziele", "/anmelden", "/sitzung-planen"]


def _record(page, base_url):  # noqa: ANN001, ANN202
    seen = []
    page.on("response", lambda r: seen.append(r) if r.url.startswith(base_url) else 0)
    return seen


def _settle(page) -> None:  # noqa: ANN001
    """Wait until every graph has drawn what its data asks for (or time out)."""
    page.wait_for_load_state("networkidle")
    done = (
        f"(() => {{ const gs = ({DRAWN})(); return gs.length && gs.every(g =>"
        " JSON.stringify(g.drawn) === JSON.stringify(g.expected)); })()"
    )
    try:
        page.wait_for_function(done, timeout=30_000)
    except PlaywrightTimeout:
        pass  # the assertions below report what differs


@pytest.mark.parametrize("path", CHART_PAGES)
def test_every_trace_is_drawn_with_the_lean_bundle(watched, path):
    seen = _record(watched.page, watched.base_url)
    watched.goto(path)
    _settle(watched.page)
    graphs = watched.page.evaluate(DRAWN)
    assert graphs, f"{path}: no chart drawn"
    for g in graphs:
        assert g["resolved"] == g["declared"], g
        assert g["drawn"] == g["expected"], g
    types = {t for g in graphs for t in g["declared"]}
    kinds = {t for g in graphs for t, n in g["expected"].items() if n}
    assert kinds == types, graphs  # every declared type has marks to count
    plotly = [r for r in seen if "plotly" in r.url and r.url.endswith(".js")]
    bodies = [r for r in plotly if "locale" not in r.url]
    assert [r.url for r in bodies] == [watched.base_url + "/" + DASH_PATH]
    body = bodies[0].body()
    assert hashlib.sha256(body).hexdigest() == provenance()["sha256"]
    assert bodies[0].headers.get("content-encoding") in {"zstd", "br", "gzip"}
    assert watched.console_errors == [] and watched.external == []


def test_map_draws_every_area_and_the_point_layers(watched):
    watched.goto("/karte?ebenen=schulen,angebote,akteure")
    _settle(watched.page)
    (g,) = watched.page.evaluate(DRAWN)
    assert g["drawn"]["choropleth"] == 28  # every Gemeinde of the Landkreis
    assert g["drawn"]["scattergeo"] > 0


@pytest.mark.parametrize("path", CHART_FREE)
def test_chart_free_pages_load_no_plotly(watched, path):
    seen = _record(watched.page, watched.base_url)
    watched.goto(path)
    assert watched.page.evaluate("typeof window.Plotly") == "undefined"
    assert not [r.url for r in seen if DASH_PATH in r.url]
    html = next(r for r in seen if r.request.resource_type == "document")
    assert "plotly" not in (html.headers.get("link") or "")
    assert watched.console_errors == []
