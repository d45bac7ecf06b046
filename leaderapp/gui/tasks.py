"""Background work on a QThread, reported back to the GUI thread through signals.

The work function must not touch the Workspace (its sqlite connection belongs to
the GUI thread): give it a snapshot. It receives a ``progress(fraction)`` callback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from leaderapp.core.i18n import _

log = logging.getLogger(__name__)

Work = Callable[[Callable[[float], None]], object]


class TaskFailed(Exception):
    """Raised by work functions with a message meant for the user."""


class _Worker(QObject):
    progress = Signal(float)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self.progress.emit)
        except TaskFailed as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # report, never lose the thread silently
            log.exception("background task failed")
            self.failed.emit(_("Unexpected error: {error}").format(error=exc))
        else:
            self.succeeded.emit(result)
        finally:
            # End the thread's event loop from here: Task.wait() on the GUI thread
            # must not depend on the GUI thread handling the result first.
            QThread.currentThread().quit()


class Task(QObject):
    """One run of ``work`` in its own thread. Signals arrive on the GUI thread."""

    progress = Signal(float)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self._running = False

    def start(self) -> None:
        self._running = True
        self._thread.start()

    def is_running(self) -> bool:
        return self._running

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread has ended (used when the window closes mid-export)."""
        return self._thread.wait(msecs) if self._thread.isRunning() else True

    def _on_succeeded(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
        self.finished.emit()

    def _end(self) -> None:
        self._running = False
        self._thread.quit()
        self._thread.wait()
