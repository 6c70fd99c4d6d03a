"""Settings, read once from the environment.

Precedence follows Dash: explicit argument > environment variable > default.
Every setting is documented in README.md (a test checks that).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Runtime configuration of the app.

    Each field's ``metadata["env"]`` names its environment variable.
    """

    database_url: str = field(default="", metadata={"env": "DATABASE_URL"})
    host: str = field(default="127.0.0.1", metadata={"env": "DASH_HOST"})
    port: int = field(default=8050, metadata={"env": "DASH_PORT"})
    debug: bool = field(default=False, metadata={"env": "DASH_DEBUG"})
    instance_dir: Path = field(
        default=ROOT / "instance", metadata={"env": "IM_INSTANCE_DIR"}
    )
    data_dir: Path = field(default=ROOT / "data", metadata={"env": "IM_DATA_DIR"})
    geo_dir: Path = field(default=ROOT / "geo", metadata={"env": "IM_GEO_DIR"})
    secret_key: str = field(default="", metadata={"env": "SECRET_KEY"})
    # Barrierefreiheit (issue 12): texts of Impressum, Datenschutz, Barrierefreiheit
    texts_dir: Path = field(default=ROOT / "texte", metadata={"env": "IM_TEXTE_DIR"})
    # Betrieb (issue 13): reverse proxy hops trusted for X-Forwarded-*, HTTPS-only cookies
    proxy_hops: int = field(default=0, metadata={"env": "IM_PROXY_HOPS"})
    secure_cookies: bool = field(default=False, metadata={"env": "IM_SECURE_COOKIES"})
    login_limit: str = field(
        default="10 per minute", metadata={"env": "IM_LOGIN_LIMIT"}
    )

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Build settings from explicit ``overrides``, then the environment, then defaults."""
        values: dict[str, object] = {}
        for f in fields(cls):
            if f.name in overrides:
                values[f.name] = overrides[f.name]
                continue
            raw = os.environ.get(f.metadata["env"])
            if raw is None:
                continue
            if f.type in ("bool", bool):
                values[f.name] = raw.strip().lower() in {"1", "true", "yes", "ja"}
            elif f.type in ("int", int):
                values[f.name] = int(raw)
            elif f.type in ("Path", Path):
                values[f.name] = Path(raw)
            else:
                values[f.name] = raw
        settings = cls(**values)
        if not settings.database_url:
            db = Path(settings.instance_dir) / "integrationsmonitor.sqlite"
            settings = replace(settings, database_url=f"sqlite:///{db}")
        return settings


def env_names() -> list[str]:
    """Names of all environment variables the app reads."""
    return [f.metadata["env"] for f in fields(Settings)]
