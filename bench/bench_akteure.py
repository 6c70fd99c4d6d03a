"""Akteure: first load of /akteure against /ziele in the same run; /netzwerk separately.

For each page and load a fresh browser context (empty cache) opens the URL and waits
for the content (directory rows / goal overview cards / network canvas). Reported:
time to content (median, p95) and bytes transferred (document + all resources,
encoded sizes as the browser received them).

    python -m bench.bench_akteure --loads 9
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.common import Server, summary, write_report
from dashboard.reports.briefing import CHROMIUM_FLAGS

READY = {
    "akteure": "document.querySelectorAll('#akteure-tabelle tbody tr').length >= 20",
    "ziele": "document.querySelectorAll('.im-overview-card, .card').length >= 6",
    "netzwerk": "document.querySelector('.im-net-box canvas') !== null",
}
BYTES_JS = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return performance.getEntriesByType('resource')
        .reduce((s, r) => s + (r.encodedBodySize || 0), nav ? nav.encodedBodySize : 0);
}"""


def browser_runs(base: str, loads: int) -> dict:
    from playwright.sync_api import sync_playwright

    times = {k: [] for k in READY}
    sizes = {k: [] for k in READY}
    external = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=list(CHROMIUM_FLAGS)
        )
        for _ in range(loads):
            for name, ready in READY.items():
                # bypass_csp: Playwright evaluates the wait conditions with eval
                ctx = browser.new_context(
                    viewport={"width": 1280, "height": 800}, bypass_csp=True
                )
                page = ctx.new_page()
                page.on(
                    "request",
                    lambda r: (
                        external.append(r.url)
                        if not r.url.startswith((base, "data:", "blob:"))
                        else None
                    ),
                )
                page.goto(f"{base}/{name}", wait_until="commit")
                page.wait_for_function(ready, timeout=60000)
                times[name].append(page.evaluate("performance.now()") / 1000)
                page.wait_for_load_state("networkidle")
                sizes[name].append(page.evaluate(BYTES_JS))
                ctx.close()
        browser.close()
    return {
        "time_to_content_s": {k: summary(v) for k, v in times.items()},
        "bytes": {k: summary(v) for k, v in sizes.items()},
        "external_requests": len(external),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        app = Server(
            [sys.executable, "app.py"], {"IM_INSTANCE_DIR": str(Path(tmp) / "i")}
        )
        try:
            app.get("/akteure"), app.get("/ziele"), app.get("/netzwerk")  # warm up
            runs = browser_runs(app.url, args.loads)
        finally:
            app.stop()
    t, b = runs["time_to_content_s"], runs["bytes"]
    results = {
        "akteure_vs_ziele_time": {
            "akteure": t["akteure"],
            "ziele": t["ziele"],
            "ratio": t["akteure"]["median"] / t["ziele"]["median"],
            "target": "<= 1.2",
        },
        "akteure_vs_ziele_bytes": {
            "akteure": b["akteure"],
            "ziele": b["ziele"],
            "ratio": b["akteure"]["median"] / b["ziele"]["median"],
            "target": "<= 1.2",
        },
        "netzwerk": {"time_to_content_s": t["netzwerk"], "bytes": b["netzwerk"]},
        "requests_to_non_local_hosts": {
            "count": runs["external_requests"],
            "target": "0",
        },
    }
    path = write_report("akteure", results)
    print(path.read_text(encoding="utf-8"))
    return results


if __name__ == "__main__":
    main()
