"""Webcert's roles and how a staff member's role is resolved from HSA data."""

from __future__ import annotations

import enum

# Befattningskoder that make an unlicensed person a doctor in Webcert on their own.
_DOCTOR_TITLE_CODES = {"204010", "203020"}
# Befattningskod + gruppförskrivarkod pairs that make a doctor
# (EU / non-EU licence, locum, medical student).
_DOCTOR_GROUP_CODES = {
    ("203090", "9300005"),
    ("203090", "9400003"),
    ("204090", "9100009"),
    ("204090", "9200007"),
}


class Role(enum.StrEnum):
    """A Webcert role; the value is the label shown to users."""

    LAKARE = "Läkare"
    TANDLAKARE = "Tandläkare"
    SJUKSKOTERSKA = "Sjuksköterska"
    BARNMORSKA = "Barnmorska"
    VARDADMINISTRATOR = "Vårdadministratör"

    @property
    def may_sign(self) -> bool:
        """Only doctors and dentists sign, revoke and replace certificates."""
        return self in (Role.LAKARE, Role.TANDLAKARE)


def resolve_role(
    legitimerad_yrkesgrupp: str | None, befattningskod: str | None, forskrivarkod: str | None
) -> Role:
    """Resolve the role in Webcert's order: licence, title code, title + group code, fallback."""
    licence = (legitimerad_yrkesgrupp or "").strip().casefold()
    if licence == "läkare":
        return Role.LAKARE
    if licence == "tandläkare":
        return Role.TANDLAKARE
    if befattningskod in _DOCTOR_TITLE_CODES:
        return Role.LAKARE
    if (befattningskod, forskrivarkod) in _DOCTOR_GROUP_CODES:
        return Role.LAKARE
    if licence == "sjuksköterska":
        return Role.SJUKSKOTERSKA
    if licence == "barnmorska":
        return Role.BARNMORSKA
    return Role.VARDADMINISTRATOR
