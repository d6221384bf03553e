"""The exercise panel: a dock beside the journal with the active exercise's instructions,
"Rätta" and the graded result, and "Avsluta övningen".

Each check shows as a row with ✓ (green) or ✗ (red) and its statement; under a failed one, the
explanation of what is missing. The panel only shows and asks: the exercise controller grades
(``grade_requested``) and ends the exercise (``end_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.training.checks import Grade
from models.training.exercises import Exercise
from widgets.editor.style import styled
from widgets.exercise_list_dialog import instructions_html

PASSED_COLOUR = "#1b7a3a"
FAILED_COLOUR = "#b3261e"


def _icon(passed: bool) -> QIcon:
    import qtawesome  # loaded with the panel, not at start-up

    name = "fa6s.circle-check" if passed else "fa6s.circle-xmark"
    icon: QIcon = qtawesome.icon(name, color=PASSED_COLOUR if passed else FAILED_COLOUR)
    return icon


class CheckRow(QWidget):
    """One graded check: the icon, the statement and (failed) the explanation."""

    def __init__(self, text: str, passed: bool, explanation: str) -> None:
        super().__init__()
        self.passed = passed
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        self.icon = QLabel()
        self.icon.setPixmap(_icon(passed).pixmap(18, 18))
        self.icon.setAccessibleName(self.tr("Godkänd") if passed else self.tr("Inte godkänd"))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.icon)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts.addWidget(self.text)
        self.explanation = QLabel(explanation)
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setStyleSheet(f"color:{FAILED_COLOUR};")
        self.explanation.setVisible(not passed and bool(explanation))
        texts.addWidget(self.explanation)
        layout.addLayout(texts, 1)


class ExercisePanel(QDockWidget):
    """Övning: the instructions, Rätta with its result, and Avsluta övningen."""

    grade_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercisePanel")
        self.setWindowTitle(self.tr("Övning"))
        self.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = QLabel()
        self.title.setObjectName("exerciseTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size:15px; font-weight:600;")
        layout.addWidget(self.title)
        self.started = QLabel()
        self.started.setObjectName("exerciseStarted")
        styled(self.started, "help")
        layout.addWidget(self.started)
        self.instructions = QTextBrowser()
        self.instructions.setObjectName("exerciseInstructions")
        self.instructions.setOpenLinks(False)
        layout.addWidget(self.instructions, 1)
        buttons = QHBoxLayout()
        self.grade_button = QPushButton(self.tr("Rätta"))
        self.grade_button.setToolTip(self.tr("Kontrollera det du har gjort mot övningens mål."))
        self.grade_button.clicked.connect(self.grade_requested)
        buttons.addWidget(self.grade_button)
        self.summary = QLabel()
        self.summary.setObjectName("exerciseSummary")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        buttons.addWidget(self.summary, 1)
        layout.addLayout(buttons)
        self.results = QWidget()
        self.results_layout = QVBoxLayout(self.results)
        self.results_layout.setContentsMargins(4, 4, 4, 4)
        self.results_layout.addStretch(1)
        self.results_area = QScrollArea()
        self.results_area.setWidgetResizable(True)
        self.results_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.results_area.setWidget(self.results)
        self.results_area.setVisible(False)
        layout.addWidget(self.results_area, 1)
        self.end_button = QPushButton(self.tr("Avsluta övningen"))
        self.end_button.clicked.connect(self.end_requested)
        layout.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setWidget(body)
        self.setMinimumWidth(320)
        self.rows: list[CheckRow] = []

    def show_exercise(self, exercise: Exercise, started: str) -> None:
        """A new (or resumed) exercise: its instructions, and no result yet."""
        self.title.setText(exercise.title)
        self.started.setText(started)
        self.instructions.setHtml(instructions_html(exercise))
        self._clear()
        self.summary.clear()
        self.grade_button.setEnabled(True)

    def show_grading(self) -> None:
        """Rätta was pressed; the result follows."""
        self.grade_button.setEnabled(False)
        self.summary.setText(self.tr("Rättar…"))

    def show_grade(self, grade: Grade) -> None:
        self._clear()
        for result in grade.results:
            row = CheckRow(result.text, result.passed, result.explanation)
            self.rows.append(row)
            self.results_layout.insertWidget(self.results_layout.count() - 1, row)
        self.results_area.setVisible(True)
        colour = PASSED_COLOUR if grade.passed else FAILED_COLOUR
        self.summary.setStyleSheet(f"color:{colour}; font-weight:600;")
        self.summary.setText(grade.summary)
        self.grade_button.setEnabled(True)

    def show_error(self, message: str) -> None:
        self.summary.setStyleSheet(f"color:{FAILED_COLOUR};")
        self.summary.setText(message)
        self.grade_button.setEnabled(True)

    def _clear(self) -> None:
        for row in self.rows:
            self.results_layout.removeWidget(row)
            row.setParent(None)  # gone at once, not at the next turn of the event loop
            row.deleteLater()
        self.rows = []
        self.results_area.setVisible(False)
        self.summary.setStyleSheet("")
