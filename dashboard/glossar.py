"""Glossary of the monitor's terms: one text per term, shown on the Hilfe page and in
the info buttons next to indicators and key figures (``components.info``)."""

from __future__ import annotations

# key: (term, explanation). Explanations follow the Integrationskonzept (Stand 08.02.2017).
GLOSSAR: dict[str, tuple[str, str]] = {
    "vka": (
        "VKA (Vorbereitungsklasse)",
        "Klasse, in der zugewanderte Kinder und Jugendliche Deutsch als Zweitsprache "
        "lernen, bevor sie ganz in eine Regelklasse wechseln. „VKA-Schüler“ sind die "
        "Schüler in diesen Klassen.",
    ),
    "daz": (
        "DaZ (Deutsch als Zweitsprache)",
        "Unterrichtsfach für Schüler, deren Erstsprache nicht Deutsch ist. Der "
        "Spracherwerb läuft laut Konzept in drei Phasen.",
    ),
    "daz12": (
        "DaZ 1/2",
        "Phasen 1 und 2: In Phase 1 gibt es in der Vorbereitungsklasse nur "
        "Deutschunterricht; in Phase 2 nehmen die Schüler teilweise am Unterricht der "
        "Regelklassen teil (z. B. Sport, Kunst). Diese Schüler belegen Plätze in "
        "Vorbereitungsklassen.",
    ),
    "daz3": (
        "DaZ 3",
        "Phase 3: Die Schüler lernen in ihrer Regelklasse und erhalten weiter "
        "DaZ-Unterricht. Sie belegen keinen Platz in einer Vorbereitungsklasse.",
    ),
    "kapazitaetsreserve": (
        "Kapazitätsreserve (freie Plätze)",
        "Freie Plätze in den Vorbereitungsklassen einer Schule laut Konzept (Abb. 4). "
        "Plätze insgesamt = VKA-Schüler + Kapazitätsreserve.",
    ),
    "auslastung": (
        "Auslastung",
        "Anteil der belegten Plätze: VKA-Schüler geteilt durch Plätze (VKA-Schüler + "
        "Kapazitätsreserve), in Prozent. 100 % heißt: kein freier Platz.",
    ),
    "sozialraum": (
        "Sozialraum",
        "Einer der vier Planungsräume des Landkreises (Meißen, Riesa, Großenhain, "
        "Radebeul). Die Zuordnung der Gemeinden ist ein Arbeitsstand, den die "
        "Sozialplanung bestätigen muss.",
    ),
    "handlungsfeld": (
        "Handlungsfeld",
        "Einer der sechs Themenbereiche des Konzepts (Kapitel 4.1 bis 4.6), z. B. "
        "Sprache oder Bildung. Jedes Handlungsfeld hat Kernaussagen und Ziele.",
    ),
    "ziel": (
        "Ziel und Status",
        "Die Ziele stehen wörtlich im Konzept. Ihr Status (noch nicht bewertet, "
        "geplant, in Umsetzung, erreicht, gefährdet) wird von der Bearbeitung gepflegt; "
        "jede Änderung bleibt mit Name und Zeit erhalten.",
    ),
    "indikator": (
        "Indikator, Basiswert, Zielwert",
        "Messgröße zu einem Ziel. Der Basiswert ist der Ausgangswert, der Zielwert der "
        "angestrebte Wert; der Fortschritt vergleicht den letzten Messwert mit beiden.",
    ),
    "berichtsstand": (
        "Berichtsstand",
        "Ein fester Zeitpunkt, zu dem die Zahlen für einen Bericht gelten. Spätere "
        "Änderungen verändern einen Berichtsstand nicht.",
    ),
    "beschluss": (
        "Beschluss",
        "Entscheidung der Lenkungsgruppe, des Kreistags oder eines seiner Ausschüsse "
        "zum Integrationskonzept. In Zeitverläufen markiert eine gestrichelte Linie den "
        "Tag des Beschlusses; im Verlauf eines Ziels stehen die mit ihm verknüpften "
        "Beschlüsse. Korrekturen und Rücknahmen werden als neue Fassung gespeichert.",
    ),
    "stand": (
        "Stand und Quelle",
        "Jede Zahl nennt ihre Quelle und den Stand, also das Datum, zu dem die Zahl "
        "galt – nicht das Datum der Eingabe.",
    ),
    "schuljahr": (
        "Schuljahr",
        "Zahlen der Schulen gelten für ein Schuljahr (z. B. 2016/17). Neue Schuljahre "
        "werden über „Neues Schuljahr“ eingelesen.",
    ),
    "szenario": (
        "Szenario",
        "Eine Berechnung „Was wäre, wenn“: Die Zahl der VKA-Schüler wird um einen "
        "gewählten Prozentsatz verändert. Es sind keine beobachteten Daten.",
    ),
    "akteur": (
        "Akteur und Angebot",
        "Akteure sind Stellen, Gremien und Träger der Integrationsarbeit; Angebote "
        "sind ihre Dienste und Standorte. „Lage: Gemeinde“ heißt: ohne genaue Adresse, "
        "in der Gemeinde eingezeichnet.",
    ),
    "asyl": (
        "Asylbewerber",
        "Personen im Asylverfahren, die dem Landkreis zugewiesen sind, laut Konzept "
        "(Kapitel 3).",
    ),
}


def term(key: str) -> tuple[str, str]:
    """The term and its explanation; an unknown key is a programming error."""
    return GLOSSAR[key]
