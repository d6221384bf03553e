"""Build ``testpersonnummer.txt.gz`` from Skatteverket's test lists. Run by hand, never by the app.

Usage, from the repository root (the shared data folder sits beside it, as in CI)::

    .venv/bin/python -m resources.reference.convert_testpersonnummer [--data ../shared/domain/data]

It reads ``testpersonnummer/Testpersonnummer_170117.csv``, ``2018Testpersonnummer_2018_171219.csv``,
``Testpersonnummer_2019.csv`` (personnummer) and ``Test_samordn_nr2019.csv``
(samordningsnummer), each a header line and one 12-digit number a line, and writes next to this
script every number once, sorted, one a line (gzip without a timestamp, so the same input always
gives the same bytes). Which kind a number is follows from its day (61–91 or an unknown date:
samordningsnummer). The derived ``sample.csv`` beside them is not read.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = "testpersonnummer.txt.gz"
SOURCES = {
    "Testpersonnummer_170117.csv": 19_722,
    "2018Testpersonnummer_2018_171219.csv": 365,
    "Testpersonnummer_2019.csv": 365,
    "Test_samordn_nr2019.csv": 1_500,
}


def read_numbers(folder: Path) -> list[str]:
    """Every number of the four lists, once, sorted; stops if a list is not as documented."""
    numbers: set[str] = set()
    for name, expected in SOURCES.items():
        lines = (folder / name).read_text(encoding="utf-8").split()
        rows = lines[1:]
        if len(rows) != expected or not all(len(r) == 12 and r.isdigit() for r in rows):
            raise SystemExit(f"{name}: expected {expected} twelve-digit numbers")
        numbers.update(rows)
    return sorted(numbers)


def build(numbers: Sequence[str]) -> bytes:
    return gzip.compress("".join(f"{n}\n" for n in numbers).encode("ascii"), mtime=0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parents[2] / "shared/domain/data")
    parser.add_argument("--out", type=Path, default=HERE)
    options = parser.parse_args(argv)
    numbers = read_numbers(options.data / "testpersonnummer")
    (options.out / OUTPUT).write_bytes(build(numbers))
    print(f"{OUTPUT}: {len(numbers)} numbers", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
