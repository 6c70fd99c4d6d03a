"""Settings precedence, documented settings, German formats."""

from __future__ import annotations

import doctest

import dashboard.formatting
from dashboard.config import ROOT, Settings, env_names
from dashboard.formatting import fmt_num, fmt_pct


def test_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("DASH_PORT", "9000")
    monkeypatch.setenv("IM_INSTANCE_DIR", str(tmp_path))
    assert Settings.from_env().port == 9000
    assert Settings.from_env(port=9100).port == 9100
    assert (
        Settings.from_env().database_url
        == f"sqlite:///{tmp_path / 'integrationsmonitor.sqlite'}"
    )
    monkeypatch.setenv("DATABASE_URL", "postgresql://x/y")
    assert Settings.from_env().database_url == "postgresql://x/y"
    monkeypatch.setenv("DASH_DEBUG", "ja")
    assert Settings.from_env().debug is True


def test_readme_documents_every_setting():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in env_names():
        assert f"`{name}`" in readme, name


def test_german_formats():
    assert fmt_num(1234.5, 1) == "1.234,5"
    assert fmt_num(1918) == "1.918"
    assert fmt_num(None) == "–"
    assert fmt_pct(0.7231) == "72,3 %"
    assert doctest.testmod(dashboard.formatting).failed == 0
