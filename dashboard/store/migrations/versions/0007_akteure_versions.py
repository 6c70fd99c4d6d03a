"""versions of actors, Angebote and relations (append-only), actor list imports

Revision ID: 0007_akteure_versions
Revises: 0006_indikatoren_messwerte
Create Date: 2026-11-26 18:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_akteure_versions"
down_revision = "0006_indikatoren_messwerte"
branch_labels = None
depends_on = None

TABLE = "eintrag_version"


def upgrade() -> None:
    op.create_table(
        "akteur_import",
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
        TABLE,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("art", sa.String(length=16), nullable=False),
        sa.Column("schluessel", sa.String(length=256), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("daten", sa.Text(), nullable=False),
        sa.Column("grund", sa.Text(), nullable=False),
        sa.Column("benutzer", sa.String(length=64), nullable=False),
        sa.Column("zeit", sa.DateTime(timezone=True), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["import_id"], ["akteur_import.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("art", "schluessel", "version", name="uq_eintrag_version"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {TABLE}_no_{event.lower()} BEFORE {event} ON {TABLE} "
                f"BEGIN SELECT RAISE(ABORT, '{TABLE} ist unveränderlich (nur Anfügen)'); END"
            )
    elif dialect == "postgresql":
        # im_append_only() comes from 0003; recreated here so this migration stands alone
        op.execute(
            "CREATE OR REPLACE FUNCTION im_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION '% ist unveränderlich (nur Anfügen)', TG_TABLE_NAME; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION im_append_only()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_{event}")
    elif dialect == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}")
    op.drop_table(TABLE)
    op.drop_table("akteur_import")
