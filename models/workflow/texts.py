"""The Swedish texts of the lifecycle's rules: refusals, notices and labels.

Where Webcert has a text of its own for a situation, these say the same in our words; the rest
are ours. Kept apart from ``rules.py`` so that the rules read as rules.
"""

from __future__ import annotations

from models.definitions.schema import Definition
from models.store.schema import CertificateStatus
from models.workflow.actions import Action
from models.workflow.creation import CREATE_FROM
from models.workflow.facts import Facts

DRAFT = CertificateStatus.DRAFT.value
LOCKED = CertificateStatus.LOCKED_DRAFT.value
SIGNED = CertificateStatus.SIGNED.value
REVOKED = CertificateStatus.REVOKED.value
LOCKED_REVOKED = CertificateStatus.LOCKED_REVOKED.value
#: Statuses that are drafts, readable only at their own unit.
DRAFT_STATUSES = frozenset({DRAFT, LOCKED, LOCKED_REVOKED})
FK = "FKASSA"

NO_ACCESS = "Kunde inte hämta intyget eftersom du saknar behörighet."
PROTECTED_ROLE = "Behörighet saknas: patienten har skyddade personuppgifter."
PROTECTED_UNIT = (
    "Behörighet saknas: intyg för en patient med skyddade personuppgifter kan bara hanteras på "
    "den vårdenhet där de utfärdades."
)
DENTIST_ACCESS = (
    "Behörighet saknas: tandläkare hanterar bara läkarintyg för sjukpenning och intyg till "
    "arbetsgivaren."
)
MAY_NOT_SIGN = "Endast läkare och tandläkare kan signera intyg."
MAY_NOT_REVOKE = "Endast läkare och tandläkare kan makulera intyg."
MAY_NOT_REPLACE = "Endast läkare och tandläkare kan ersätta intyg."
NO_PRESCRIBER_CODE = "Du saknar förskrivarkod och kan därför inte signera intyg."
SIGNS_THEMSELVES = "Läkare och tandläkare signerar utkastet själva."
ALREADY_READY = "Utkastet är redan markerat klart för signering."
TAMPERED = "Intyget kan inte skickas: innehållet stämmer inte med det som signerades."
POLICE = (
    "Dödsbeviset skickas inte till Skatteverket eftersom det finns skäl för polisanmälan. "
    "Skriv ut det och lämna det till Polismyndigheten."
)
PROTECTED_RECIPIENT = (
    "För en patient med skyddade personuppgifter kan intyg bara skickas till Försäkringskassan."
)
REPLACED_SEND = "Intyget har ersatts av ett annat intyg och kan inte skickas."
REPLACED_REPLACE = "Intyget har redan ersatts av ett signerat intyg."
COMPLEMENTED_REPLACE = "Intyget har kompletterats med ett annat intyg och kan inte ersättas."
UNHANDLED_COMPLEMENT = (
    "Intyget har minst en ohanterad kompletteringsbegäran och kan därför inte ersättas."
)
REPLACEMENT_ELSEWHERE = (
    "Det finns redan ett påbörjat utkast som ska ersätta detta intyg, på en annan vårdenhet."
)
REPLACEMENT_EXISTS = "Det finns redan ett påbörjat utkast som ska ersätta detta intyg."
REPLACED_RENEW = "Intyget har ersatts av ett annat intyg och kan inte förnyas."
COMPLEMENTED_RENEW = "Intyget har kompletterats med ett annat intyg och kan inte förnyas."
REPLACED_CREATE = "Intyget har ersatts av ett annat intyg och kan inte användas som mall."
DECEASED_REPLACE = "Patienten är avliden. Intyget kan inte ersättas."
DECEASED_RENEW = "Patienten är avliden. Intyget kan inte förnyas."
CONSENT_NOTICE = (
    "Intyget ska skickas i samråd med patienten. Bekräfta att patienten har samtyckt till att "
    "intyget skickas till Försäkringskassan."
)
AGREEMENT_NOTICE = "Intyget ska skickas i samråd med patienten."
PROTECTED_PRINT = (
    "Patienten har skyddade personuppgifter. Hantera utskriften varsamt så att uppgifterna inte "
    "sprids."
)
DELETE_NOTICE = "När du raderar utkastet tas det bort från Webcert."
READY_NOTICE = (
    "Utkastet sparas och markeras klart för signering. Det hamnar i den signeringsansvariges "
    "lista Att skicka; uppgifter som saknas fyller den som signerar i."
)
UNSENT_LISJP = (
    "Läkarintyget för sjukpenning är inte skickat till Försäkringskassan. Skicka det först om "
    "patienten ska ansöka om sjukpenning."
)

