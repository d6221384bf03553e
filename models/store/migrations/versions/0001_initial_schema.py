"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Written by autogenerate against the first schema, then reviewed by hand.
    op.create_table(
        "care_providers",
        sa.Column("hsa_id", sa.String(length=31), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("hsa_id", name=op.f("pk_care_providers")),
    )
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.String(length=12), nullable=False),
        sa.Column(
            "id_kind",
            sa.Enum(
                "personnummer",
                "samordningsnummer",
                "reservnummer",
                name="patientidkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("given_name", sa.String(length=100), nullable=False),
        sa.Column("middle_name", sa.String(length=100), nullable=False),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("street_address", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=6), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("protected_identity", sa.Boolean(), nullable=False),
        sa.Column("date_of_death", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
        sa.UniqueConstraint("person_id", name=op.f("uq_patients_person_id")),
    )
    op.create_table(
        "staff",
        sa.Column("hsa_id", sa.String(length=31), nullable=False),
        sa.Column("given_name", sa.String(length=100), nullable=False),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("befattningskod", sa.String(length=6), nullable=True),
        sa.Column("legitimerad_yrkesgrupp", sa.String(length=60), nullable=True),
        sa.Column("forskrivarkod", sa.String(length=7), nullable=True),
        sa.Column("specialities", sa.String(length=200), nullable=False),
        sa.Column("has_vard_och_behandling", sa.Boolean(), nullable=False),
        sa.Column("may_use_webcert", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("hsa_id", name=op.f("pk_staff")),
    )
    op.create_table(
        "care_units",
        sa.Column("hsa_id", sa.String(length=31), nullable=False),
        sa.Column("care_provider_id", sa.String(length=31), nullable=False),
        sa.Column("parent_unit_id", sa.String(length=31), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("arbetsplatskod", sa.String(length=13), nullable=True),
        sa.Column("street_address", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=6), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["care_provider_id"],
            ["care_providers.hsa_id"],
            name=op.f("fk_care_units_care_provider_id_care_providers"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_unit_id"],
            ["care_units.hsa_id"],
            name=op.f("fk_care_units_parent_unit_id_care_units"),
        ),
        sa.PrimaryKeyConstraint("hsa_id", name=op.f("pk_care_units")),
    )
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.String(length=31), nullable=False),
        sa.Column("unit_id", sa.String(length=31), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("certificate_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_audit_entries_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.hsa_id"], name=op.f("fk_audit_entries_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["care_units.hsa_id"], name=op.f("fk_audit_entries_unit_id_care_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entries_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_entries_patient_id"), ["patient_id"], unique=False
        )

    op.create_table(
        "certificates",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("type_code", sa.String(length=20), nullable=False),
        sa.Column("type_version", sa.String(length=10), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.String(length=31), nullable=False),
        sa.Column("author_id", sa.String(length=31), nullable=False),
        sa.Column("signing_responsible_id", sa.String(length=31), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column(
            "content",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("replaces_id", sa.String(length=36), nullable=True),
        sa.Column("renews_id", sa.String(length=36), nullable=True),
        sa.Column("complements_id", sa.String(length=36), nullable=True),
        sa.Column("copied_from_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"], ["staff.hsa_id"], name=op.f("fk_certificates_author_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["complements_id"],
            ["certificates.id"],
            name=op.f("fk_certificates_complements_id_certificates"),
        ),
        sa.ForeignKeyConstraint(
            ["copied_from_id"],
            ["certificates.id"],
            name=op.f("fk_certificates_copied_from_id_certificates"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_certificates_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["renews_id"], ["certificates.id"], name=op.f("fk_certificates_renews_id_certificates")
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["certificates.id"],
            name=op.f("fk_certificates_replaces_id_certificates"),
        ),
        sa.ForeignKeyConstraint(
            ["signing_responsible_id"],
            ["staff.hsa_id"],
            name=op.f("fk_certificates_signing_responsible_id_staff"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["care_units.hsa_id"], name=op.f("fk_certificates_unit_id_care_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
    )
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_certificates_patient_id"), ["patient_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_certificates_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "staff_units",
        sa.Column("staff_id", sa.String(length=31), nullable=False),
        sa.Column("unit_id", sa.String(length=31), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.hsa_id"],
            name=op.f("fk_staff_units_staff_id_staff"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["care_units.hsa_id"],
            name=op.f("fk_staff_units_unit_id_care_units"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("staff_id", "unit_id", name=op.f("pk_staff_units")),
    )
    op.create_table(
        "certificate_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certificate_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("actor_id", sa.String(length=31), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["staff.hsa_id"], name=op.f("fk_certificate_events_actor_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificates.id"],
            name=op.f("fk_certificate_events_certificate_id_certificates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_events")),
    )
    with op.batch_alter_table("certificate_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_certificate_events_certificate_id"), ["certificate_id"], unique=False
        )


def downgrade() -> None:
    # Written by autogenerate against the first schema, then reviewed by hand.
    with op.batch_alter_table("certificate_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_events_certificate_id"))

    op.drop_table("certificate_events")
    op.drop_table("staff_units")
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificates_unit_id"))
        batch_op.drop_index(batch_op.f("ix_certificates_patient_id"))

    op.drop_table("certificates")
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entries_patient_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entries_at"))

    op.drop_table("audit_entries")
    op.drop_table("care_units")
    op.drop_table("staff")
    op.drop_table("patients")
    op.drop_table("care_providers")
