"""Growth benchmark: does the dashboard slow down as years of data pile up?

Run: ``.venv/bin/python -m bench.bench_growth [--requests 15]``. Builds two temporary
instances side by side: *base* (the bundled data) and *grown*: 10x the schools
(synthetic copies of the bundled schools, only in the temporary data folder), 20 more
school years imported through the upload path, 10,000 goal versions saved through the
goal register and 100,000 audit rows in total (the rest are the rows failed logins
leave, written in bulk: the login path hashes a password per attempt). Both apps then answer the same requests, interleaved:
every page's content (the router callback; uncached = a fresh query each time, cached =
the same query again) and the main callbacks. Reports median and p95 time and bytes,
grown / base, and the load average. Writes ``bench/results/growth.json``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import event, func, insert, select

from bench.bench_karte import callback_body, page_content
from bench.common import ROOT, Server, summary, write_report

PAGES = [
    ("/", ""),
    ("/karte", ""),
    ("/daz", ""),
    ("/daz", "?tab=schulen"),
    ("/daz", "?tab=import"),
    ("/ziele", ""),
    ("/ziele", "?feld=4.2"),
    ("/akteure", ""),
    ("/sitzung", ""),
    ("/sitzung-planen", ""),
    ("/anmelden", ""),
]
HEADER = (
    "schuljahr;ebene;schule_id;schule;phase;schueler;vka_klassen;kapazitaetsreserve;"
    "quelle;stand\n"
)


def grown_data(target: Path, factor: int) -> Path:
    """A copy of ``data/`` with ``factor`` times the schools (synthetic copies)."""
    shutil.copytree(ROOT / "data", target)
    path = target / "schulen_daz.csv"
    schools = pd.read_csv(path, dtype=str, keep_default_na=False)
    copies = [schools]
    for i in range(1, factor):
        c = schools.copy()
        c["schule_id"] = c["schule_id"] + f"-k{i}"
        c["name_dokument"] = c["name_dokument"] + f" (Kopie {i})"
        c["schulnummer"] = [f"SN-9{i:02d}{n:04d}" for n in range(len(c))]
        copies.append(c)
    pd.concat(copies).to_csv(path, index=False)
    return target


def fast_sqlite(engine) -> None:  # noqa: ANN001
    """Building the grown store: skip fsync per commit (the data is thrown away)."""

    @event.listens_for(engine, "connect")
    def _sync(dbapi_conn, _record):  # noqa: ANN001, ANN202
        dbapi_conn.execute("PRAGMA synchronous=OFF")


def grow(
    instance: Path, data: Path, years: int, versions: int, audit_rows: int
) -> dict:
    from dashboard.config import Settings
    from dashboard.data.daz_upload import parse_upload
    from dashboard.services import start
    from dashboard.store import goals
    from dashboard.store.daz_imports import commit_import
    from dashboard.store.models import audit

    t0 = time.perf_counter()
    s = start(Settings.from_env(instance_dir=instance, data_dir=data, database_url=""))
    fast_sqlite(s.engine)
    s.engine.dispose()
    known = s.repo.table("schulen_daz")
    schools = dict(zip(known["schule_id"], known["schulart"], strict=True))
    for y in range(2018, 2018 + years):
        year = f"{y}/{(y + 1) % 100:02d}"
        rows = [
            f"{year};Landkreis;;;DaZ 1/2;{350 + y % 7};;;Kreisschulamt;01.02.{y + 1}",
            f"{year};Landkreis;;;DaZ 3;{500 + y % 5};;;Kreisschulamt;01.02.{y + 1}",
        ] + [
            f"{year};Schule;{sid};;DaZ 1/2;{10 + n % 20};1;{n % 5};Kreisschulamt;"
            f"01.02.{y + 1}"
            for n, sid in enumerate(schools)
        ]
        parsed = parse_upload(
            (HEADER + "\n".join(rows) + "\n").encode(), "jahr.csv", schools, set()
        )
        assert not parsed.errors, parsed.errors[:3]
        commit_import(s.engine, parsed.rows, "bench", f"schuljahr_{y}.csv")
    goal_ids = s.repo.table("ziele")["ziel_id"].tolist()
    current = {g: 0 for g in goal_ids}
    statuses = list(goals.STATUS)
    for i in range(versions):
        g = goal_ids[i % len(goal_ids)]
        edit = goals.Edit(
            statuses[i % len(statuses)],
            kommentar=f"Zwischenbericht {current[g] + 1}",
            massnahme=f"Maßnahme {i % 3 + 1}" if i % 10 == 0 else "",
        )
        current[g] = goals.save(s.engine, g, current[g], edit, "bench")
    with s.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(audit)).scalar_one()
    # The rest: the audit rows failed logins leave (store.auth.login). Written in bulk,
    # as login() would spend a deliberate password hash (~0.1 s) on each attempt.
    missing = max(0, audit_rows - have)
    now = datetime.now(UTC)
    rows = [
        {
            "zeit": now,
            "benutzer": f"unbekannt-{i}",
            "aktion": "Anmeldung fehlgeschlagen",
            "tabelle": "benutzer",
            "details": "",
        }
        for i in range(missing)
    ]
    with s.engine.begin() as conn:
        for start_ in range(0, missing, 5000):
            conn.execute(insert(audit), rows[start_ : start_ + 5000])
    with s.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(audit)).scalar_one()
    return {
        "schools": len(schools),
        "imported_school_years": years,
        "goal_versions": goals.version_count(s.engine),
        "audit_rows": total,
        "build_s": round(time.perf_counter() - t0, 1),
    }


def callbacks(server: Server) -> dict:
    """Bodies of the main callbacks, built from the app's own dependencies."""
    karte = {
        "karte-ebene.value": "gemeinde",
        "karte-indikator.value": "auslastung",
        "karte-ebenen.value": ["schulen"],
        "karte-beschriftung.value": False,
    }
    return {
        "karte_recolour": callback_body(
            server, "karte-graph.figure", karte, "karte-indikator.value"
        ),
    }


