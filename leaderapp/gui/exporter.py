"""Runs an export (PDF, Word or Markdown) off the GUI thread, lets the user cancel
it, and remembers how the last run ended.

The export modules (and reportlab or python-docx with them) are imported only
inside the worker, so starting the app stays light. Cancelling raises inside the
exporter's own progress callback: the export stops at its next report and its
temporary file is removed (``core/export/atomic.py``), so no file is left behind.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from leaderapp.core.i18n import N_, _
from leaderapp.core.model import WorkshopSnapshot
from leaderapp.gui.tasks import Task, TaskFailed

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

# Format key -> (file suffix, file dialog filter, name shown in the page).
FORMATS: dict[str, tuple[str, str, str]] = {
    "pdf": (".pdf", N_("PDF documents (*.pdf)"), N_("PDF (for printing)")),
    "docx": (".docx", N_("Word documents (*.docx)"), N_("Word (to keep editing)")),
    "md": (".md", N_("Markdown files (*.md)"), N_("Markdown (plain text)")),
}


def suggested_name(unit_name: str, fmt: str = "pdf") -> str:
    """A file name that is valid on Windows, macOS and Linux."""
    stem = _UNSAFE.sub(" ", unit_name)
    stem = " ".join(stem.split()).strip(" .")[:80]
    title = _("Leadership foundation")
    suffix = FORMATS[fmt][0]
    return f"{title} – {stem}{suffix}" if stem else f"{title}{suffix}"


def suggested_pdf_name(unit_name: str) -> str:
    return suggested_name(unit_name, "pdf")


class Cancelled(Exception):
    """Raised in the worker's progress callback when the user cancels."""


_CANCELLED = object()  # what the work returns when it was cancelled


def run_export(
    snapshot: WorkshopSnapshot,
    target: Path,
    fmt: str,
    appendix: bool,
    progress: Callable[[float], None],
) -> Path:
    """Write ``snapshot`` as ``fmt`` to ``target`` (on any thread)."""
    from leaderapp.core.export import ExportError

    if fmt == "pdf":
        from leaderapp.core.export.pdf import export_pdf as export
    elif fmt == "docx":
        from leaderapp.core.export.docx import export_docx as export
    elif fmt == "md":
        from leaderapp.core.export.markdown import export_markdown as export
    else:
        raise ValueError(fmt)
    try:
        return Path(export(snapshot, target, progress=progress, appendix=appendix))
    except ExportError as exc:
        raise TaskFailed(str(exc)) from exc


class PdfExporter(QObject):
    """The workshop view's exporter: one export at a time, in any format.

    (Named for the PDF it first wrote; ``Exporter`` is the same class.)"""

    started = Signal(str)  # target path
    progress = Signal(float)  # 0.0 .. 1.0
    succeeded = Signal(str)  # written path
    failed = Signal(str)  # user-facing message
    cancelled = Signal(str)  # target path; nothing was written there
    preview_ready = Signal(str)  # the preview's temporary PDF

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self._cancel = threading.Event()
        self._target: Path | None = None
        self._previewing = False
        self.last_path: str | None = None
        self.last_error: str | None = None
        self.last_format = "pdf"
        # The export page's choice; an export started elsewhere (Ctrl+E) uses it too.
        self.appendix = False

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def start(
        self,
        snapshot: WorkshopSnapshot,
        target: Path,
        *,
        fmt: str = "pdf",
        appendix: bool | None = None,
    ) -> bool:
        """Begin exporting ``snapshot``; False if an export is already running."""
        if not self._run(snapshot, Path(target), fmt, appendix, preview=False):
            return False
        self.started.emit(str(target))
        return True

    def start_preview(
        self, snapshot: WorkshopSnapshot, target: Path, *, appendix: bool | None = None
    ) -> bool:
        """Build the PDF for the preview at ``target`` (a temporary file); ends with
        ``preview_ready`` (or ``failed``/``cancelled``). It counts as a running
        export, so closing the window waits for it as for any other."""
        return self._run(snapshot, Path(target), "pdf", appendix, preview=True)

    def _run(
        self,
        snapshot: WorkshopSnapshot,
        target: Path,
        fmt: str,
        appendix: bool | None,
        *,
        preview: bool,
    ) -> bool:
        if self.is_running():
            return False
        if fmt not in FORMATS:
            raise ValueError(fmt)
        if not preview:
            self.last_path = self.last_error = None
            self.last_format = fmt
        if self._task is not None:
            self._task.deleteLater()  # its thread has ended; free it
        with_appendix = self.appendix if appendix is None else appendix
        cancel = self._cancel = threading.Event()
        self._target = target
        self._previewing = preview

        def progress(report: Callable[[float], None]) -> Callable[[float], None]:
            def check(fraction: float) -> None:
                # At 1.0 the file is complete and in place: too late to cancel.
                if cancel.is_set() and fraction < 1.0:
                    raise Cancelled
                report(fraction)

            return check

        def work(report: Callable[[float], None]) -> object:
            try:
                return run_export(snapshot, target, fmt, with_appendix, progress(report))
            except Cancelled:
                return _CANCELLED

        task = Task(work, self)
        task.progress.connect(self.progress)
        task.succeeded.connect(self._on_succeeded)
        task.failed.connect(self._on_failed)
        self._task = task
        task.start()
        return True

    def cancel(self) -> None:
        """Stop the running export at its next progress report; no file is written."""
        if self.is_running():
            self._cancel.set()

    def wait(self, msecs: int = 60_000) -> bool:
        return self._task.wait(msecs) if self._task is not None else True

    def _on_succeeded(self, path: object) -> None:
        if path is _CANCELLED:
            self.cancelled.emit(str(self._target))
            return
        if self._previewing:
            self.preview_ready.emit(str(path))
            return
        self.last_path = str(path)
        self.succeeded.emit(self.last_path)

    def _on_failed(self, message: str) -> None:
        self.last_error = message
        self.failed.emit(message)


Exporter = PdfExporter
