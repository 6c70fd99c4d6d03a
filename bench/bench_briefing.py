"""Kreistag-Briefing as PDF: cold and warm generation time, five simultaneous requests,
peak memory of the server with its browser.

Run: ``.venv/bin/python -m bench.bench_briefing [--runs 5]``; writes
``bench/results/briefing.json``. Each run starts a fresh server (empty cache, no
browser yet) and asks for:

1. ``cold``: the first PDF: the server starts its Chromium, loads plotly.js, draws
   and prints;
2. ``new_filters``: another Sozialraum (browser running, nothing cached);
3. ``warm``: the first request again (same data version and filters: cache);
4. ``five_at_once``: five simultaneous requests for a third filter; all must succeed
   (they queue; one generation, the other four take it from the cache).

Memory is sampled every 50 ms as the PSS of the server and all its descendants
(Playwright's driver and the Chromium processes).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.common import Server, summary, write_report

TARGETS = {"cold_s": 5.0, "warm_s": 1.0}


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return tree


def pss_tree_kb(pid: int) -> int:
    """Proportional set size of ``pid`` and all its descendants, in KiB (shared pages
    counted once in total, unlike a sum of RSS)."""
    tree, todo, total = _children(), [pid], 0
    while todo:
        p = todo.pop()
        todo += tree.get(p, [])
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


class Peak(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, pss_tree_kb(self.pid))
            time.sleep(0.05)


def fetch(server: Server, area: str) -> tuple[float, int, bytes]:
    url = server.url + "/briefing.pdf?" + urllib.parse.urlencode({"sozialraum": area})
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=180) as r:
        body = r.read()
        status = r.status
    return time.perf_counter() - start, status, body


def one_run(env: dict[str, str]) -> dict:
    server = Server([sys.executable, "app.py"], env)
    peak = Peak(server.proc.pid)
    peak.start()
    try:
        cold, _, first = fetch(server, "Riesa")
        new, _, _ = fetch(server, "Meißen")
        warm, _, again = fetch(server, "Riesa")
        assert first == again and first.startswith(b"%PDF")
        answers: list[tuple[float, int, bytes]] = []
        threads = [
            threading.Thread(target=lambda: answers.append(fetch(server, "Radebeul")))
            for _ in range(5)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        ok = len(answers) == 5 and all(s == 200 for _, s, _ in answers)
        ok = ok and len({b for _, _, b in answers}) == 1
        return {
            "cold_s": cold,
            "new_filters_s": new,
            "warm_s": warm,
            "five_at_once_max_s": max(t for t, _, _ in answers),
            "five_at_once_all_ok": ok,
            "peak_pss_mb": peak.peak / 1024,
        }
    finally:
        peak.done.set()
        server.stop()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    runs = []
    with tempfile.TemporaryDirectory() as instance:
        env = {"IM_INSTANCE_DIR": instance, "SECRET_KEY": "bench"}
        Server([sys.executable, "app.py"], env).stop()  # seed the database once
        for _ in range(args.runs):
            runs.append(one_run(env))
    keys = ["cold_s", "new_filters_s", "warm_s", "five_at_once_max_s", "peak_pss_mb"]
    results = {
        **{
            k: {**summary([r[k] for r in runs]), "max": max(r[k] for r in runs)}
            for k in keys
        },
        "five_at_once_all_ok": all(r["five_at_once_all_ok"] for r in runs),
        "targets": TARGETS,
        "runs": runs,
    }
    path = write_report("briefing", results)
    for k in keys:
        print(f"{k}: median {results[k]['median']:.2f}, max {results[k]['max']:.2f}")
    print(f"five at once all ok: {results['five_at_once_all_ok']}; report {path}")
    return results


if __name__ == "__main__":
    main()
