"""Pages whose text the county edits: Markdown files in ``Settings.texts_dir``.

Placeholders are written ``[[Platzhalter: …]]``; they are shown highlighted, and a page
that still has one says so at the top.
"""

from __future__ import annotations

import re
from pathlib import Path

from dash import dcc, html

PLACEHOLDER = re.compile(r"\[\[\s*Platzhalter:\s*(.*?)\s*\]\]", re.S)
MISSING_NOTE = (
    "Diese Seite enthält noch Platzhalter (⟦Platzhalter: …⟧), die der Landkreis vor der "
    "Veröffentlichung ausfüllen muss."
)


def read_text(folder: Path, name: str) -> str:
    """The file's text, or a German note naming the missing file."""
    path = Path(folder) / f"{name}.md"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return f"[[Platzhalter: Text für diese Seite fehlt (Datei {name}.md)]]"


def text_page(title: str, source: str) -> html.Div:
    """Title, a note if placeholders remain, and the Markdown with them highlighted."""
    marked = PLACEHOLDER.sub(lambda m: f"**⟦Platzhalter: {m.group(1)}⟧**", source)
    body = [html.H1(title, className="h2")]
    if PLACEHOLDER.search(source):
        body.append(html.P(MISSING_NOTE, className="im-warning"))
    body.append(dcc.Markdown(marked, className="im-text", link_target="_self"))
    return html.Div(body)
