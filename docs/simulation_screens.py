"""The README's screenshots of the simulation and training windows (``make screenshots``).

Called by ``make_screenshots.py`` with its main window, on the same temporary database and
fixed clock: Mina intyg, an authority's inbox, the reset dialog, an exercise with a graded
result, the main window after time travel, the event log and the new-patient dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop import tasks
from desktop.main_window import MainWindow
from models.staff import UserContext
from models.workflow.siths import TRAINING_PIN, SithsCard
from tests.models.definitions.types import samples

TOLVAN = "191212121212"


def _save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))


def capture(window: MainWindow, user: UserContext, docs: Path) -> None:
    """Every simulation screenshot, in the order a course would meet them."""
    tasks.synchronous = True  # resets and printouts finish before the picture is taken
    try:
        _mina_intyg_and_inbox(window, user, docs)
        _training(window, user, docs)
        _instructor(window, user, docs)
    finally:
        tasks.synchronous = False


def _signed(window: MainWindow, user: UserContext, type_code: str, *, send: bool) -> str:
    services = window.services
    patient = window.patient
    assert patient is not None
    row = services.certificates.create_draft(user, patient, type_code)
    content = getattr(samples, type_code.replace("-", "_"))()
    version = services.certificates.open_certificate(user, row.id).version
    services.lifecycle.drafts.save(user, row.id, content, version)
    card = SithsCard(user, services.clock)
    services.lifecycle.signing.sign(user, row.id, version + 1, card.enter_pin(TRAINING_PIN))
    if send:
        services.lifecycle.signing.send(user, row.id, patient_consent=True)
    return row.id


def _mina_intyg_and_inbox(window: MainWindow, user: UserContext, docs: Path) -> None:
    window.open_patient(TOLVAN)
    _signed(window, user, "fk7804", send=False)
    _signed(window, user, "ag7804", send=False)
    _signed(window, user, "ts-bas", send=True)
    simulation = window.simulation_controller
    portal = simulation.open_mina_intyg()
    portal.log_in(TOLVAN)
    _save(portal, docs / "mina-intyg-list.png")
    portal.open_certificate(portal.list_page.cards[0].row.certificate_id)
    _save(portal, docs / "mina-intyg-certificate.png")
    portal.close()
    inbox = simulation.open_inbox("TRANSP")
    inbox.table.selectRow(0)
    _save(inbox, docs / "inbox-transportstyrelsen.png")
    inbox.close()


def _training(window: MainWindow, user: UserContext, docs: Path) -> None:
    training = window.training_controller
    training.reset_action.trigger()
    dialog = training.dialog
    assert dialog is not None
    dialog.select("uppfoljning")
    _save(dialog, docs / "reset-training.png")
    dialog.reject()

    # Exercise 1, done nearly right: signed, but the sick leave is not the one asked for.
    exercises = window.exercise_controller
    assert exercises.start("01-forsta-lisjp")
    window.open_patient(TOLVAN)
    _signed(window, user, "fk7804", send=False)
    window.controller.reload_certificates()
    exercises.grade()
    window.work_dock.hide()  # the panel's full height, for all four results
    _save(window, docs / "exercise-graded.png")
    window.work_dock.show()
    assert exercises.panel is not None
    exercises.panel.hide()

    # A draft left unsigned locks when the clock passes its fourteenth day.
    patient = window.patient
    assert patient is not None
    window.services.certificates.create_draft(user, patient, "ag114")
    window.time_controller.advance_days(15)
    _save(window, docs / "time-travel.png")
    window.time_controller.return_to_real_time()


def _instructor(window: MainWindow, user: UserContext, docs: Path) -> None:
    instructor = window.instructor_controller
    log = instructor.open_event_log()
    log.resize(1100, 520)
    _save(log, docs / "event-log.png")
    log.close()
    dialog = instructor.new_patient_dialog_for()
    dialog.suggest_button.click()
    dialog.given_name.setText("Karl")
    dialog.family_name.setText("Testsson")
    dialog.show()
    _save(dialog, docs / "new-patient.png")
    dialog.reject()
