"""Nothing reads the system time except ``models/clock.py`` (issue 10): a static check.

Every module of the app (models/, widgets/, desktop/, resources/) is parsed, and every name
that reaches the system clock is reported, called or merely passed on (``default=dt.datetime.now``
reads the time as surely as a call). Imports are followed, so ``from datetime import date`` +
``date.today()`` is found as well as ``dt.date.today()``. What the database's clock says
(``func.now()``, ``CURRENT_TIMESTAMP``) counts too.

Allowed, because they measure durations and never become a date: ``time.perf_counter``,
``time.monotonic``, ``time.process_time`` and ``QElapsedTimer``. The dynamic half of the proof
(a frozen clock far in the future) is in tests/models/workflow/test_frozen_clock.py and
tests/desktop/test_frozen_clock_window.py.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("models", "widgets", "desktop", "resources")
#: The one module that may ask the operating system for the time.
ALLOWED = {Path("models/clock.py")}

_DATETIME_READS = {"now", "utcnow", "today"}
_FORBIDDEN = {
    *(f"datetime.datetime.{name}" for name in _DATETIME_READS),
    "datetime.date.today",
    *(
        f"time.{name}"
        for name in ("time", "time_ns", "localtime", "gmtime", "ctime", "asctime", "strftime")
    ),
    "PySide6.QtCore.QDate.currentDate",
    "PySide6.QtCore.QTime.currentTime",
    *(
        f"PySide6.QtCore.QDateTime.{name}"
        for name in (
            "currentDateTime",
            "currentDateTimeUtc",
            "currentMSecsSinceEpoch",
            "currentSecsSinceEpoch",
        )
    ),
    *(
        f"sqlalchemy.func.{name}"
        for name in (
            "now",
            "current_timestamp",
            "current_date",
            "current_time",
            "localtime",
            "localtimestamp",
            "sysdate",
        )
    ),
}
_SQL_CLOCK = re.compile(
    r"\b(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIMESTAMP|LOCALTIME)\b|\bnow\(\)",
    re.IGNORECASE,
)
#: Where SQLAlchemy keeps ``func`` and its functions under other names.
_MODULE_ALIASES = {
    "sqlalchemy.sql": "sqlalchemy",
    "sqlalchemy.sql.expression": "sqlalchemy",
    "sqlalchemy.sql.functions": "sqlalchemy.func",
    "sqlalchemy.functions": "sqlalchemy.func",
}


def _imports(tree: ast.Module) -> dict[str, str]:
    """Local name → what it stands for, fully qualified."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    names[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _qualified(node: ast.expr, names: dict[str, str]) -> str | None:
    """``dt.datetime.now`` → "datetime.datetime.now" when ``dt`` is the module datetime."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in names:
        return None
    return _canonical(".".join([names[node.id], *reversed(parts)]))


def _canonical(qualified: str) -> str:
    """``sqlalchemy.sql.functions.now`` → "sqlalchemy.func.now" (the longest alias first)."""
    for module in sorted(_MODULE_ALIASES, key=len, reverse=True):
        if qualified.startswith(f"{module}."):
            return f"{_MODULE_ALIASES[module]}{qualified[len(module) :]}"
    return qualified


def _docstrings(tree: ast.Module) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def system_time_reads(source: str) -> list[tuple[int, str]]:
    """(line, what) for each place the source reads the system (or database) time."""
    tree = ast.parse(source)
    names = _imports(tree)
    docstrings = _docstrings(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute | ast.Name):
            qualified = _qualified(node, names)
            if qualified in _FORBIDDEN:
                found.append((node.lineno, qualified))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and _SQL_CLOCK.search(node.value)
        ):
            found.append((node.lineno, f"SQL {node.value!r}"))
    return sorted(set(found))


def _app_modules() -> list[Path]:
    return sorted(path.relative_to(ROOT) for top in SCANNED for path in (ROOT / top).rglob("*.py"))


def test_nothing_but_the_clock_reads_the_system_time() -> None:
    modules = _app_modules()
    assert len(modules) > 100  # the scan really walked the app
    offenders = [
        f"{path}:{line}: {what}"
        for path in modules
        if path not in ALLOWED
        for line, what in system_time_reads((ROOT / path).read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_clock_is_where_the_system_time_is_read() -> None:
    # If this fails, the scan no longer recognises what it is meant to find.
    reads = system_time_reads((ROOT / "models/clock.py").read_text(encoding="utf-8"))
    assert [what for _line, what in reads] == ["datetime.datetime.now"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import datetime as dt\nx = dt.datetime.now(dt.UTC)", "datetime.datetime.now"),
        ("import datetime\nx = datetime.date.today()", "datetime.date.today"),
        ("from datetime import datetime\nx = datetime.utcnow()", "datetime.datetime.utcnow"),
        ("from datetime import date as D\nf = D.today", "datetime.date.today"),
        (
            "import dataclasses, datetime as dt\n"
            "f = dataclasses.field(default_factory=dt.datetime.now)",
            "datetime.datetime.now",
        ),
        ("import time\nx = time.time()", "time.time"),
        ("from time import localtime\nx = localtime()", "time.localtime"),
        (
            "from PySide6.QtCore import QDate\nx = QDate.currentDate()",
            "PySide6.QtCore.QDate.currentDate",
        ),
        (
            "from PySide6 import QtCore\nx = QtCore.QDateTime.currentDateTime()",
            "PySide6.QtCore.QDateTime.currentDateTime",
        ),
        (
            "from PySide6.QtCore import QDateTime\nx = QDateTime.currentMSecsSinceEpoch()",
            "PySide6.QtCore.QDateTime.currentMSecsSinceEpoch",
        ),
        (
            "from PySide6.QtCore import QTime\nx = QTime.currentTime()",
            "PySide6.QtCore.QTime.currentTime",
        ),
        ("from sqlalchemy import func\nx = func.now()", "sqlalchemy.func.now"),
        ("import sqlalchemy as sa\nx = sa.func.current_date()", "sqlalchemy.func.current_date"),
        (
            "from sqlalchemy.sql import func\nx = func.localtimestamp()",
            "sqlalchemy.func.localtimestamp",
        ),
        ("from sqlalchemy.sql.functions import now\nx = now()", "sqlalchemy.func.now"),
        (
            "from sqlalchemy.sql import functions\nx = functions.current_timestamp()",
            "sqlalchemy.func.current_timestamp",
        ),
        ("x = text('select now()')", "SQL 'select now()'"),
        ("x = text('SELECT current_timestamp')", "SQL 'SELECT current_timestamp'"),
        ("x = Column(server_default='CURRENT_TIMESTAMP')", "SQL 'CURRENT_TIMESTAMP'"),
    ],
)
def test_the_scan_finds_every_way_of_reading_the_time(source: str, expected: str) -> None:
    assert [what for _line, what in system_time_reads(source)] == [expected]


def test_durations_and_the_app_clock_are_allowed() -> None:
    source = (
        '"""A docstring may say datetime.now() or CURRENT_TIMESTAMP."""\n'
        "import time, datetime as dt\n"
        "from PySide6.QtCore import QDate, QElapsedTimer\n"
        "started = time.perf_counter(); tick = time.monotonic(); cpu = time.process_time()\n"
        "timer = QElapsedTimer()\n"
        "now = clock.now(); today = self._clock.today(); moment = dt.datetime(2026, 1, 1)\n"
        "day = QDate(2026, 11, 27); later = today + dt.timedelta(days=1)\n"
        "text = 'Skickades nu'\n"
    )
    assert system_time_reads(source) == []
