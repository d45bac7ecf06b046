"""Rehearsal: step through a program with sample content before the workshop.

The facilitator picks a program; a window opens with a workshop made from it and filled
with the demo's sample content (``core/demo.py``, lenient: what the program has no step
for is left out). It runs on its own throwaway in-memory database and its own undo
history, so nothing typed, voted or rated in it ever reaches the real workshops: the real
``Workspace`` is not even passed in. Closing the window throws it all away.

The window shows the real ``WorkshopView``: the same pages, timers and editors as a real
workshop, under a banner that says this is a rehearsal and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from leaderapp import APP_NAME
from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.i18n import _
from leaderapp.core.library import load_library
from leaderapp.core.workspace import Workspace
from leaderapp.gui import style
from leaderapp.gui.autosave import SaveState
from leaderapp.gui.undo import UndoHistory
from leaderapp.gui.widgets import button, label, set_role

# Warm yellow, unlike anything in a real workshop: the facilitator sees at a glance
# that this window is a rehearsal (a local style: the banner is the only one of its kind).
# Light yellow with dark text, or in a dark colour scheme dark amber with light text.
_BANNER_LIGHT = ("#fff1c2", "#d9a400", "#3d2e00")
_BANNER_DARK = ("#3a2f0b", "#d9a400", "#ffe9a8")


def banner_style() -> str:
    """The banner's style sheet in the colour scheme in use."""
    dark = style.relative_luminance(style.BACKGROUND) < 0.2
    background, rule, ink = _BANNER_DARK if dark else _BANNER_LIGHT
    return (
        f"QFrame#rehearsalBanner {{ background: {background}; border-bottom: 2px solid {rule}; }}"
        f"QFrame#rehearsalBanner QLabel {{ background: transparent; color: {ink}; }}"
    )


def build_rehearsal(program_id: str) -> tuple[Workspace, str]:
    """A throwaway in-memory workspace with a sample workshop of the program."""
    from leaderapp.core.demo import create_demo_workshop

    workspace = Workspace.open(None)
    try:
        workshop_id = create_demo_workshop(workspace, program_id=program_id, lenient=True)
    except BaseException:
        workspace.close()
        raise
    return workspace, workshop_id


class RehearsalWindow(QMainWindow):
    """A workshop of sample content on its own in-memory database."""

    def __init__(self, program_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from leaderapp.gui.workshop_view import WorkshopView

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.program_id = program_id
        self.workspace, self.workshop_id = build_rehearsal(program_id)
        self.workspace.prepare_writes()
        self._closed = False
        program = load_library().programs[program_id]
        self.program_name = program.name()
        self.setWindowTitle(
            _("Rehearsal: {program} – {app}").format(program=self.program_name, app=APP_NAME)
        )

        # Its own history: undoing here never touches the real workshops, and the
        # main window's Ctrl+Z never reaches in here.
        self.history = UndoHistory(self.workspace, self)
        self.history.flush_pending = lambda: self.view.flush()
        self.history.applied.connect(self._after_undo)
        self.history.failed.connect(self.error)
        self.history.done.connect(self.info)

        central = QWidget(self)
        self.setCentralWidget(central)
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        self.banner = QFrame(central)
        self.banner.setObjectName("rehearsalBanner")
        self.banner.setStyleSheet(banner_style())
        root.addWidget(self.banner)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(24, 10, 20, 10)
        row.setSpacing(16)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        row.addLayout(texts, 1)
        self.banner_title = label(_("Rehearsal — nothing is saved"), "heading")
        texts.addWidget(self.banner_title)
        self.banner_text = label(
            _(
                "“{program}” with sample content. Try every step as you like: what you "
                "write, vote and rate here disappears when you close this window, and your "
                "workshops are not touched."
            ).format(program=self.program_name),
            "small",
        )
        texts.addWidget(self.banner_text)
        self.end_button = button(_("End rehearsal"))
        self.end_button.clicked.connect(self.close)
        row.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.view = WorkshopView(self.workspace, self, central, history=self.history)
        root.addWidget(self.view, 1)
        # The view's "back to workshops" ends the rehearsal.
        self.view.back_button.setText(_("← End rehearsal"))
        self.view.back_requested.connect(self.close)

        self.message = label("", "muted", wrap=False)
        self.save_problem = label("", "error", wrap=False)
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.save_problem)
        self.statusBar().setSizeGripEnabled(False)

        self._build_actions()
        self.view.open_workshop(self.workshop_id)
        self.resize(1280, 720)

    def _build_actions(self) -> None:
        self.undo_action = self.history.undo_action(self)
        self.redo_action = self.history.redo_action(self)
        self.next_action = QAction(_("Next step"), self)
        self.next_action.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.next_action.triggered.connect(lambda *_a: self.view.next_step())
        self.previous_action = QAction(_("Previous step"), self)
        self.previous_action.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.previous_action.triggered.connect(lambda *_a: self.view.previous_step())
        self.close_action = QAction(_("End rehearsal"), self)
        self.close_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_action.triggered.connect(lambda *_a: self.close())
        menu = self.menuBar().addMenu(_("&Rehearsal"))
        for action in (self.undo_action, self.redo_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.next_action)
        menu.addAction(self.previous_action)
        menu.addSeparator()
        menu.addAction(self.close_action)

    # -------------------------------------------------------------- reporter
    def info(self, message: str) -> None:
        set_role(self.message, "muted")
        self.message.setText(message)

    def error(self, message: str) -> None:
        set_role(self.message, "error")
        self.message.setText(message)

    def saved(self) -> None:
        self.save_problem.setText("")

    def show_save_state(self, state: object) -> None:
        # "Saved" would contradict the banner; only a failed write is worth a word.
        assert isinstance(state, SaveState)
        self.save_problem.setText(state.label if state is SaveState.FAILED else "")

    def _after_undo(self, changes: Changes, command: Command) -> None:
        self.view.apply_changes(changes, command)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            sheet = banner_style()  # the colour scheme changed while rehearsing
            if self.banner.styleSheet() != sheet:
                self.banner.setStyleSheet(sheet)

    # ------------------------------------------------------------------ close
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self._closed:
            # Nothing to keep: pending typing goes into the throwaway database, then away.
            self.view.leave()
            exporter = getattr(self.view, "exporter", None)
            if exporter is not None and exporter.is_running():
                exporter.wait()
            self._closed = True
            self.history.clear()
            self.workspace.close()
        super().closeEvent(event)


def choose_program(parent: QWidget | None) -> str | None:
    """Ask which program to rehearse; the program's id, or None when cancelled."""
    programs = list(load_library().programs.values())
    names = [p.name() for p in programs]
    default = next((i for i, p in enumerate(programs) if p.id == "full_course"), 0)
    name, ok = QInputDialog.getItem(
        parent,
        _("Try a program"),
        _(
            "Which program do you want to step through? It opens in its own window with "
            "sample content, and nothing is saved."
        ),
        names,
        default,
        False,
    )
    if not ok:
        return None
    return programs[names.index(name)].id


def start_rehearsal(parent: QWidget | None, program_id: str) -> RehearsalWindow:
    """Open a rehearsal of ``program_id`` in its own window and return the window."""
    window = RehearsalWindow(program_id, parent)
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


__all__ = ["RehearsalWindow", "build_rehearsal", "choose_program", "start_rehearsal"]
