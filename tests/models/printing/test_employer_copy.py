"""The employer's copy without the diagnosis, as a document (no database)."""

from __future__ import annotations

from models.definitions.loader import shipped_definitions
from models.printing import build_document
from models.printing.employer import CUSTOMISED, MUST_SHOW, diagnosis_fields, hide_refusal
from models.store.certificates import CertificateStatus
from tests.models.definitions.types import samples
from tests.models.printing.helpers import CERTIFICATE_ID, SIGNATURE

WITHHELD = "På patientens begäran uppges inte diagnos"


def printed(type_code: str, content: dict[str, object], *, hide: bool) -> dict[str, str]:
    document = build_document(
        shipped_definitions()[type_code],
        content,
        certificate_id=CERTIFICATE_ID,
        status=CertificateStatus.SIGNED,
        person_id="191212121212",
        signature=SIGNATURE,
        hide_diagnosis=hide,
    )
    found = {line.label: line.text for s in document.sections for line in s.lines}
    found["notices"] = " ".join(document.notices)
    return found


def test_hiding_prints_withheld_and_leaves_out_the_question() -> None:
    label = "Diagnos/diagnoser för sjukdom som orsakar nedsatt arbetsförmåga"
    question = "Önskar patienten förmedla information om diagnos/diagnoser till sin arbetsgivare?"
    shown = printed("ag7804", samples.ag7804(), hide=False)
    assert (shown[label], shown[question], shown["notices"]) == (
        "F43.8A Utmattningssyndrom",
        "Ja",
        "",
    )
    hidden = printed("ag7804", samples.ag7804(), hide=True)
    assert hidden[label] == WITHHELD and question not in hidden
    assert hidden["notices"] == CUSTOMISED
    # Already withheld at the patient's request: the same printout.
    declined = printed("ag7804", {**samples.ag7804(), "100": False}, hide=True)
    assert declined[label] == WITHHELD and question not in declined


def test_only_the_employers_types_have_a_diagnosis_to_hide() -> None:
    definitions = shipped_definitions()
    assert {code for code, d in definitions.items() if diagnosis_fields(d)} == {"ag7804", "ag114"}
    assert diagnosis_fields(definitions["ag7804"]).questions == {"100"}
    fk = printed("fk7804", samples.fk7804(), hide=True)
    assert fk["notices"] == "" and WITHHELD not in fk.values()


def test_smittbararpenning_keeps_the_diagnosis() -> None:
    ag7804 = shipped_definitions()["ag7804"]
    assert hide_refusal(ag7804, samples.ag7804()) is None
    assert hide_refusal(ag7804, samples.ag7804_smittbarare()) == MUST_SHOW
