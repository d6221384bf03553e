"""The simulated recipients and Mina intyg: a delivery may come from the patient (no staff
sender, channel MINA_INTYG) and may reach the journal later than the recipient.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.alter_column("sent_by_id", existing_type=sa.String(length=31), nullable=True)
        batch_op.add_column(
            sa.Column("channel", sa.String(length=20), server_default="WEBCERT", nullable=False)
        )
        batch_op.add_column(sa.Column("journal_due_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("journal_at", sa.DateTime(), nullable=True))
        batch_op.create_index("ix_deliveries_recipient_sent", ["recipient", "sent_at"])
        batch_op.create_index("ix_deliveries_journal_pending", ["journal_at", "journal_due_at"])
    # Everything sent before this version was sent from Webcert and is in the journal already.
    op.execute("UPDATE deliveries SET journal_due_at = sent_at, journal_at = sent_at")


def downgrade() -> None:
    op.execute("DELETE FROM deliveries WHERE sent_by_id IS NULL")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_deliveries_journal_pending")
        batch_op.drop_index("ix_deliveries_recipient_sent")
        batch_op.drop_column("journal_at")
        batch_op.drop_column("journal_due_at")
        batch_op.drop_column("channel")
        batch_op.alter_column("sent_by_id", existing_type=sa.String(length=31), nullable=False)
