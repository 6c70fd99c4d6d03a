"""Cold start and ``/_dash-layout`` bytes of the dashboard vs a same-imports hello app.

Run: ``.venv/bin/python -m bench.bench_startup [--runs 5]``; writes
``bench/results/startup.json``. Runs are interleaved so both see the same machine load.

Both apps may keep Python's bytecode cache (``__pycache__``) as in any deployment: the
hello app's imports are all precompiled packages, while an environment with
``PYTHONDONTWRITEBYTECODE`` would make the dashboard compile its own modules at every
start. ``--no-bytecode-cache`` measures that case.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from bench.common import Server, summary, write_report


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-bytecode-cache", action="store_true")
    args = parser.parse_args(argv)
    if args.no_bytecode_cache:
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    apps = {
        "dashboard": [sys.executable, "app.py"],
        "hello": [sys.executable, "bench/hello_app.py"],
    }
    starts = {k: [] for k in apps}
    rss, layout = {}, {}
    with tempfile.TemporaryDirectory() as instance:
        env = {"IM_INSTANCE_DIR": instance}
        Server(
            apps["dashboard"], env
        ).stop()  # first start seeds the database; measure warm-disk starts
        for _ in range(args.runs):
            for name, argv_ in apps.items():
                server = Server(argv_, env)
                starts[name].append(server.startup_s)
                layout[name] = len(server.get("/_dash-layout"))
                rss[name] = server.rss_kb()
                server.stop()
    results = {
        "bytecode_cache": not args.no_bytecode_cache,
        "load_average_1_5_15": os.getloadavg(),
        "cold_start_s": {k: summary(v) for k, v in starts.items()},
        "cold_start_ratio": summary(starts["dashboard"])["median"]
        / summary(starts["hello"])["median"],
        "dash_layout_bytes": layout,
        "rss_kb_after_start": rss,
        "rss_ratio": rss["dashboard"] / rss["hello"],
    }
    path = write_report("startup", results)
    print(path.read_text(encoding="utf-8"))
    return results


if __name__ == "__main__":
    main()
