"""The main window: start page and workshop view in a stack, menus, status bar."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget, QWidget

from leaderapp import APP_NAME, __version__
from leaderapp.core.i18n import _
from leaderapp.core.workspace import Workspace
from leaderapp.gui import style
from leaderapp.gui.start_page import StartPage
from leaderapp.gui.widgets import label, set_role
from leaderapp.gui.workshop_view import WorkshopView

DEFAULT_SIZE = (1280, 720)  # leaves room for a taskbar on a 1366x768 projector


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(960, 600)

        self.stack = QStackedWidget()
        self.start_page = StartPage(workspace, self)
        self.workshop_view = WorkshopView(workspace, self)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.workshop_view)
        self.setCentralWidget(self.stack)
        self.start_page.open_requested.connect(self.open_workshop)
        self.workshop_view.back_requested.connect(self.show_start)
        self.workshop_view.page_changed.connect(self._update_actions)
        self.workshop_view.title_changed.connect(
            lambda name: self.setWindowTitle(f"{name} – {APP_NAME}")
        )

        self.message = label("", "muted", wrap=False)
        self.save_state = label("", "small", wrap=False)
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.save_state)
        self.statusBar().setSizeGripEnabled(False)
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(lambda: self.message.setText(""))

        self._build_menus()
        self._update_actions()
        self._resize_to_screen()
        self.start_page.focus_list()

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
        file_menu = bar.addMenu(_("&File"))
        file_menu.addAction(self.new_workshop_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.back_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.new_note_action = self._action(_("New note"), self._new_note, ["Ctrl+N"])
        edit_menu = bar.addMenu(_("&Edit"))
        edit_menu.addAction(self.new_note_action)

        self.next_action = self._action(
            _("Next step"), self.workshop_view.next_step, ["Ctrl+PgDown"]
        )
        self.previous_action = self._action(
            _("Previous step"), self.workshop_view.previous_step, ["Ctrl+PgUp"]
        )
        self.details_action = self._action(
            _("Details and participants…"), self.workshop_view.edit_details
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
        in_workshop = self.stack.currentWidget() is self.workshop_view
        page = self.workshop_view.page
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
        self.save_state.setText(_("Not saved"))

    def saved(self) -> None:
        stamp = QDateTime.currentDateTime().toString("HH:mm")
        self.save_state.setText(_("All changes saved {time}").format(time=stamp))
        if self.message.property("role") == "error":
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
        if self.stack.currentWidget() is self.workshop_view and not self.workshop_view.leave():
            return
        self.start_page.refresh()
        self.stack.setCurrentWidget(self.start_page)
        self.setWindowTitle(APP_NAME)
        self._update_actions()
        self.start_page.focus_list()

    def _new_workshop(self) -> None:
        if self.stack.currentWidget() is self.workshop_view:
            self.show_start()
            if self.stack.currentWidget() is not self.start_page:
                return
        self.start_page.new_workshop()

    def _new_note(self) -> None:
        page = self.workshop_view.page
        if getattr(page, "kind", "") == "notes":
            page.new_note()

    def export_pdf(self) -> None:
        if self.stack.currentWidget() is self.workshop_view:
            self.workshop_view.export_pdf()

    def _zoom(self, direction: int) -> None:
        app = QApplication.instance()
        size = (
            style.DEFAULT_POINT_SIZE if direction == 0 else (style.current_point_size() + direction)
        )
        style.apply_style(app, size)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            _("About {app}").format(app=APP_NAME),
            _(
                "{app} {version}\n\nA guide for leader groups reflecting on the values "
                "dialogue, skill and boldness, ending in a printable leadership and values "
                "foundation. Everything is stored on this computer only."
            ).format(app=APP_NAME, version=__version__),
        )

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
        view = self.workshop_view
        if self.stack.currentWidget() is view and not view.flush():
            if not view.confirm_discard(view.page.unsaved_problem() or ""):
                event.ignore()
                return
        if view.exporter.is_running():
            self.info(_("Finishing the export…"))
            view.exporter.wait()
        event.accept()
