"""The lean plotly.js: versions agree, it holds every trace type the app draws, it is
the only plotly.js served, only chart pages preload it, and responses are compressed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from pathlib import Path

import dash
import plotly
import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType
from plotly.offline import get_plotlyjs_version

from dashboard.config import ROOT
from dashboard.plotly_js import DASH_PATH, PRELOAD_FLAG, VENDOR, bundle_path, provenance

TOOLS = ROOT / "tools" / "plotly-bundle"
FULL = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _build_module():
    spec = importlib.util.spec_from_file_location("build", TOOLS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_versions_do_not_drift():
    js = get_plotlyjs_version()
    record = provenance()
    pins = json.loads((TOOLS / "package.json").read_text())["devDependencies"]
    lock = json.loads((TOOLS / "package-lock.json").read_text())["packages"]
    assert record["plotly.js"] == js == pins["plotly.js"]
    assert lock["node_modules/plotly.js"]["version"] == js
    assert (
        lock["node_modules/esbuild"]["version"] == pins["esbuild"] == record["esbuild"]
    )
    assert record["full_bundle_sha256"] == _sha(FULL.read_bytes()), (
        "plotly's plotly.min.js changed: rebuild with tools/plotly-bundle/build.py"
    )
    assert record["lockfile_sha256"] == _sha((TOOLS / "package-lock.json").read_bytes())


def test_committed_bundle_is_the_recorded_build():
    body = bundle_path().read_bytes()
    record = provenance()
    assert _sha(body) == record["sha256"] and len(body) == record["bytes"]
    assert body.startswith(f"/* plotly.js v{record['plotly.js']} (MIT)".encode())
    assert len(body) < 0.4 * FULL.stat().st_size
    build = _build_module()
    assert list(build.TRACES) == record["traces"]
    assert build.entry_source() == record["entry"]
    licences = (VENDOR / "THIRD-PARTY-LICENSES.txt").read_text(encoding="utf-8")
    for package in record["packages"]:
        assert f"== {package} (" in licences


TRACE_CLASSES = {
    name: cls().type
    for name in dir(go)
    if isinstance(cls := getattr(go, name), type) and issubclass(cls, BaseTraceType)
}


def used_trace_types(source: str) -> set[str]:
    """Trace types a module builds: ``go.Bar(…)``, ``fig.add_bar(…)``, ``px.…``."""
    found = {
        TRACE_CLASSES[n]
        for n in re.findall(r"\bgo\.(\w+)\(", source)
        if n in TRACE_CLASSES
    }
    adders = {t for t in TRACE_CLASSES.values() if t}
    found |= {t for t in re.findall(r"\.add_(\w+)\(", source) if t in adders}
    found |= {f"px.{f}" for f in re.findall(r"\bpx\.(\w+)\(", source)}
    found |= {
        m
        for m in re.findall(r"""["']type["']\s*:\s*["'](\w+)["']""", source)
        if m in adders
    }
    return found


def test_figure_code_uses_only_bundled_trace_types():
    used = set()
    for path in (ROOT / "dashboard").rglob("*.py"):
        used |= used_trace_types(path.read_text(encoding="utf-8"))
    assert used, "the scan found no figure code"
    assert used <= set(provenance()["traces"]), (
        f"not in the lean plotly.js: {sorted(used - set(provenance()['traces']))}; "
        "add them to TRACES in tools/plotly-bundle/build.py and rebuild"
    )


def test_scan_would_notice_a_new_trace_type():
    assert used_trace_types("fig.add_trace(go.Pie(values=[1]))") == {"pie"}
    assert used_trace_types("fig.add_histogram(x=x)") == {"histogram"}
    assert used_trace_types("px.sunburst(df)") == {"px.sunburst"}


def _graph_types(node) -> set[str]:  # noqa: ANN001
    types = set()
    if isinstance(node, dict):
        if (
            node.get("type") == "Graph"
            and node.get("namespace") == "dash_core_components"
        ):
            fig = node["props"].get("figure") or {}
            types |= {t.get("type", "scatter") for t in fig.get("data", [])} or {""}
        for value in node.values():
            types |= _graph_types(value)
    elif isinstance(node, list):
        for item in node:
            types |= _graph_types(item)
    return types


def test_pages_draw_only_bundled_types_and_preload_only_with_charts(app):
    for page in dash.page_registry.values():
        with app.server.test_request_context(page["relative_path"]):
            layout = page["layout"]() if callable(page["layout"]) else page["layout"]
            tree = json.loads(plotly.io.json.to_json_plotly(layout))
        types = _graph_types(tree)
        assert types - {""} <= set(provenance()["traces"]), page["path"]
        # a preloading page draws a chart on every visit; the others draw none
        assert bool(types) == bool(page.get(PRELOAD_FLAG)), page["path"]


def test_only_the_lean_bundle_is_served_and_only_chart_pages_preload_it(client):
    response = client.get("/" + DASH_PATH)
    assert response.status_code == 200
    assert _sha(response.get_data()) == provenance()["sha256"]
    for path in ("/", "/karte", "/daz", "/sitzung"):
        assert DASH_PATH in client.get(path).headers.get("Link", ""), path
    for path in ("/ziele", "/anmelden", "/sitzung-planen"):
        html = client.get(path)
        assert "plotly" not in html.headers.get("Link", "")
        assert "plotly.min.js" not in html.get_data(as_text=True)


def test_responses_are_compressed_when_accepted(client):
    for encoding in ("zstd", "br", "gzip"):
        got = client.get("/" + DASH_PATH, headers={"Accept-Encoding": encoding})
        assert got.headers["Content-Encoding"] == encoding
        assert len(got.get_data()) < 0.4 * provenance()["bytes"]
    page = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip"
    plain = client.get("/" + DASH_PATH)
    assert "Content-Encoding" not in plain.headers
