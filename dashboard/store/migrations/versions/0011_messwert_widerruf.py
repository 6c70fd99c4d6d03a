"""Withdrawal of a Messwert entered by hand (append-only)

Revision ID: 0011_messwert_widerruf
Revises: 0010_beschluesse
Create Date: 2026-11-26 21:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_messwert_widerruf"
down_revision = "0010_beschluesse"
branch_labels = None
depends_on = None

TABLE = "messwert_widerruf"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("eintrag_id", sa.Integer(), nullable=False),
        sa.Column("grund", sa.Text(), nullable=False),
        sa.Column("benutzer", sa.String(length=64), nullable=False),
        sa.Column("zeit", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["eintrag_id"], ["messwert_eintrag.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("eintrag_id"),
    )
    # refuse UPDATE and DELETE at the database level (SQLite, PostgreSQL)
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
    op.drop_table(TABLE)
