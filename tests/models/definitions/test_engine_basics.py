"""Required, hidden and conditional fields, unknown ids, wrong shapes, emptiness, carrying."""

from __future__ import annotations

from models.definitions.engine import fields_to_carry, is_empty, validate, visible_field_ids
from tests.models.definitions.factories import context, make_definition, messages

FORM = make_definition(
    {"id": "27", "label": "Smitta", "kind": "checkbox_boolean"},
    {
        "id": "1",
        "label": "Grund",
        "kind": "checkbox_code_list",
        "options": [{"code": "UNDERSOKNING", "label": "u"}, {"code": "ANNAT", "label": "a"}],
        "required": True,
        "shown_if": {"not": {"field": "27", "filled": True}},
        "carry": {"renew": False},
    },
    {
        "id": "1.3",
        "label": "Vad annat",
        "kind": "text_field",
        "max_length": 10,
        "required": True,
        "shown_if": {"field": "1", "includes": "ANNAT"},
    },
    {"id": "33", "label": "Ja/Nej", "kind": "radio_boolean", "required": True},
    {
        "id": "33.2",
        "label": "Motivera",
        "kind": "text_area",
        "shown_if": {"field": "33", "equals": True},
        "required_if": {"field": "33", "equals": True},
    },
    {
        "id": "info",
        "label": "Tänk på detta.",
        "kind": "info_message",
        "shown_if": {"field": "27", "filled": True},
    },
)


def test_a_required_field_left_empty() -> None:
    findings = validate(FORM, {}, context())
    assert messages(findings) == [
        ("1", "Välj minst ett alternativ.", None),
        ("33", "Välj ett alternativ.", None),
    ]


def test_nej_is_an_answer_but_an_unticked_checkbox_is_not() -> None:
    assert validate(FORM, {"1": ["UNDERSOKNING"], "33": False, "27": False}, context()) == []


def test_hidden_fields_are_neither_required_nor_validated() -> None:
    # 27 ticked hides 1, and with it 1.3: their answers are ignored, however wrong.
    content = {"27": True, "1": ["ANNAT", "NONSENSE"], "1.3": "x" * 99, "33": False}
    findings = validate(FORM, content, context())
    assert messages(findings) == [("info", "Tänk på detta.", None)]
    assert findings[0].severity == "info"


def test_a_shown_child_becomes_required() -> None:
    findings = validate(FORM, {"1": ["ANNAT"], "33": True}, context())
    assert messages(findings) == [("1.3", "Ange ett svar.", None), ("33.2", "Ange ett svar.", None)]


def test_text_limit_and_blank_text() -> None:
    findings = validate(
        FORM, {"1": ["ANNAT"], "1.3": "elva tecken", "33": True, "33.2": "   "}, context()
    )
    assert messages(findings) == [
        ("1.3", "Ange en text som inte är längre än 10 tecken.", None),
        ("33.2", "Ange ett svar.", None),
    ]


def test_visibility_follows_the_chain() -> None:
    assert visible_field_ids(FORM, {"1": ["ANNAT"], "33": True}) == ["27", "1", "1.3", "33", "33.2"]
    assert visible_field_ids(FORM, {"27": True, "1": ["ANNAT"]}) == ["27", "33", "info"]


def test_unknown_fields_and_wrong_shapes_are_findings() -> None:
    findings = validate(FORM, {"99": "x", "info": "y", "1": "UNDERSOKNING", "33": "Ja"}, context())
    assert [(f.field_id, f.code) for f in findings] == [
        ("99", "unknown_field"),
        ("info", "unknown_field"),
        ("1", "wrong_type"),
        ("33", "wrong_type"),
    ]


def test_broken_content_is_one_finding() -> None:
    for content in (None, [], "text", {1: "x"}):
        assert [f.code for f in validate(FORM, content, context())] == ["broken_content"]


def test_invalid_and_repeated_options() -> None:
    findings = validate(FORM, {"1": ["ANNAT", "X", "ANNAT"], "1.3": "ok", "33": False}, context())
    assert messages(findings) == [
        ("1", "Välj ett av de angivna alternativen.", "X"),
        ("1", "Välj varje alternativ högst en gång.", None),
    ]


def test_is_empty_ignores_unit_details_and_unanswered_values() -> None:
    assert is_empty({})
    assert is_empty({"unit.postadress": "Storgatan 17", "27": False, "1.3": "  ", "1": []})
    assert not is_empty({"1.3": "annat"})
    assert not is_empty({"27": True})


def test_with_the_definition_a_nej_is_an_entry() -> None:
    assert is_empty({"33": False})
    assert not is_empty({"33": False}, FORM)
    assert is_empty({"27": False}, FORM)


def test_fields_to_carry_drops_what_renewal_empties() -> None:
    assert fields_to_carry(FORM, "renew") == ["27", "1.3", "33", "33.2"]
    assert fields_to_carry(FORM, "replace") == ["27", "1", "1.3", "33", "33.2"]
