"""Every action × every seeded role × every kind of patient × every status, through the services.

For each cell the expected outcome is written out below from WORKFLOW.md (§1.3 transitions,
§2.2 roles, §2.3 units, §3 patients): allowed, or refused with the exact Swedish reason. The
test asks ``allowed_actions`` and then performs the action with the service itself: a refused
action must raise that reason and change nothing; an allowed one must do it and write the
status event and the PDL entry of WORKFLOW.md §8.4.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from models.clock import FixedClock
from models.errors import AccessDeniedError, IntygsstudioError, NotAllowedError
from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.actions import Action, ActionState
from models.workflow.lifecycle import Lifecycle
from models.workflow.revoking import RevokeReason
from tests.conftest import (
    AT_DOCTOR,
    DENTIST,
    DOCTOR,
    DOCTOR_WITHOUT_WEBCERT,
    NURSE,
    SECRETARY,
    SJOSTADEN,
    TESTENHET_17,
    TOLVAN,
)
from tests.factories import make_certificate, patient_id
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import (
    DECEASED,
    NOWAK,
    PROTECTED,
    RESERV,
    at,
    kinds_of,
    pdl,
    row_of,
    signature,
)

USERS = {
    "läkare": (DOCTOR, TESTENHET_17),
    "AT-läkare": (AT_DOCTOR, TESTENHET_17),
    "läkare utan Webcert": (DOCTOR_WITHOUT_WEBCERT, TESTENHET_17),
    "tandläkare": (DENTIST, SJOSTADEN),
    "vårdadministratör": (SECRETARY, TESTENHET_17),
    "sjuksköterska": (NURSE, TESTENHET_17),
}
SIGNING_ROLES = {"läkare", "AT-läkare", "läkare utan Webcert", "tandläkare"}
PATIENTS = {
    "personnummer": TOLVAN,
    "samordningsnummer": NOWAK,
    "reservnummer": RESERV,
    "skyddade personuppgifter": PROTECTED,
    "avliden": DECEASED,
}
STATES: dict[str, dict[str, Any]] = {
    "utkast": {"status": CertificateStatus.DRAFT, "created": at(27, 7)},
    "låst utkast": {"status": CertificateStatus.LOCKED_DRAFT, "created": at(1)},
    "signerat": {"status": CertificateStatus.SIGNED, "created": at(20), "seal": True},
    "skickat": {
        "status": CertificateStatus.SIGNED,
        "created": at(20),
        "seal": True,
        "sent_to": "FKASSA",
    },
    "makulerat": {"status": CertificateStatus.REVOKED, "created": at(20)},
    "makulerat utkast": {"status": CertificateStatus.LOCKED_REVOKED, "created": at(1)},
}

Outcome = tuple[type[IntygsstudioError], str] | None

DENIED = AccessDeniedError
REFUSED = NotAllowedError
NO_WEBCERT = "Du saknar behörigheten ”Använda Webcert” i TakeCare."
RESERVNUMMER = (
    "Intyg kan inte utfärdas för en patient med reservnummer. Webcert hanterar enbart person- "
    "och samordningsnummer."
)
DECEASED_NEW = "Patienten är avliden. Endast dödsbevis och dödsorsaksintyg kan skapas."

#: Where an action does not belong, by status (WORKFLOW.md §1.3–1.4).
NOT_HERE: dict[Action, dict[str, str]] = {
    Action.SIGN: {
        "låst utkast": "Utkastet är låst och kan inte signeras.",
        "signerat": "Intyget är redan signerat.",
        "skickat": "Intyget är redan signerat.",
        "makulerat": "Intyget är makulerat.",
        "makulerat utkast": "Utkastet är makulerat.",
    },
    Action.SEND: {
        "utkast": "Utkastet måste signeras innan det kan skickas.",
        "låst utkast": "Ett låst utkast kan inte skickas.",
        "skickat": "Intyget är redan skickat till Försäkringskassan.",
        "makulerat": "Intyget är makulerat och kan inte skickas.",
        "makulerat utkast": "Utkastet är makulerat.",
    },
    Action.PRINT: {
        "makulerat": "Ett makulerat intyg kan inte skrivas ut.",
        "makulerat utkast": "Ett makulerat utkast kan inte skrivas ut.",
    },
    Action.REVOKE: {
        "utkast": "Ett utkast som inte är låst makuleras inte. Radera det i stället.",
        "makulerat": "Intyget är redan makulerat.",
        "makulerat utkast": "Utkastet är redan makulerat.",
    },
    Action.REPLACE: {
        "utkast": "Bara signerade intyg kan ersättas.",
        "låst utkast": "Ett låst utkast kan inte ersättas. Använd Kopiera.",
        "makulerat": "Intyget är makulerat och kan inte ersättas.",
        "makulerat utkast": "Utkastet är makulerat.",
    },
    Action.RENEW: {
        "utkast": "Bara signerade intyg kan förnyas.",
        "låst utkast": "Ett låst utkast kan inte förnyas. Använd Kopiera.",
        "makulerat": "Intyget är makulerat och kan inte förnyas.",
        "makulerat utkast": "Utkastet är makulerat.",
    },
    Action.COPY: {
        "utkast": "Bara låsta utkast kopieras; utkastet kan fortfarande ändras.",
        "signerat": "Ett signerat intyg kopieras inte. Använd Förnya eller Ersätt.",
        "skickat": "Ett signerat intyg kopieras inte. Använd Förnya eller Ersätt.",
        "makulerat": "Intyget är makulerat.",
        "makulerat utkast": "Utkastet är makulerat och kan inte kopieras.",
    },
    Action.CREATE_FROM: {
        "utkast": "Intyget måste signeras innan ett annat intyg kan skapas från det.",
        "låst utkast": "Ett låst utkast kan inte användas som mall.",
        "makulerat": "Intyget är makulerat och kan inte användas som mall.",
        "makulerat utkast": "Utkastet är makulerat.",
    },
    Action.DELETE: {
        "låst utkast": "Ett låst utkast kan inte raderas.",
        "signerat": (
            "Ett signerat intyg kan inte raderas. Makulera det om det innehåller ett allvarligt "
            "fel."
        ),
        "skickat": (
            "Ett signerat intyg kan inte raderas. Makulera det om det innehåller ett allvarligt "
            "fel."
        ),
        "makulerat": "Intyget är makulerat.",
        "makulerat utkast": "Utkastet är makulerat.",
    },
}
NOT_HERE[Action.MARK_READY] = {
    "låst utkast": "Utkastet är låst.",
    "signerat": "Intyget är redan signerat.",
    "skickat": "Intyget är redan signerat.",
    "makulerat": "Intyget är makulerat.",
    "makulerat utkast": "Utkastet är makulerat.",
}
NOT_HERE[Action.SET_RESPONSIBLE] = NOT_HERE[Action.MARK_READY]


def expected(action: Action, who: str, patient: str, state: str) -> Outcome:
    """The outcome WORKFLOW.md gives for one cell, in the order the reasons are checked."""
    if patient == "skyddade personuppgifter" and who not in SIGNING_ROLES:
        return DENIED, "Behörighet saknas: patienten har skyddade personuppgifter."
    if state in NOT_HERE[action]:
        return REFUSED, NOT_HERE[action][state]
    signer = who in SIGNING_ROLES
    if action is Action.MARK_READY and signer:
        return REFUSED, "Läkare och tandläkare signerar utkastet själva."
    if action is Action.PRINT:
        return None  # reading and printing need no more than access
    if who == "läkare utan Webcert":
        return DENIED, NO_WEBCERT
    role_refusal = {
        Action.SIGN: "Endast läkare och tandläkare kan signera intyg.",
        Action.REVOKE: "Endast läkare och tandläkare kan makulera intyg.",
        Action.REPLACE: "Endast läkare och tandläkare kan ersätta intyg.",
    }
    if action in role_refusal and not signer:
        return DENIED, role_refusal[action]
    reservnummer_matters = {
        Action.SIGN,
        Action.SEND,
        Action.REPLACE,
        Action.RENEW,
        Action.COPY,
        Action.CREATE_FROM,
        Action.MARK_READY,
    }
    if patient == "reservnummer" and action in reservnummer_matters:
        return REFUSED, RESERVNUMMER
    if patient == "avliden":
        deceased = {
            Action.REPLACE: "Patienten är avliden. Intyget kan inte ersättas.",
            Action.RENEW: "Patienten är avliden. Intyget kan inte förnyas.",
            Action.COPY: DECEASED_NEW,
            Action.CREATE_FROM: DECEASED_NEW,  # an AG7804 is not for the deceased
        }
        if action in deceased:
            return REFUSED, deceased[action]
    return None


def perform(
    action: Action, life: Lifecycle, user: UserContext, certificate_id: str, clock: FixedClock
) -> Any:
    """Do the action through its service, as the UI will."""
    if action is Action.SIGN:
        return life.signing.sign(user, certificate_id, 1, signature(user, clock))
    if action is Action.SEND:
        return life.signing.send(user, certificate_id, patient_consent=True)
    if action is Action.PRINT:
        return life.signing.record_print(user, certificate_id)
    if action is Action.REVOKE:
        return life.revoking.revoke(user, certificate_id, RevokeReason.FEL_PATIENT)
    if action is Action.DELETE:
        return life.drafts.delete(user, certificate_id)
    if action is Action.MARK_READY:
        return life.drafts.mark_ready_for_signing(user, certificate_id)
    if action is Action.SET_RESPONSIBLE:
        return life.drafts.set_signing_responsible(user, certificate_id, DOCTOR)
    derive: dict[Action, Callable[[UserContext, str], Any]] = {
        Action.REPLACE: life.derived.replace,
        Action.RENEW: life.derived.renew,
        Action.COPY: life.derived.copy,
        Action.CREATE_FROM: life.derived.create_from,
    }
    return derive[action](user, certificate_id)


#: What an allowed action leaves: its status events on the certificate and PDL activities
#: (WORKFLOW.md §8.4, §8.5); for actions that make a new draft, the new draft's events.
EVENTS = {
    Action.SIGN: ["SIGNAT"],
    Action.SEND: ["SKICKA"],
    Action.PRINT: [],
    Action.REVOKE: ["MAKULE"],
    Action.MARK_READY: ["KFSIGN"],
    Action.SET_RESPONSIBLE: ["ANSVARIG"],
    Action.REPLACE: ["SKAPAT", "ERSATTER"],
    Action.RENEW: ["SKAPAT", "FORLANGER"],
    Action.COPY: ["SKAPAT", "KOPIERATFRAN"],
    Action.CREATE_FROM: ["SKAPAT", "SKAPATFRAN"],
}
PDL = {
    Action.SIGN: ["Signera"],
    Action.SEND: ["Utskrift"],
    Action.PRINT: ["Utskrift"],
    Action.REVOKE: ["Radera"],
    Action.DELETE: ["Radera"],
    Action.MARK_READY: ["Skriva"],
    Action.SET_RESPONSIBLE: ["Skriva"],
    Action.REPLACE: ["Läsa", "Skriva"],
    Action.RENEW: ["Läsa", "Skriva"],
    Action.COPY: ["Läsa", "Skriva"],
    Action.CREATE_FROM: ["Läsa", "Skriva"],
}
AFTER = {
    Action.SIGN: "SIGNED",
    Action.REVOKE: ("REVOKED", "LOCKED_REVOKED"),
}


def _check_done(
    action: Action, store: Store, certificate_id: str, result: Any, before: int
) -> list[str]:
    """What is wrong with the records an allowed action left (empty if nothing)."""
    problems = []
    patient = row_of(store, certificate_id).patient_id if action is not Action.DELETE else None
    if action is Action.DELETE:
        if row_of(store, certificate_id) is not None:
            problems.append("the draft is still there")
        return problems
    target = result.row.id if hasattr(result, "row") else certificate_id
    events = kinds_of(store, target)
    wanted = EVENTS[action]
    if events[len(events) - len(wanted) :] != wanted or (wanted and not events):
        problems.append(f"events {events}, wanted to end with {wanted}")
    assert patient is not None
    entries = [action for action, _ in pdl(store, patient)][before:]
    if entries != PDL[action]:
        problems.append(f"PDL {entries}, wanted {PDL[action]}")
    status = row_of(store, certificate_id).status
    if action in AFTER and status not in AFTER[action]:
        problems.append(f"status {status}")
    return problems


def _outcome(state: ActionState) -> Outcome:
    if state.refusal is None:
        return None
    return type(state.refusal.error()), state.refusal.message


@pytest.mark.parametrize("who", list(USERS))
@pytest.mark.parametrize("patient", list(PATIENTS))
def test_action_matrix(
    who: str,
    patient: str,
    life: Lifecycle,
    store: Store,
    clock: FixedClock,
    login: Callable[[str, str], UserContext],
) -> None:
    staff_id, unit_id = USERS[who]
    user = login(staff_id, unit_id)
    person_id = PATIENTS[patient]
    patient_key = patient_id(store, person_id)
    problems: list[str] = []

    def make(state: str) -> str:
        return make_certificate(
            store, person_id, unit_id=unit_id, content=samples.fk7804(), **STATES[state]
        )

    for state in STATES:
        shared = make(state)
        try:
            verdicts = {
                action: _outcome(state_of)
                for action, state_of in life.rules.allowed_actions(user, shared).items()
            }
        except IntygsstudioError as error:
            verdicts = {action: (type(error), error.message) for action in Action}
        for action in Action:
            want = expected(action, who, patient, state)
            cell = f"{action.value} / {state}"
            if verdicts[action] != want:
                problems.append(f"{cell}: allowed_actions says {verdicts[action]}, expected {want}")
            certificate_id = shared if want is not None else make(state)
            events_before = kinds_of(store, certificate_id)
            pdl_before = len(pdl(store, patient_key))
            try:
                result = perform(action, life, user, certificate_id, clock)
            except IntygsstudioError as error:
                if want is None:
                    problems.append(f"{cell}: refused with {error.message!r}")
                elif (type(error), error.message) != want:
                    problems.append(f"{cell}: raised {(type(error), error.message)}")
                elif kinds_of(store, certificate_id) != events_before or (
                    len(pdl(store, patient_key)) != pdl_before
                ):
                    problems.append(f"{cell}: a refused action left records")
                continue
            if want is not None:
                problems.append(f"{cell}: done, expected {want}")
                continue
            problems += [
                f"{cell}: {p}"
                for p in _check_done(action, store, certificate_id, result, pdl_before)
            ]
    assert problems == []


def test_the_matrix_covers_every_action_and_allows_some_of_each() -> None:
    allowed = {
        action
        for action in Action
        for who in USERS
        for patient in PATIENTS
        for state in STATES
        if expected(action, who, patient, state) is None
    }
    assert allowed == set(Action)
