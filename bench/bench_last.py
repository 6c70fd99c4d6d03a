"""Load: many viewers on gunicorn with two workers vs the development server.

Run: ``.venv/bin/python -m bench.bench_last [--viewers 50 --minutes 2]``; writes
``bench/results/last.json``. Loopback only; every phase is bounded in time.

1. Record: headless Chromium opens each page once and the requests it sends to the
   server are recorded (HTML, layout, dependencies, every callback with its body,
   geometry). Static bundles are left out: browsers cache them (``Cache-Control``).
2. Viewer model (gunicorn ``-w 2``): each viewer loads a random page (replaying its
   requests in order), then reads for 5–15 s, for ``--minutes``. Target: p95 per
   request <= 500 ms, 0 errors.
3. Closed loop: 20 and 50 clients replay pages without pauses for ``--closed-s``
   seconds each, on gunicorn and on the development server (baseline, same run):
   requests/s and p95.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import sys
import tempfile
import threading
import time
import urllib.parse

from bench.common import Server, summary, write_report
from dashboard.reports.briefing import CHROMIUM_FLAGS

PAGES = [
    "/",
    "/karte",
    "/karte?ebene=sozialraum&indikator=auslastung",
    "/daz",
    "/daz?tab=schulen",
    "/ziele",
    "/ziele?feld=4.3",
    "/akteure",
    "/sitzung?folien=karte,hf-4.2",
]
STATIC = ("/_dash-component-suites/", "/assets/", "/_favicon.ico")


def record(base_url: str) -> dict[str, list[tuple[str, str, bytes | None]]]:
    """The requests Chromium sends for each page, without cached static files."""
    from playwright.sync_api import sync_playwright

    recorded = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=list(CHROMIUM_FLAGS)
        )
        for page_path in PAGES:
            context = browser.new_context(viewport={"width": 1024, "height": 768})
            page = context.new_page()
            requests = []

            def keep(request, requests=requests):  # noqa: ANN001
                path = urllib.parse.urlsplit(request.url)
                target = path.path + (f"?{path.query}" if path.query else "")
                if request.url.startswith(base_url) and not path.path.startswith(
                    STATIC
                ):
                    requests.append((request.method, target, request.post_data_buffer))

            page.on("request", keep)
            page.goto(base_url + page_path)
            page.wait_for_load_state("networkidle")
            recorded[page_path] = requests
            context.close()
        browser.close()
    return recorded


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []

    def add(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error:
                self.errors.append(error)


def load_page(port: int, requests: list, stats: Stats) -> None:
    """Replay one page's requests in order on one keep-alive connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        for method, path, body in requests:
            headers = {"Content-Type": "application/json"} if body else {}
            start = time.perf_counter()
            error = None
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    error = f"{response.status} {path}"
            except (OSError, http.client.HTTPException) as exc:
                error = f"{type(exc).__name__} {path}"
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            stats.add(time.perf_counter() - start, error)
    finally:
        conn.close()


def run_clients(
    port: int, recorded: dict, clients: int, seconds: float, think: tuple[float, float]
) -> dict:
    stats, stop_at = Stats(), time.monotonic() + seconds
    rng = random.Random(13)
    seeds = [rng.random() for _ in range(clients)]

    def client(seed: float) -> None:
        own = random.Random(seed)
        if think[1]:  # viewers arrive spread over the first reading pause
            time.sleep(own.uniform(0, think[1]))
        while time.monotonic() < stop_at:
            load_page(port, recorded[own.choice(PAGES)], stats)
            if think[1]:
                time.sleep(min(own.uniform(*think), max(0, stop_at - time.monotonic())))

    threads = [threading.Thread(target=client, args=(s,)) for s in seeds]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    lat = summary(stats.latencies) if stats.latencies else {"p95": None, "n": 0}
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(stats.latencies),
        "requests_per_s": round(len(stats.latencies) / elapsed, 1),
        "p95_ms": round(lat["p95"] * 1000) if lat["p95"] is not None else None,
        "median_ms": round(lat["median"] * 1000) if lat.get("median") else None,
        "errors": len(stats.errors),
        "error_examples": stats.errors[:5],
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--viewers", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--closed-s", type=float, default=20.0)
    args = parser.parse_args(argv)
    results: dict = {"pages": PAGES, "load_average_1_5_15": {"start": os.getloadavg()}}
    with tempfile.TemporaryDirectory() as instance:
        env = {"IM_INSTANCE_DIR": instance, "SECRET_KEY": "bench"}
        dev = Server([sys.executable, "app.py"], env)
        recorded = record(dev.url)
        results["requests_per_page"] = {p: len(r) for p, r in recorded.items()}
        dev.stop()
        gunicorn = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
        servers = {
            "gunicorn_w2": (gunicorn + ["app:server"], {"WEB_CONCURRENCY": "2"}),
            "dev_server": ([sys.executable, "app.py"], {}),
        }
        for name, (cmd, extra) in servers.items():
            server = Server(cmd, {**env, **extra})
            for page in PAGES:  # warm every worker's caches a little
                load_page(server.port, recorded[page], Stats())
            if name == "gunicorn_w2":
                results["viewer_model"] = run_clients(
                    server.port, recorded, args.viewers, args.minutes * 60, (5, 15)
                )
                print("viewer model", results["viewer_model"], flush=True)
            for clients in (20, 50):
                key = f"closed_loop_{clients}"
                results.setdefault(key, {})[name] = run_clients(
                    server.port, recorded, clients, args.closed_s, (0, 0)
                )
                print(name, key, results[key][name], flush=True)
            server.stop()
    results["load_average_1_5_15"]["end"] = os.getloadavg()
    viewer = results["viewer_model"]
    results["target_met"] = (
        viewer["p95_ms"] is not None
        and viewer["p95_ms"] <= 500
        and viewer["errors"] == 0
    )
    path = write_report("last", results)
    print(path.read_text(encoding="utf-8"))
    return results


if __name__ == "__main__":
    main()
