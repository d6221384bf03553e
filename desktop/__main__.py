"""Entry point: ``python -m desktop`` and the ``intygsstudio`` gui-script."""

import time

STARTED = time.perf_counter()  # before the heavy imports, so --smoke measures them too


def main() -> int:
    import sys

    from desktop.app import run

    return run(sys.argv, started=STARTED)


if __name__ == "__main__":
    raise SystemExit(main())
