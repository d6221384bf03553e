"""Background tasks hand their result, or their error, back on the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from desktop import tasks


def test_the_work_runs_elsewhere_and_the_result_comes_back_on_the_gui_thread(
    qtbot: QtBot,
) -> None:
    gui = QThread.currentThread()
    seen: dict[str, Any] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["on_gui"] = QThread.currentThread() is gui

    tasks.run_task(work, done, lambda error: seen.setdefault("error", error))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker": True, "result": 42, "on_gui": True}


def test_an_error_is_handed_to_the_failure_callback(qtbot: QtBot) -> None:
    failures: list[BaseException] = []

    def work() -> None:
        raise ValueError("trasig")

    tasks.run_task(work, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], ValueError) and str(failures[0]) == "trasig"


def test_synchronous_mode_for_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "synchronous", True)
    results: list[int] = []
    tasks.run_task(lambda: 7, results.append, lambda _e: None)
    assert results == [7]  # before run_task returned


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[int] = []

    def done(self, result: int) -> None:
        self.results.append(result)


def test_a_result_for_a_deleted_receiver_is_dropped(qtbot: QtBot) -> None:
    started, release = threading.Event(), threading.Event()

    def work() -> int:
        started.set()
        release.wait(5)
        return 7

    gone, alive = _Receiver(), _Receiver()
    tasks.run_task(work, gone.done, lambda error: None)
    tasks.run_task(lambda: 8, alive.done, lambda error: None)
    assert started.wait(5)
    shiboken6.delete(gone)  # the window closed while its work ran
    release.set()
    qtbot.waitUntil(lambda: alive.results == [8])
    qtbot.waitUntil(lambda: not tasks._running)
    assert gone.results == []  # nothing called on what is gone
