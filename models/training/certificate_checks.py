"""Grading a ``certificate`` check: finding the certificate, and saying in Swedish what it
lacks.

Of the patient's certificates of the type (made during the exercise, unless the check says
otherwise), the one that meets most of the asked properties is chosen, newest first on a tie:
it passes if it meets them all, and it is what later checks (``of``) look at either way, so a
certificate that is right but unsent still has its diagnosis graded. The explanation names what
is missing, then what the closest certificate lacks: "Det finns inget signerat läkarintyg för
sjukpenning (FK 7804) för 19121212-1212 som är skickat till Försäkringskassan. Intyget som
finns är inte skickat till Försäkringskassan."
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from models.definitions.schema import Definition
from models.reference.patient_id import formatted_person_id
from models.roles import Role
from models.training.check_spec import CertificateCheck, and_list
from models.training.grading_data import CertificateFacts
from models.workflow.revoking import RevokeReason

_FORM = re.compile(r"^([A-Z]+)(\d+)$")
#: Type names that begin with a proper noun in the genitive: they keep their capital letter,
#: and take no article or adjective of their own ("ett signerat intyg av typen
#: Transportstyrelsens läkarintyg", not "ett signerat Transportstyrelsens läkarintyg").
_PROPER = ("Transportstyrelsens",)
_RELATION = {
    "renews": ("som förnyar", "förnyar inte"),
    "replaces": ("som ersätter", "ersätter inte"),
    "complements": ("som kompletterar", "kompletterar inte"),
    "copied_from": ("som är en kopia av", "är inte en kopia av"),
    "created_from": ("som är skapat från", "är inte skapat från"),
}
_RELATION_ANY = {
    "renews": "ett tidigare intyg",
    "replaces": "ett tidigare intyg",
    "complements": "ett tidigare intyg",
    "copied_from": "ett låst utkast",
    "created_from": "ett tidigare intyg",
}
_STATUS_LACK = {
    "draft": "är inte ett utkast som kan ändras",
    "locked_draft": "är inte ett låst utkast",
    "signed": "är inte signerat",
    "revoked": "är inte makulerat",
}
_REVOKE_LABELS = {reason.value: reason.label() for reason in RevokeReason}


def type_phrase(definition: Definition | None, code: str) -> str:
    """ "läkarintyg för sjukpenning (FK 7804)": the type's name inside a sentence."""
    if definition is None:
        return code
    name = definition.name
    if not name.startswith(_PROPER):
        name = name[0].lower() + name[1:]
    match = _FORM.match(definition.form)
    form = f"{match.group(1)} {match.group(2)}" if match else definition.form
    return f"{name} ({form})" if form.casefold() != name.casefold() else name


def _role(role: Role) -> str:
    return role.value.lower()


@dataclass(frozen=True)
class _Property:
    """One property a check asks for: the relative clause that describes it, the test, and
    what the closest certificate lacks when it fails."""

    clause: str
    holds: Callable[[CertificateFacts], bool]
    lack: Callable[[CertificateFacts], str]
    #: Whether a wrong status already says what this lacks (an unsigned draft has no signer
    #: and a certificate that is not revoked has no reason): then its lack is not repeated.
    follows_status: bool = False


@dataclass(frozen=True)
class CertificateVerdict:
    """The result of one certificate check, and the certificate later checks look at."""

    text: str
    passed: bool
    explanation: str
    found: CertificateFacts | None


