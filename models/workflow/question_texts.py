"""The Swedish texts of questions and answers with Försäkringskassan: refusals, notices, labels."""

from __future__ import annotations

#: The types that have questions and answers with FK, and each one's "Övriga upplysningar"
#: field (where "Kan ej komplettera" puts its comment in a new draft).
QA_TYPES = {"fk7804": "25", "luse": "25", "luae_na": "25", "luae_fs": "25"}
FK = "FKASSA"
FK_NAME = "Försäkringskassan"

MAX_TEXT = 5000
MAX_COMMENT = 500

# Why the panel is inactive.
NO_QA_TYPE = "Frågor och svar med Försäkringskassan finns inte för den här intygstypen."
DRAFT = (
    "Utkastet är inte signerat. Frågor och svar finns först när intyget är signerat och "
    "skickat till Försäkringskassan."
)
NOT_SENT = (
    "Intyget är inte skickat till Försäkringskassan. Det går därför inte att ställa frågor "
    "om intyget."
)

# Refusals.
REVOKED = "Intyget är makulerat. Frågor och svar kan inte längre hanteras."


def wrong_unit(unit_name: str) -> str:
    return (
        f"Intyget är utfärdat på {unit_name}. Frågor och svar kan bara hanteras där: läkaren "
        "måste vara inloggad på den enhet där intyget är skapat."
    )


COMPLEMENT_DRAFT_EXISTS = (
    "Det finns redan en påbörjad komplettering. Signera eller radera den innan du ställer en "
    "ny fråga."
)
CANNOT_WHILE_DRAFT = (
    "Det finns redan en påbörjad komplettering. Öppna utkastet och slutför kompletteringen."
)
REPLACED = "Intyget har ersatts av ett annat intyg och kan inte kompletteras."
HANDLED = "Frågan är redan hanterad."
COMPLEMENT_HANDLED = "Kompletteringsbegäran är redan hanterad."
COMPLEMENT_FINAL = "En hanterad kompletteringsbegäran kan inte markeras som ohanterad."
NOT_HANDLED = "Frågan är inte markerad som hanterad."
ANSWERED_FINAL = "Frågan är besvarad och kan inte markeras som ohanterad."
COMPLEMENT_NOT_TEXT = (
    "En kompletteringsbegäran besvaras med Komplettera eller Kan ej komplettera, inte med text."
)
FK_ANSWERS = "Frågan är ställd av vården; det är Försäkringskassan som svarar."
NOT_COMPLEMENT = "Frågan är ingen kompletteringsbegäran."
CONFIRM_COMPLEMENT_HANDLED = (
    "Om du markerar kompletteringsbegäran som hanterad kan det inte ångras. Försäkringskassan "
    "får ingen komplettering. Vill du markera den som hanterad?"
)
CONFIRM_NEEDED = (
    "Bekräfta först att kompletteringsbegäran ska markeras som hanterad; det kan inte ångras."
)
CHOOSE_SUBJECT = "Välj typ av fråga."
EMPTY_TEXT = "Skriv en text."
NO_DRAFT = "Det finns inget svarsutkast att radera."
DRAFT_CONFLICT = (
    "Svaret har ändrats av någon annan sedan du öppnade det. Läs in frågan på nytt och skriv "
    "svaret igen."
)
CHOOSE_REASON = "Välj en anledning till att intyget inte kan kompletteras."
EMPTY_COMMENT = "Skriv en kommentar. Den krävs när intyget inte kan kompletteras."
GONE = "Frågan finns inte längre."


def too_long(length: int, limit: int, what: str = "Texten") -> str:
    most = f"{limit:,}".replace(",", " ")
    return f"{what} är {length} tecken lång; den får vara högst {most} tecken."


# Labels.
ASK = "Ny fråga"
ANSWER = "Svara"
COMPLEMENT = "Komplettera"
CANNOT_COMPLEMENT = "Kan ej komplettera"
HANDLE = "Markera som hanterad"
UNHANDLE = "Markera som ohanterad"

ANSWERED_WITH_CERTIFICATE = "Kompletteringsbegäran har besvarats med ett nytt intyg."
ANSWERED_WITH_MESSAGE = "Kompletteringsbegäran har besvarats med ett meddelande."

# The FK console's refusals.
NOT_RECEIVED = "Försäkringskassan har inte tagit emot intyget."
FK_REVOKED = "Intyget är makulerat. Inga frågor kan skickas om det."
FK_SUBJECT = "Välj ämne: Komplettering, Avstämningsmöte, Kontakt eller Övrigt."
NO_FIELDS = "Ange vilka fält i intyget kompletteringen gäller."
PAST_DATE = "Svara senast kan inte vara ett datum som redan har passerat."
REMIND_FK_ONLY = "Påminnelser skickas bara om Försäkringskassans egna frågor."
REMIND_HANDLED = "Frågan är redan hanterad; ingen påminnelse behövs."
ANSWER_CARE_ONLY = "Försäkringskassan svarar bara på frågor som vården har ställt."
ALREADY_ANSWERED = "Frågan är redan besvarad."


def unknown_field(field_id: str) -> str:
    return f"Fältet ”{field_id}” finns inte i intyget."
