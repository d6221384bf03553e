"""Staff and units as the login sees them, and the login itself (SITHS card + unit choice)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from models.audit import Actor
from models.errors import LoginError, NotFoundError
from models.reference.hsa import befattning_text
from models.roles import Role, resolve_role
from models.store.engine import Store
from models.store.schema import CareUnit, Staff
from models.text import swedish_key


@dataclass(frozen=True)
class UnitInfo:
    """A care unit as plain values."""

    hsa_id: str
    name: str
    care_provider_id: str
    care_provider_name: str
    arbetsplatskod: str | None
    street_address: str
    postal_code: str
    city: str
    phone: str
    active: bool


@dataclass(frozen=True)
class StaffInfo:
    """A staff member as plain values, with the role Webcert would give them."""

    hsa_id: str
    name: str
    title: str
    role: Role
    forskrivarkod: str | None
    has_vard_och_behandling: bool
    may_use_webcert: bool
    units: tuple[UnitInfo, ...]


@dataclass(frozen=True)
class UserContext:
    """The logged-in person at the chosen unit: the subject of every permission check."""

    staff: StaffInfo
    unit: UnitInfo

    @property
    def role(self) -> Role:
        return self.staff.role

    @property
    def actor(self) -> Actor:
        return Actor(self.staff.hsa_id, self.unit.hsa_id)


def _unit_info(unit: CareUnit) -> UnitInfo:
    return UnitInfo(
        hsa_id=unit.hsa_id,
        name=unit.name,
        care_provider_id=unit.care_provider.hsa_id,
        care_provider_name=unit.care_provider.name,
        arbetsplatskod=unit.arbetsplatskod,
        street_address=unit.street_address,
        postal_code=unit.postal_code,
        city=unit.city,
        phone=unit.phone,
        active=unit.active,
    )


class StaffDirectory:
    """Reads staff and units (the simulated HSA catalogue) and logs people in."""

    def __init__(self, store: Store, befattningar: Path) -> None:
        self._store = store
        self._befattningar = befattningar

    def _info(self, staff: Staff) -> StaffInfo:
        return StaffInfo(
            hsa_id=staff.hsa_id,
            name=staff.full_name,
            title=befattning_text(staff.befattningskod, self._befattningar),
            role=resolve_role(
                staff.legitimerad_yrkesgrupp, staff.befattningskod, staff.forskrivarkod
            ),
            forskrivarkod=staff.forskrivarkod,
            has_vard_och_behandling=staff.has_vard_och_behandling,
            may_use_webcert=staff.may_use_webcert,
            units=tuple(_unit_info(u) for u in sorted(staff.units, key=lambda unit: unit.name)),
        )

    def list_staff(self) -> list[StaffInfo]:
        """Everyone who holds a card, sorted by family name."""
        with self._store.session() as session:
            staff = session.scalars(
                select(Staff).options(
                    selectinload(Staff.units).selectinload(CareUnit.care_provider)
                )
            ).all()
            # Sorted here, not in SQL: database collations differ on Å, Ä and Ö.
            staff = sorted(
                staff, key=lambda s: (swedish_key(s.family_name), swedish_key(s.given_name))
            )
            return [self._info(s) for s in staff]

    def get(self, staff_id: str) -> StaffInfo:
        with self._store.session() as session:
            staff = session.get(Staff, staff_id.strip())
            if staff is None:
                raise NotFoundError(f"Det finns ingen användare med HSA-id ”{staff_id}”.")
            return self._info(staff)

    def login(self, staff_id: str, unit_id: str | None = None) -> UserContext:
        """Log in at a unit; with one unit only, ``unit_id`` may be left out."""
        staff = self.get(staff_id)
        if not staff.has_vard_och_behandling:
            raise LoginError(
                f"{staff.name} saknar medarbetaruppdrag med syftet ”Vård och behandling” "
                "och kan därför inte logga in i Webcert."
            )
        if not staff.units:
            raise LoginError(f"{staff.name} är inte knuten till någon vårdenhet.")
        if unit_id is None:
            if len(staff.units) > 1:
                raise LoginError(f"{staff.name} arbetar på flera vårdenheter; välj en.")
            return UserContext(staff, staff.units[0])
        for unit in staff.units:
            if unit.hsa_id == unit_id.strip():
                return UserContext(staff, unit)
        with self._store.session() as session:
            exists = session.get(CareUnit, unit_id.strip()) is not None
        if not exists:
            raise NotFoundError(f"Det finns ingen vårdenhet med HSA-id ”{unit_id}”.")
        raise LoginError(f"{staff.name} har inget uppdrag på vårdenheten ”{unit_id}”.")