#: Per action, the statuses where it does not belong, with what the disabled button says.
STATUS_REFUSALS: dict[Action, dict[str, str]] = {
    Action.SIGN: {
        LOCKED: "Utkastet är låst och kan inte signeras.",
        SIGNED: "Intyget är redan signerat.",
        REVOKED: "Intyget är makulerat.",
        LOCKED_REVOKED: "Utkastet är makulerat.",
    },
    Action.SEND: {
        DRAFT: "Utkastet måste signeras innan det kan skickas.",
        LOCKED: "Ett låst utkast kan inte skickas.",
        REVOKED: "Intyget är makulerat och kan inte skickas.",
        LOCKED_REVOKED: "Utkastet är makulerat.",
    },
    Action.PRINT: {
        REVOKED: "Ett makulerat intyg kan inte skrivas ut.",
        LOCKED_REVOKED: "Ett makulerat utkast kan inte skrivas ut.",
    },
    Action.REVOKE: {
        DRAFT: "Ett utkast som inte är låst makuleras inte. Radera det i stället.",
        REVOKED: "Intyget är redan makulerat.",
        LOCKED_REVOKED: "Utkastet är redan makulerat.",
    },
    Action.REPLACE: {
        DRAFT: "Bara signerade intyg kan ersättas.",
        LOCKED: "Ett låst utkast kan inte ersättas. Använd Kopiera.",
        REVOKED: "Intyget är makulerat och kan inte ersättas.",
        LOCKED_REVOKED: "Utkastet är makulerat.",
    },
    Action.RENEW: {
        DRAFT: "Bara signerade intyg kan förnyas.",
        LOCKED: "Ett låst utkast kan inte förnyas. Använd Kopiera.",
        REVOKED: "Intyget är makulerat och kan inte förnyas.",
        LOCKED_REVOKED: "Utkastet är makulerat.",
    },
    Action.COPY: {
        DRAFT: "Bara låsta utkast kopieras; utkastet kan fortfarande ändras.",
        SIGNED: "Ett signerat intyg kopieras inte. Använd Förnya eller Ersätt.",
        REVOKED: "Intyget är makulerat.",
        LOCKED_REVOKED: "Utkastet är makulerat och kan inte kopieras.",
    },
    Action.CREATE_FROM: {
        DRAFT: "Intyget måste signeras innan ett annat intyg kan skapas från det.",
        LOCKED: "Ett låst utkast kan inte användas som mall.",
        REVOKED: "Intyget är makulerat och kan inte användas som mall.",
        LOCKED_REVOKED: "Utkastet är makulerat.",
    },
    Action.DELETE: {
        LOCKED: "Ett låst utkast kan inte raderas.",
        SIGNED: (
            "Ett signerat intyg kan inte raderas. Makulera det om det innehåller ett allvarligt "
            "fel."
        ),
        REVOKED: "Intyget är makulerat.",
        LOCKED_REVOKED: "Utkastet är makulerat.",
    },
    Action.MARK_READY: {
        LOCKED: "Utkastet är låst.",
        SIGNED: "Intyget är redan signerat.",
        REVOKED: "Intyget är makulerat.",
        LOCKED_REVOKED: "Utkastet är makulerat.",
    },
    Action.SET_RESPONSIBLE: {
        LOCKED: "Utkastet är låst.",
        SIGNED: "Intyget är redan signerat.",
        REVOKED: "Intyget är makulerat.",
        LOCKED_REVOKED: "Utkastet är makulerat.",
    },
}


