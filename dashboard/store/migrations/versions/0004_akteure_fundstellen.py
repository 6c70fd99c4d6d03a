"""actors: Handlungsfelder laut Konzept, Hinweis; relations: verbatim Fundstelle

Revision ID: 0004_akteure_fundstellen
Revises: 0003
Create Date: 2026-11-26 18:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_akteure_fundstellen"
down_revision = "0003"
branch_labels = None
depends_on = None

# The new columns are NOT NULL without a default; the bundled files are re-read on
# the next start anyway (their checksums changed), so the old rows are dropped here.
NEW = {
    "akteure": ("hf_laut_konzept", "hinweis"),
    "akteur_beziehungen": ("fundstelle",),
}


def _recreate() -> str:
    # SQLite cannot add a NOT NULL column without default in place.
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    for table, columns in NEW.items():
        op.execute(sa.text(f"DELETE FROM {table}"))
        op.execute(sa.text("DELETE FROM datensatz WHERE name = :n").bindparams(n=table))
        with op.batch_alter_table(table, recreate=_recreate()) as batch:
            for column in columns:
                batch.add_column(sa.Column(column, sa.Text(), nullable=False))


def downgrade() -> None:
    for table, columns in NEW.items():
        op.execute(sa.text(f"DELETE FROM {table}"))
        op.execute(sa.text("DELETE FROM datensatz WHERE name = :n").bindparams(n=table))
        with op.batch_alter_table(table, recreate=_recreate()) as batch:
            for column in columns:
                batch.drop_column(column)
