"""Fixtures for the recipients and Mina intyg: the lifecycle, the portal and the inboxes."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

import pytest

from models.clock import FixedClock
from models.events import ChangeBus
from models.recipients.inbox import Inbox
from models.recipients.journal_notices import JournalNotices
from models.recipients.mina_intyg import Citizen, MinaIntyg
from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle
from tests.conftest import BEFATTNINGAR, TOLVAN
from tests.factories import make_certificate
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import at, login, published, signature

__all__ = ["login", "published"]

ERIK = "198001139297"
NILS = "201701012393"  # a child


@pytest.fixture
def mina(
    store: Store, clock: FixedClock, bus: ChangeBus, certificates: CertificateService
) -> MinaIntyg:
    return MinaIntyg(store, clock, certificates.definitions, bus, befattningar=BEFATTNINGAR)


@pytest.fixture
def inbox(store: Store, certificates: CertificateService) -> Inbox:
    return Inbox(store, certificates.definitions)


@pytest.fixture
def notices(store: Store, clock: FixedClock, bus: ChangeBus) -> JournalNotices:
    return JournalNotices(store, clock, bus)


@pytest.fixture
def tolvan(mina: MinaIntyg) -> Citizen:
    return mina.log_in(TOLVAN)


def signed_now(
    store: Store,
    life: Lifecycle,
    doctor: UserContext,
    clock: FixedClock,
    type_code: str = "fk7804",
    person_id: str = TOLVAN,
    content: dict[str, object] | None = None,
    **columns: object,
) -> str:
    """A draft of ``type_code`` with its complete sample content, signed by ``doctor`` now."""
    sample = getattr(samples, type_code.replace("-", "_"))
    certificate_id = make_certificate(
        store,
        person_id,
        type_code=type_code,
        created=at(27, 7),
        content=content if content is not None else sample(),
        **columns,  # type: ignore[arg-type]
    )
    life.signing.sign(doctor, certificate_id, 1, signature(doctor, clock))
    return certificate_id


class SignNow(Protocol):
    """``signed_now`` bound to a test's store, lifecycle, doctor and clock (fixture ``sign``)."""

    def __call__(
        self,
        type_code: str = ...,
        person_id: str = ...,
        content: dict[str, object] | None = ...,
        **columns: object,
    ) -> str: ...


@pytest.fixture
def sign(store: Store, life: Lifecycle, doctor: UserContext, clock: FixedClock) -> SignNow:
    """Sign a certificate now, as the test's doctor: ``sign("ts-bas")``."""

    def signed(
        type_code: str = "fk7804",
        person_id: str = TOLVAN,
        content: dict[str, object] | None = None,
        **columns: object,
    ) -> str:
        return signed_now(store, life, doctor, clock, type_code, person_id, content, **columns)

    return signed


def signed_before(
    store: Store,
    type_code: str = "fk7804",
    *,
    signed: dt.datetime,
    person_id: str = TOLVAN,
    status: CertificateStatus = CertificateStatus.SIGNED,
    **columns: object,
) -> str:
    """A certificate signed at ``signed`` (and revoked, with ``status`` REVOKED), sealed as
    signing does."""
    sample = getattr(samples, type_code.replace("-", "_"))
    return make_certificate(
        store,
        person_id,
        type_code=type_code,
        status=status,
        created=signed,
        seal=True,
        content=sample(),
        **columns,  # type: ignore[arg-type]
    )