PRINT_ONLY = (
    "Intyg till arbetsgivaren skickas inte elektroniskt. Skriv ut intyget och ge det till "
    "patienten."
)
POLICE_PRINT = "Skriv ut dödsbeviset och lämna det till Polismyndigheten."
NOT_RENEWABLE = "Den här intygstypen kan inte förnyas."
NO_TEMPLATE = "Det går inte att skapa något annat intyg från den här intygstypen."
REPLACE_NOTICE = (
    "Ett nytt utkast skapas med intygets uppgifter. När det signeras ersätter det detta intyg, "
    "som då inte längre kan skickas."
)
RENEW_CLOSES_COMPLEMENT = "Kompletteringsbegäran på intyget markeras som hanterad."
COPY_EXISTS = "Det finns redan en kopia av utkastet; den öppnas."
CREATED_EXISTS = "Det finns redan ett påbörjat utkast som skapades från intyget; det öppnas."


def renew_notice(unit_name: str) -> str:
    return (
        "Förnya används när sjukskrivningen ska förlängas. Ett nytt utkast skapas på "
        f"{unit_name} med intygets uppgifter; grund för bedömningen, arbetsförmåga, prognos "
        "och kontaktönskemål fylls i på nytt."
    )


def copy_notice(unit_name: str) -> str:
    return (
        f"Ett nytt utkast med samma innehåll skapas på {unit_name}. Det låsta utkastet finns kvar."
    )


LABELS = {
    Action.SIGN: "Signera intyget",
    Action.SEND: "Skicka",
    Action.PRINT: "Skriv ut",
    Action.REVOKE: "Makulera",
    Action.REPLACE: "Ersätt",
    Action.RENEW: "Förnya",
    Action.COPY: "Kopiera",
    Action.CREATE_FROM: "Skapa från intyget",
    Action.DELETE: "Radera utkast",
    Action.MARK_READY: "Markera klart för signering",
    Action.SET_RESPONSIBLE: "Välj signeringsansvarig",
}


SIGN_AND_SEND = "Signera och skicka"


def label(action: Action, definition: Definition) -> str:
    """The button's text for this type (Signera och skicka, Skicka till Försäkringskassan …)."""
    if action is Action.SIGN and definition.sent_on_sign:
        return SIGN_AND_SEND
    if action is Action.SEND and not definition.print_only:
        return f"Skicka till {definition.recipient.name}"
    if action is Action.CREATE_FROM and definition.code in CREATE_FROM:
        return "Skapa dödsorsaksintyg" if CREATE_FROM[definition.code] == "doi" else "Skapa AG7804"
    return LABELS[action]


def revoke_notice(facts: Facts, definition: Definition) -> str:
    """What the revoke dialog tells the user (WORKFLOW.md §1.6), in our words."""
    if facts.type_code == "db":
        return (
            "Ett dödsbevis makuleras bara om det har utfärdats på fel person; annars används "
            "Ersätt. Om dödsbeviset redan har skickats ska du först ringa Skatteverket "
            "(010-574 94 89)."
        )
    if facts.type_code == "doi":
        return (
            "Ett dödsorsaksintyg makuleras bara om det har utfärdats på fel person; annars "
            "används Ersätt. Om intyget redan har skickats ska du först kontakta Socialstyrelsen."
        )
    if facts.status == LOCKED:
        return (
            "Ett låst utkast ska bara makuleras om det har skapats på fel patient eller "
            "innehåller ett annat allvarligt fel. Vill du använda uppgifterna, välj Kopiera."
        )
    parts = [
        "Ett intyg ska bara makuleras om det innehåller ett allvarligt fel, till exempel om det "
        "har utfärdats på fel patient. Andra ändringar görs med Ersätt."
    ]
    if facts.sent_to:
        parts.append(f"Intyget har skickats till {definition.recipient.name}, som informeras.")
    if definition.mina_intyg:
        parts.append("Patienten kan inte längre se intyget i Intyg på 1177.")
    if facts.unhandled_questions:
        parts.append("Ohanterade frågor och svar på intyget markeras som hanterade.")
    return " ".join(parts)
