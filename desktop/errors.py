"""Logging and the handling of errors that escape: expected ones politely, bugs in a crash dialog.

Uncaught exceptions are written to the log file with a full report. Expected errors
(:class:`models.errors.IntygsstudioError`) are shown with their Swedish message; anything else is
a bug and opens the crash dialog with a copyable report, unless ``--no-crash-dialog`` was given.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import QtCore

from models.errors import IntygsstudioError

log = logging.getLogger("intygsstudio")

_QT_LEVELS = {
    QtCore.QtMsgType.QtDebugMsg: logging.DEBUG,
    QtCore.QtMsgType.QtInfoMsg: logging.INFO,
    QtCore.QtMsgType.QtWarningMsg: logging.WARNING,
    QtCore.QtMsgType.QtCriticalMsg: logging.ERROR,
    QtCore.QtMsgType.QtFatalMsg: logging.CRITICAL,
}


# Qt messages that say nothing about our program; logged at DEBUG so they stay off stderr.
HARMLESS_QT_MESSAGES = (
    # The offscreen platform (headless runs, CI) cannot apply window size hints.
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
)


def setup_logging(log_file: Path) -> None:
    """Everything from INFO to the rotating log file; warnings and worse also to stderr."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    stderr_handler = logging.StreamHandler(sys.stderr)
    stderr_handler.setLevel(logging.WARNING)
    stderr_handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root.addHandler(file_handler)
    root.addHandler(stderr_handler)
    QtCore.qInstallMessageHandler(_qt_message)


def _qt_message(kind: QtCore.QtMsgType, context: QtCore.QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(kind, logging.WARNING)
    if message in HARMLESS_QT_MESSAGES:
        level = logging.DEBUG
    logging.getLogger("qt").log(level, message)


def crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, log_file: Path
) -> str:
    """A plain-text report a user can paste into a support ticket."""
    from desktop import version

    lines = [
        f"Intygsstudio {version()}",
        f"Python {platform.python_version()}, Qt {QtCore.qVersion()}, {platform.platform()}",
        f"Loggfil: {log_file}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class ErrorHandler:
    """Installed as ``sys.excepthook`` while the application runs."""

    def __init__(
        self,
        log_file: Path,
        *,
        show_dialogs: bool,
        on_bug: Callable[[], None] | None = None,
    ) -> None:
        self.log_file = log_file
        self.show_dialogs = show_dialogs
        self.on_bug = on_bug
        self.bugs = 0

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(exc, IntygsstudioError):
            log.warning("%s", exc.message)
            if self.show_dialogs:
                from widgets.message_boxes import show_error

                show_error(None, exc.message)
            return
        self.bugs += 1
        report = crash_report(exc_type, exc, tb, self.log_file)
        log.critical("Oväntat fel\n%s", report)
        if self.on_bug is not None:
            self.on_bug()
        if self.show_dialogs:
            from widgets.crash_dialog import CrashDialog

            CrashDialog(report).exec()
