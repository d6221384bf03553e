"""Helpers for the tests of questions with Försäkringskassan."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus, Question
from models.workflow.lifecycle import Lifecycle
from tests.conftest import TOLVAN
from tests.factories import make_certificate
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import at

CASEWORKER = "Anna Handläggare"
DEADLINE = dt.date(2026, 12, 11)


def sent_certificate(
    store: Store, life: Lifecycle, user: UserContext, person: str = TOLVAN, **columns: object
) -> str:
    """A signed FK7804 sent to Försäkringskassan by ``user``."""
    certificate_id = make_certificate(
        store,
        person,
        status=CertificateStatus.SIGNED,
        created=at(20),
        seal=True,
        content=samples.fk7804(),
        **columns,  # type: ignore[arg-type]
    )
    life.signing.send(user, certificate_id, patient_consent=True)
    return certificate_id


def complement_request(life: Lifecycle, certificate_id: str, *fields: str) -> str:
    """A KOMPLT from FK about ``fields`` (default: field 25)."""
    return life.fk.send_question(
        CASEWORKER,
        certificate_id,
        "KOMPLT",
        "Vi behöver mer information.",
        last_date_to_reply=DEADLINE,
        fields=[(f, f"Förtydliga fält {f}.") for f in fields or ("25",)],
    )


def question_row(store: Store, question_id: str) -> Question:
    with store.session() as session:
        found = session.scalars(select(Question).where(Question.id == question_id)).one()
    return found


def exactly(message: str) -> str:
    """A ``pytest.raises(match=…)`` pattern for exactly this message."""
    return f"^{re.escape(message)}$"


def starts(message: str) -> str:
    """A ``pytest.raises(match=…)`` pattern for a message beginning with this."""
    return f"^{re.escape(message)}"
