"""FMB's sick-leave length warning: the draft alone, joined with earlier certificates, or not."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from models.definitions.loader import shipped_definitions
from models.reference.fmb import fmb
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.fmb_warning import (
    FmbFields,
    Period,
    earlier_sick_leave,
    fmb_length_warning,
    sick_leave_days,
)
from tests.conftest import SJOSTADEN, TESTENHET_17, TOLVAN
from tests.factories import make_certificate, patient_id

D = dt.date
FIELDS = FmbFields("6", "32")  # fk7804's diagnoses and periods


def _content(code: str, *periods: tuple[str, str, str]) -> dict[str, Any]:
    return {
        "6": [{"code": code, "text": "Akut bronkit"}],
        "32": {degree: {"from": start, "to": end} for degree, start, end in periods},
    }


def test_fmb_fields_are_found_from_the_definition() -> None:
    definitions = shipped_definitions()
    assert FmbFields.of(definitions["fk7804"]) == FIELDS
    assert FmbFields.of(definitions["ag7804"]) == FmbFields("6", "32")
    assert FmbFields.of(definitions["luse"]) is None  # diagnoses but no periods
    assert FmbFields.of(definitions["db"]) is None


def test_a_period_within_the_recommendation_gives_no_warning() -> None:
    # J20 (akut bronkit): FMB recommends at most 14 days.
    content = _content("J20", ("HELT_NEDSATT", "2026-11-27", "2026-12-10"))
    assert fmb_length_warning(FIELDS, content, [], fmb()) is None


def test_a_longer_period_warns_about_the_proposed_period() -> None:
    content = _content("J20", ("HELT_NEDSATT", "2026-11-27", "2026-12-11"))
    found = fmb_length_warning(FIELDS, content, [], fmb())
    assert found is not None
    assert (found.field_id, found.severity) == ("32", "warning")
    assert found.message == (
        "Den föreslagna sjukskrivningsperioden är längre än FMB:s rekommendation på 14 dagar "
        "(2 veckor) för diagnos J20. Ange en motivering för att underlätta "
        "Försäkringskassans handläggning."
    )


def test_the_largest_recommendation_among_the_diagnoses_counts() -> None:
    content = _content("J20", ("HELT_NEDSATT", "2026-11-27", "2027-01-31"))
    content["6"].append({"code": "F438A", "text": "Utmattningssyndrom"})  # up to 372 days
    assert fmb_length_warning(FIELDS, content, [], fmb()) is None


def test_earlier_certificates_within_five_days_join_the_sick_leave() -> None:
    content = _content("J20", ("HELT_NEDSATT", "2026-11-27", "2026-12-03"))  # 7 days
    earlier: list[Period] = [(D(2026, 11, 12), D(2026, 11, 21))]  # 10 days, 5-day gap
    found = fmb_length_warning(FIELDS, content, earlier, fmb())
    assert found is not None
    assert found.message.startswith(
        "Den totala sjukskrivningsperioden är 17 dagar och därmed längre än FMB:s "
        "rekommendation på 14 dagar (2 veckor) för diagnos J20."
    )
    assert found.message.endswith("baseras på patientens sammanhängande intyg på denna vårdenhet.")


def test_a_gap_of_six_days_starts_a_new_sick_leave() -> None:
    content = _content("J20", ("HELT_NEDSATT", "2026-11-27", "2026-12-03"))
    earlier: list[Period] = [(D(2026, 11, 12), D(2026, 11, 20))]  # 6 days between
    assert fmb_length_warning(FIELDS, content, earlier, fmb()) is None


@pytest.mark.parametrize(
    ("own", "earlier", "expected"),
    [
        ([(D(2026, 1, 1), D(2026, 1, 10))], [], (10, False)),
        # A replaced certificate's overlapping period counts once.
        ([(D(2026, 1, 1), D(2026, 1, 10))], [(D(2026, 1, 1), D(2026, 1, 10))], (10, False)),
        # Gap days are not sick-leave days; a chain joins through a middle certificate.
        (
            [(D(2026, 1, 20), D(2026, 1, 21))],
            [(D(2026, 1, 1), D(2026, 1, 5)), (D(2026, 1, 10), D(2026, 1, 15))],
            (13, True),
        ),
        # A later certificate (already issued onwards) joins too.
        ([(D(2026, 1, 1), D(2026, 1, 5))], [(D(2026, 1, 8), D(2026, 1, 9))], (7, True)),
    ],
)
def test_sick_leave_days(
    own: list[Period], earlier: list[Period], expected: tuple[int, bool]
) -> None:
    assert sick_leave_days(own, earlier) == expected


def test_incomplete_periods_and_unknown_codes_give_no_warning() -> None:
    half = {"6": [{"code": "J20", "text": "x"}], "32": {"HELT_NEDSATT": {"from": "2026-11-27"}}}
    assert fmb_length_warning(FIELDS, half, [], fmb()) is None
    no_fmb = _content("M54", ("HELT_NEDSATT", "2026-01-01", "2026-12-31"))
    assert fmb_length_warning(FIELDS, no_fmb, [], fmb()) is None
    assert fmb_length_warning(FIELDS, {"32": "nonsense", "6": "x"}, [], fmb()) is None


def test_earlier_sick_leave_counts_signed_sick_pay_certificates_at_the_unit(store: Store) -> None:
    created = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)

    def make(
        status: CertificateStatus, start: str, *, unit: str = TESTENHET_17, kind: str = "fk7804"
    ) -> str:
        content = _content("J20", ("HELT_NEDSATT", start, start[:8] + "28"))
        return make_certificate(
            store,
            TOLVAN,
            type_code=kind,
            status=status,
            created=created,
            unit_id=unit,
            content=content,
        )

    counted = make(CertificateStatus.SIGNED, "2026-10-01")
    make(CertificateStatus.SIGNED, "2026-09-01", unit=SJOSTADEN)
    make(CertificateStatus.REVOKED, "2026-08-01")
    make(CertificateStatus.DRAFT, "2026-07-01")
    make(CertificateStatus.SIGNED, "2026-06-01", kind="ag7804")
    patient = patient_id(store, TOLVAN)
    assert earlier_sick_leave(store, patient, TESTENHET_17) == [(D(2026, 10, 1), D(2026, 10, 28))]
    assert earlier_sick_leave(store, patient, TESTENHET_17, exclude_id=counted) == []
