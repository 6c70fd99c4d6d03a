"""Impressum, Datenschutz and Erklärung zur Barrierefreiheit, linked from the footer.

Their texts come from Markdown files the county edits (``IM_TEXTE_DIR``, default
``texte/``; see ``texte/LIESMICH.md``), read on every visit. Writes nothing.
"""

from __future__ import annotations

import dash

from dashboard import labels, services
from dashboard.components.texts import read_text, text_page

LEGAL_PAGES = {
    # file name: (path, title)
    "impressum": ("/impressum", labels.IMPRESSUM),
    "datenschutz": ("/datenschutz", labels.DATENSCHUTZ),
    "barrierefreiheit": ("/barrierefreiheit", labels.BARRIEREFREIHEIT),
}


def _layout(name: str, title: str):  # noqa: ANN202
    def layout(**_query: str):  # noqa: ANN202
        return text_page(title, read_text(services.get().settings.texts_dir, name))

    return layout


for _name, (_path, _title) in LEGAL_PAGES.items():
    dash.register_page(
        f"{__name__}.{_name}",
        path=_path,
        name=_title,
        title=f"{_title} – {labels.APP_TITLE}",
        layout=_layout(_name, _title),
    )
