"""Care providers, care units and staff, as HSA describes them."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.store.base import Base

staff_units = Table(
    "staff_units",
    Base.metadata,
    Column("staff_id", ForeignKey("staff.hsa_id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("care_units.hsa_id", ondelete="CASCADE"), primary_key=True),
)


class CareProvider(Base):
    """A vårdgivare (region or private provider)."""

    __tablename__ = "care_providers"

    hsa_id: Mapped[str] = mapped_column(String(31), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))

    units: Mapped[list[CareUnit]] = relationship(back_populates="care_provider")


class CareUnit(Base):
    """A vårdenhet; certificates belong to the unit they were written at."""

    __tablename__ = "care_units"

    hsa_id: Mapped[str] = mapped_column(String(31), primary_key=True)
    care_provider_id: Mapped[str] = mapped_column(ForeignKey("care_providers.hsa_id"))
    parent_unit_id: Mapped[str | None] = mapped_column(ForeignKey("care_units.hsa_id"))
    name: Mapped[str] = mapped_column(String(200))
    # Arbetsplatskod: 6-13 digits issued by the region; Webcert requires one to create certificates.
    arbetsplatskod: Mapped[str | None] = mapped_column(String(13))
    street_address: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(6), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    care_provider: Mapped[CareProvider] = relationship(back_populates="units")
    staff: Mapped[list[Staff]] = relationship(secondary=staff_units, back_populates="units")


class Staff(Base):
    """A member of staff (medarbetare) as described by the HSA catalogue and TakeCare."""

    __tablename__ = "staff"

    hsa_id: Mapped[str] = mapped_column(String(31), primary_key=True)
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    befattningskod: Mapped[str | None] = mapped_column(String(6))
    # HSA legitimerad yrkesgrupp, e.g. "Läkare", "Tandläkare", "Sjuksköterska"; None if unlicensed.
    legitimerad_yrkesgrupp: Mapped[str | None] = mapped_column(String(60))
    forskrivarkod: Mapped[str | None] = mapped_column(String(7))
    specialities: Mapped[str] = mapped_column(String(200), default="")
    # Medarbetaruppdrag with purpose "Vård och behandling": required to log in to Webcert.
    has_vard_och_behandling: Mapped[bool] = mapped_column(Boolean, default=True)
    # TakeCare permission "Använda Webcert": required to create certificates from the journal.
    may_use_webcert: Mapped[bool] = mapped_column(Boolean, default=True)

    units: Mapped[list[CareUnit]] = relationship(secondary=staff_units, back_populates="staff")

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"
