"""FMB in the fk7804 editor: the button, the side panel per diagnosis, and the length warning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from tests.conftest import TOLVAN
from tests.desktop.drivers import new_draft, open_in_editor, tick, type_patient, write
from tests.factories import make_certificate
from widgets.editor.form_editor import FormEditor


def _open_fk7804(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> FormEditor:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    return open_in_editor(window, new_draft(window, doctor, "fk7804"))


def _period(qtbot: QtBot, editor: FormEditor, degree: str, end: str) -> None:
    row = editor.fields["32"].rows[degree]  # type: ignore[attr-defined]
    tick(qtbot, row.check)
    write(qtbot, row.end.line, end)


def test_the_fmb_panel_shows_each_diagnosis(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
) -> None:
    editor = _open_fk7804(qtbot, main_window_for, doctor)
    button, panel = editor.side_button, editor.side_panel
    assert button is not None and panel is not None
    assert not button.isEnabled()  # no diagnosis yet
    assert button.toolTip() == "Ange en diagnoskod i intyget för att se FMB-stödet för diagnosen."

    rows = editor.fields["6"].rows  # type: ignore[attr-defined]
    write(qtbot, rows[0].code, "J20.1")
    write(qtbot, rows[1].code, "F438A")
    write(qtbot, rows[2].code, "Z76")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert panel.isVisible()
    tabs = panel.tabs  # type: ignore[attr-defined]
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["J20.1", "F438A", "Z76"]
    bronchitis = panel.text_of(0)  # type: ignore[attr-defined]
    assert bronchitis.startswith("Akut bronkit")
    assert "FMB har ingen information för J201. Informationen gäller J20 – Akut bronkit." in (
        bronchitis
    )
    assert "Vägledning för sjukskrivning" in bronchitis
    assert "rekommenderas sjukskrivning på heltid upp till 2 veckor" in bronchitis
    assert "Funktionsnedsättning" in bronchitis and "Information om Akut bronkit" in bronchitis
    assert "Utmattningssyndrom" in panel.text_of(1)  # type: ignore[attr-defined]
    assert "För den angivna diagnosen finns för tillfället inget FMB-stöd." in (
        panel.text_of(2)  # type: ignore[attr-defined]
    )
    panel.grab().save("/tmp/fmb-panel.png")

    # Clearing the diagnoses closes the panel and greys the button out again.
    for row in rows:
        row.code.clear()
        row.text.clear()
    rows[0].code.setFocus()
    qtbot.keyClicks(rows[0].code, "x")
    qtbot.keyClick(rows[0].code, Qt.Key.Key_Backspace)
    assert not button.isEnabled() and not panel.isVisible()


def test_a_period_longer_than_fmb_recommends_warns_at_once(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
) -> None:
    editor = _open_fk7804(qtbot, main_window_for, doctor)
    write(qtbot, editor.fields["6"].rows[0].code, "J20")  # type: ignore[attr-defined]
    _period(qtbot, editor, "HELT_NEDSATT", "14d")
    findings = editor.fields["32"].findings_label
    assert findings.isHidden()  # 14 days: within the recommendation
    _period(qtbot, editor, "HALFTEN", "1d")  # one more day, after the first period
    assert findings.isVisible()
    assert findings.text().startswith(
        "Den föreslagna sjukskrivningsperioden är längre än FMB:s rekommendation på 14 dagar"
    )
    assert all(f.severity == "warning" for f in editor.findings if f.code == "fmb_length")


def test_earlier_certificates_at_the_unit_count_towards_the_total(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    store: Store,
) -> None:
    earlier = {
        "6": [{"code": "J20", "text": "Akut bronkit"}],
        "32": {"HELT_NEDSATT": {"from": "2026-11-16", "to": "2026-11-24"}},  # 9 days
    }
    make_certificate(
        store,
        TOLVAN,
        status=CertificateStatus.SIGNED,
        created=dt.datetime(2026, 11, 16, 9, tzinfo=dt.UTC),
        content=earlier,
    )
    editor = _open_fk7804(qtbot, main_window_for, doctor)
    write(qtbot, editor.fields["6"].rows[0].code, "J20")  # type: ignore[attr-defined]
    _period(qtbot, editor, "HELT_NEDSATT", "7d")  # 27 Nov–3 Dec after a 2-day gap
    text = editor.fields["32"].findings_label.text()
    assert text.startswith("Den totala sjukskrivningsperioden är 16 dagar och därmed längre än")
