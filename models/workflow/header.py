"""The status lines at the top of an opened certificate (WORKFLOW.md §1.2), first match wins.

A draft's own line ("Klart att signera" / "Obligatoriska uppgifter saknas") comes from the
editor's validation (``models.definitions.progress.status_line``); here only the marks that
the lifecycle adds to a draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from models.definitions.schema import Definition
from models.store.schema import CertificateStatus
from models.workflow.facts import Facts, Relation
from models.workflow.status import visible_in_mina_intyg

Level = Literal["info", "warning"]

_REVOKED_PARENT = {
    Relation.COMPLEMENT: "kompletterade",
    Relation.RENEW: "förnyade",
    Relation.REPLACE: "ersatte",
}


@dataclass(frozen=True)
class StatusLine:
    """One line; ``link_id`` is a certificate the line's link (``link_text``) opens."""

    text: str
    level: Level = "info"
    link_id: str | None = None
    link_text: str | None = None


def status_lines(facts: Facts, definition: Definition) -> list[StatusLine]:
    status = facts.status
    if status == CertificateStatus.DRAFT:
        if facts.ready_for_signing:
            return [StatusLine("Utkastet är markerat klart för signering.")]
        return []
    if status == CertificateStatus.LOCKED_DRAFT:
        return [
            StatusLine(
                "Utkastet är låst. Det skapades för mer än 14 dagar sedan och är en del av "
                "patientens journal; det kan läsas, skrivas ut, kopieras och makuleras."
            )
        ]
    if status == CertificateStatus.LOCKED_REVOKED:
        return [StatusLine("Utkastet är makulerat.")]
    if status == CertificateStatus.REVOKED:
        lines = [
            StatusLine(
                "Intyget är makulerat. Patienten kan inte längre se det i Intyg på 1177.",
                "warning",
            )
        ]
        parent = facts.parent
        if parent is not None and parent.relation in _REVOKED_PARENT:
            verb = _REVOKED_PARENT[parent.relation]
            lines.append(
                StatusLine(
                    f"Intyget som detta intyg {verb} kan också behöva makuleras.",
                    "warning",
                    parent.id,
                    "Öppna intyget",
                )
            )
        return lines
    lines = [_signed_line(facts, definition)]
    if visible_in_mina_intyg(status, definition.mina_intyg):
        lines.append(StatusLine("Intyget är tillgängligt för patienten."))
    return lines


#: A signed certificate's line about a child, first match wins: (relation, child signed,
#: text, level, link text).
_CHILD_LINES: tuple[tuple[Relation, bool, str, Level, str], ...] = (
    (Relation.REPLACE, True, "Intyget har ersatts av ett annat intyg.", "warning", "Öppna intyget"),
    (
        Relation.REPLACE,
        False,
        "Det finns redan ett påbörjat utkast som ska ersätta detta intyg.",
        "info",
        "Öppna utkastet",
    ),
    (
        Relation.COMPLEMENT,
        False,
        "Det finns redan en påbörjad komplettering.",
        "info",
        "Öppna utkastet",
    ),
    (
        Relation.COMPLEMENT,
        True,
        "Intyget har kompletterats med ett annat intyg.",
        "info",
        "Öppna intyget",
    ),
)


def _signed_line(facts: Facts, definition: Definition) -> StatusLine:
    for relation, signed, text, level, link_text in _CHILD_LINES:
        child = facts.child(relation, signed=signed)
        if child is not None:
            return StatusLine(text, level, child.id, link_text)
    if facts.unhandled_complements:
        return StatusLine("Försäkringskassan har begärt komplettering.", "warning")
    if facts.sent_to:
        return StatusLine(f"Intyget är skickat till {definition.recipient.name}.")
    return StatusLine("Intyget är signerat.")
