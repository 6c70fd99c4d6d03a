"""Declared schemas of the bundled CSV files (pandera).

Every file has ``quelle`` and a ``stand`` date; AGS are 8-character strings.
Error texts are German because they reach the people who edit the files.
"""

from __future__ import annotations

import pandera.pandas as pa

AGS = r"^14627\d{3}$"
STAND = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # YYYY, YYYY-MM or YYYY-MM-DD
SCHULARTEN = ["Grundschule", "Oberschule", "Berufliches Schulzentrum"]
SOZIALRAEUME = ["Meißen", "Riesa", "Großenhain", "Radebeul"]
DAZ_PHASEN = ["DaZ 1/2", "DaZ 3"]
LAGE = ["Adresse", "Gemeinde", "Landkreis"]
# Bodies whose decisions the monitor records (Beschlüsse); the one vocabulary.
GREMIEN = ["Lenkungsgruppe", "Kreistag", "Ausschuss des Kreistags"]
HF_IDS = ["4.1", "4.1.1", "4.1.2", "4.2", "4.3", "4.4", "4.5", "4.6"]
GOAL_ID = r"Z-4(\.\d)+-\d+"


def text(required: bool = True, **kwargs) -> pa.Column:
    checks = (
        [pa.Check.str_length(min_value=1, error="darf nicht leer sein")]
        if required
        else []
    )
    return pa.Column(str, checks=checks, **kwargs)


def count() -> pa.Column:
    return pa.Column(
        int, pa.Check.ge(0, error="muss eine ganze Zahl ≥ 0 sein"), coerce=True
    )


def ags(required: bool = True) -> pa.Column:
    pattern = AGS if required else f"({AGS})|^$"
    return pa.Column(
        str, pa.Check.str_matches(pattern, error="kein AGS des Landkreises (14627xxx)")
    )


def one_of(values: list[str]) -> pa.Column:
    return pa.Column(str, pa.Check.isin(values, error=f"erlaubt: {', '.join(values)}"))


def hf_list() -> pa.Column:
    """Space-separated Handlungsfeld IDs, possibly empty."""
    pattern = r"^(4(\.\d){1,2}( 4(\.\d){1,2})*)?$"
    return pa.Column(
        str, pa.Check.str_matches(pattern, error="IDs wie „4.2 4.3“ oder leer")
    )


