"""What the schema must guarantee: optimistic locking, cascades, reset."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models.clock import FixedClock
from models.store import Store
from models.store.schema import Certificate, CertificateEvent, Patient
from models.store.seed import reset_training
from tests.conftest import DOCTOR, SEED_DIR, TESTENHET_17, TOLVAN


def _add_draft(store: Store, clock: FixedClock) -> str:
    certificate_id = str(uuid.uuid4())
    with store.transaction() as session:
        patient = session.scalar(select(Patient).where(Patient.person_id == TOLVAN))
        assert patient is not None
        session.add(
            Certificate(
                id=certificate_id,
                type_code="fk7804",
                type_version="2.0",
                patient_id=patient.id,
                unit_id=TESTENHET_17,
                author_id=DOCTOR,
                content={"diagnoser": [{"kod": "F321", "text": "Måttlig depressiv episod"}]},
                created_at=clock.now(),
                updated_at=clock.now(),
            )
        )
        session.flush()
        session.add(
            CertificateEvent(
                certificate_id=certificate_id,
                at=clock.now(),
                kind="SKAPAT",
                status="DRAFT",
                actor_id=DOCTOR,
            )
        )
    return certificate_id


def test_content_and_times_round_trip(store: Store, clock: FixedClock) -> None:
    certificate_id = _add_draft(store, clock)
    with store.session() as session:
        certificate = session.get(Certificate, certificate_id)
        assert certificate is not None
        assert certificate.content["diagnoser"][0]["text"] == "Måttlig depressiv episod"
        assert certificate.created_at == clock.now()
        assert certificate.created_at.tzinfo == dt.UTC
        assert certificate.version == 1
        assert [e.kind for e in certificate.events] == ["SKAPAT"]


def test_two_workstations_cannot_overwrite_each_other(store: Store, clock: FixedClock) -> None:
    certificate_id = _add_draft(store, clock)
    first = Session(store.engine, expire_on_commit=False)
    second = Session(store.engine, expire_on_commit=False)
    try:
        mine = first.get(Certificate, certificate_id)
        theirs = second.get(Certificate, certificate_id)
        assert mine is not None and theirs is not None
        mine.content = {"ovrigt": "första"}
        first.commit()
        theirs.content = {"ovrigt": "andra"}
        with pytest.raises(StaleDataError):
            second.commit()
    finally:
        first.close()
        second.close()
    with store.session() as session:
        saved = session.get(Certificate, certificate_id)
        assert saved is not None
        assert saved.content == {"ovrigt": "första"} and saved.version == 2


def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(Exception, match="naive datetime"), store.transaction() as session:
        session.add(
            CertificateEvent(
                certificate_id="x", at=dt.datetime(2026, 1, 1), kind="SKAPAT", status="DRAFT"
            )
        )


def test_reset_training_restores_the_seed(store: Store, clock: FixedClock) -> None:
    _add_draft(store, clock)
    with store.transaction() as session:
        tolvan = session.scalar(select(Patient).where(Patient.person_id == TOLVAN))
        assert tolvan is not None
        tolvan.given_name = "Ändrad"
    reset_training(store, SEED_DIR, clock)
    with store.session() as session:
        assert session.scalars(select(Certificate)).all() == []
        tolvan = session.scalar(select(Patient).where(Patient.person_id == TOLVAN))
        assert tolvan is not None and tolvan.given_name == "Tolvan"


def test_a_concurrent_change_through_the_store_is_a_swedish_error(
    store: Store, clock: FixedClock
) -> None:
    from models.errors import ConcurrentChangeError

    certificate_id = _add_draft(store, clock)
    with (
        pytest.raises(ConcurrentChangeError, match="Någon annan har ändrat"),
        store.transaction() as session,
    ):
        mine = session.get(Certificate, certificate_id)
        assert mine is not None
        with store.transaction() as other:  # another workstation saves first
            theirs = other.get(Certificate, certificate_id)
            assert theirs is not None
            theirs.content = {"25": "först"}
        mine.content = {"25": "sedan"}
    with store.session() as session:
        saved = session.get(Certificate, certificate_id)
        assert saved is not None and saved.content == {"25": "först"}


def test_a_broken_database_is_a_swedish_error(store: Store) -> None:
    from sqlalchemy import text

    from models.errors import StoreError

    with store.engine.begin() as connection:
        connection.execute(text("DROP TABLE certificate_events"))
    with (
        pytest.raises(StoreError, match="Databasen kunde inte läsas eller skrivas"),
        store.session() as session,
    ):
        session.execute(text("SELECT * FROM certificate_events")).all()
