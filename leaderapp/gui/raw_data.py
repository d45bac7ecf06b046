"""File › Export raw data (CSV)…: a workshop's notes, votes and ratings for Excel.

The format is ``core/transfer/raw_csv.py``. Writing three small tables takes
milliseconds, so it runs on the GUI thread; the snapshot is taken after any
pending edit has been saved, so what was just typed is in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from leaderapp.core.export import ExportError
from leaderapp.core.i18n import _
from leaderapp.core.transfer.raw_csv import RAW_SUFFIX, suggested_raw_name, write_raw_csv
from leaderapp.core.workspace import Workspace
from leaderapp.gui.widgets import plain_message_box


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def ask_target(parent: QWidget | None, suggested: Path) -> Path | None:
    """The save dialog; tests replace it."""
    path, _filter_used = QFileDialog.getSaveFileName(
        parent,
        _("Export raw data"),
        str(suggested),
        _("Zip file with CSV files for Excel (*.zip);;All files (*)"),
    )
    return Path(path) if path else None


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """The result box (plain text: the path may hold any character); tests replace it."""
    box = plain_message_box(parent, icon, title, text)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


def export_raw_data(
    parent: QWidget | None,
    workspace: Workspace,
    workshop_id: str,
    *,
    flush: Callable[[], bool] | None = None,
    ask: Callable[[QWidget | None, Path], Path | None] = ask_target,
    show: Callable[[QWidget | None, QMessageBox.Icon, str, str], None] = show_message,
) -> Path | None:
    """Ask where, write the zip of CSV files, say what happened; the path or None.

    ``flush`` saves pending edits first (the workshop view's ``flush``); when it
    cannot, nothing is written, so the file never silently lacks the last edit.
    """
    title = _("Export raw data")
    if flush is not None and not flush():
        show(
            parent,
            QMessageBox.Icon.Warning,
            title,
            _("The raw data was not exported: a change has not been saved yet."),
        )
        return None
    snapshot = workspace.snapshot(workshop_id)
    target = ask(parent, _documents() / suggested_raw_name(snapshot))
    if target is None:
        return None
    if target.suffix.lower() != RAW_SUFFIX:
        target = target.with_name(target.name + RAW_SUFFIX)
    outcome = _write_off_the_gui_thread(snapshot, target, parent)
    if isinstance(outcome, str):
        show(parent, QMessageBox.Icon.Warning, title, outcome)
        return None
    written = outcome
    show(
        parent,
        QMessageBox.Icon.Information,
        title,
        _(
            "The raw data was saved as {path}.\n\nThe zip file holds the notes, votes and "
            "ratings as three CSV files; open them in Excel."
        ).format(path=written),
    )
    return written


def _write_off_the_gui_thread(snapshot, target: Path, parent: QWidget | None) -> Path | str:
    """Write the zip in a worker thread while the window keeps painting; the path
    written, or the message of what went wrong. A large workshop takes a moment."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QApplication

    from leaderapp.gui.tasks import Task, TaskFailed

    def work(_progress) -> Path:
        try:
            return write_raw_csv(snapshot, target)
        except ExportError as exc:
            raise TaskFailed(str(exc)) from exc

    outcome: dict[str, object] = {}
    task = Task(work, parent)
    task.succeeded.connect(lambda path: outcome.setdefault("path", path))
    task.failed.connect(lambda message: outcome.setdefault("error", message))
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        task.start()
        if task.is_running():
            # Only painting and timers meanwhile: no second export, no closing mid-write.
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        QApplication.restoreOverrideCursor()
        task.deleteLater()
    if "path" in outcome:
        return Path(outcome["path"])
    return str(outcome.get("error") or _("The raw data could not be written."))
