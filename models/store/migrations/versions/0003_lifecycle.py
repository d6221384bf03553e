"""The certificate lifecycle: signer and signed content, ready for signing, revocation,
"created from" relations, and deliveries to recipients.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signed_by_id", sa.String(length=31), nullable=True))
        batch_op.add_column(sa.Column("signed_json", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("content_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("ready_for_signing_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("revoke_reason", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("revoke_message", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("created_from_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_certificates_signed_by_id_staff"), "staff", ["signed_by_id"], ["hsa_id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_certificates_created_from_id_certificates"),
            "certificates",
            ["created_from_id"],
            ["id"],
        )

    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certificate_id", sa.String(length=36), nullable=False),
        sa.Column("recipient", sa.String(length=20), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("sent_by_id", sa.String(length=31), nullable=False),
        sa.Column("patient_consent", sa.Boolean(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("revocation_notified_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificates.id"],
            name=op.f("fk_deliveries_certificate_id_certificates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sent_by_id"], ["staff.hsa_id"], name=op.f("fk_deliveries_sent_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deliveries_certificate_id"), ["certificate_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deliveries_certificate_id"))
    op.drop_table("deliveries")
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_certificates_created_from_id_certificates"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_certificates_signed_by_id_staff"), type_="foreignkey"
        )
        batch_op.drop_column("created_from_id")
        batch_op.drop_column("revoke_message")
        batch_op.drop_column("revoke_reason")
        batch_op.drop_column("ready_for_signing_at")
        batch_op.drop_column("content_hash")
        batch_op.drop_column("signed_json")
        batch_op.drop_column("signed_by_id")
