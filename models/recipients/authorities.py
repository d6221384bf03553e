"""The simulated recipients of certificates: four authorities and the employer.

The codes are the definitions' recipient codes (``definition.recipient.code``). The employer
receives nothing electronically: AG7804 and AG1-14 are printed and handed over by the patient.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from models.errors import NotFoundError

FK = "FKASSA"
TRANSP = "TRANSP"
SKV = "SKV"
SOS = "SOS"
EMPLOYER = "ARBETSGIVARE"


@dataclass(frozen=True)
class Authority:
    """A recipient; ``electronic`` is False for one that only gets printouts (the employer)."""

    code: str
    name: str
    electronic: bool


AUTHORITIES: Mapping[str, Authority] = MappingProxyType(
    {
        FK: Authority(FK, "Försäkringskassan", True),
        TRANSP: Authority(TRANSP, "Transportstyrelsen", True),
        SKV: Authority(SKV, "Skatteverket", True),
        SOS: Authority(SOS, "Socialstyrelsen", True),
        EMPLOYER: Authority(EMPLOYER, "Arbetsgivaren", False),
    }
)
#: Other spellings of a code (Webcert's short code for the employer).
_ALIASES = {"AG": EMPLOYER}


def authority(code: str) -> Authority:
    """The recipient with this code; NotFoundError for an unknown one."""
    found = AUTHORITIES.get(_ALIASES.get(code, code))
    if found is None:
        raise NotFoundError(f"Det finns ingen mottagare med koden {code}.")
    return found
