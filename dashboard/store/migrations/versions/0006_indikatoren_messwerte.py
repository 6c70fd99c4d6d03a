"""indicator catalogue (versioned), measured values and their imports

Revision ID: 0006_indikatoren_messwerte
Revises: 0005_benutzer_sitzung
Create Date: 2026-11-26 18:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_indikatoren_messwerte"
down_revision = "0005_benutzer_sitzung"
branch_labels = None
depends_on = None

APPEND_ONLY = ("indikator_version", "messwert_eintrag")


def upgrade() -> None:
    op.create_table(
        "indikator_version",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("indikator_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("ziel_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("einheit", sa.String(length=64), nullable=False),
        sa.Column("richtung", sa.String(length=16), nullable=False),
        sa.Column("basis_wert", sa.Float(), nullable=True),
        sa.Column("basis_datum", sa.String(length=10), nullable=False),
        sa.Column("ziel_wert", sa.Float(), nullable=True),
        sa.Column("ziel_datum", sa.String(length=10), nullable=False),
        sa.Column("quelle", sa.Text(), nullable=False),
        sa.Column("methode", sa.Text(), nullable=False),
        sa.Column("aufschluesselung", sa.String(length=16), nullable=False),
        sa.Column("benutzer", sa.String(length=64), nullable=False),
        sa.Column("zeit", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("indikator_id", "version", name="uq_indikator_version"),
    )
    with op.batch_alter_table("indikator_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indikator_version_indikator_id"),
            ["indikator_id"],
            unique=False,
        )
    op.create_table(
        "messwert_import",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("zeit", sa.DateTime(timezone=True), nullable=False),
        sa.Column("benutzer", sa.String(length=64), nullable=False),
        sa.Column("dateiname", sa.String(length=256), nullable=False),
        sa.Column("zeilen", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("geaendert_von", sa.String(length=64), nullable=True),
        sa.Column("geaendert_am", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "messwert_eintrag",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("indikator_id", sa.String(length=64), nullable=False),
        sa.Column("datum", sa.String(length=10), nullable=False),
        sa.Column("gebiet", sa.String(length=64), nullable=False),
        sa.Column("wert", sa.Float(), nullable=False),
        sa.Column("quelle", sa.Text(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("benutzer", sa.String(length=64), nullable=False),
        sa.Column("zeit", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["messwert_import.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("messwert_eintrag", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_messwert_eintrag_indikator_id"),
            ["indikator_id"],
            unique=False,
        )
    append_only_triggers(APPEND_ONLY)


def append_only_triggers(tables: tuple[str, ...]) -> None:
    """The tables refuse UPDATE and DELETE at the database level (SQLite, PostgreSQL)."""
    dialect = op.get_bind().dialect.name
    for table in tables:
        if dialect == "sqlite":
            for event in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} ist unveränderlich (nur Anfügen)'); END"
                )
        elif dialect == "postgresql":
            op.execute(
                "CREATE OR REPLACE FUNCTION im_append_only() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION '% ist unveränderlich (nur Anfügen)', TG_TABLE_NAME; END $$ LANGUAGE plpgsql"
            )
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION im_append_only()"
            )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in APPEND_ONLY:
        for name in (
            f"{table}_no_update",
            f"{table}_no_delete",
            f"{table}_append_only",
        ):
            op.execute(
                f"DROP TRIGGER IF EXISTS {name}" + ("" if sqlite else f" ON {table}")
            )
    op.drop_table("messwert_eintrag")
    op.drop_table("messwert_import")
    op.drop_table("indikator_version")
