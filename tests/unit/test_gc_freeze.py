"""The WSGI entry point moves start-up objects out of the garbage collector's view.

Without ``gc.freeze()`` full collections rescan the layouts, geometry and data built at
start during requests; bench_growth showed single p95 outliers of 2-3x on the grown store.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_app_module_freezes_start_up_objects(tmp_path):
    code = "import gc, app; print(gc.get_freeze_count())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"IM_INSTANCE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert int(out.stdout.strip().splitlines()[-1]) > 10_000
