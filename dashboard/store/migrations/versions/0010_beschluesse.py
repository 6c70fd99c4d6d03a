"""Beschlüsse: bundled decisions (reference table) and decision versions (append-only)

Revision ID: 0010_beschluesse
Revises: 0009_ziel_massnahmen
Create Date: 2026-11-26 21:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_beschluesse"
down_revision = "0009_ziel_massnahmen"
branch_labels = None
depends_on = None

TABLE = "beschluss_version"


def upgrade() -> None:
    op.create_table(
        "beschluesse",
        sa.Column("zeile", sa.Integer(), autoincrement=False, nullable=False),
        *(
            sa.Column(name, sa.Text(), nullable=False)
            for name in (
                "beschluss_id",
                "datum",
                "gremium",
                "nummer",
                "text",
                "ziele",
                "bezug",
                "fundstelle",
                "quelle",
                "stand",
            )
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("zeile"),
        sa.UniqueConstraint("beschluss_id", name="uq_beschluesse"),
    )
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("beschluss_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("datum", sa.String(length=10), nullable=False),
        sa.Column("gremium", sa.String(length=64), nullable=False),
        sa.Column("nummer", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ziele", sa.Text(), nullable=False),
        sa.Column("bezug", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("grund", sa.Text(), nullable=False),
        sa.Column("benutzer", sa.String(length=64), nullable=False),
        sa.Column("zeit", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("beschluss_id", "version", name="uq_beschluss_version"),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_beschluss_version_beschluss_id"),
            ["beschluss_id"],
            unique=False,
        )
    _append_only(TABLE)


def _append_only(table: str) -> None:
    """Refuse UPDATE and DELETE at the database level (SQLite, PostgreSQL)."""
    dialect = op.get_bind().dialect.name
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
    for name in (f"{TABLE}_no_update", f"{TABLE}_no_delete", f"{TABLE}_append_only"):
        op.execute(
            f"DROP TRIGGER IF EXISTS {name}" + ("" if sqlite else f" ON {TABLE}")
        )
    op.drop_table(TABLE)
    op.drop_table("beschluesse")
