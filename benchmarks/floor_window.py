"""The floor of cold start and memory: a bare PySide6 program that shows an empty
QMainWindow and nothing else. No app code is imported.

It reports "shown" by the same rule as the app's LEADERAPP_EXIT_WHEN_SHOWN hook
(leaderapp/gui/app.py): after the window's first paint, print the time and quit.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class ExitWhenShown(QObject):
    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print(f"shown {time.time():.6f}", flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    probe = ExitWhenShown(window)
    window.installEventFilter(probe)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
