"""Build the lean plotly.js the app serves: only the trace types the dashboard draws.

The full plotly.js (4.8 MB) holds 50 trace types; the dashboard draws four. None of the
published partial bundles holds exactly these (``plotly.js-geo-dist`` lacks bar,
``plotly.js-basic-dist`` lacks the geo traces), and a missing type fails silently in the
browser (bars drawn as points, maps without areas), so we build our own bundle from the
npm registry's ``plotly.js`` at exactly the version the installed plotly Python package
ships, with the pinned esbuild, the way plotly.js builds its own dist (esbuild-config.js:
IIFE with global ``Plotly``, ``global`` -> ``window``, ES2016) minus the WebGL and map
plugins we do not need.

Usage (needs node/npm and network access to the npm registry, only at build time)::

    /work/venv/bin/python tools/plotly-bundle/build.py

Writes ``dashboard/vendor/plotly/``: the bundle, the licence texts of everything in it
and ``provenance.json`` (versions, trace types, checksums, command).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "dashboard" / "vendor" / "plotly"
BUNDLE = "plotly-im.min.js"

# The trace types the dashboard draws; tests/unit/test_plotly_bundle.py checks the
# figure code against this list. ``scatter`` is always part of plotly's core.
TRACES = ("bar", "choropleth", "scatter", "scattergeo")

ESBUILD_FLAGS = (
    "--bundle",
    "--minify",
    "--format=iife",
    "--global-name=Plotly",
    "--define:global=window",
    "--define:define.amd=false",
    "--target=es2016",
    # only map traces require maplibre's CSS; never executed here
    "--loader:.css=empty",
    # licences go to THIRD-PARTY-LICENSES.txt, built from the metafile
    "--legal-comments=none",
    "--log-level=warning",
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def entry_source() -> str:
    modules = ",\n".join(
        f"    require('plotly.js/lib/{t}')" for t in TRACES if t != "scatter"
    )
    return (
        "var Plotly = require('plotly.js/lib/core');\n"
        f"Plotly.register([\n{modules}\n]);\n"
        "module.exports = Plotly;\n"
    )


def bundled_packages(meta: dict) -> dict[str, str]:
    """``{name@version: licence}`` of every npm package with code in the bundle."""
    found = {}
    (output,) = meta["outputs"].values()
    # CSS is loaded as empty (see ESBUILD_FLAGS): its stub is no bundled code
    used = [
        s
        for s, info in output["inputs"].items()
        if info["bytesInOutput"] > 0 and not s.endswith(".css")
    ]
    for source in used:
        match = re.search(r"node_modules/((?:@[^/]+/)?[^/]+)/", source)
        if not match:
            continue
        pkg_dir = HERE / source[: match.end()]
        info = json.loads((pkg_dir / "package.json").read_text())
        found[f"{info['name']}@{info['version']}"] = str(info.get("license", "?"))
    return dict(sorted(found.items()))


def licence_texts(packages: dict[str, str]) -> str:
    parts = []
    for spec in packages:
        name = spec.rsplit("@", 1)[0]
        pkg_dir = HERE / "node_modules" / name
        files = sorted(
            p
            for p in pkg_dir.iterdir()
            if re.match(r"(?i)(licen[cs]e|copying)", p.name)
        )
        text = "\n".join(f.read_text(encoding="utf-8", errors="replace") for f in files)
        parts.append(
            f"== {spec} ({packages[spec]}) ==\n{text.strip() or '(the package ships no licence file)'}\n"
        )
    return "\n".join(parts)


def pinned() -> dict[str, str]:
    return json.loads((HERE / "package.json").read_text())["devDependencies"]


def main() -> None:
    import plotly
    from plotly.offline import get_plotlyjs_version

    python_js = get_plotlyjs_version()
    versions = pinned()
    if versions["plotly.js"] != python_js:
        sys.exit(
            f"package.json pins plotly.js {versions['plotly.js']}, but plotly "
            f"{plotly.__version__} ships plotly.js {python_js}: update package.json "
            "(npm install --save-exact plotly.js@VERSION) and rebuild."
        )
    subprocess.run(
        ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
        cwd=HERE,
        check=True,
    )
    npm_js = HERE / "node_modules" / "plotly.js"
    installed = json.loads((npm_js / "package.json").read_text())["version"]
    full = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if installed != python_js or sha256(npm_js / "dist" / "plotly.min.js") != sha256(
        full
    ):
        sys.exit("npm's plotly.js is not the release the Python package ships.")

    OUT.mkdir(parents=True, exist_ok=True)
    entry = HERE / "entry.js"
    entry.write_text(entry_source())
    target = OUT / BUNDLE
    meta = HERE / "meta.json"
    banner = (
        f"/* plotly.js v{python_js} (MIT), traces: {', '.join(TRACES)}; "
        "built by tools/plotly-bundle/build.py, see provenance.json */"
    )
    try:
        subprocess.run(
            [
                str(HERE / "node_modules" / ".bin" / "esbuild"),
                str(entry),
                *ESBUILD_FLAGS,
                f"--banner:js={banner}",
                f"--outfile={target}",
                f"--metafile={meta}",
            ],
            cwd=HERE,
            check=True,
        )
        packages = bundled_packages(json.loads(meta.read_text()))
    finally:
        entry.unlink()
        meta.unlink(missing_ok=True)
    licences = OUT / "THIRD-PARTY-LICENSES.txt"
    licences.write_text(licence_texts(packages), encoding="utf-8")
    provenance = {
        "file": BUNDLE,
        "sha256": sha256(target),
        "bytes": target.stat().st_size,
        "traces": list(TRACES),
        "plotly.js": python_js,
        "plotly_python": plotly.__version__,
        "full_bundle_sha256": sha256(full),
        "esbuild": versions["esbuild"],
        "source": f"https://registry.npmjs.org/plotly.js/-/plotly.js-{python_js}.tgz",
        "lockfile_sha256": sha256(HERE / "package-lock.json"),
        "entry": entry_source(),
        "esbuild_flags": list(ESBUILD_FLAGS),
        "licence": f"MIT (plotly.js); every bundled package's licence: {licences.name}",
        "packages": packages,
        "command": "python tools/plotly-bundle/build.py",
    }
    (OUT / "provenance.json").write_text(
        json.dumps(provenance, indent=2, ensure_ascii=False) + "\n"
    )
    print(f"{target.relative_to(ROOT)}: {provenance['bytes']:,} bytes")


if __name__ == "__main__":
    main()
