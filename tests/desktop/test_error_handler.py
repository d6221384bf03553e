"""Uncaught errors: bugs are logged with a report, expected errors are not bugs."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from desktop.errors import ErrorHandler, crash_report
from models.errors import NotFoundError


def _raise(exc: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise exc
    except BaseException:
        info = sys.exc_info()
    assert info[0] is not None and info[1] is not None
    return info[0], info[1], info[2]


def test_a_bug_is_logged_with_a_copyable_report(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bugs: list[str] = []
    handler = ErrorHandler(tmp_path / "x.log", show_dialogs=False, on_bug=lambda: bugs.append("!"))
    exc_type, exc, tb = _raise(ZeroDivisionError("division by zero"))
    with caplog.at_level(logging.CRITICAL, logger="intygsstudio"):
        handler(exc_type, exc, tb)  # type: ignore[arg-type]
    assert handler.bugs == 1 and bugs == ["!"]
    assert "ZeroDivisionError: division by zero" in caplog.text
    assert "Loggfil:" in caplog.text


def test_an_expected_error_is_not_a_bug(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    handler = ErrorHandler(tmp_path / "x.log", show_dialogs=False)
    exc_type, exc, tb = _raise(NotFoundError("Det finns ingen patient med personnummer X."))
    with caplog.at_level(logging.WARNING, logger="intygsstudio"):
        handler(exc_type, exc, tb)  # type: ignore[arg-type]
    assert handler.bugs == 0
    assert "Det finns ingen patient med personnummer X." in caplog.text


def test_report_names_versions_and_the_log_file(tmp_path: Path) -> None:
    exc_type, exc, tb = _raise(RuntimeError("trasigt"))
    report = crash_report(exc_type, exc, tb, tmp_path / "intygsstudio.log")  # type: ignore[arg-type]
    first, second, third = report.splitlines()[:3]
    assert first.startswith("Intygsstudio ")
    assert second.startswith("Python ") and ", Qt 6." in second
    assert third == f"Loggfil: {tmp_path / 'intygsstudio.log'}"
    assert report.rstrip().endswith("RuntimeError: trasigt")
