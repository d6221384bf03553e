"""What a user may type into date and period fields, turned into stored answers.

These are the editor's input rules, kept here so that they are tested without Qt:
``ÅÅÅÅ-MM-DD``, ``ÅÅÅÅMMDD`` and ``ÅÅMMDD`` for dates, and ``14d``, ``2v``, ``1m`` as a period's
length counted from its start (Webcert's shortcuts for the to-date).
"""

from __future__ import annotations

import datetime as dt
import re

_LONG = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")
_SHORT = re.compile(r"^(\d{2})(\d{2})(\d{2})$")
_SHORTCUT = re.compile(r"^\+?(\d{1,3})\s*([dDvVwWmM])$")


def normalise_date(text: str, today: dt.date) -> str:
    """The ISO form of a typed date if it is one; otherwise the text as typed (for the rules).

    A six-digit date takes the century that puts it nearest to today, so ``261127`` is 2026.
    """
    compact = text.strip()
    match = _LONG.match(compact)
    if match:
        candidate = f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    else:
        match = _SHORT.match(compact)
        if not match:
            return compact
        year = int(match.group(1))
        century = today.year // 100 * 100
        choices = [century - 100 + year, century + year, century + 100 + year]
        full = min(choices, key=lambda y: abs(y - today.year))
        candidate = f"{full:04d}-{match.group(2)}-{match.group(3)}"
    try:
        dt.date.fromisoformat(candidate)
    except ValueError:
        return compact
    return candidate


def _add_months(date: dt.date, months: int) -> dt.date:
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    for day in (date.day, 30, 29, 28):  # 31 January plus a month is the last of February
        if day <= date.day:
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
    return dt.date(year, month, 28)


def period_end(start: str, typed: str, today: dt.date) -> str:
    """The to-date for a typed end: a date, or a length such as ``14d``, ``2v`` or ``1m``.

    The length counts the start day as the first day, so ``14d`` from 1 December ends on
    14 December. Without a valid start date the text is kept as typed.
    """
    match = _SHORTCUT.match(typed.strip())
    if not match:
        return normalise_date(typed, today)
    try:
        first = dt.date.fromisoformat(start)
    except ValueError:
        return typed.strip()
    count, unit = int(match.group(1)), match.group(2).lower()
    if count == 0:
        return typed.strip()
    if unit == "d":
        last = first + dt.timedelta(days=count - 1)
    elif unit in ("v", "w"):
        last = first + dt.timedelta(days=7 * count - 1)
    else:
        last = _add_months(first, count) - dt.timedelta(days=1)
    return last.isoformat()


def period_days(start: str | None, end: str | None) -> int | None:
    """The number of days a period covers, both ends included; None when not both are dates."""
    try:
        first = dt.date.fromisoformat(start or "")
        last = dt.date.fromisoformat(end or "")
    except ValueError:
        return None
    return (last - first).days + 1 if last >= first else None


def next_period_start(other_ends: list[str], today: dt.date) -> str:
    """Where a newly ticked sick-leave degree starts: the day after the latest period already
    given, or today when there is none (as Webcert prefills it)."""
    ends = []
    for end in other_ends:
        try:
            ends.append(dt.date.fromisoformat(end))
        except ValueError:
            continue
    return (max(ends) + dt.timedelta(days=1) if ends else today).isoformat()
