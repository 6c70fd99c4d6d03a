"""Dash's validation layout, kept between starts.

With pages, Dash builds its validation layout (the IDs and component types the browser
checks every callback against) by calling every page's layout on the first request:
about half a second of figures and store reads at each start, only to keep the IDs
(``dashboard.web.id_stubs``). The stubs depend on the code and the data, so they are
saved in the instance folder under a key of both (a hash of the package's source and
the installed component libraries, and ``Repository.version()``) and reused while the
key is unchanged; any edit of the code or the data builds them afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
from importlib.metadata import version
from pathlib import Path

from dash import html
from dash.development.base_component import Component

PACKAGE = Path(__file__).resolve().parent
FILE_NAME = "validation-layout.json"
LIBRARIES = ("dash", "dash-bootstrap-components", "dash-cytoscape")


def key(data_version: int) -> str:
    """Hash of the package's source, the component libraries and the data version."""
    digest = hashlib.sha256(f"{data_version};".encode())
    for lib in LIBRARIES:
        digest.update(f"{lib}={version(lib)};".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load(instance_dir: Path, key_: str) -> html.Div | None:
    """The saved stubs if they were saved under ``key_``, else ``None``."""
    try:
        saved = json.loads((Path(instance_dir) / FILE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or saved.get("key") != key_:
        return None
    try:
        stubs = [_component(*entry) for entry in saved["stubs"]]
    except (KeyError, TypeError, ValueError, ImportError, AttributeError):
        return None
    div = html.Div(stubs)
    div.im_slim = True
    return div


def save(instance_dir: Path, key_: str, layout: Component) -> None:
    """Save the stubs of ``layout`` (a flat ``html.Div`` of ID-only components)."""
    stubs = [
        [type(c).__module__, type(c).__name__, c.id] for c in layout.children or []
    ]
    path = Path(instance_dir) / FILE_NAME
    tmp = path.with_name(f"{FILE_NAME}.{os.getpid()}.tmp")
    try:
        tmp.touch(mode=0o600)
        tmp.write_text(json.dumps({"key": key_, "stubs": stubs}), "utf-8")
        os.replace(tmp, path)  # atomic: several workers may start at once
    except OSError:  # e.g. a read-only instance folder: start anyway, build next time
        with contextlib.suppress(OSError):
            tmp.unlink()


def _component(module: str, name: str, id_: object) -> Component:
    if not module.startswith(("dash.", "dash_bootstrap_components", "dash_cytoscape")):
        raise ValueError(module)
    cls = getattr(importlib.import_module(module), name)
    if not (isinstance(cls, type) and issubclass(cls, Component)):
        raise ValueError(name)
    return cls(id=id_)
