"""The condition language of an exercise's checks, as written in
``resources/training/exercises/*.json``.

A check is one condition on the data an exercise leaves behind, named by its ``kind``:

- ``certificate``: a certificate of ``type`` for ``patient`` (made during the exercise unless
  ``new`` is false) has every property asked for: ``status``, ``sent_to`` (a recipient code),
  ``patient_consent``, a ``relation`` (to the certificate bound as ``parent``, if given),
  ``author_role``, ``signer_role``, ``marked_ready``, ``revoke_reason``.
- ``diagnosis``: the main diagnosis of the certificate bound as ``of`` is ``code``.
- ``sick_leave``: ``of`` has a period of ``degree`` lasting ``days`` days from the exercise's
  start date plus ``from_day`` (``only``: and no other period).
- ``answer``: field ``field`` of ``of`` equals ``equals``, or holds every code in
  ``contains`` (``label``: a short name for the field, for a long label on the form).
- ``no_errors``: validating ``of`` finds no errors.
- ``question``: a question from Försäkringskassan with ``subject`` about ``patient``'s
  certificates has the ``outcome`` ``answered`` (with a text), ``answered_with_certificate``
  (by a new signed certificate; the one bound as ``answered_by``, if given) or ``handled``.

A ``certificate`` check binds the certificate it found (or came closest to) to the name in
``as``, so that later checks can say ``"of": "<name>"``. ``text`` replaces the statement the
grader generates. Personnummer are written as on the screen, ``19121212-1212``.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from models.roles import Role

#: The certificate states a check can ask for (a draft past its 14 days counts as locked).
Status = Literal["draft", "locked_draft", "signed", "revoked"]
#: The relations a new certificate can have to the one it was made from.
RelationName = Literal["renews", "replaces", "complements", "copied_from", "created_from"]
RevokeReasonCode = Literal["FEL_PATIENT", "ANNAT_ALLVARLIGT_FEL"]
Outcome = Literal["answered", "answered_with_certificate", "handled"]
QuestionSubject = Literal["KOMPLT", "AVSTMN", "KONTKT", "OVRIGT"]

_PERSON = re.compile(r"^(\d{8})-?(\d{4})$")


def person_digits(written: str) -> str:
    """ "19121212-1212" → "191212121212", the form the store keeps."""
    match = _PERSON.match(written.strip())
    if match is None:
        raise ValueError(f"personnumret {written!r} ska skrivas ÅÅÅÅMMDD-NNNN")
    return match.group(1) + match.group(2)


def and_list(parts: list[str]) -> str:
    """ "A", "A och B", "A, B och C": a list inside a Swedish sentence."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " och " + parts[-1]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class _Check(StrictModel):
    #: The statement shown in the panel; generated from the condition when not given.
    text: str | None = None


class _OnCertificate(_Check):
    #: The name a ``certificate`` check bound with ``as``.
    of: str


class CertificateCheck(_Check):
    """A certificate with the given properties exists."""

    kind: Literal["certificate"]
    bind: str | None = Field(default=None, alias="as")
    type: str
    patient: str
    new: bool = True
    status: Status | None = None
    sent_to: str | None = None
    patient_consent: bool | None = None
    relation: RelationName | None = None
    parent: str | None = None
    author_role: Role | None = None
    signer_role: Role | None = None
    marked_ready: bool | None = None
    revoke_reason: RevokeReasonCode | None = None

    @field_validator("patient")
    @classmethod
    def _person(cls, value: str) -> str:
        return person_digits(value)

    @model_validator(mode="after")
    def _parent_needs_relation(self) -> CertificateCheck:
        if self.parent is not None and self.relation is None:
            raise ValueError("parent kräver relation")
        return self


class DiagnosisCheck(_OnCertificate):
    """The main (first) diagnosis is ``code``."""

    kind: Literal["diagnosis"]
    code: str


class SickLeaveCheck(_OnCertificate):
    """A sick-leave period of ``degree`` lasting ``days`` days from the start date
    (+ ``from_day``)."""

    kind: Literal["sick_leave"]
    degree: str
    days: int = Field(ge=1)
    from_day: int = 0
    only: bool = False


class AnswerCheck(_OnCertificate):
    """A field's answer equals a value, or contains option codes."""

    kind: Literal["answer"]
    field: str
    #: What to call the field in the panel when its label on the form is long.
    label: str | None = None
    equals: Any = None
    contains: list[str] | None = None

    @model_validator(mode="after")
    def _one_condition(self) -> AnswerCheck:
        if (self.equals is None) == (self.contains is None):
            raise ValueError("ange antingen equals eller contains")
        return self


class NoErrorsCheck(_OnCertificate):
    """Validation finds no errors in the certificate."""

    kind: Literal["no_errors"]


class QuestionCheck(_Check):
    """A question from Försäkringskassan about the patient's certificate was dealt with."""

    kind: Literal["question"]
    patient: str
    subject: QuestionSubject
    outcome: Outcome
    answered_by: str | None = None

    @field_validator("patient")
    @classmethod
    def _person(cls, value: str) -> str:
        return person_digits(value)

    @model_validator(mode="after")
    def _answered_by_needs_certificate(self) -> QuestionCheck:
        if self.answered_by is not None and self.outcome != "answered_with_certificate":
            raise ValueError("answered_by kräver outcome answered_with_certificate")
        return self


Check = Annotated[
    CertificateCheck
    | DiagnosisCheck
    | SickLeaveCheck
    | AnswerCheck
    | NoErrorsCheck
    | QuestionCheck,
    Field(discriminator="kind"),
]
#: Every kind the language knows.
KINDS = ("certificate", "diagnosis", "sick_leave", "answer", "no_errors", "question")


def references(check: Check) -> list[str]:
    """The names of earlier certificate checks this check refers to."""
    if isinstance(check, CertificateCheck):
        return [check.parent] if check.parent else []
    if isinstance(check, QuestionCheck):
        return [check.answered_by] if check.answered_by else []
    return [check.of]
