"""The main window: start page and workshop view in a stack, menus, status bar.

Cold start (docs/performance.md): before the first frame only what it shows is built
and imported: the start page, the menus, the status bar. The workshop view, the
backup keeper and the workshop-file actions are made just after the first paint
(``_finish_startup``), or earlier if something asks for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from leaderapp import APP_NAME
from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.i18n import _
from leaderapp.core.storage import StorageError
from leaderapp.core.workspace import Workspace
from leaderapp.gui import style
from leaderapp.gui.autosave import SaveState
from leaderapp.gui.start_page import StartPage
from leaderapp.gui.startup import ask
from leaderapp.gui.undo import UndoHistory
from leaderapp.gui.widgets import label, plain_message_box, set_role

if TYPE_CHECKING:
    from leaderapp.core.storage.backup import BackupInfo
    from leaderapp.gui.backups import BackupKeeper
    from leaderapp.gui.workshop_files import WorkshopFileActions
    from leaderapp.gui.workshop_view import WorkshopView

DEFAULT_SIZE = (1280, 720)  # leaves room for a taskbar on a 1366x768 projector


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(960, 600)

        # One undo history for the session: deleting a workshop stays undoable
        # until the app closes, whichever screen is showing.
        self.history = UndoHistory(workspace, self)
        self.history.flush_pending = self._flush_before_undo
        self.history.applied.connect(self._after_undo)
        self.history.failed.connect(self.error)
        self.history.done.connect(self.info)
        self._backups: BackupKeeper | None = None
        self._workshop_files: WorkshopFileActions | None = None
        self._workshop_view: WorkshopView | None = None
        self._painted = False
        self._closed = False
        self._after_paint: list[Callable[[], None]] = []

        # Built top-down, each widget into its final parent: moving a finished subtree
        # into a styled window polishes all of it again (style sheet), ~30 ms here.
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.start_page = StartPage(workspace, self, self.stack, history=self.history)
        self.stack.addWidget(self.start_page)
        self.start_page.open_requested.connect(self.open_workshop)

        self.message = label("", "muted", wrap=False)
        self.save_state = label("", "small", wrap=False)
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.save_state)
        self.statusBar().setSizeGripEnabled(False)
        self.show_save_state(SaveState.SAVED)
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(lambda: self.message.setText(""))

        self._build_menus()
        self._update_actions()
        self._resize_to_screen()
        self.start_page.focus_list()

    # ------------------------------------------------- built after first paint
    @property
    def workshop_view(self) -> WorkshopView:
        if self._workshop_view is None:
            from leaderapp.gui.workshop_view import WorkshopView

            view = WorkshopView(self.workspace, self, history=self.history)
            self.stack.addWidget(view)
            view.back_requested.connect(self.show_start)
            view.page_changed.connect(self._update_actions)
            view.title_changed.connect(lambda name: self.setWindowTitle(f"{name} – {APP_NAME}"))
            self._workshop_view = view
        return self._workshop_view

    @property
    def backups(self) -> BackupKeeper:
        if self._backups is None:
            from leaderapp.gui.backups import BackupKeeper

            self._backups = BackupKeeper(self.workspace.path, self)
            self._backups.failed.connect(
                lambda msg: self.error(_("No backup was made: {error}").format(error=msg))
            )
        return self._backups

    @property
    def workshop_files(self) -> WorkshopFileActions:
        if self._workshop_files is None:
            from leaderapp.gui.workshop_files import WorkshopFileActions

            self._workshop_files = WorkshopFileActions(self)
        return self._workshop_files

    def in_workshop(self) -> bool:
        """Whether the workshop view is the screen showing."""
        view = self._workshop_view
        return view is not None and self.stack.currentWidget() is view

    def when_shown(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the window has painted its first frame (now if it has)."""
        if self._painted:
            callback()
        else:
            self._after_paint.append(callback)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this frame is on screen, not inside its paint; never after the
            # window is gone (the context object cancels the call).
            QTimer.singleShot(0, self, self._finish_startup)

    def _finish_startup(self) -> None:
        """What the first screen does not show, made before the user can ask for it."""
        if self._closed:
            # Closed before its first frame was done (e.g. benchmarks): a backup
            # started now would outlive the window; the one at close was made.
            self._after_paint.clear()
            return
        self.workshop_view  # noqa: B018 - the property builds it
        self.workspace.prepare_writes()
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()

    # ------------------------------------------------------------------ menus
    def _action(self, text: str, slot, shortcuts=()) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda *_a: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.new_workshop_action = self._action(
            _("New workshop…"), self._new_workshop, ["Ctrl+Shift+N"]
        )
        self.export_action = self._action(_("Export PDF…"), self.export_pdf, ["Ctrl+E"])
        self.back_action = self._action(_("Back to workshops"), self.show_start, ["Ctrl+W"])
        self.quit_action = self._action(_("Quit"), self.close, [QKeySequence.StandardKey.Quit])
        self.export_file_action = self._action(
            _("Export workshop file…"), lambda: self.workshop_files.export_current()
        )
        self.import_file_action = self._action(
            _("Import workshop file…"), lambda: self.workshop_files.import_file()
        )
        self.restore_action = self._action(_("Restore from backup…"), self.restore_from_backup)
        # Backups are kept for a file only (BackupKeeper.enabled).
        self.restore_action.setEnabled(self.workspace.path is not None)
        file_menu = bar.addMenu(_("&File"))
        file_menu.addAction(self.new_workshop_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_file_action)
        file_menu.addAction(self.import_file_action)
        file_menu.addSeparator()
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.back_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.new_note_action = self._action(_("New note"), self._new_note, ["Ctrl+N"])
        self.undo_action = self.history.undo_action(self)
        self.redo_action = self.history.redo_action(self)
        edit_menu = bar.addMenu(_("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.new_note_action)

        self.next_action = self._action(
            _("Next step"), lambda: self.workshop_view.next_step(), ["Ctrl+PgDown"]
        )
        self.previous_action = self._action(
            _("Previous step"), lambda: self.workshop_view.previous_step(), ["Ctrl+PgUp"]
        )
        self.details_action = self._action(
            _("Details and participants…"), lambda: self.workshop_view.edit_details()
        )
        workshop_menu = bar.addMenu(_("&Workshop"))
        for action in (self.next_action, self.previous_action):
            workshop_menu.addAction(action)
        workshop_menu.addSeparator()
        workshop_menu.addAction(self.details_action)

        self.larger_action = self._action(
            _("Larger text"), lambda: self._zoom(1), ["Ctrl++", "Ctrl+="]
        )
        self.smaller_action = self._action(_("Smaller text"), lambda: self._zoom(-1), ["Ctrl+-"])
        self.normal_size_action = self._action(
            _("Normal text size"), lambda: self._zoom(0), ["Ctrl+0"]
        )
        view_menu = bar.addMenu(_("&View"))
        for action in (self.larger_action, self.smaller_action, self.normal_size_action):
            view_menu.addAction(action)

        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self._action(_("About {app}").format(app=APP_NAME), self._about))

    def _update_actions(self) -> None:
        in_workshop = self.in_workshop()
        page = self._workshop_view.page if self._workshop_view is not None else None
        for action in (
            self.export_action,
            self.back_action,
            self.next_action,
            self.previous_action,
            self.details_action,
        ):
            action.setEnabled(in_workshop)
        self.new_note_action.setEnabled(in_workshop and getattr(page, "kind", "") == "notes")

    # -------------------------------------------------------------- reporter
    def info(self, message: str) -> None:
        self._show_message(message, "muted", 8000)

    def error(self, message: str) -> None:
        self._show_message(message, "error", 15000)

    def saved(self) -> None:
        self.show_save_state(SaveState.SAVED)

    def show_save_state(self, state: object) -> None:
        """The quiet status at the right of the status bar: Saved, Saving…, Could not save."""
        assert isinstance(state, SaveState)
        self.save_state.setText(state.label)
        set_role(self.save_state, "error" if state is SaveState.FAILED else "small")
        if state is SaveState.SAVED and self.message.property("role") == "error":
            self.message.setText("")

    def _show_message(self, message: str, role: str, msecs: int) -> None:
        set_role(self.message, role)
        self.message.setText(message)
        self._clear_timer.start(msecs)

    # ---------------------------------------------------------------- screens
    def open_workshop(self, workshop_id: str) -> None:
        try:
            self.workshop_view.open_workshop(workshop_id)
        except Exception as exc:  # a broken workshop must not strand the user
            self.error(_("The workshop could not be opened: {error}").format(error=exc))
            self.start_page.refresh()
            return
        self.stack.setCurrentWidget(self.workshop_view)
        self._update_actions()

    def show_start(self) -> None:
        if self.in_workshop() and not self.workshop_view.leave():
            return
        self.start_page.refresh()
        self.stack.setCurrentWidget(self.start_page)
        self.setWindowTitle(APP_NAME)
        self._update_actions()
        self.start_page.focus_list()

    def _new_workshop(self) -> None:
        if self.in_workshop():
            self.show_start()
            if self.stack.currentWidget() is not self.start_page:
                return
        self.start_page.new_workshop()

    def _new_note(self) -> None:
        if not self.in_workshop():
            return
        page = self.workshop_view.page
        if getattr(page, "kind", "") == "notes":
            page.new_note()

    def export_pdf(self) -> None:
        if self.in_workshop():
            self.workshop_view.export_pdf()

    # ------------------------------------------------------------------- undo
    def _flush_before_undo(self) -> bool:
        if self.in_workshop():
            return self.workshop_view.flush()
        return True

    def _after_undo(self, changes: Changes, command: Command) -> None:
        """Every screen redraws what the undone (or redone) command changed."""
        view = self._workshop_view
        if view is not None and self.in_workshop():
            if view.workshop_id is not None and not self._workshop_exists(view.workshop_id):
                view.abandon()  # e.g. a deletion redone while it was open
                self.show_start()
                return
            view.apply_changes(changes, command)
            self._update_actions()
        elif changes.workshops or changes.notes:
            subject = command.subject
            self.start_page.refresh(subject[1] if subject and subject[0] == "workshop" else None)

    def _workshop_exists(self, workshop_id: str) -> bool:
        return any(w.id == workshop_id for w in self.workspace.list_workshops())

    # ---------------------------------------------------------------- backups
    def exec_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def restore_from_backup(self) -> None:
        from leaderapp.gui.restore_dialog import RestoreDialog

        if not self.backups.enabled:
            return
        dialog = RestoreDialog(self.backups.backup_dir, self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.chosen:
            self.restore(dialog.chosen)

    def restore(self, backup: BackupInfo) -> bool:
        """Replace the data with ``backup``: close the database, restore, reopen."""
        from leaderapp.core.storage.backup import prune, restore_backup
        from leaderapp.gui.backups import describe

        view = self._workshop_view
        if self.in_workshop() and not self.workshop_view.leave():
            return False
        self.stack.setCurrentWidget(self.start_page)
        if view is not None and view.exporter.is_running():
            view.exporter.wait()
        try:
            self.backups.before_restore()
        except StorageError as exc:
            self.error(
                _(
                    "Nothing was restored: the current data could not be backed up first. {error}"
                ).format(error=exc)
            )
            return False
        self.workspace.close()
        restored = True
        try:
            restore_backup(backup, self.workspace.path)
        except StorageError as exc:
            restored = False
            self.error(str(exc))
        try:
            self.workspace.reopen()  # the restored file, or the untouched old one
        except StorageError as exc:
            box = plain_message_box(
                self, QMessageBox.Icon.Critical, _("The data cannot be opened"), str(exc)
            )
            box.addButton(QMessageBox.StandardButton.Ok)
            ask(box)
            QTimer.singleShot(0, QApplication.quit)
            return False
        if restored:
            prune(self.backups.backup_dir)
            # The history refers to records as they were before: it no longer applies.
            self.history.clear()
            self.info(_("Restored the backup from {backup}.").format(backup=describe(backup)))
        self.show_start()
        return restored

    def _zoom(self, direction: int) -> None:
        app = QApplication.instance()
        size = (
            style.DEFAULT_POINT_SIZE if direction == 0 else (style.current_point_size() + direction)
        )
        style.apply_style(app, size)

    def _about(self) -> None:
        from leaderapp.gui.about_dialog import AboutDialog

        AboutDialog(self.workspace.path, self).exec()

    def _resize_to_screen(self) -> None:
        width, height = DEFAULT_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width())
            height = min(height, available.height() - 40)
        self.resize(width, max(height, self.minimumHeight()))

    # ----------------------------------------------------------------- close
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        view = self._workshop_view
        if view is not None and self.in_workshop() and not view.flush():
            if not view.confirm_discard(view.page.unsaved_problem() or ""):
                event.ignore()
                return
        if view is not None and view.exporter.is_running():
            self.info(_("Finishing the export…"))
            view.exporter.wait()
        self.backups.at_close()
        self._closed = True
        event.accept()
