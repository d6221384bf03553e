"""Grading a ``question`` check: was Försäkringskassan's question about the patient's
certificate answered (with a text, or with a new signed certificate), or handled?"""

from __future__ import annotations

from collections.abc import Mapping

from models.reference.patient_id import formatted_person_id
from models.store.questions import Direction, Subject
from models.training.check_spec import QuestionCheck
from models.training.grading_data import CertificateFacts, GradingData, QuestionFacts

Verdict = tuple[str, bool, str]

_OUTCOME = {
    "answered": "är besvarad",
    "answered_with_certificate": "är besvarad med ett nytt intyg",
    "handled": "är hanterad",
}


def _noun(subject: str) -> tuple[str, str]:
    """The question in a sentence, definite form: (capitalised, inside a sentence)."""
    if subject == Subject.KOMPLT:
        return "Kompletteringsbegäran", "kompletteringsbegäran"
    label = Subject(subject).label.lower()
    return f"Frågan om {label}", f"frågan om {label}"


def _holds(
    check: QuestionCheck,
    question: QuestionFacts,
    data: GradingData,
    bound: Mapping[str, CertificateFacts | None],
) -> str | None:
    """What is wrong with the question's outcome, or None if it is as asked."""
    noun = _noun(check.subject)[0]
    if not question.handled:
        if check.outcome == "handled":
            return f"{noun} är inte markerad som hanterad."
        return f"{noun} är inte besvarad: den är fortfarande ohanterad."
    if check.outcome == "handled":
        return None
    if check.outcome == "answered":
        if question.answer_text and question.answer_text.strip():
            return None
        return f"{noun} är markerad som hanterad men har inte besvarats med ett svar."
    answer = data.certificate(question.answered_by)
    if answer is None:
        if question.answer_text:
            return f"{noun} besvarades med ett meddelande, inte med ett nytt intyg."
        return f"{noun} är markerad som hanterad men har inte besvarats med ett nytt intyg."
    if check.answered_by is not None:
        wanted = bound.get(check.answered_by)
        if wanted is None or wanted.id != answer.id:
            return f"{noun} besvarades med ett annat intyg än det som efterfrågas ovan."
    if answer.status != "signed":
        return f"Intyget som besvarar {_noun(check.subject)[1]} är inte signerat."
    return None


def question(
    check: QuestionCheck, data: GradingData, bound: Mapping[str, CertificateFacts | None]
) -> Verdict:
    capital, _inside = _noun(check.subject)
    who = formatted_person_id(check.patient)
    text = check.text or (
        f"{capital} från Försäkringskassan om intyget för {who} {_OUTCOME[check.outcome]}."
    )
    found = [
        q
        for q in data.questions
        if q.person_id == check.patient
        and q.subject == check.subject
        and q.direction == Direction.FROM_FK
    ]
    if not found:
        return text, False, f"Det finns ingen {_inside} från Försäkringskassan om {who}."
    problems = [_holds(check, q, data, bound) for q in found]
    if any(problem is None for problem in problems):
        return text, True, ""
    return text, False, next(p for p in problems if p is not None)
