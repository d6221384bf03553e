"""Who may create which certificate type for which patient (Webcert's rules, TakeCare's gate)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from models.definitions.schema import Definition
from models.patients import PatientInfo
from models.reference.patient_id import PatientIdKind
from models.roles import Role
from models.staff import UserContext

#: The order of the type chooser, as in Webcert's list.
TYPE_ORDER = (
    "fk7804",
    "luse",
    "luae_na",
    "luae_fs",
    "ts-bas",
    "ts-diabetes",
    "ag114",
    "ag7804",
    "db",
    "doi",
)
#: Dentists may only issue these (Webcert: lisjp, ag114, ag7804 and types we do not have).
DENTIST_TYPES = frozenset({"fk7804", "ag114", "ag7804"})
PROTECTED_TYPE_REFUSAL = "Kan inte utfärdas för en patient med skyddade personuppgifter."
DENTIST_REFUSAL = (
    "Tandläkare kan bara utfärda läkarintyg för sjukpenning och intyg till arbetsgivaren."
)
#: Not for patients with skyddade personuppgifter.
NOT_FOR_PROTECTED = frozenset({"ts-bas", "ts-diabetes", "db", "doi"})
#: The only types for a deceased patient, and only for one.
DEATH_TYPES = frozenset({"db", "doi"})
#: At most one (not revoked) per patient: Webcert's unique DB and DOI.
ONE_PER_PATIENT = frozenset({"db", "doi"})
#: Types that can be renewed ("Förnya"; Webcert: lisjp, luse, luae_na, luae_fs, ag7804).
RENEW_TYPES = frozenset({"fk7804", "luse", "luae_na", "luae_fs", "ag7804"})
#: "Skapa från": the type a signed certificate of each type can start (LISJP → AG7804, DB → DOI).
CREATE_FROM = {"fk7804": "ag7804", "db": "doi"}


@dataclass(frozen=True)
class TypeChoice:
    """One row of the type chooser: the type, and whether (or why not) it can be created now."""

    code: str
    name: str
    recipient: str
    mina_intyg: bool
    description: str
    reason: str | None

    @property
    def allowed(self) -> bool:
        return self.reason is None


def webcert_blocker(user: UserContext) -> str | None:
    """Why this user, at this unit, cannot create certificates at all (None if they can)."""
    return staff_blocker(user) or workplace_blocker(user) or inactive_blocker(user)


def staff_blocker(user: UserContext) -> str | None:
    """Why this person may not work in Webcert at all (None if they may)."""
    if not user.staff.may_use_webcert:
        return "Du saknar behörigheten ”Använda Webcert” i TakeCare."
    if not user.staff.has_vard_och_behandling:
        return "Du saknar medarbetaruppdrag med syftet ”Vård och behandling”."
    return None


def workplace_blocker(user: UserContext) -> str | None:
    """Why certificates cannot be issued at the user's unit: it has no arbetsplatskod."""
    if not user.unit.arbetsplatskod:
        return f"Vårdenheten {user.unit.name} saknar arbetsplatskod och kan inte utfärda intyg."
    return None


def inactive_blocker(user: UserContext) -> str | None:
    """Why nothing new can be made at the user's unit: it is inactive (sending, revoking remain)."""
    if not user.unit.active:
        return f"Vårdenheten {user.unit.name} är inaktiv och kan inte utfärda nya intyg."
    return None


def reservnummer_blocker(patient_kind: PatientIdKind) -> str | None:
    """Webcert handles personnummer and samordningsnummer only: nothing is issued otherwise."""
    if patient_kind is PatientIdKind.RESERVNUMMER:
        return (
            "Intyg kan inte utfärdas för en patient med reservnummer. Webcert hanterar enbart "
            "person- och samordningsnummer."
        )
    return None


def patient_blocker(user: UserContext, patient: PatientInfo) -> str | None:
    """Why no certificate at all can be created for this patient (None if some can)."""
    reservnummer = reservnummer_blocker(patient.id_kind)
    if reservnummer:
        return reservnummer
    if patient.protected_identity and not user.role.may_sign:
        return "Behörighet saknas: patienten har skyddade personuppgifter."
    return None


def type_reason(
    code: str, user: UserContext, patient: PatientInfo, existing: Iterable[str]
) -> str | None:
    """Why this one type cannot be created for the patient now (None if it can)."""
    blocker = webcert_blocker(user) or patient_blocker(user, patient)
    if blocker:
        return blocker
    if user.role is Role.TANDLAKARE and code not in DENTIST_TYPES:
        return DENTIST_REFUSAL
    return type_patient_blocker(code, patient.protected_identity, patient.deceased) or (
        _unique_blocker(code, existing)
    )


def type_patient_blocker(code: str, protected_identity: bool, deceased: bool) -> str | None:
    """Why a new certificate of this type cannot be made for a patient like this one."""
    if protected_identity and code in NOT_FOR_PROTECTED:
        return PROTECTED_TYPE_REFUSAL
    if deceased and code not in DEATH_TYPES:
        return "Patienten är avliden. Endast dödsbevis och dödsorsaksintyg kan skapas."
    if not deceased and code in DEATH_TYPES:
        return "Patienten är inte registrerad som avliden."
    return None


def unique_refusal(code: str) -> str:
    noun = "ett dödsbevis" if code == "db" else "ett dödsorsaksintyg"
    return f"Det finns redan {noun} för patienten. Ändringar görs med Ersätt."


def _unique_blocker(code: str, existing: Iterable[str]) -> str | None:
    if code in ONE_PER_PATIENT and code in set(existing):
        return unique_refusal(code)
    return None


def type_choices(
    user: UserContext,
    patient: PatientInfo,
    definitions: Mapping[str, Definition],
    existing: Iterable[str],
) -> list[TypeChoice]:
    """Every type in chooser order, each with the reason it is disabled, if it is."""
    existing_types = set(existing)
    ordered = [c for c in TYPE_ORDER if c in definitions] + sorted(
        c for c in definitions if c not in TYPE_ORDER
    )
    return [
        TypeChoice(
            code=code,
            name=definitions[code].name,
            recipient=definitions[code].recipient.name,
            mina_intyg=definitions[code].mina_intyg,
            description=definitions[code].description,
            reason=type_reason(code, user, patient, existing_types),
        )
        for code in ordered
    ]
