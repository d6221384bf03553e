"""What Mina intyg (Intyg on 1177) shows the patient, as plain values, and its texts.

The service is ``mina_intyg.py``; the list and the certificate page are read in
``citizen_rows.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models.clock import local_text
from models.definitions.schema import Definition
from models.errors import NotAllowedError

MIN_AGE = 16
NEW_DAYS = 14

NEW = "Nytt"
SENT = "Skickat"
NOT_SENT = "Ej skickat"
REPLACED = "Ersatt"
#: The badges in the order the list shows them.
BADGES = (NEW, SENT, NOT_SENT, REPLACED)
#: The values of the status filter.
STATUSES = (SENT, NOT_SENT)

UNDER_AGE = "Du måste ha fyllt 16 år för att kunna använda Intyg."
DECEASED = "Personen är avliden och kan inte logga in i Intyg."
RESERVNUMMER = "Intyg kan bara användas med personnummer eller samordningsnummer."
NO_PERSON = "Det finns ingen person med det numret."
NOT_FOUND = "Intyget finns inte bland dina intyg."
PRINT_ONLY = (
    "Intyget kan inte skickas digitalt. Skriv ut det eller spara det som PDF och lämna det till "
    "din arbetsgivare."
)
REPLACED_NOTICE = "Detta intyg har ersatts av ett nytt intyg."
COMPLEMENTED_NOTICE = "Detta intyg har kompletterats med ett nytt intyg."
REPLACED_SEND = "Intyget har ersatts av ett nytt intyg och kan inte skickas."
COMPLEMENTED_SEND = "Intyget har kompletterats med ett nytt intyg och kan inte skickas."
REPLACED_PRINT = "Intyget har ersatts av ett nytt intyg och kan inte skrivas ut."
COMPLEMENTED_PRINT = "Intyget har kompletterats med ett nytt intyg och kan inte skrivas ut."
TAMPERED = "Intyget kan inte skickas just nu. Kontakta vårdenheten som har utfärdat intyget."
SENT_NOTE = "Skickat till {recipient} av patienten via Mina intyg"


def issued(unit: str) -> str:
    return f"Intyget utfärdades av {unit}"


def sent_to(recipient: str) -> str:
    return f"Skickat till {recipient}"


def already_sent(recipient: str, at: dt.datetime) -> str:
    return f"Intyget är redan skickat till {recipient} {local_text(at)}."


class UnderAgeError(NotAllowedError):
    """The patient is younger than 16: the portal's under-age page."""

    def __init__(self) -> None:
        super().__init__(UNDER_AGE)


class AlreadySentError(NotAllowedError):
    """Skicka intyg a second time: says to whom and when it was sent."""


@dataclass(frozen=True)
class CitizenOption:
    """A patient in the login picker (personnummer or samordningsnummer, not reservnummer);
    ``refusal`` says why one who may not log in cannot."""

    person_id: str
    name: str
    age: int
    may_log_in: bool
    refusal: str | None = None


@dataclass(frozen=True)
class Citizen:
    """The logged-in patient."""

    person_id: str
    name: str


@dataclass(frozen=True)
class CitizenRow:
    """One certificate in the patient's list."""

    certificate_id: str
    signed_at: dt.datetime
    type_code: str
    type_name: str
    form: str
    unit_name: str
    care_provider: str
    badges: tuple[str, ...]  # in BADGES order
    sent: bool
    replaced: bool
    # The recipient's name when sent (to whom Mina intyg shows it went).
    sent_to: str | None = None


@dataclass(frozen=True)
class CitizenFilters:
    """The list's filters; None means all. ``status``: "Skickat" or "Ej skickat"."""

    year: int | None = None
    unit: str | None = None
    type_code: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class FilterOptions:
    """What the filters offer for this patient: years newest first, units and types by name."""

    years: tuple[int, ...]
    units: tuple[str, ...]
    types: tuple[tuple[str, str], ...]  # (type_code, type_name)


@dataclass(frozen=True)
class HistoryEntry:
    """One step in the certificate's history, as the certificate page lists it."""

    at: dt.datetime
    text: str


@dataclass(frozen=True)
class CitizenCertificate:
    """A certificate opened in Mina intyg, with what the patient can do with it."""

    row: CitizenRow
    definition: Definition
    content: Mapping[str, Any]
    history: tuple[HistoryEntry, ...]  # oldest first
    replaced_notice: str | None
    recipient: str | None  # whom Skicka sends to; None: cannot be sent from Mina intyg
    send_refusal: str | None  # why Skicka is not possible now
    may_hide_diagnosis: bool  # "Anpassa intyget för utskrift" (AG7804, AG1-14)
    hide_refusal: str | None  # why the diagnosis cannot be hidden (smittbärarpenning)
    # Replaced and complemented certificates offer no actions (WORKFLOW.md §6): no Skicka
    # (even a second attempt is not offered), no Skriv ut / Spara PDF, no Anpassa.
    may_send: bool  # Skicka is offered (a second attempt is answered with the refusal)
    may_print: bool
