"""The main window: start page and workshop view in a stack, menus, status bar.

Cold start (docs/performance.md): before the first frame only what it shows is built
and imported: the start page, the menus, the status bar. The workshop view, the
backup keeper and the workshop-file actions are made just after the first paint
(``_finish_startup``), or earlier if something asks for them.

Language (``retranslate``): every text is set when a widget is built, so switching the
language saves what is typed, rebuilds the menus and the screens, and reopens the same
workshop at the same step. Settings (``open_settings``) are applied at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from leaderapp import APP_NAME
from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.i18n import _, current_language
from leaderapp.core.storage import StorageError
from leaderapp.core.workspace import Workspace
from leaderapp.gui import style
from leaderapp.gui.autosave import SaveState
from leaderapp.gui.settings import Settings
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


def shortcut_tooltip(text: str, shortcuts: list[QKeySequence] | tuple = ()) -> str:
    """ "Next step (Ctrl+PgDown)": an action's text with its first shortcut, as shown
    in tooltips, in the platform's own key names."""
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
    keys = [QKeySequence(k) for k in shortcuts]
    keys = [k for k in keys if not k.isEmpty()]
    if not keys:
        return plain
    native = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
    return f"{plain} ({native})"


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = Settings()
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
        self._menu_owner: QObject | None = None  # parent of the menus' actions

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
        # The system switched light/dark while the app runs: as if chosen in Settings.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_look_changed)
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

            self._backups = BackupKeeper(
                self.workspace.path, self, backup_dir=self.settings.backup_folder
            )
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
    def _action(self, text: str, slot, shortcuts=(), tip: str | None = None) -> QAction:
        assert self._menu_owner is not None
        action = QAction(text, self._menu_owner)
        keys = [QKeySequence(s) for s in shortcuts]
        if keys:
            action.setShortcuts([k for k in keys if not k.isEmpty()])
        # The tooltip names the shortcut, so it is learnt by pointing (menus show it too).
        action.setToolTip(shortcut_tooltip(tip or text, action.shortcuts()))
        action.triggered.connect(lambda *_a: slot())
        return action

    def _menu(self, bar: QMenuBar, title: str) -> QMenu:
        menu = bar.addMenu(title)
        menu.setToolTipsVisible(True)
        return menu

    def _build_menus(self) -> None:
        """(Re)build the menu bar and its actions in the current language."""
        if self._menu_owner is not None:
            # The old actions go later (one of them may be running this); their shortcuts
            # go now, or each key would be claimed twice and do nothing.
            for action in self._menu_owner.findChildren(QAction):
                action.setShortcuts([])
            self._menu_owner.deleteLater()
        self._menu_owner = QObject(self)
        bar = QMenuBar(self)
        self.setMenuBar(bar)  # deletes the old bar
        self.new_workshop_action = self._action(
            _("New workshop…"), self._new_workshop, ["Ctrl+Shift+N"]
        )
        self.export_action = self._action(_("Export PDF…"), self.export_pdf, ["Ctrl+E"])
        self.back_action = self._action(_("Back to workshops"), self.show_start, ["Ctrl+W"])
        self.quit_action = self._action(_("Quit"), self.close, ["Ctrl+Q"])
        self.export_file_action = self._action(
            _("Export workshop file…"),
            lambda: self.workshop_files.export_current(),
            ["Ctrl+Shift+E"],
        )
        self.import_file_action = self._action(
            _("Import workshop file…"), lambda: self.workshop_files.import_file(), ["Ctrl+O"]
        )
        self.raw_data_action = self._action(_("Export raw data (CSV)…"), self._export_raw_data)
        self.rehearse_action = self._action(_("Try a program…"), lambda: self.start_page.rehearse())
        self.restore_action = self._action(_("Restore from backup…"), self.restore_from_backup)
        # Backups are kept for a file only (BackupKeeper.enabled).
        self.restore_action.setEnabled(self.workspace.path is not None)
        self.file_menu = file_menu = self._menu(bar, _("&File"))
        file_menu.addAction(self.new_workshop_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_file_action)
        file_menu.addAction(self.import_file_action)
        file_menu.addAction(self.raw_data_action)
        file_menu.addSeparator()
        file_menu.addAction(self.rehearse_action)
        file_menu.addSeparator()
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.back_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.new_note_action = self._action(_("New note"), self._new_note, ["Ctrl+N"])
        self.undo_action = self.history.undo_action(self._menu_owner)
        self.redo_action = self.history.redo_action(self._menu_owner)
        # Their text names what they undo; the tooltip stays short.
        self.undo_action.setToolTip(shortcut_tooltip(_("Undo"), self.undo_action.shortcuts()))
        self.redo_action.setToolTip(shortcut_tooltip(_("Redo"), self.redo_action.shortcuts()))
        self.settings_action = self._action(_("Settings…"), self.open_settings, ["Ctrl+,"])
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.edit_menu = edit_menu = self._menu(bar, _("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.new_note_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)

        self.next_action = self._action(
            _("Next step"), lambda: self.workshop_view.next_step(), ["Ctrl+PgDown"]
        )
        self.previous_action = self._action(
            _("Previous step"), lambda: self.workshop_view.previous_step(), ["Ctrl+PgUp"]
        )
        self.details_action = self._action(
            _("Details and participants…"),
            lambda: self.workshop_view.edit_details(),
            ["Ctrl+Shift+D"],
        )
        self.workshop_menu = workshop_menu = self._menu(bar, _("&Workshop"))
        for action in (self.next_action, self.previous_action):
            workshop_menu.addAction(action)
        self.timer_action = self._action(
            _("Start or pause the timer"), lambda: self.workshop_view.toggle_timer(), ["Ctrl+T"]
        )
        self.plan_action = self._action(
            _("Adjust the plan…"), lambda: self.workshop_view.edit_plan(), ["Ctrl+Shift+P"]
        )
        self.timer_section = workshop_menu.addSeparator()
        workshop_menu.addAction(self.timer_action)
        workshop_menu.addAction(self.plan_action)
        workshop_menu.addSeparator()
        workshop_menu.addAction(self.details_action)

        self.larger_action = self._action(
            _("Larger text"), lambda: self._zoom(1), ["Ctrl++", "Ctrl+="]
        )
        self.smaller_action = self._action(_("Smaller text"), lambda: self._zoom(-1), ["Ctrl+-"])
        self.normal_size_action = self._action(
            _("Normal text size"), lambda: self._zoom(0), ["Ctrl+0"]
        )
        self.view_menu = view_menu = self._menu(bar, _("&View"))
        for action in (self.larger_action, self.smaller_action, self.normal_size_action):
            view_menu.addAction(action)
        self.presentation_action = self._action(
            _("Presentation mode"), self._toggle_presentation, ["F11"]
        )
        self.presentation_section = view_menu.addSeparator()
        view_menu.addAction(self.presentation_action)

        help_menu = self._menu(bar, _("&Help"))
        self.about_action = self._action(
            _("About {app}").format(app=APP_NAME),
            self._about,
            ["F1"],
        )
        help_menu.addAction(self.about_action)

    def _toggle_presentation(self) -> None:
        from leaderapp.gui.facilitation.presentation import PresentationController

        PresentationController.of(self.workshop_view).toggle()

    def _export_raw_data(self) -> None:
        from leaderapp.gui.raw_data import export_raw_data

        workshop_id = self.workshop_files.current_workshop_id()
        if workshop_id:
            export_raw_data(self, self.workspace, workshop_id, flush=self.workshop_view.flush)

    def _update_actions(self) -> None:
        in_workshop = self.in_workshop()
        page = self._workshop_view.page if self._workshop_view is not None else None
        for action in (
            self.export_action,
            self.back_action,
            self.next_action,
            self.previous_action,
            self.details_action,
            self.timer_action,
            self.plan_action,
            self.presentation_action,
            self.raw_data_action,
        ):
            action.setEnabled(in_workshop)
        # Every page with a main "add" (notes, attitudes, rows …) offers it as new_note().
        self.new_note_action.setEnabled(in_workshop and callable(getattr(page, "new_note", None)))

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
        if callable(getattr(page, "new_note", None)):
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
        size = style.apply_style(app, size)
        # Remembered: the next session starts at the size the room needed.
        self.settings.text_size = None if size == style.DEFAULT_POINT_SIZE else size
        self.info(
            _("Text size {percent} %").format(percent=round(100 * size / style.DEFAULT_POINT_SIZE))
        )

    # --------------------------------------------------------------- settings
    def open_settings(self) -> None:
        from leaderapp.gui.app import system_language
        from leaderapp.gui.settings_dialog import SettingsDialog

        default_dir = None
        if self.workspace.path is not None:
            from leaderapp.core.storage.backup import default_backup_dir

            default_dir = default_backup_dir(self.workspace.path)
        dialog = SettingsDialog(
            self.settings, self, default_backup_dir=default_dir, system_language=system_language()
        )
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.apply_settings()

    def apply_settings(self) -> None:
        """Use what the Settings dialog saved: look, backup folder, then the language."""
        from leaderapp.gui.app import chosen_language

        s = self.settings
        palette = style.current_palette()
        style.apply_style(
            QApplication.instance(),
            s.text_size or style.DEFAULT_POINT_SIZE,
            scheme=s.color_scheme,
            high_contrast=s.high_contrast,
        )
        if self._backups is not None:
            self._backups.set_backup_dir(s.backup_folder)
        language = chosen_language(s.language)
        # New colours: screens that painted with the old ones are rebuilt like a new
        # language (nothing typed is lost).
        if language != current_language() or style.current_palette() is not palette:
            self.retranslate(language)

    def _relabel_history(self) -> None:
        """Undo/redo texts name each change in the new language, too."""
        stack = self.history.stack
        for index in range(stack.count()):
            adapter = stack.command(index)
            command = getattr(adapter, "command", None)
            if command is not None:
                adapter.setText(command.label)

    def _system_look_changed(self, *_args) -> None:
        if self.settings.color_scheme == style.SCHEME_SYSTEM and not self._closed:
            self.apply_settings()

    def retranslate(self, language: str) -> bool:
        """Switch the window to ``language`` without losing work: save what is typed,
        rebuild menus and screens, reopen the same workshop at the same step."""
        from leaderapp.gui.app import set_ui_language

        view = self._workshop_view
        workshop_id = step_id = note_id = None
        if view is not None and self.in_workshop():
            blocked = view.page.blocks_leaving() if view.page is not None else None
            if blocked:  # a private turn: rebuilding would end it and show the room's notes
                self.info(blocked)
                return False
            if not view.flush() and not view.confirm_discard(view.page.unsaved_problem() or ""):
                return False
            workshop_id = view.workshop_id
            step = view.current_step()
            step_id = step.id if step is not None else None
            note_id = getattr(view.page, "current_note_id", None)
        if view is not None and view.exporter.is_running():
            view.exporter.wait()  # the view and its exporter are about to be replaced
        focus_was_editor = self.focusWidget() is getattr(getattr(view, "page", None), "editor", 0)

        set_ui_language(QApplication.instance(), language)
        self._relabel_history()
        self._build_menus()

        old_start = self.start_page
        self.start_page = StartPage(self.workspace, self, self.stack, history=self.history)
        self.start_page.open_requested.connect(self.open_workshop)
        self.stack.insertWidget(0, self.start_page)
        if view is not None:
            view.abandon()  # saved above
            self.stack.removeWidget(view)
            view.deleteLater()
            self._workshop_view = None
        self.stack.setCurrentWidget(self.start_page)
        self.stack.removeWidget(old_start)
        old_start.deleteLater()
        self.setWindowTitle(APP_NAME)
        self.message.setText("")
        self.show_save_state(SaveState.SAVED)

        if workshop_id is not None and self._workshop_exists(workshop_id):
            if step_id is not None:
                self.workspace.set_current_step(workshop_id, step_id)
            self.open_workshop(workshop_id)
            page = self.workshop_view.page
            if note_id and getattr(page, "kind", "") == "notes":
                page.refresh(note_id)  # the note being written, not just the newest
            if focus_was_editor and getattr(page, "editor", None) is not None:
                page.editor.setFocus()
        else:
            self._update_actions()
            self.start_page.focus_list()
        return True

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
