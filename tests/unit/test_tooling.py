"""The code stays formatted and lint-free (ruff, line length 88)."""

from __future__ import annotations

import subprocess
import sys

from dashboard.config import ROOT


def test_ruff_check_and_format():
    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
