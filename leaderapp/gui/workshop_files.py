"""File › Export workshop file… and Import workshop file…: moving a workshop to
another laptop (the format and the merge rules are ``core/transfer``).

Imports are not undoable: an import only adds or updates records, never deletes,
and importing the same file again changes nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from leaderapp import APP_NAME
from leaderapp.core.i18n import _
from leaderapp.core.transfer import (
    FILE_SUFFIX,
    ImportSummary,
    WorkshopFileError,
    export_workshop_file,
    import_workshop_file,
    suggested_file_name,
)
from leaderapp.gui.autosave import describe_write_error
from leaderapp.gui.widgets import plain_message_box

if TYPE_CHECKING:
    from leaderapp.gui.main_window import MainWindow

log = logging.getLogger(__name__)


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def _filter() -> str:
    return _("{app} workshop files (*{suffix});;All files (*)").format(
        app=APP_NAME, suffix=FILE_SUFFIX
    )


class WorkshopFileActions(QObject):
    """The two menu actions; the file dialogs and the result box are injectable."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    # ------------------------------------------------ injectable for tests
    def ask_target(self, suggested: Path) -> Path | None:
        path, _filter_used = QFileDialog.getSaveFileName(
            self.window, _("Export workshop file"), str(suggested), _filter()
        )
        return Path(path) if path else None

    def ask_source(self) -> Path | None:
        path, _filter_used = QFileDialog.getOpenFileName(
            self.window, _("Import workshop file"), str(_documents()), _filter()
        )
        return Path(path) if path else None

    def show_result(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = plain_message_box(self.window, icon, title, text)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()

    # ------------------------------------------------------------ actions
    def current_workshop_id(self) -> str | None:
        window = self.window
        if window.stack.currentWidget() is window.workshop_view:
            return window.workshop_view.workshop_id
        return window.start_page.selected_id()

    def export_current(self) -> Path | None:
        window = self.window
        workshop_id = self.current_workshop_id()
        if workshop_id is None:
            window.info(_("Choose a workshop to export first."))
            return None
        if not window.workshop_view.flush():
            window.error(_("The workshop file was not written: a change has not been saved yet."))
            return None
        snapshot = window.workspace.snapshot(workshop_id)
        target = self.ask_target(_documents() / suggested_file_name(snapshot))
        if target is None:
            return None
        if not target.name.endswith(".json"):
            target = target.with_name(target.name + FILE_SUFFIX)
        try:
            written = export_workshop_file(window.workspace, workshop_id, target)
        except WorkshopFileError as exc:
            self.show_result(QMessageBox.Icon.Warning, _("Export workshop file"), str(exc))
            return None
        window.info(_("The workshop was saved as {path}").format(path=written))
        return written

    def import_file(self) -> ImportSummary | None:
        window = self.window
        source = self.ask_source()
        if source is None:
            return None
        view = window.workshop_view
        if not view.flush():
            window.error(_("Nothing was imported: a change has not been saved yet."))
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            summary = import_workshop_file(window.workspace, source)
        except Exception as exc:
            QApplication.restoreOverrideCursor()
            if not isinstance(exc, WorkshopFileError):  # e.g. the disk is full
                log.warning("import of %s failed", source, exc_info=True)
                exc = _("The workshop file {name} could not be imported: {error}").format(
                    name=source.name, error=describe_write_error(exc)
                )
            self.show_result(QMessageBox.Icon.Warning, _("Import workshop file"), str(exc))
            return None
        QApplication.restoreOverrideCursor()
        if view.workshop_id == summary.workshop_id and summary.changed:
            # Reload to show what was merged in, staying on the same step.
            step = view.current_step()
            window.open_workshop(summary.workshop_id)
            rows = [i for i, s in enumerate(view.steps) if step and s.id == step.id]
            if rows:
                view.select_step(rows[0])
        else:
            window.start_page.refresh(summary.workshop_id)
        self.show_result(
            QMessageBox.Icon.Information, _("Import workshop file"), summary.describe()
        )
        return summary