def sourced(
    columns: dict[str, pa.Column], unique: list[str] | None = None
) -> pa.DataFrameSchema:
    """A schema whose rows all carry ``quelle`` and ``stand``."""
    columns = {
        **columns,
        "quelle": text(),
        "stand": pa.Column(
            str, pa.Check.str_matches(STAND, error="Datum als JJJJ-MM-TT")
        ),
    }
    return pa.DataFrameSchema(columns, strict=True, unique=unique, ordered=False)


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "schulen_daz": sourced(
        {
            "schule_id": text(),
            "name_dokument": text(),
            "schulart": one_of(SCHULARTEN),
            "vka_schueler": count(),
            "vka_klassen": count(),
            "kapazitaetsreserve": count(),
            "ags": ags(),
            "name_amtlich": text(),
            "schulnummer": pa.Column(
                str, pa.Check.str_matches(r"^SN-\d{7}$", error="Format SN-1234567")
            ),
            "adresse": text(),
        },
        unique=["schule_id"],
    ),
    "daz_schuljahre": sourced(
        {
            "schuljahr": pa.Column(
                str, pa.Check.str_matches(r"^\d{4}/\d{2}$", error="Format 2016/17")
            ),
            "ebene": one_of(["Landkreis", "Schule"]),
            "schule_id": text(required=False),
            "phase": one_of(DAZ_PHASEN),
            "schueler": count(),
        },
        unique=["schuljahr", "ebene", "schule_id", "phase"],
    ),
    "handlungsfelder": sourced(
        {
            "hf_id": one_of(HF_IDS),
            "titel": text(),
            "uebergeordnet": text(required=False),
            "reihenfolge": count(),
        },
        unique=["hf_id"],
    ),
    "kernaussagen": sourced(
        {"hf_id": one_of(HF_IDS), "nr": count(), "text": text()}, unique=["hf_id", "nr"]
    ),
    "ziele": sourced(
        {
            "ziel_id": pa.Column(
                str, pa.Check.str_matches(f"^{GOAL_ID}$", error="Format Z-4.1.1-1")
            ),
            "hf_id": one_of(HF_IDS),
            "nr": count(),
            "text": text(),
            "erlaeuterung": text(required=False),
        },
        unique=["ziel_id"],
    ),
    "leitlinien": sourced(
        {"nr": count(), "leitlinie": text(), "erlaeuterung": text()}, unique=["nr"]
    ),
    "dimensionen": sourced(
        {"nr": count(), "dimension": text(), "beschreibung": text()}, unique=["nr"]
    ),
    "akteure": sourced(
        {
            "akteur_id": text(),
            "name": text(),
            "art": one_of(
                [
                    "Stelle",
                    "Behörde",
                    "Gremium",
                    "Netzwerk",
                    "Ehrenamt",
                    "Träger",
                    "Dienst",
                    "Kommune",
                    "Einrichtung",
                    "Fördermittelgeber",
                ]
            ),
            # Verbatim passages of the concept, " | "-separated; empty if it names none.
            "aufgaben": text(required=False),
            # Our reading (Zuordnung, Arbeitsstand) vs. what the document itself says.
            "handlungsfelder": hf_list(),
            "hf_laut_konzept": hf_list(),
            "gebiet": text(),
            "ags": ags(required=False),
            "anzahl": pa.Column(
                str, pa.Check.str_matches(r"^\d*$", error="ganze Zahl oder leer")
            ),
            "hinweis": text(required=False),
        },
        unique=["akteur_id"],
    ),
    "akteur_beziehungen": sourced(
        {
            "von": text(),
            "beziehung": one_of(
                [
                    "koordiniert",
                    "organisiert",
                    "kooperiert mit",
                    "Mitglied von",
                    "angesiedelt bei",
                    "beauftragt",
                    "betreibt",
                    "finanziert",
                    "beschäftigt",
                    "soll nutzen",
                    "soll sensibilisieren",
                ]
            ),
            "zu": text(),
            # The passage that states the relation, verbatim (" | "-separated).
            "fundstelle": text(),
        },
        unique=["von", "beziehung", "zu"],
    ),
    "angebote": sourced(
        {
            "angebot_id": text(),
            "name": text(),
            "art": text(),
            "traeger": text(),
            "adresse": text(required=False),
            "ags": ags(required=False),
            "lage_genauigkeit": one_of(LAGE),
            "status": one_of(["in Betrieb", "im Aufbau", "geschlossen", "unbekannt"]),
            "zeitraum": text(),
            "hinweis": text(required=False),
        },
        unique=["angebot_id"],
    ),
    "kennzahlen": sourced(
        {
            "kennzahl_id": text(),
            "bezeichnung": text(),
            "wert": pa.Column(float, coerce=True),
            "einheit": text(),
            "bezug": text(),
            "fundstelle": text(),
        },
        unique=["kennzahl_id"],
    ),
    "indikatoren": sourced(
        {
            "indikator_id": text(),
            "ziel_id": text(),
            "name": text(),
            "einheit": text(),
            "richtung": one_of(["steigen", "sinken", "keine"]),
            "basis_wert": pa.Column(float, coerce=True),
            "basis_datum": pa.Column(
                str, pa.Check.str_matches(STAND, error="Datum als JJJJ-MM-TT")
            ),
            "ziel_wert": pa.Column(float, nullable=True, coerce=True),
            "ziel_datum": pa.Column(
                str,
                pa.Check.str_matches(
                    f"({STAND})|^$", error="Datum als JJJJ-MM-TT oder leer"
                ),
            ),
        },
        unique=["indikator_id"],
    ),
    # Beschlüsse (issue 10): decisions the concept names; ``ziele`` only where the
    # document links a decision to goals, else ``bezug`` says what it concerns.
    "beschluesse": sourced(
        {
            "beschluss_id": text(),
            "datum": pa.Column(
                str,
                pa.Check.str_matches(
                    r"^\d{4}-\d{2}-\d{2}$", error="Datum als JJJJ-MM-TT"
                ),
            ),
            "gremium": one_of(GREMIEN),
            "nummer": text(required=False),
            "text": text(),
            "ziele": pa.Column(
                str,
                pa.Check.str_matches(
                    f"^({GOAL_ID}( {GOAL_ID})*)?$",
                    error="Ziel-IDs wie „Z-4.2-1“ oder leer",
                ),
            ),
            "bezug": text(required=False),
            # The passages that state the decision, verbatim (" | "-separated).
            "fundstelle": text(),
        },
        unique=["beschluss_id"],
    ),
    "einwohner": sourced(
        {"ags": ags(), "gemeinde": text(), "einwohner": count()}, unique=["ags"]
    ),
    "sozialraeume": sourced(
        {
            "ags": ags(),
            "gemeinde": text(),
            "sozialraum": one_of(SOZIALRAEUME),
            "altkreis": one_of(["Meißen", "Riesa-Großenhain"]),
            "status": text(),
        },
        unique=["ags"],
    ),
}
