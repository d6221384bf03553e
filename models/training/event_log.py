"""The instructor's händelselogg: the training database's latest status events and PDL entries.

An instructor shows a course what happened behind the screens: each certificate's status events
(the notifications Webcert sends the EHR, WORKFLOW.md §8.5, plus the internal ones such as LAST)
and the access log patientdatalagen requires (§8.4), merged into one list, newest first. Each
row says when (Swedish local time), which log, who (name, role and unit), the patient, the
certificate type and, in Swedish, what happened. Read-only: nothing here writes.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from models.clock import local_text
from models.definitions.schema import Definition
from models.errors import NotFoundError
from models.recipients.authorities import authority
from models.reference.patient_id import formatted_person_id
from models.roles import resolve_role
from models.store.engine import Store
from models.store.schema import AuditEntry, CareUnit, Certificate, CertificateEvent, Patient, Staff

#: How many rows the window reads unless told otherwise.
DEFAULT_LIMIT = 300
STATUS = "Status"
PDL = "PDL"
FK_NAME = "Försäkringskassan"
SYSTEM = "Systemet"
#: Status events no member of staff causes: the recipient's messages.
_FROM_RECIPIENT = frozenset({"NYFRFM", "NYSVFM"})

#: The status events in words (WORKFLOW.md §8.5 and the internal event log).
EVENT_TEXTS = {
    "SKAPAT": "Utkast skapat",
    "ANDRAT": "Utkast ändrat",
    "KFSIGN": "Utkast markerat klart för signering",
    "ANSVARIG": "Signeringsansvarig vald",
    "SIGNAT": "Intyget signerat",
    "SKICKA": "Intyget skickat",
    "MAKULE": "Intyget makulerat",
    "RADERA": "Utkast raderat",
    "LAST": "Utkastet låst",
    "NYFRFM": "Ny fråga från mottagaren",
    "NYSVFM": "Nytt svar från mottagaren",
    "NYFRFV": "Ny fråga från vården",
    "HANFRFM": "Fråga från mottagaren hanterad",
    "HANFRFV": "Fråga från vården hanterad",
    "ERSATTER": "Ersättande utkast skapat",
    "KOMPLETTERAR": "Kompletterande utkast skapat",
    "FORLANGER": "Förnyande utkast skapat",
    "KOPIERATFRAN": "Utkast kopierat från ett låst utkast",
    "SKAPATFRAN": "Utkast skapat från ett annat intyg",
    "RELINTYGMAKULE": "Relaterat intyg makulerat",
}
#: A PDL read without a certificate is the journal being opened.
JOURNAL_READ = "Journalen öppnad"
#: Status events whose note says in full what happened (the name would only repeat it).
_NOTE_SAYS_IT = frozenset({"LAST", "ANSVARIG", "NYFRFM", "NYSVFM", "NYFRFV"})
#: A question handled or reopened: the note says how ("Besvarad: Kontakt") but not of what.
_QUESTION_HANDLED = frozenset({"HANFRFM", "HANFRFV"})
_QUESTION_STATES = ("Besvarad", "Markerad", "Hanterad")
#: A derived draft's note names the certificate it came from, with its id at the end.
_TRAILING_ID = re.compile(r" \([^()]+\)$")
#: Webcert's PDL argument for a sending names the recipient by its code (FKASSA).
_RECIPIENT_CODE = re.compile(r"till mottagare (\w+)")


class LogFilter(enum.Enum):
    """Which of the two logs to list."""

    ALL = "Alla"
    STATUS = "Statushändelser"
    PDL = "PDL"


@dataclass(frozen=True)
class LogEntry:
    """One row of the händelselogg."""

    at: dt.datetime
    kind: str  # STATUS or PDL
    code: str  # the event code (SKAPAT …) or the PDL activity (Läsa …)
    who: str
    patient: str  # the formatted identity number; "" if the entry names no patient
    protected_identity: bool
    certificate_type: str  # the form's short name (FK7804); "" if none or deleted
    certificate_name: str
    what: str

    @property
    def time(self) -> str:
        """When, in Swedish local time ("2026-11-27 09:30")."""
        return local_text(self.at)


Actor = aliased(Staff)


class EventLog:
    """Reads the latest status events and PDL entries."""

    def __init__(self, store: Store, definitions: Mapping[str, Definition]) -> None:
        self._store = store
        self._definitions = definitions

    def latest(self, limit: int = DEFAULT_LIMIT, show: LogFilter = LogFilter.ALL) -> list[LogEntry]:
        """The newest ``limit`` entries of the chosen log(s), newest first."""
        entries: list[LogEntry] = []
        with self._store.failures_reported(), self._store.engine.connect() as connection:
            if show is not LogFilter.PDL:
                rows = connection.execute(_status_query().limit(limit)).all()
                entries += [self._status(row) for row in rows]
            if show is not LogFilter.STATUS:
                rows = connection.execute(_pdl_query().limit(limit)).all()
                entries += [self._pdl(row) for row in rows]
        # Stable: at the same instant the status event stays before the PDL entry it came with.
        entries.sort(key=lambda entry: entry.at, reverse=True)
        return entries[:limit]

    def _status(self, r: Any) -> LogEntry:
        kind = r.kind
        if r.given_name is not None:
            who = _who(r)
        else:
            who = FK_NAME if kind in _FROM_RECIPIENT else SYSTEM
        return LogEntry(
            at=r.at,  # aware: UtcDateTime gives UTC back
            kind=STATUS,
            code=kind,
            who=who,
            patient=_formatted(r.person_id),
            protected_identity=bool(r.protected_identity),
            certificate_type=self._form(r.type_code),
            certificate_name=self._name(r.type_code),
            what=status_text(kind, r.note or ""),
        )

    def _pdl(self, r: Any) -> LogEntry:
        details = r.details or ""
        if not details and r.certificate_id is None and r.action == "Läsa":
            details = JOURNAL_READ
        return LogEntry(
            at=r.at,  # aware: UtcDateTime gives UTC back
            kind=PDL,
            code=r.action,
            who=_who(r),
            patient=_formatted(r.person_id),
            protected_identity=bool(r.protected_identity),
            certificate_type=self._form(r.type_code),
            certificate_name=self._name(r.type_code),
            what=f"{r.action} – {_recipient_named(details)}" if details else r.action,
        )

    def _form(self, type_code: str | None) -> str:
        if type_code is None:
            return ""
        definition = self._definitions.get(type_code)
        return definition.form if definition else type_code

    def _name(self, type_code: str | None) -> str:
        if type_code is None:
            return ""
        definition = self._definitions.get(type_code)
        return definition.name if definition else type_code


def status_text(kind: str, note: str) -> str:
    """A status event in words: its name, and what its note adds, without saying it twice
    ("Intyget skickat till Försäkringskassan", not "Intyget skickat: Skickat till …")."""
    label = EVENT_TEXTS.get(kind, kind)
    note = _TRAILING_ID.sub("", note.strip())
    if not note or note.lower() in label.lower():
        return label
    if kind in _NOTE_SAYS_IT:
        return note
    if kind == "SKICKA" and note.startswith("Skickat "):
        return f"Intyget {_lower_first(note)}"
    if kind in _QUESTION_HANDLED:
        return f"Fråga {_lower_first(note)}" if note.startswith(_QUESTION_STATES) else note
    return f"{label}: {note}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _recipient_named(details: str) -> str:
    """ "Intyg skickat till mottagare FKASSA" → "Intyg skickat till Försäkringskassan"."""

    def named(match: re.Match[str]) -> str:
        try:
            return f"till {authority(match.group(1)).name}"
        except NotFoundError:
            return match.group(0)

    return _RECIPIENT_CODE.sub(named, details)


_WHO = (
    Actor.given_name,
    Actor.family_name,
    Actor.legitimerad_yrkesgrupp,
    Actor.befattningskod,
    Actor.forskrivarkod,
    CareUnit.name.label("unit_name"),
)


def _status_query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            CertificateEvent.at,
            CertificateEvent.kind,
            CertificateEvent.note,
            *_WHO,
            Patient.person_id,
            Patient.protected_identity,
            Certificate.type_code,
        )
        .join(Certificate, Certificate.id == CertificateEvent.certificate_id)
        .join(Patient, Patient.id == Certificate.patient_id)
        .join(CareUnit, CareUnit.hsa_id == Certificate.unit_id)
        .outerjoin(Actor, Actor.hsa_id == CertificateEvent.actor_id)
        .order_by(CertificateEvent.at.desc(), CertificateEvent.id.desc())
    )


def _pdl_query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            AuditEntry.at,
            AuditEntry.action,
            AuditEntry.details,
            AuditEntry.certificate_id,
            *_WHO,
            Patient.person_id,
            Patient.protected_identity,
            Certificate.type_code,
        )
        .join(Actor, Actor.hsa_id == AuditEntry.staff_id)
        .join(CareUnit, CareUnit.hsa_id == AuditEntry.unit_id)
        .outerjoin(Patient, Patient.id == AuditEntry.patient_id)
        # A deleted draft's entries remain; its type is then unknown.
        .outerjoin(Certificate, Certificate.id == AuditEntry.certificate_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )


def _who(r: Any) -> str:
    role = resolve_role(r.legitimerad_yrkesgrupp, r.befattningskod, r.forskrivarkod)
    return f"{r.given_name} {r.family_name} ({role.value}, {r.unit_name})"


def _formatted(person_id: str | None) -> str:
    return formatted_person_id(person_id) if person_id else ""
