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


def test_no_merge_conflict_markers():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    markers = ("<" * 7 + " ", "=" * 7 + "\n", ">" * 7 + " ")
    bad = []
    for name in tracked:
        path = ROOT / name
        if path.suffix not in {".py", ".txt", ".md", ".css", ".js", ".csv", ".toml"}:
            continue
        if path.stat().st_size > 2_000_000:
            continue
        for number, line in enumerate(path.read_text(errors="ignore").splitlines(True)):
            if line.startswith(markers):
                bad.append(f"{name}:{number + 1}")
    assert not bad, "Konfliktmarker: " + ", ".join(bad)
