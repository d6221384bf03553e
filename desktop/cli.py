"""The command line, parsed without Qt so that --help works anywhere."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from models.training.scenarios import DEFAULT_SCENARIO


@dataclass(frozen=True)
class Options:
    """What the command line asked for; ``qt_args`` are handed on to QApplication."""

    database: str | None
    user: str | None
    unit: str | None
    patient: str | None
    #: The training scenario to rebuild the database from (its key or name), if asked.
    reset_training: str | None
    no_crash_dialog: bool
    smoke: bool
    qt_args: list[str]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intygsstudio",
        description="Intygsstudio: TakeCare's certificate module with Webcert.",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy database URL, e.g. postgresql://user@server/intyg "
        "(default: an SQLite file in the user's data folder)",
    )
    parser.add_argument("--user", metavar="HSA-ID", help="log straight in as this staff member")
    parser.add_argument("--unit", metavar="HSA-ID", help="the care unit to log in at")
    parser.add_argument("--patient", metavar="PNR", help="open this patient's journal at start")
    parser.add_argument(
        "--reset-training",
        nargs="?",
        const=DEFAULT_SCENARIO,
        default=None,
        metavar="SCENARIO",
        help="delete all data and load a training scenario: grundkurs (the default), "
        "uppfoljning, dodsfall (resources/training)",
    )
    parser.add_argument(
        "--no-crash-dialog",
        action="store_true",
        help="report errors on stderr and in the log only, never in a modal dialog (CI, scripts)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start on a temporary database, open Tolvan's journal as the seeded doctor, "
        "print the time to the first window and exit",
    )
    return parser


def parse_options(argv: Sequence[str]) -> Options:
    """Parse ``argv`` (without the program name); unknown arguments go to Qt."""
    namespace, rest = _parser().parse_known_args(list(argv))
    return Options(
        database=namespace.database,
        user=namespace.user,
        unit=namespace.unit,
        patient=namespace.patient,
        reset_training=namespace.reset_training,
        no_crash_dialog=namespace.no_crash_dialog,
        smoke=namespace.smoke,
        qt_args=rest,
    )
