"""Tables of the store.

Bundled reference tables mirror the CSV schemas (``dashboard.data.schemas``); a test
checks that the alembic migrations produce exactly this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    true,
)

from dashboard.data.schemas import SCHEMAS

metadata = MetaData()

_TYPES = {"int64": Integer, "float64": Float}


def _reference_table(name: str) -> Table:
    schema = SCHEMAS[name]
    cols = [Column("zeile", Integer, primary_key=True, autoincrement=False)]
    for col_name, col in schema.columns.items():
        cols.append(
            Column(col_name, _TYPES.get(str(col.dtype), Text), nullable=col.nullable)
        )
    constraints = (
        [UniqueConstraint(*schema.unique, name=f"uq_{name}")] if schema.unique else []
    )
    return Table(name, metadata, *cols, *constraints)


REFERENCE = {name: _reference_table(name) for name in SCHEMAS}

datensatz = Table(
    "datensatz",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("zeilen", Integer, nullable=False),
    Column("geladen_am", DateTime(timezone=True), nullable=False),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("zeit", DateTime(timezone=True), nullable=False),
    Column("benutzer", String(64), nullable=False),
    Column("aktion", String(64), nullable=False),
    Column("tabelle", String(64), nullable=False),
    Column("details", Text, nullable=False),
)

benutzer = Table(
    "benutzer",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("passwort_hash", String(256), nullable=False),
    Column("rolle", String(32), nullable=False),
    Column("angelegt_am", DateTime(timezone=True), nullable=False),
    # Betrieb (issue 13): disabled users cannot log in; bumping the session version
    # invalidates every cookie issued before (logout, role change, disable, new password).
    Column("aktiv", Boolean, nullable=False, server_default=true()),
    Column("sitzung_version", Integer, nullable=False, server_default="1"),
)

# Failed logins per name in the current lock window (issue 13): one row per name,
# counted atomically before the password is checked, so parallel attempts cannot
# slip past the lock.
anmeldung_fehlversuch = Table(
    "anmeldung_fehlversuch",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("anzahl", Integer, nullable=False),
    Column("seit", DateTime(timezone=True), nullable=False),
)

# Imports of new school years by the Schulamt (issue: DaZ & Schulen). Rows are never
# deleted: a reverted import keeps its rows and is marked "zurückgenommen".
daz_import = Table(
    "daz_import",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("zeit", DateTime(timezone=True), nullable=False),
    Column("benutzer", String(64), nullable=False),
    Column("dateiname", String(256), nullable=False),
    Column("zeilen", Integer, nullable=False),
    Column("schuljahre", String(128), nullable=False),
    Column("status", String(32), nullable=False),
    Column("geaendert_von", String(64)),
    Column("geaendert_am", DateTime(timezone=True)),
)

daz_import_zeile = Table(
    "daz_import_zeile",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "import_id", Integer, ForeignKey("daz_import.id"), nullable=False, index=True
    ),
    Column("schuljahr", String(7), nullable=False),
    Column("ebene", String(16), nullable=False),
    Column("schule_id", Text, nullable=False),
    Column("phase", String(16), nullable=False),
    Column("schueler", Integer, nullable=False),
    Column("vka_klassen", Integer),
    Column("kapazitaetsreserve", Integer),
    Column("quelle", Text, nullable=False),
    Column("stand", String(10), nullable=False),
)


# Goal register (issue: Handlungsfelder & Ziele). Append-only: every change is a new
# row; the migration adds triggers that refuse UPDATE and DELETE on these tables.
ziel_version = Table(
    "ziel_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ziel_id", String(32), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("status", String(32), nullable=False),
    Column("verantwortlich", Text, nullable=False),
    Column("kommentar", Text, nullable=False),
    Column("massnahme", Text, nullable=False),
    Column("datum", String(10), nullable=False),
    Column("benutzer", String(64), nullable=False),
    Column("zeit", DateTime(timezone=True), nullable=False),
    # Owners (issue 10): JSON list of akteur_ids ("" before 0009: ``verantwortlich``
    # is then the only owner; since 0009 it repeats the first owner) and the Fachamt.
    Column("akteure", Text, nullable=False, server_default=""),
    Column("fachamt", Text, nullable=False, server_default=""),
    UniqueConstraint("ziel_id", "version", name="uq_ziel_version"),
)

messwert = Table(
    "messwert",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indikator_id", String(64), nullable=False, index=True),
    Column("ziel_version_id", Integer, ForeignKey("ziel_version.id"), nullable=False),
    Column("datum", String(10), nullable=False),
    Column("wert", Float, nullable=False),
    Column("quelle", Text, nullable=False),
)


# Monitoring cycle (issue 10): indicator catalogue and measured values. Definitions and
# values are append-only (a change is a new version / a later entry); imports of
# values keep their rows and are marked "zurückgenommen" when reverted.
indikator_version = Table(
    "indikator_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indikator_id", String(64), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("ziel_id", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("einheit", String(64), nullable=False),
    Column("richtung", String(16), nullable=False),
    Column("basis_wert", Float),
    Column("basis_datum", String(10), nullable=False),
    Column("ziel_wert", Float),
    Column("ziel_datum", String(10), nullable=False),
    Column("quelle", Text, nullable=False),
    Column("methode", Text, nullable=False),
    Column("aufschluesselung", String(16), nullable=False),
    Column("benutzer", String(64), nullable=False),
    Column("zeit", DateTime(timezone=True), nullable=False),
    UniqueConstraint("indikator_id", "version", name="uq_indikator_version"),
)

messwert_import = Table(
    "messwert_import",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("zeit", DateTime(timezone=True), nullable=False),
    Column("benutzer", String(64), nullable=False),
    Column("dateiname", String(256), nullable=False),
    Column("zeilen", Integer, nullable=False),
    Column("status", String(32), nullable=False),
    Column("geaendert_von", String(64)),
    Column("geaendert_am", DateTime(timezone=True)),
)

messwert_eintrag = Table(
    "messwert_eintrag",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("indikator_id", String(64), nullable=False, index=True),
    Column("datum", String(10), nullable=False),
    Column("gebiet", String(64), nullable=False),  # "" = Landkreis, else AGS/Sozialraum
    Column("wert", Float, nullable=False),
    Column("quelle", Text, nullable=False),
    Column("import_id", Integer, ForeignKey("messwert_import.id")),
    Column("benutzer", String(64), nullable=False),
    Column("zeit", DateTime(timezone=True), nullable=False),
)


# A Messwert entered by hand is withdrawn by a withdrawal record (append-only; the
# entry itself stays): it no longer counts (dashboard.current.measured_values).
messwert_widerruf = Table(
    "messwert_widerruf",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "eintrag_id",
        Integer,
        ForeignKey("messwert_eintrag.id"),
        nullable=False,
        unique=True,
    ),
    Column("grund", Text, nullable=False),
    Column("benutzer", String(64), nullable=False),
    Column("zeit", DateTime(timezone=True), nullable=False),
)

# Upkeep of actors, Angebote and relations (issue: Akteure & Angebote). Append-only:
# each save is a new version holding the whole record (JSON); the bundled file row
# is version 0. Ending sets status "beendet" with a date; nothing is deleted.
# Imports of the actor list (CSV/Excel): one row per upload; a revert appends
# versions that restore the state before and marks the import "zurückgenommen".
akteur_import = Table(
    "akteur_import",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("zeit", DateTime(timezone=True), nullable=False),
    Column("benutzer", String(64), nullable=False),
    Column("dateiname", String(256), nullable=False),
    Column("zeilen", Integer, nullable=False),
    Column("status", String(32), nullable=False),
    Column("geaendert_von", String(64)),
    Column("geaendert_am", DateTime(timezone=True)),
)

eintrag_version = Table(
    "eintrag_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("art", String(16), nullable=False),  # akteur | angebot | beziehung
    Column("schluessel", String(256), nullable=False),
    Column("version", Integer, nullable=False),
    Column("daten", Text, nullable=False),
    Column("grund", Text, nullable=False),
    Column("benutzer", String(64), nullable=False),
    Column("zeit", DateTime(timezone=True), nullable=False),
    Column("import_id", Integer, ForeignKey("akteur_import.id")),
    UniqueConstraint("art", "schluessel", "version", name="uq_eintrag_version"),
)

# Berichtsstände (issue 10): a closed reporting point freezes what every view shows at
# ``zeit``; append-only.
berichtsstand = Table(
    "berichtsstand",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("datum", String(10), nullable=False),
    Column("zeit", DateTime(timezone=True), nullable=False),
    Column("benutzer", String(64), nullable=False),
)

# Maßnahmen per goal (issue 10). Append-only: every save is a new version of the
# whole Maßnahme with who, when and why; the migration adds the triggers.
massnahme_version = Table(
    "massnahme_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("massnahme_id", String(32), nullable=False),
    Column("ziel_id", String(32), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("titel", Text, nullable=False),
    Column("status", String(32), nullable=False),
    Column("faellig", String(10), nullable=False),  # ISO day or ""
    Column("akteur", Text, nullable=False),  # akteur_id or ""
    Column("grund", Text, nullable=False),
    Column("benutzer", String(64), nullable=False),
    Column("zeit", DateTime(timezone=True), nullable=False),
    UniqueConstraint("massnahme_id", "version", name="uq_massnahme_version"),
)

# Beschlüsse (issue 10): decisions recorded in the app, append-only. A correction is a
# new version holding the whole record; a withdrawal is a version with status
# "zurückgezogen". The bundled file row (``beschluesse.csv``) counts as version 0.
beschluss_version = Table(
    "beschluss_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("beschluss_id", String(64), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("datum", String(10), nullable=False),
    Column("gremium", String(64), nullable=False),
    Column("nummer", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("ziele", Text, nullable=False),  # space-separated goal IDs
    Column("bezug", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("grund", Text, nullable=False),
    Column("benutzer", String(64), nullable=False),
    Column("zeit", DateTime(timezone=True), nullable=False),
    UniqueConstraint("beschluss_id", "version", name="uq_beschluss_version"),
)
