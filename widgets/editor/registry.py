"""Which widget shows which field kind: the editor's only knowledge of kinds."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from models.definitions.schema import FieldDef
from widgets.editor.cause_of_death_widgets import CauseOfDeathListWidget, CauseOfDeathWidget
from widgets.editor.dated_options_widget import CheckboxDateListWidget
from widgets.editor.diagnosis_widget import DiagnosisListWidget
from widgets.editor.field_widget import EditorContext, FieldWidget
from widgets.editor.icf_field import IcfTextFieldWidget
from widgets.editor.period_widgets import DateRangeWidget, SickLeavePeriodsWidget
from widgets.editor.simple_fields import (
    CheckboxListWidget,
    CheckboxWidget,
    ChoiceWidget,
    DateWidget,
    NoticeWidget,
    NumberWidget,
    TextFieldWidget,
)
from widgets.editor.table_widgets import UnderlagListWidget, VisualAcuityWidget
from widgets.editor.typeahead_widget import TypeaheadWidget
from widgets.editor.uncertain_date_widget import UncertainDateWidget

WIDGETS: dict[str, type[FieldWidget]] = {
    "text_field": TextFieldWidget,
    "text_area": TextFieldWidget,
    "text_area_accordion": TextFieldWidget,
    "icf_text": IcfTextFieldWidget,
    "typeahead": TypeaheadWidget,
    "checkbox_boolean": CheckboxWidget,
    "radio_boolean": ChoiceWidget,
    "radio_code": ChoiceWidget,
    "checkbox_code_list": CheckboxListWidget,
    "date": DateWidget,
    "integer": NumberWidget,
    "year": NumberWidget,
    "info_message": NoticeWidget,
    "header": NoticeWidget,
    "checkbox_date_list": CheckboxDateListWidget,
    "uncertain_date": UncertainDateWidget,
    "cause_of_death": CauseOfDeathWidget,
    "cause_of_death_list": CauseOfDeathListWidget,
    "underlag_list": UnderlagListWidget,
    "visual_acuity_table": VisualAcuityWidget,
    "diagnosis_list": DiagnosisListWidget,
    "sick_leave_periods": SickLeavePeriodsWidget,
    "date_range": DateRangeWidget,
}


def register(kind: str, widget: type[FieldWidget]) -> None:
    WIDGETS[kind] = widget


def create_field_widget(
    field: FieldDef, context: EditorContext, parent: QWidget | None = None
) -> FieldWidget:
    """The widget for a field; a kind without one is a bug in the definitions."""
    try:
        widget_class = WIDGETS[field.kind]
    except KeyError:
        raise LookupError(f"no editor widget for field kind {field.kind!r}") from None
    return widget_class(field, context, parent)
