"""Compressed responses (zstd, brotli or gzip, whichever the browser accepts).

Static files (JavaScript bundles, CSS, geometry) are compressed once per worker and
kept; pages and callback answers are compressed per response.
"""

from __future__ import annotations

import flask
from flask_compress import Compress

STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/", "/geo/")


def _key(request: flask.Request) -> str:
    return request.full_path


class StaticCache:
    """flask-compress cache that keeps only static files (keys are ``algo;path``)."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}

    @staticmethod
    def _static(key: str) -> bool:
        return key.split(";", 1)[1].startswith(STATIC_PREFIXES)

    def get(self, key: str) -> bytes | None:
        return self.data.get(key) if self._static(key) else None

    def set(self, key: str, value: bytes) -> None:
        if self._static(key):
            self.data[key] = value


def configure(server: flask.Flask) -> None:
    server.config.update(
        COMPRESS_ALGORITHM=["zstd", "br", "gzip"],
        COMPRESS_ZSTD_LEVEL=9,
        COMPRESS_BR_LEVEL=5,
        COMPRESS_CACHE_KEY=_key,
        COMPRESS_CACHE_BACKEND=StaticCache,
    )
    Compress(server)
