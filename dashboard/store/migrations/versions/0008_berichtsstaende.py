"""Berichtsstände: closed reporting points (append-only)

Revision ID: 0008_berichtsstaende
Revises: 0007_akteure_versions
Create Date: 2026-11-26 18:35:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_berichtsstaende"
down_revision = "0007_akteure_versions"
branch_labels = None
depends_on = None


def _append_only(table: str) -> None:
    """Refuse UPDATE and DELETE at the database level (SQLite, PostgreSQL)."""
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} ist unveränderlich (nur Anfügen)'); END"
            )
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION im_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION '% ist unveränderlich (nur Anfügen)', TG_TABLE_NAME; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION im_append_only()"
        )


def upgrade() -> None:
    op.create_table(
        "berichtsstand",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("datum", sa.String(length=10), nullable=False),
        sa.Column("zeit", sa.DateTime(timezone=True), nullable=False),
        sa.Column("benutzer", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _append_only("berichtsstand")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name in (
        "berichtsstand_no_update",
        "berichtsstand_no_delete",
        "berichtsstand_append_only",
    ):
        op.execute(
            f"DROP TRIGGER IF EXISTS {name}" + ("" if sqlite else " ON berichtsstand")
        )
    op.drop_table("berichtsstand")
