"""The baseline for the start-up benchmark: a bare PySide6 QMainWindow, shown, then quit."""

import time

STARTED = time.perf_counter()

import sys  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.show()

    def finish() -> None:
        print(f"bare: first window shown after {(time.perf_counter() - STARTED) * 1000:.0f} ms")
        app.exit(0)

    QTimer.singleShot(0, finish)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
