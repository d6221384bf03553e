"""Columns the journal and work lists need: emptiness, sending and revocation, and indexes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("is_empty", sa.Boolean(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("sent_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("sent_to", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(), nullable=True))
        batch_op.create_index(
            "ix_certificates_unit_status_updated", ["unit_id", "status", "updated_at"], unique=False
        )
        batch_op.create_index(
            "ix_certificates_responsible_status",
            ["signing_responsible_id", "status", "updated_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.drop_index("ix_certificates_responsible_status")
        batch_op.drop_index("ix_certificates_unit_status_updated")
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("sent_to")
        batch_op.drop_column("sent_at")
        batch_op.drop_column("is_empty")