class CertificateGrader:
    """Grades certificate checks against the data, with names bound by earlier checks."""

    def __init__(
        self,
        definitions: Mapping[str, Definition],
        certificates: tuple[CertificateFacts, ...],
        bound: Mapping[str, CertificateFacts | None],
    ) -> None:
        self._definitions = definitions
        self._certificates = certificates
        self._bound = bound

    def _name(self, code: str) -> str:
        return type_phrase(self._definitions.get(code), code)

    def _recipient(self, code: str) -> str:
        for definition in self._definitions.values():
            if definition.recipient.code == code:
                return definition.recipient.name
        return code

    def _properties(self, check: CertificateCheck) -> list[_Property]:
        found: list[_Property] = []
        if check.relation is not None:
            found.append(self._relation(check))
        if check.author_role is not None:
            role = check.author_role
            found.append(
                _Property(
                    f"som har skrivits av en {_role(role)}",
                    lambda c: c.author_role is role,
                    lambda c: (
                        f"skrevs inte av en {_role(role)}"
                        + (f" utan av en {_role(c.author_role)}" if c.author_role else "")
                    ),
                )
            )
        if check.marked_ready:
            found.append(
                _Property(
                    "som har markerats klart för signering",
                    lambda c: c.marked_ready,
                    lambda c: "har aldrig markerats klart för signering",
                )
            )
        if check.signer_role is not None:
            signer = check.signer_role
            found.append(
                _Property(
                    f"som har signerats av en {_role(signer)}",
                    lambda c: c.signer_role is signer,
                    lambda c: (
                        f"signerades av en {_role(c.signer_role)}, inte av en {_role(signer)}"
                        if c.signer_role
                        else f"har inte signerats av en {_role(signer)}"
                    ),
                    follows_status=True,
                )
            )
        if check.sent_to is not None or check.patient_consent:
            found.append(self._sent(check))
        if check.revoke_reason is not None:
            label = _REVOKE_LABELS[check.revoke_reason]
            found.append(
                _Property(
                    f"med anledningen ”{label}”",
                    lambda c: c.revoke_reason == check.revoke_reason,
                    lambda c: (
                        f"makulerades med anledningen ”{_REVOKE_LABELS[c.revoke_reason]}”"
                        if c.revoke_reason in _REVOKE_LABELS
                        else "makulerades inte med den anledningen"
                    ),
                    follows_status=True,
                )
            )
        return found

    def _sent(self, check: CertificateCheck) -> _Property:
        """Sent to the recipient, with the patient's consent if asked: one clause, so that the
        explanation says "inte skickat" once, or "utan patientens samtycke"."""
        to = f" till {self._recipient(check.sent_to)}" if check.sent_to else ""
        consent = bool(check.patient_consent)
        with_consent = " med patientens samtycke" if consent else ""

        def sent(c: CertificateFacts) -> bool:
            return check.sent_to in c.recipients if check.sent_to else bool(c.recipients)

        return _Property(
            f"som är skickat{to}{with_consent}",
            lambda c: sent(c) and (c.consent or not consent),
            lambda c: (
                f"är inte skickat{to}" if not sent(c) else "skickades utan patientens samtycke"
            ),
        )

    def _relation(self, check: CertificateCheck) -> _Property:
        assert check.relation is not None
        relation = check.relation
        positive, negative = _RELATION[relation]
        if check.parent is None:
            target = _RELATION_ANY[relation]
            return _Property(
                f"{positive} {target}",
                lambda c: relation in c.parents,
                lambda c: f"{negative} {target}",
            )
        parent = self._bound.get(check.parent)
        drafts = ("draft", "locked_draft")
        target = "utkastet ovan" if parent and parent.status in drafts else "intyget ovan"
        return _Property(
            f"{positive} {target}",
            lambda c: parent is not None and c.parents.get(relation) == parent.id,
            lambda c: f"{negative} {target}",
        )

    def _noun(self, check: CertificateCheck, *, negative: bool) -> str:
        """ "signerat läkarintyg för sjukpenning (FK 7804)", "utkast till dödsbevis (DB)"."""
        name = self._name(check.type)
        if name.startswith(_PROPER):
            name = f"intyg av typen {name}"
        article = "inget" if negative else "ett"
        if check.status == "draft":
            return f"{article} utkast till {name}"
        if check.status == "locked_draft":
            return f"{article} låst utkast till {name}"
        adjective = {"signed": "signerat ", "revoked": "makulerat "}.get(check.status or "", "")
        return f"{article} {adjective}{name}"

    def _phrase(
        self, check: CertificateCheck, properties: list[_Property], *, negative: bool
    ) -> str:
        clauses = [p.clause for p in properties]
        # "som A, B och C": the relative pronoun once.
        clauses[1:] = [c.removeprefix("som ") for c in clauses[1:]]
        said = and_list(clauses)
        base = f"{self._noun(check, negative=negative)} för {formatted_person_id(check.patient)}"
        return f"{base} {said}" if said else base

    def grade(self, check: CertificateCheck) -> CertificateVerdict:
        properties = self._properties(check)
        status = check.status
        if status is not None:
            properties.insert(
                0,
                _Property(
                    "",
                    lambda c: c.status == status,
                    lambda c: _status_lack(status, c.status),
                ),
            )
        shown = [p for p in properties if p.clause]
        text = check.text or f"Det finns {self._phrase(check, shown, negative=False)}."
        of_type = [
            c
            for c in self._certificates
            if c.type_code == check.type and c.person_id == check.patient
        ]
        candidates = [c for c in of_type if c.new or not check.new]
        if not candidates:
            explanation = f"Det finns {self._phrase(check, shown, negative=True)}."
            if of_type:
                which = "Intyget" if len(of_type) == 1 else "De intyg"
                explanation += f" {which} som finns fanns redan när övningen startade."
            return CertificateVerdict(text, False, explanation, None)
        best = max(
            candidates,
            key=lambda c: (sum(p.holds(c) for p in properties), c.created_at, c.id),
        )
        failed = [p for p in properties if not p.holds(best)]
        status_failed = status is not None and any(not p.clause for p in failed)
        lacking = [p.lack(best) for p in failed if not (p.follows_status and status_failed)]
        if not failed:
            return CertificateVerdict(text, True, "", best)
        subject = (
            "Utkastet som finns"
            if best.status in ("draft", "locked_draft")
            else ("Intyget som finns")
        )
        explanation = (
            f"Det finns {self._phrase(check, shown, negative=True)}. {subject} {and_list(lacking)}."
        )
        return CertificateVerdict(text, False, explanation, best)


def _status_lack(wanted: str, actual: str) -> str:
    if wanted == "signed" and actual == "revoked":
        return "är makulerat"
    return _STATUS_LACK[wanted]
