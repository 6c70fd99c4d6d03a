"""users: active flag and session version; login failure counters

Revision ID: 0005_benutzer_sitzung
Revises: 0004_akteure_fundstellen
Create Date: 2026-11-26 18:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_benutzer_sitzung"
down_revision = "0004_akteure_fundstellen"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("benutzer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("aktiv", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(
            sa.Column(
                "sitzung_version", sa.Integer(), nullable=False, server_default="1"
            )
        )
    op.create_table(
        "anmeldung_fehlversuch",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("anzahl", sa.Integer(), nullable=False),
        sa.Column("seit", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("anmeldung_fehlversuch")
    with op.batch_alter_table("benutzer", schema=None) as batch_op:
        batch_op.drop_column("sitzung_version")
        batch_op.drop_column("aktiv")
