"""Grading checks on a certificate's answers: the main diagnosis, a sick-leave period, one
field's answer, and "no errors" by the validation engine.

Each takes the certificate an earlier ``certificate`` check found and returns the statement,
whether it holds, and in Swedish what is wrong when it does not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.definitions.engine import PatientFacts, ValidationContext, validate
from models.definitions.kind_checks import DiagnosisExists
from models.definitions.progress import missing_items
from models.definitions.schema import Definition, FieldDef
from models.definitions.values import diagnosis_codes, parse_date
from models.reference.patient_id import PatientIdKind
from models.reference.patient_id import parse as parse_patient_id
from models.training.check_spec import (
    AnswerCheck,
    DiagnosisCheck,
    NoErrorsCheck,
    SickLeaveCheck,
    and_list,
)
from models.training.grading_data import CertificateFacts
from models.training.grading_data import PatientFacts as StoredPatient

#: Whether the check holds, and if not, what is wrong (Swedish).
Verdict = tuple[bool, str]
#: At most this many errors are named in the explanation of a "no errors" check.
MAX_NAMED_ERRORS = 3


def _code(value: str) -> str:
    return value.replace(".", "").strip().upper()


def statement(
    check: DiagnosisCheck | SickLeaveCheck | AnswerCheck | NoErrorsCheck,
    definition: Definition,
    start: dt.date,
) -> str:
    """What the check asks for, as the panel lists it (the exercise's ``text`` if it has one)."""
    if check.text:
        return check.text
    if isinstance(check, DiagnosisCheck):
        return f"Huvuddiagnosen är {check.code}."
    if isinstance(check, SickLeaveCheck):
        first, last = _dates(check, start)
        origin = "övningens första dag" if check.from_day == 0 else first.isoformat()
        return (
            f"Arbetsförmågan är nedsatt med {_degree(check, definition)} i {check.days} dagar "
            f"från {origin} ({_span(first, last)})."
        )
    if isinstance(check, AnswerCheck):
        field = definition.field(check.field)
        name = check.label or field.label
        if check.contains is not None:
            return f"”{name}” omfattar {_shown(field, check.contains)}."
        return f"”{name}” är {_shown(field, check.equals)}."
    return "Intyget har inga fel: allt obligatoriskt är ifyllt."


def _periods_field(definition: Definition) -> FieldDef:
    return next(f for f in definition.fields() if f.kind == "sick_leave_periods")


def _degree(check: SickLeaveCheck, definition: Definition) -> str:
    labels = {o.code: o.label for o in _periods_field(definition).options}
    return labels.get(check.degree, check.degree)


def _dates(check: SickLeaveCheck, start: dt.date) -> tuple[dt.date, dt.date]:
    first = start + dt.timedelta(days=check.from_day)
    return first, first + dt.timedelta(days=check.days - 1)


def diagnosis(
    check: DiagnosisCheck, certificate: CertificateFacts, definition: Definition
) -> Verdict:
    field = next((f for f in definition.fields() if f.kind == "diagnosis_list"), None)
    codes = diagnosis_codes(certificate.content.get(field.id)) if field else []
    if not codes:
        return False, f"Ingen diagnos är angiven; huvuddiagnosen ska vara {check.code}."
    if _code(codes[0]) == _code(check.code):
        return True, ""
    return False, f"Huvuddiagnosen är {codes[0]}, men ska vara {check.code}."


def _span(first: dt.date, last: dt.date) -> str:
    return f"{first.isoformat()} – {last.isoformat()}"


def sick_leave(
    check: SickLeaveCheck, certificate: CertificateFacts, definition: Definition, start: dt.date
) -> Verdict:
    field = _periods_field(definition)
    labels = {option.code: option.label for option in field.options}
    label = labels.get(check.degree, check.degree)
    first, last = _dates(check, start)
    periods = certificate.content.get(field.id)
    periods = periods if isinstance(periods, dict) else {}
    period = periods.get(check.degree)
    if not isinstance(period, dict):
        return False, f"Intyget har ingen period där arbetsförmågan är nedsatt med {label}."
    given = parse_date(period.get("from")), parse_date(period.get("to"))
    if given != (first, last):
        shown = f"{period.get('from') or '?'} – {period.get('to') or '?'}"
        return (
            False,
            f"Perioden med {label} är {shown}, men ska vara {_span(first, last)} "
            f"({check.days} dagar).",
        )
    others = [str(labels.get(code, code)) for code in periods if code != check.degree]
    if check.only and others:
        return False, f"Intyget har också en period med {and_list(others)}; den ska inte vara med."
    return True, ""


def _shown(field: FieldDef, value: Any) -> str:
    """An answer as the form shows it: option labels, Ja/Nej, or the text."""
    labels = {option.code: option.label for option in field.options}
    if isinstance(value, bool):
        return labels.get(str(value).lower(), "Ja" if value else "Nej")
    if isinstance(value, str):
        return labels.get(value, value)
    if isinstance(value, list):
        return ", ".join(labels.get(str(item), str(item)) for item in value)
    return str(value)


def answer(check: AnswerCheck, certificate: CertificateFacts, definition: Definition) -> Verdict:
    field = definition.field(check.field)
    value = certificate.content.get(check.field)
    name = check.label or field.label
    if check.contains is not None:
        chosen = value if isinstance(value, list) else []
        absent = [code for code in check.contains if code not in chosen]
        if not absent:
            return True, ""
        return False, f"I ”{name}” saknas {_shown(field, absent)}."
    if value == check.equals:
        return True, ""
    if value is None:
        return (
            False,
            f"”{name}” är inte besvarad; svaret ska vara {_shown(field, check.equals)}.",
        )
    return (
        False,
        f"”{name}” är {_shown(field, value)}, men ska vara {_shown(field, check.equals)}.",
    )


def no_errors(
    certificate: CertificateFacts,
    definition: Definition,
    patient: StoredPatient | None,
    today: dt.date,
    diagnosis_exists: DiagnosisExists | None,
) -> Verdict:
    birth = None
    if patient is not None and patient.id_kind is not PatientIdKind.RESERVNUMMER:
        birth = parse_patient_id(patient.person_id, today).birth_date
    context = ValidationContext(
        today=today,
        patient=PatientFacts(birth, patient.date_of_death if patient else None),
        diagnosis_exists=diagnosis_exists,
    )
    missing = missing_items(definition, validate(definition, certificate.content, context))
    if not missing:
        return True, ""
    named = [f"{item.label.rstrip(':?')}: {item.message}" for item in missing[:MAX_NAMED_ERRORS]]
    more = len(missing) - len(named)
    tail = f" (och {more} till)" if more else ""
    count = "ett fel" if len(missing) == 1 else f"{len(missing)} fel"
    return False, f"Intyget har {count}: {'; '.join(named)}{tail}."
