"""Owners (several actors, Fachamt) and Maßnahmen per goal (append-only)

Revision ID: 0009_ziel_massnahmen
Revises: 0008_berichtsstaende
Create Date: 2026-11-26 21:40:00

Existing goal versions are not rewritten (they are append-only): a version without
``akteure`` has ``verantwortlich`` as its only owner (``measure_rules.owners``), and
its free-text ``massnahme`` stays in the goal history.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_ziel_massnahmen"
down_revision = "0008_berichtsstaende"
branch_labels = None
depends_on = None

TABLE = "massnahme_version"


def upgrade() -> None:
    # plain ALTER TABLE (no batch copy): the append-only triggers of ziel_version stay
    op.add_column(
        "ziel_version",
        sa.Column("akteure", sa.Text(), server_default="", nullable=False),
    )
    op.add_column(
        "ziel_version",
        sa.Column("fachamt", sa.Text(), server_default="", nullable=False),
    )
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("massnahme_id", sa.String(length=32), nullable=False),
        sa.Column("ziel_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("titel", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("faellig", sa.String(length=10), nullable=False),
        sa.Column("akteur", sa.Text(), nullable=False),
        sa.Column("grund", sa.Text(), nullable=False),
        sa.Column("benutzer", sa.String(length=64), nullable=False),
        sa.Column("zeit", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("massnahme_id", "version", name="uq_massnahme_version"),
    )
    op.create_index(f"ix_{TABLE}_ziel_id", TABLE, ["ziel_id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {TABLE}_no_{event.lower()} BEFORE {event} ON {TABLE} "
                f"BEGIN SELECT RAISE(ABORT, '{TABLE} ist unveränderlich (nur Anfügen)'); END"
            )
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION im_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION '% ist unveränderlich (nur Anfügen)', TG_TABLE_NAME; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION im_append_only()"
        )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name in (f"{TABLE}_no_update", f"{TABLE}_no_delete", f"{TABLE}_append_only"):
        op.execute(
            f"DROP TRIGGER IF EXISTS {name}" + ("" if sqlite else f" ON {TABLE}")
        )
    op.drop_index(f"ix_{TABLE}_ziel_id", table_name=TABLE)
    op.drop_table(TABLE)
    op.drop_column("ziel_version", "fachamt")
    op.drop_column("ziel_version", "akteure")
