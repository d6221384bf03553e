"""Property: validate() reports whatever content it gets as findings and never raises."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.definitions.engine import validate
from models.definitions.findings import Finding
from models.definitions.loader import shipped_definitions
from tests.models.definitions.factories import context

DEFINITIONS = shipped_definitions()
FIELD_IDS = sorted({field.id for d in DEFINITIONS.values() for field in d.fields()})

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
dates = st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["2026-00-00", "0000-00-00"])
json_values = st.recursive(
    json_scalars | dates,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(["from", "to", "code", "text"]), inner, max_size=4
        )
    ),
    max_leaves=12,
)
keys = st.sampled_from(FIELD_IDS) | st.text(max_size=10)
contents = st.dictionaries(keys, json_values, max_size=12)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(code=st.sampled_from(sorted(DEFINITIONS)), content=contents)
def test_validate_never_raises_on_json_content(code: str, content: dict[str, Any]) -> None:
    definition = DEFINITIONS[code]
    findings = validate(definition, content, context())
    assert all(isinstance(f, Finding) for f in findings)
    known = {field.id for field in definition.fields() if field.holds_answer}
    for key in content:
        if key not in known:
            assert any(f.field_id == key and f.code == "unknown_field" for f in findings)


@settings(max_examples=60, deadline=None)
@given(code=st.sampled_from(sorted(DEFINITIONS)), content=json_values)
def test_content_that_is_not_an_object_is_reported(code: str, content: Any) -> None:
    findings = validate(DEFINITIONS[code], content, context())
    if not isinstance(content, dict):
        assert [f.code for f in findings] == ["broken_content"]
