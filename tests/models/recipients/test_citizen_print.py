"""Skriv ut / Spara PDF in Mina intyg, and "Anpassa intyget för utskrift" for the employer."""

from __future__ import annotations

import pytest

from models.audit import entries_for_patient
from models.errors import NotAllowedError
from models.printing.citizen import SHARED_COMPUTER
from models.printing.employer import MUST_SHOW
from models.recipients.mina_intyg import Citizen, MinaIntyg
from models.store import Store
from tests.conftest import TOLVAN
from tests.factories import patient_id
from tests.models.definitions.types import samples
from tests.models.printing.helpers import lines, pages
from tests.models.recipients.conftest import SignNow

WITHHELD = "På patientens begäran uppges inte diagnos"
DIAGNOSIS_LABEL = "Diagnos/diagnoser för sjukdom som orsakar nedsatt arbetsförmåga"
QUESTION = "Önskar patienten förmedla information om diagnos/diagnoser till sin arbetsgivare?"


@pytest.mark.parametrize(("type_code", "diagnosis"), [("ag7804", "F43.8A"), ("ag114", "M54.5")])
def test_the_patient_may_print_the_employers_copy_with_or_without_the_diagnosis(
    mina: MinaIntyg, tolvan: Citizen, store: Store, type_code: str, diagnosis: str, sign: SignNow
) -> None:
    certificate_id = sign(type_code)
    before = len(entries_for_patient(store, patient_id(store, TOLVAN)))

    full = mina.pdf(tolvan, certificate_id)
    assert full.warning == SHARED_COMPUTER
    assert full.file_name == "arbetsgivarintyg_19121212-1212_2026-11-27.pdf"
    shown = lines(full.pdf)
    assert any(line.startswith(diagnosis) for line in shown)
    assert WITHHELD not in shown

    minimal = mina.pdf(tolvan, certificate_id, show_diagnosis=False)
    assert minimal.file_name == "minimalt_arbetsgivarintyg_19121212-1212_2026-11-27.pdf"
    hidden = lines(minimal.pdf)
    assert hidden[hidden.index(DIAGNOSIS_LABEL) + 1] == WITHHELD
    assert not any(diagnosis in line for line in hidden)
    assert QUESTION not in hidden
    assert "anpassad utskrift" in " ".join(pages(minimal.pdf))
    # The patient's prints are not care staff's: no PDL entry.
    assert len(entries_for_patient(store, patient_id(store, TOLVAN))) == before


def test_the_diagnosis_cannot_be_hidden_at_smittbararpenning(
    mina: MinaIntyg, tolvan: Citizen, sign: SignNow
) -> None:
    certificate_id = sign("ag7804", content=samples.ag7804_smittbarare())
    page = mina.certificate(tolvan, certificate_id)
    assert page.may_hide_diagnosis and page.hide_refusal == MUST_SHOW
    with pytest.raises(NotAllowedError, match="smittbärarpenning"):
        mina.pdf(tolvan, certificate_id, show_diagnosis=False)
    assert "Z22.1" in " ".join(lines(mina.pdf(tolvan, certificate_id).pdf))


def test_other_types_print_in_full_under_their_usual_name(
    mina: MinaIntyg, tolvan: Citizen, sign: SignNow
) -> None:
    certificate_id = sign()
    result = mina.pdf(tolvan, certificate_id)
    assert result.file_name == "lakarintyg_for_sjukpenning_19121212-1212_2026-11-27.pdf"
    assert "F32.1 Medelsvår depressiv episod" in lines(result.pdf)
    with pytest.raises(NotAllowedError, match="ingen diagnos som kan döljas"):
        mina.pdf(tolvan, certificate_id, show_diagnosis=False)
