"""Where a verbatim passage stands in the concept: its chapter, found in the full text.

The bundled texts are stored verbatim; instead of a second column that could drift,
the chapter of each passage is looked up in ``data/quellen/`` by position.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

CONCEPT_FILE = "quellen/integrationskonzept_lk_meissen_2017.txt"

# Headings in document order: (text that starts the section, label shown to people).
# Each marker occurs exactly once in the normalised text (a unit test checks it).
SECTIONS = [
    ("1.1 Einleitung", "Kap. 1.1"),
    ("2 Beschluss Nr.: 16/6/0289.", "Kap. 1.1, Fußnote 2"),
    ("Maßnahmen des Landkreises zukünftig ausrichten", "Kap. 1.1"),
    ("1.2 Begriffsbestimmungen", "Kap. 1.2"),
    ("2. Integrationsleitlinien 1. Die Integration", "Kap. 2"),
    ("3. Integrationsstrukturen im Landkreis Meissen", "Kap. 3"),
    (
        "Abbildung 1: Akteure der Integrationsarbeit im Landkreis Meißen Ausländerbeauftragte",
        "Kap. 3 – Ausländerbeauftragte",
    ),
    (
        "Koordinierungskraft Integration Über die Förderrichtlinie",
        "Kap. 3 – Koordinierungskraft Integration",
    ),
    (
        "Kommunale Integrationskoordinatoren Zur Unterstützung",
        "Kap. 3 – Kommunale Integrationskoordinatoren",
    ),
    ("7 Die landkreisweite AG Arbeitsmarktintegration", "Kap. 3, Fußnote 7"),
    (
        "effizienten Nutzung der bereits vorhandenen Ressourcen",
        "Kap. 3 – Kommunale Integrationskoordinatoren",
    ),
    (
        "Soziale Betreuung und Beratung Dem Landkreis",
        "Kap. 3 – Soziale Betreuung und Beratung",
    ),
    (
        "Schulische Integration von Menschen mit Migrationshintergrund Der Spracherwerb",
        "Kap. 3 – Schulische Integration",
    ),
    (
        "Bildung für Neuzugewanderte Seit Juli 2016",
        "Kap. 3 – Bildung für Neuzugewanderte",
    ),
    (
        "Arbeitsmarktliche Integration Die Heranführung",
        "Kap. 3 – Arbeitsmarktliche Integration",
    ),
    (
        "Interkulturelle Öffnung der Verwaltung Um auch",
        "Kap. 3 – Interkulturelle Öffnung der Verwaltung",
    ),
    (
        "Servicestelle Sprach- und Kulturmittlerdienst Im Landkreis",
        "Kap. 3 – Servicestelle Sprach- und Kulturmittlerdienst",
    ),
    ("4. Handlungsfelder Mit den folgenden", "Kap. 4"),
    ("4.1.1 Frühkindliche Bildung", "Kap. 4.1.1"),
    ("4.1.2 Schulische Bildung", "Kap. 4.1.2"),
    ("4.2 Sprachkompetenz Das Erlernen", "Kap. 4.2"),
    ("4.3 Arbeit und Ausbildung Die erfolgreiche", "Kap. 4.3"),
    ("4.4 Gesundheit Besonders", "Kap. 4.4"),
    (
        "4.5 Interkulturelle Öffnung von Verwaltung, Vereinen und Verbänden Die",
        "Kap. 4.5",
    ),
    ("4.6 Ehrenamt Die zahlreichen", "Kap. 4.6"),
    ("5. Ausblick Mit der", "Kap. 5"),
]


def normalise(text: str) -> str:
    """The comparison form of the PDF export: bullet glyphs and line breaks to spaces."""
    text = re.sub(r"[\uf000-\uf8ff]", " ", text)  # private-use bullet glyphs
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=2)
def concept_text(data_dir: Path) -> str:
    return normalise((Path(data_dir) / CONCEPT_FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def _starts(data_dir: Path) -> tuple[tuple[int, str], ...]:
    text = concept_text(data_dir)
    return tuple((text.find(marker), label) for marker, label in SECTIONS)


def chapter_of(passage: str, data_dir: Path) -> str:
    """The chapter label of a verbatim passage, or ``""`` if it is not in the text."""
    pos = concept_text(data_dir).find(passage)
    if pos < 0:
        return ""
    label = ""
    for start, name in _starts(data_dir):
        if start <= pos:
            label = name
    return label
