"""What a printout says, before any layout: sections in form order, hidden questions left out,
the employer's variant, the watermark, the signature block and the closing lines."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from models.definitions.loader import shipped_definitions
from models.definitions.summary import WITHHELD, answered_fields
from models.printing.document import (
    EMPLOYER_DRAFT,
    PrintDocument,
    PrintLine,
    PrintSection,
    build_document,
)
from models.printing.service import file_name
from models.reference.patient_id import PatientIdKind
from tests.models.definitions.types import samples
from tests.models.printing.helpers import CERTIFICATE_ID, SIGNATURE


def document(type_code: str, content: dict[str, Any], status: str, **kwargs: Any) -> PrintDocument:
    return build_document(
        shipped_definitions()[type_code],
        content,
        certificate_id=CERTIFICATE_ID,
        status=status,
        person_id="191212121212",
        **kwargs,
    )


def section(doc: PrintDocument, title: str) -> PrintSection:
    return next(s for s in doc.sections if s.title == title)


def test_fk7804_prints_its_sections_in_form_order_with_the_answers_as_text() -> None:
    doc = document("fk7804", samples.fk7804(), "DRAFT")
    assert (doc.type_name, doc.form_code, doc.person_id, doc.person_id_label) == (
        "Läkarintyg för sjukpenning",
        "FK7804",
        "19121212-1212",
        "Personnummer",
    )
    assert [s.title for s in doc.sections] == [
        "Grund för medicinskt underlag",
        "Sysselsättning",
        "Diagnos",
        "Funktionsnedsättning",
        "Aktivitetsbegränsning",
        "Medicinsk behandling",
        "Bedömning",
        "Prognos",
        "Övrigt",
        "Vårdenhetens adress",
    ]
    assert section(doc, "Diagnos").lines == (
        PrintLine(
            "Diagnos/diagnoser för sjukdom som orsakar nedsatt arbetsförmåga",
            "F32.1 Medelsvår depressiv episod",
        ),
    )
    # The periods in time order: full sick leave first, then half time.
    assert section(doc, "Bedömning").lines[0].text == (
        "100 procent: 2026-11-27 – 2026-12-13\n50 procent: 2026-12-14 – 2027-01-10"
    )


def test_a_hidden_answer_is_not_printed() -> None:
    content = samples.fk7804()
    content["33.2"] = "Kvarglömd motivering."  # shown only when 33 is Ja; the sample says Nej
    doc = document("fk7804", content, "DRAFT")
    texts = [line.text for s in doc.sections for line in s.lines]
    assert "Nej" in texts
    assert "Kvarglömd motivering." not in texts


def _withholding(type_code: str) -> dict[str, Any]:
    """The patient said Nej; a diagnosis typed before that is still stored, hidden."""
    if type_code == "ag7804":
        return {**samples.ag7804(), "100": False}
    return {**samples.ag114_partial(), "4": [{"code": "M54.5", "text": "Lumbago"}]}


@pytest.mark.parametrize("type_code", ["ag7804", "ag114"])
def test_the_employer_types_withhold_the_diagnosis_when_the_patient_says_no(
    type_code: str,
) -> None:
    doc = document(type_code, _withholding(type_code), "SIGNED", signature=SIGNATURE)
    assert section(doc, "Diagnos").lines == (
        PrintLine(
            "Önskar patienten förmedla information om diagnos/diagnoser till sin arbetsgivare?",
            "Nej",
        ),
        PrintLine(
            "Diagnos/diagnoser för sjukdom som orsakar nedsatt arbetsförmåga",
            "På patientens begäran uppges inte diagnos",
        ),
    )
    assert WITHHELD == "På patientens begäran uppges inte diagnos"
    texts = " ".join(line.text for s in doc.sections for line in s.lines)
    assert "F43.8A" not in texts and "M54.5" not in texts
    # Without asking for it, a summary lists only what is answered.
    plain = answered_fields(shipped_definitions()[type_code], _withholding(type_code))
    assert WITHHELD not in [answered.text for answered in plain]


def test_the_diagnosis_prints_when_the_patient_shares_it_and_nothing_when_not_yet_asked() -> None:
    shared = document("ag7804", samples.ag7804(), "SIGNED", signature=SIGNATURE)
    assert section(shared, "Diagnos").lines[1].text == "F43.8A Utmattningssyndrom"
    unasked = samples.ag7804()
    del unasked["100"]
    draft = document("ag7804", unasked, "DRAFT")
    assert all(s.title != "Diagnos" for s in draft.sections)


@pytest.mark.parametrize(
    ("status", "watermark"),
    [
        ("DRAFT", "UTKAST"),
        ("LOCKED_DRAFT", "LÅST UTKAST"),
        ("SIGNED", None),
        ("REVOKED", "MAKULERAT"),
        ("LOCKED_REVOKED", "MAKULERAT"),
    ],
)
def test_the_watermark_follows_the_status(status: str, watermark: str | None) -> None:
    assert document("luse", samples.luse(), status).watermark == watermark


@pytest.mark.parametrize("type_code", sorted(shipped_definitions()))
def test_only_drafts_of_the_employer_types_say_they_must_not_go_to_the_employer(
    type_code: str,
) -> None:
    employer = type_code in ("ag114", "ag7804")
    for status, expected in (("DRAFT", employer), ("LOCKED_DRAFT", employer), ("SIGNED", False)):
        doc = document(type_code, {}, status)
        assert doc.notices == ((EMPLOYER_DRAFT,) if expected else ()), (type_code, status)
    assert EMPLOYER_DRAFT == (
        "Detta är ett utkast och inte ett intyg. Ett utkast får inte lämnas till arbetsgivaren."
    )


def test_a_signed_certificate_carries_the_signature_with_the_forms_unit_address() -> None:
    content = {**samples.fk7804(), "unit.postadress": "Box 17", "unit.telefonnummer": "0123-1"}
    doc = document("fk7804", content, "SIGNED", signature=SIGNATURE, sent_to="Försäkringskassan")
    assert doc.signature == dataclasses.replace(
        SIGNATURE, street_address="Box 17", postal_code="123 45", phone="0123-1"
    )
    # The unit's address is in the signature block; it is not repeated as a section.
    assert all(s.title != "Vårdenhetens adress" for s in doc.sections)
    assert doc.closing_lines() == [
        "Intyget har skickats digitalt till Försäkringskassan",
        "Du kan se intyget genom att logga in på 1177.se",
    ]


def test_closing_lines_only_for_a_sent_certificate_and_1177_only_where_the_patient_sees_it() -> (
    None
):
    unsent = document("fk7804", samples.fk7804(), "SIGNED", signature=SIGNATURE)
    assert unsent.closing_lines() == []
    death = document("db", samples.db(), "SIGNED", signature=SIGNATURE, sent_to="Skatteverket")
    assert death.closing_lines() == ["Intyget har skickats digitalt till Skatteverket"]
    revoked = document(
        "fk7804", samples.fk7804(), "REVOKED", signature=SIGNATURE, sent_to="Försäkringskassan"
    )
    assert revoked.closing_lines() == ["Intyget har skickats digitalt till Försäkringskassan"]
    draft = document("fk7804", samples.fk7804(), "DRAFT", signature=SIGNATURE, sent_to="FK")
    assert (draft.signature, draft.closing_lines()) == (None, [])


def test_other_kinds_of_number_are_named_as_such_and_the_file_name_is_plain() -> None:
    doc = document("fk7804", {}, "DRAFT", id_kind=PatientIdKind.SAMORDNINGSNUMMER)
    assert doc.person_id_label == "Samordningsnummer"
    assert file_name(doc, "2026-11-27") == (
        "lakarintyg_for_sjukpenning_19121212-1212_2026-11-27.pdf"
    )
    ag = document("ag114", {}, "DRAFT")
    assert file_name(ag, "2026-11-27") == (
        "lakarintyg_om_arbetsformaga_sjukloneperioden_19121212-1212_2026-11-27.pdf"
    )
