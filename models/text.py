"""Text helpers for Swedish: sorting as a Swedish reader expects."""

from __future__ import annotations

# Å, Ä and Ö are letters of their own after Z (the ASCII characters after "z" stand in for
# them); Æ/Ø sort as Ä/Ö, Ü as Y, accented E as E.
_SWEDISH_ORDER = str.maketrans(
    {
        "å": "{",
        "ä": "|",
        "æ": "|",
        "ö": "}",
        "ø": "}",
        "ü": "y",
        "é": "e",
        "è": "e",
    }
)


def swedish_key(text: str) -> str:
    """A sort key that orders words as a Swedish dictionary does, ignoring case."""
    return text.casefold().translate(_SWEDISH_ORDER)
