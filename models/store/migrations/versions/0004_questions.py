"""Questions and answers with Försäkringskassan (ärendekommunikation).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LIST_COLUMNS = [
    "unit_id",
    "status",
    "certificate_id",
    "last_activity_at",
    "last_date_to_reply",
    "direction",
    "subject",
    "responsible_id",
    "patient_id",
]


def _staff(column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["staff.hsa_id"], name=op.f(f"fk_questions_{column}_staff")
    )


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("certificate_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=31), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("responsible_id", sa.String(length=31), nullable=True),
        sa.Column("type_code", sa.String(length=20), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("subject", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("author_id", sa.String(length=31), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("last_date_to_reply", sa.Date(), nullable=True),
        sa.Column(
            "complement_fields",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("reminder_of_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(), nullable=False),
        sa.Column("answer_text", sa.Text(), nullable=True),
        sa.Column("answer_author", sa.String(length=200), nullable=True),
        sa.Column("answer_author_id", sa.String(length=31), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("answered_by_certificate_id", sa.String(length=36), nullable=True),
        sa.Column("draft_text", sa.Text(), nullable=True),
        sa.Column("draft_version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("draft_saved_at", sa.DateTime(), nullable=True),
        sa.Column("draft_author_id", sa.String(length=31), nullable=True),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("handled_by", sa.String(length=200), nullable=True),
        sa.Column("handled_by_id", sa.String(length=31), nullable=True),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificates.id"],
            name=op.f("fk_questions_certificate_id_certificates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["answered_by_certificate_id"],
            ["certificates.id"],
            name=op.f("fk_questions_answered_by_certificate_id_certificates"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["care_units.hsa_id"], name=op.f("fk_questions_unit_id_care_units")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_questions_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["reminder_of_id"],
            ["questions.id"],
            name=op.f("fk_questions_reminder_of_id_questions"),
            ondelete="CASCADE",
        ),
        _staff("responsible_id"),
        _staff("author_id"),
        _staff("answer_author_id"),
        _staff("draft_author_id"),
        _staff("handled_by_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questions")),
    )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_questions_certificate_id"), ["certificate_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_questions_reminder_of_id"), ["reminder_of_id"], unique=False
        )
        batch_op.create_index("ix_questions_unit_list", _LIST_COLUMNS, unique=False)
        batch_op.create_index(
            "ix_questions_responsible_status", ["responsible_id", "status"], unique=False
        )
        batch_op.create_index("ix_questions_patient_status", ["patient_id", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_index("ix_questions_patient_status")
        batch_op.drop_index("ix_questions_responsible_status")
        batch_op.drop_index("ix_questions_unit_list")
        batch_op.drop_index(batch_op.f("ix_questions_reminder_of_id"))
        batch_op.drop_index(batch_op.f("ix_questions_certificate_id"))
    op.drop_table("questions")
