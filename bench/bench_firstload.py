"""First visit: bytes over the wire and time to content, today's app vs an earlier one.

Run: ``.venv/bin/python -m bench.bench_firstload [--before REF] [--loads 3]``. The app at
git ``REF`` (default: the commit before the lean plotly.js) is exported to a temporary
folder and started next to the current checkout, each with its own fresh instance; a
fresh headless Chromium context (empty cache) opens every page of both, interleaved.
Bytes are what crossed the wire (encoded bodies plus headers); content is ready when
the page content is in and every graph is drawn. Writes ``bench/results/firstload.json``.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from bench.common import ROOT, Server, summary, write_report
from dashboard.reports.briefing import CHROMIUM_FLAGS

PAGES = [
    "/",
    "/karte",
    "/daz",
    "/ziele",
    "/ziele?feld=4.2",
    "/akteure",
    "/sitzung",
    "/sitzung-planen",
    "/anmelden",
]
DEFAULT_BEFORE = "55182c7~1"  # main before "Lean plotly.js …"
READY = """() => {
  const c = document.getElementById('_pages_content');
  if (!c || !c.children.length) return false;
  return [...document.querySelectorAll('.dash-graph')].every(
    g => g.querySelector('.main-svg'));
}"""


def export(ref: str, target: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def visit(browser, url: str) -> dict:  # noqa: ANN001
    ctx = browser.new_context(
        viewport={"width": 1280, "height": 800},
        bypass_csp=True,  # eval-based waits
    )
    page = ctx.new_page()
    sizes, urls = [], []

    def done(request) -> None:  # noqa: ANN001
        s = request.sizes()
        sizes.append(s["responseBodySize"] + s["responseHeadersSize"])
        urls.append(request.url)

    page.on("requestfinished", done)
    page.goto(url, wait_until="commit")
    page.wait_for_function(READY, timeout=60_000)
    ready = page.evaluate("performance.now()") / 1000
    page.wait_for_load_state("networkidle")
    ctx.close()
    return {
        "bytes": sum(sizes),
        "ready_s": ready,
        "plotly_requested": any("plotly" in u and "locale" not in u for u in urls),
    }


def main(argv: list[str] | None = None) -> dict:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("--before", default=DEFAULT_BEFORE)
    parser.add_argument("--loads", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        old = export(args.before, tmp / "before")
        servers = {
            "before": Server(
                [sys.executable, "app.py"],
                {"IM_INSTANCE_DIR": str(tmp / "i-before")},
                cwd=old,
            ),
            "now": Server(
                [sys.executable, "app.py"], {"IM_INSTANCE_DIR": str(tmp / "i-now")}
            ),
        }
        runs = {p: {k: [] for k in servers} for p in PAGES}
        load_before = os.getloadavg()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path="/usr/bin/chromium", args=list(CHROMIUM_FLAGS)
                )
                for _ in range(args.loads):
                    for path in PAGES:
                        for name, server in servers.items():
                            runs[path][name].append(visit(browser, server.url + path))
                browser.close()
        finally:
            for s in servers.values():
                s.stop()
        load_after = os.getloadavg()
    results = {}
    for path, by in runs.items():
        row = {}
        for name, visits in by.items():
            row[name] = {
                "bytes": summary([v["bytes"] for v in visits])["median"],
                "ready_s": summary([v["ready_s"] for v in visits]),
                "plotly_requested": visits[0]["plotly_requested"],
            }
        row["ratio_bytes"] = row["now"]["bytes"] / row["before"]["bytes"]
        row["ratio_ready_median"] = (
            row["now"]["ready_s"]["median"] / row["before"]["ready_s"]["median"]
        )
        results[path] = row
    report = {
        "before": args.before,
        "load_average_1_5_15": {"before": load_before, "after": load_after},
        "pages": results,
        "worst_ratio_bytes": max(r["ratio_bytes"] for r in results.values()),
        "target": "bytes <= 0.5x on every page",
    }
    path = write_report("firstload", report)
    for p, r in results.items():
        print(
            f"{p:18s} bytes {r['before']['bytes']:>9,.0f} -> {r['now']['bytes']:>9,.0f}"
            f" ({r['ratio_bytes']:.2f}x)  ready {r['before']['ready_s']['median']:.2f}"
            f" -> {r['now']['ready_s']['median']:.2f} s ({r['ratio_ready_median']:.2f}x)"
            f"  plotly: {r['before']['plotly_requested']} -> {r['now']['plotly_requested']}"
        )
    print("load average", load_before, load_after)
    return report


if __name__ == "__main__":
    main()
