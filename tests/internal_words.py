"""Words that must never reach users: file paths, UTC, technical column names, ISO dates.

Used by the browser tests on every page's rendered text and on every export.
"""

from __future__ import annotations

import re

INTERNAL = {
    "Pfad data/": re.compile(r"(?<![\w.-])data/"),
    "Dateiname": re.compile(r"\b[\w-]+\.(?:csv|geojson|py|sqlite|md)\b"),
    "UTC": re.compile(r"\bUTC\b"),
    "technischer Name": re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b"),
    "ISO-Datum": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
}


URL = re.compile(r"(?:https?://|www\.)\S+")


def internal_words(text: str) -> list[str]:
    """Each finding as "kind: match" (empty when the text is clean); web addresses of
    sources are quoted as they are and not checked."""
    text = URL.sub(" ", text)
    return [
        f"{kind}: {m.group(0)}"
        for kind, pattern in INTERNAL.items()
        for m in pattern.finditer(text)
    ]
