"""FMB's sick-leave length warning (WORKFLOW.md §7.2), under the sick-leave periods.

Webcert adds the draft's periods to the patient's ongoing sick leave ("sjukfall") at the same
care unit and compares the total with the largest recommended maximum among the draft's
diagnoses. How we read the rule:

- **The ongoing sick leave** is built from the patient's signed, not revoked fk7804 (LISJP)
  certificates at the user's unit: the sick-leave register Webcert asks counts only FK's sick-pay
  certificates, not the employer's AG7804. Certificates whose periods lie at most five days apart
  join one sick leave; only the sick leave that the draft's own periods join (with the same
  five-day tolerance) is counted.
- **Days** are the calendar days covered by at least one period, counted inclusively; the gap
  days between certificates are not sick-leave days. Overlapping periods (a certificate and its
  replacement) count once.
- **One warning**, advisory: it never blocks signing. Without earlier certificates it speaks of
  the proposed period; with them, of the total.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from models.definitions.findings import Finding
from models.definitions.loader import shipped_definitions
from models.definitions.schema import Definition
from models.definitions.values import diagnosis_codes, period_spans
from models.reference.fmb import FmbCatalogue, format_days
from models.store.engine import Store
from models.store.schema import Certificate, CertificateStatus

#: Certificates whose periods are at most this many days apart belong to one sick leave.
MAX_GAP_DAYS = 5
#: The certificate types the sick-leave register is built from.
SICK_LEAVE_TYPES = ("fk7804",)

Period = tuple[dt.date, dt.date]

FMB_CODE = "fmb_length"
_ADVICE = "Ange en motivering för att underlätta Försäkringskassans handläggning."


@dataclass(frozen=True)
class FmbFields:
    """Where a definition keeps what the warning needs: its diagnoses and its periods."""

    diagnoses: str
    periods: str

    @classmethod
    def of(cls, definition: Definition) -> FmbFields | None:
        """The fields, or None when the type has no FMB support (no diagnoses or periods)."""
        diagnoses = periods = None
        for field in definition.fields():
            if field.kind == "diagnosis_list" and diagnoses is None:
                diagnoses = field.id
            elif field.kind == "sick_leave_periods" and periods is None:
                periods = field.id
        if diagnoses is None or periods is None:
            return None
        return cls(diagnoses, periods)


def periods_in(value: Any) -> list[Period]:
    """The complete, well-formed periods of a sick_leave_periods answer (others are the
    rules' business: they are left out here rather than guessed)."""
    return [(start, end) for start, end in period_spans(value) if start <= end]


def _merge(periods: Iterable[Period], gap: int) -> list[Period]:
    """Join periods that overlap or lie at most ``gap`` days apart."""
    merged: list[Period] = []
    for start, end in sorted(periods):
        if merged and (start - merged[-1][1]).days <= gap + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covered_days(periods: Iterable[Period]) -> int:
    return sum((end - start).days + 1 for start, end in _merge(periods, gap=0))


def sick_leave_days(own: Sequence[Period], earlier: Sequence[Period]) -> tuple[int, bool]:
    """The days of the sick leave the draft's periods belong to, and whether earlier
    certificates are part of it."""
    if not own:
        return 0, False
    spans = _merge([*own, *earlier], gap=MAX_GAP_DAYS)
    first, last = min(start for start, _ in own), max(end for _, end in own)
    span = next(s for s in spans if s[0] <= first and last <= s[1])
    joined = [p for p in earlier if p[1] >= span[0] and p[0] <= span[1]]
    own_days = _covered_days(own)
    total = _covered_days([*own, *joined])
    return total, total > own_days


def fmb_length_warning(
    fields: FmbFields,
    content: Mapping[str, Any],
    earlier: Sequence[Period],
    catalogue: FmbCatalogue,
) -> Finding | None:
    """The warning under the periods when the sick leave exceeds FMB's recommendation."""
    codes = diagnosis_codes(content.get(fields.diagnoses))
    own = periods_in(content.get(fields.periods))
    if not codes or not own:
        return None
    recommended = catalogue.max_sick_leave_for(codes)
    if recommended is None:
        return None
    code, max_days = recommended
    total, with_earlier = sick_leave_days(own, earlier)
    if total <= max_days:
        return None
    limit = f"FMB:s rekommendation på {max_days} dagar ({format_days(max_days)}) för diagnos {code}"
    if with_earlier:
        message = (
            f"Den totala sjukskrivningsperioden är {total} dagar och därmed längre än {limit}. "
            f"{_ADVICE} Den totala sjukskrivningsperioden baseras på patientens sammanhängande "
            "intyg på denna vårdenhet."
        )
    else:
        message = f"Den föreslagna sjukskrivningsperioden är längre än {limit}. {_ADVICE}"
    return Finding(fields.periods, "warning", message, FMB_CODE)


class SickLeaveHistory:
    """The patient's earlier sick leave, for the FMB warning in an opened draft."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def periods(self, patient_id: int, unit_id: str, exclude_id: str | None = None) -> list[Period]:
        return earlier_sick_leave(self._store, patient_id, unit_id, exclude_id)


def earlier_sick_leave(
    store: Store, patient_id: int, unit_id: str, exclude_id: str | None = None
) -> list[Period]:
    """The periods of the patient's signed, not revoked sick-pay certificates at the unit, in
    date order (whatever order the database returns the certificates in)."""
    query = select(Certificate.id, Certificate.type_code, Certificate.content).where(
        Certificate.patient_id == patient_id,
        Certificate.unit_id == unit_id,
        Certificate.status == CertificateStatus.SIGNED.value,
        Certificate.type_code.in_(SICK_LEAVE_TYPES),
    )
    definitions = shipped_definitions()
    periods: list[Period] = []
    with store.session() as session:
        for certificate_id, type_code, content in session.execute(query):
            definition = definitions.get(type_code)
            fields = None if definition is None else FmbFields.of(definition)
            if certificate_id == exclude_id or fields is None or not isinstance(content, Mapping):
                continue
            periods.extend(periods_in(content.get(fields.periods)))
    return sorted(periods)
