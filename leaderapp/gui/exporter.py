"""Runs the PDF export off the GUI thread and remembers how the last run ended.

The export module (and reportlab with it) is imported only inside the worker,
so starting the app stays light.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from leaderapp.core.i18n import _
from leaderapp.core.model import WorkshopSnapshot
from leaderapp.gui.tasks import Task, TaskFailed

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def suggested_pdf_name(unit_name: str) -> str:
    """A file name that is valid on Windows, macOS and Linux."""
    stem = _UNSAFE.sub(" ", unit_name)
    stem = " ".join(stem.split()).strip(" .")[:80]
    title = _("Leadership foundation")
    return f"{title} – {stem}.pdf" if stem else f"{title}.pdf"


def _export(snapshot: WorkshopSnapshot, target: Path, progress) -> Path:
    from leaderapp.core.export import ExportError
    from leaderapp.core.export.pdf import export_pdf

    try:
        return Path(export_pdf(snapshot, target, progress=progress))
    except ExportError as exc:
        raise TaskFailed(str(exc)) from exc


class PdfExporter(QObject):
    started = Signal(str)  # target path
    progress = Signal(float)  # 0.0 .. 1.0
    succeeded = Signal(str)  # written path
    failed = Signal(str)  # user-facing message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self.last_path: str | None = None
        self.last_error: str | None = None

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def start(self, snapshot: WorkshopSnapshot, target: Path) -> bool:
        """Begin exporting ``snapshot``; False if an export is already running."""
        if self.is_running():
            return False
        self.last_path = self.last_error = None
        if self._task is not None:
            self._task.deleteLater()  # its thread has ended; free it
        task = Task(lambda progress: _export(snapshot, target, progress), self)
        task.progress.connect(self.progress)
        task.succeeded.connect(self._on_succeeded)
        task.failed.connect(self._on_failed)
        self._task = task
        task.start()
        self.started.emit(str(target))
        return True

    def wait(self, msecs: int = 60_000) -> bool:
        return self._task.wait(msecs) if self._task is not None else True

    def _on_succeeded(self, path: object) -> None:
        self.last_path = str(path)
        self.succeeded.emit(self.last_path)

    def _on_failed(self, message: str) -> None:
        self.last_error = message
        self.failed.emit(message)