def measure(servers: dict[str, Server], requests: int) -> dict:
    out: dict[str, dict] = {}
    bodies = {name: callbacks(s) for name, s in servers.items()}
    for path, search in PAGES:
        for mode in ("uncached", "cached"):
            key = f"{path}{search} ({mode})"
            times = {n: [] for n in servers}
            size = {}
            for _ in range(requests):
                for name, server in servers.items():
                    q = search
                    if mode == "uncached":  # a new query: never seen, so rebuilt
                        q = (
                            search + "&" if search else "?"
                        ) + f"_bench={time.time_ns()}"
                    t = time.perf_counter()
                    body = page_content(server, path, q)
                    times[name].append(time.perf_counter() - t)
                    size[name] = len(body)
            out[key] = _compare(times, size)
    for cb in bodies["base"]:
        times = {n: [] for n in servers}
        size = {}
        for _ in range(requests):
            for name, server in servers.items():
                t = time.perf_counter()
                body = server.post_json("/_dash-update-component", bodies[name][cb])
                times[name].append(time.perf_counter() - t)
                size[name] = len(body)
        out[cb] = _compare(times, size)
    return out


def _compare(times: dict[str, list[float]], size: dict[str, int]) -> dict:
    base, grown = summary(times["base"]), summary(times["grown"])
    return {
        "base": {**base, "bytes": size["base"]},
        "grown": {**grown, "bytes": size["grown"]},
        "ratio_p95": grown["p95"] / base["p95"],
        "ratio_median": grown["median"] / base["median"],
        "ratio_bytes": size["grown"] / size["base"],
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--versions", type=int, default=10_000)
    parser.add_argument("--audit", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = grown_data(tmp / "data", args.factor)
        growth = grow(tmp / "grown", data, args.years, args.versions, args.audit)
        print("grown store:", growth, flush=True)
        servers = {
            "base": Server(
                [sys.executable, "app.py"], {"IM_INSTANCE_DIR": str(tmp / "base")}
            ),
            "grown": Server(
                [sys.executable, "app.py"],
                {"IM_INSTANCE_DIR": str(tmp / "grown"), "IM_DATA_DIR": str(data)},
            ),
        }
        try:
            load_before = os.getloadavg()
            results = measure(servers, args.requests)
            load_after = os.getloadavg()
        finally:
            for s in servers.values():
                s.stop()
    worst = {
        k: max(r[k] for r in results.values()) for k in ("ratio_p95", "ratio_bytes")
    }
    cached = [r["base"]["median"] for k, r in results.items() if "(cached)" in k]
    report = {
        "grown_store": growth,
        "load_average_1_5_15": {"before": load_before, "after": load_after},
        "results": results,
        "worst": {**worst, "target": "<= 1.5"},
        "cached_page_content_median_s": {
            "max_over_pages": max(cached),
            "target": "<= 0.020",
        },
    }
    path = write_report("growth", report)
    for k, r in results.items():
        print(
            f"{k:32s} base {r['base']['median'] * 1000:7.1f} ms {r['base']['bytes']:>8} B"
            f" | grown {r['grown']['median'] * 1000:7.1f} ms p95 "
            f"{r['grown']['p95'] * 1000:7.1f} {r['grown']['bytes']:>8} B | "
            f"p95 {r['ratio_p95']:.2f}x bytes {r['ratio_bytes']:.2f}x"
        )
    print(path)
    return report


if __name__ == "__main__":
    main()
