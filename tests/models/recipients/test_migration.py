"""Migration 0005: deliveries sent before it stay Webcert sends that the journal knows of."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text
from sqlalchemy.engine import URL

from models.clock import FixedClock
from models.store.deliveries import Delivery
from models.store.engine import create_store
from models.store.migrate import SCHEMA_HEAD, migrate
from models.store.seed import seed_if_empty
from tests.conftest import DOCTOR, SEED_DIR, TESTENHET_17


def test_deliveries_of_revision_0004_are_kept_as_webcert_sends_in_the_journal(
    sqlite_url: URL, clock: FixedClock
) -> None:
    store = create_store(sqlite_url)
    try:
        migrate(store, clock, target="0004")
        with store.engine.begin() as connection:
            connection.execute(
                text("INSERT INTO care_providers (hsa_id, name) VALUES ('P1', 'Gammal');")
            )
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO care_units (hsa_id, care_provider_id, name, street_address, "
                    "postal_code, city, phone, active) VALUES (:unit, 'P1', 'Enhet', '', '', '', "
                    "'', 1)"
                ),
                {"unit": TESTENHET_17},
            )
            connection.execute(
                text(
                    "INSERT INTO staff (hsa_id, given_name, family_name, specialities, "
                    "has_vard_och_behandling, may_use_webcert) "
                    "VALUES (:doctor, 'Karin', 'Berg', '', 1, 1)"
                ),
                {"doctor": DOCTOR},
            )
            connection.execute(
                text(
                    "INSERT INTO patients (id, person_id, id_kind, given_name, middle_name, "
                    "family_name, street_address, postal_code, city, protected_identity) "
                    "VALUES (1, '191212121212', 'personnummer', 'Tolvan', '', 'Tolvansson', "
                    "'', '', '', 0)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO certificates (id, type_code, type_version, patient_id, unit_id, "
                    "author_id, status, content, is_empty, version, created_at, updated_at, "
                    "sent_at, sent_to) VALUES ('c1', 'fk7804', '2.0', 1, :unit, :doctor, "
                    "'SIGNED', '{}', 0, 1, '2026-11-20 08:00:00', '2026-11-20 08:00:00', "
                    "'2026-11-20 09:00:00', 'FKASSA')"
                ),
                {"unit": TESTENHET_17, "doctor": DOCTOR},
            )
            connection.execute(
                text(
                    "INSERT INTO deliveries (certificate_id, recipient, sent_at, sent_by_id, "
                    "patient_consent) VALUES ('c1', 'FKASSA', '2026-11-20 09:00:00', :doctor, 1)"
                ),
                {"doctor": DOCTOR},
            )
        result = migrate(store, clock)
        assert (result.from_revision, result.to_revision) == ("0004", SCHEMA_HEAD)
        assert not seed_if_empty(store, SEED_DIR, clock)
        sent = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
        with store.session() as session:
            delivery = session.scalars(select(Delivery)).one()
            assert (delivery.channel, delivery.sent_by_id) == ("WEBCERT", DOCTOR)
            assert (delivery.journal_due_at, delivery.journal_at) == (sent, sent)
        with store.engine.begin() as connection:  # the patient may send: no staff sender
            connection.execute(
                text(
                    "INSERT INTO deliveries (certificate_id, recipient, sent_at, channel) "
                    "VALUES ('c1', 'TRANSP', '2026-11-21 09:00:00', 'MINA_INTYG')"
                )
            )
    finally:
        store.close()
