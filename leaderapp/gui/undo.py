"""Undo and redo: core commands on a ``QUndoStack``, through one generic adapter.

The window owns one ``UndoHistory`` for the whole session. Screens push core
commands (``leaderapp.core.commands``) instead of calling the Workspace
directly; after an undo or redo the history emits ``applied`` with the command's
``Changes`` and each screen redraws what it names.

Text editors and undo: the editors' own undo is switched off and Ctrl+Z /
Ctrl+Shift+Z / Ctrl+Y typed in an editor go to this history instead (see
``UndoKeys``). Two undo systems would disagree about what "undo" means after an
autosave; one history, fed by the autosave, keeps typing, deletions and table
edits in one order. Before undoing, pending typing is saved, so Ctrl+Z right
after typing takes back that run of typing (runs merge until a pause, see
``core/commands.py``). Showing undone text in an editor happens with the autosave
suspended, so it is never mistaken for a new edit (which would clear Redo). A
commitments cell being edited keeps Qt's own undo for its unfinished text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from leaderapp.core.changes import Changes
from leaderapp.core.i18n import _
from leaderapp.core.workspace import NotFound, Workspace

if TYPE_CHECKING:
    from leaderapp.core.commands import Command

log = logging.getLogger(__name__)

# All mergeable commands share one Qt id; Command.merge decides whether two fit.
_MERGE_ID = 1
UNDO_KEYS = ("Ctrl+Z",)
REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")


class _Adapter(QUndoCommand):
    """Runs a core command on the history's workspace. A failure marks it obsolete,
    so the stack drops it (on push) or removes it (on undo/redo)."""

    def __init__(self, history: UndoHistory, command: Command) -> None:
        super().__init__(command.label)
        self.history = history
        self.command = command
        self.changes = Changes()
        self.error: Exception | None = None

    def redo(self) -> None:
        self._run(self.command.apply)

    def undo(self) -> None:
        self._run(self.command.revert)

    def _run(self, step: Callable[[Workspace], Changes]) -> None:
        # Called from C++: an exception must not escape, it is kept for the caller.
        self.error = None
        try:
            self.changes = step(self.history.workspace)
        except Exception as exc:
            self.error = exc
            self.changes = Changes()
            self.setObsolete(True)

    def id(self) -> int:
        return _MERGE_ID if self.command.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        # Qt also offers a command that failed in push(): never fold that in.
        if not isinstance(other, _Adapter) or other.error is not None or other.isObsolete():
            return False
        if not self.command.merge(other.command):
            return False
        self.changes = self.changes | other.changes
        if self.command.is_noop:
            self.setObsolete(True)  # typed and erased again: nothing to undo
        return True


class UndoHistory(QObject):
    """The session's undo stack over the Workspace."""

    applied = Signal(object, object)  # Changes, Command: after an undo or redo
    failed = Signal(str)  # a translated message when an undo or redo could not be done
    done = Signal(str)  # a translated message after an undo or redo

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.stack = QUndoStack(self)
        # Set by the window: saves pending typing first; False when it could not.
        self.flush_pending: Callable[[], bool] = lambda: True
        self.keys = UndoKeys(self)

    # ------------------------------------------------------------------ do
    def push(self, command: Command) -> Changes:
        """Apply ``command`` and keep it for undo; raises what the command raised."""
        adapter = _Adapter(self, command)
        self.stack.push(adapter)
        # The adapter may be gone on the C++ side (merged or dropped); its Python
        # attributes are still ours to read.
        if adapter.error is not None:
            raise adapter.error
        return adapter.changes

    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, *, undo: bool) -> None:
        # Typing not yet saved becomes a command first (and is what Ctrl+Z takes back).
        if not self.flush_pending():
            # Undoing now would skip the typing that is still waiting to be saved.
            self.failed.emit(_("Undo is waiting until your last change has been saved."))
            return
        # Pending typing may have been merged into the top command just now.
        if not (self.stack.canUndo() if undo else self.stack.canRedo()):
            return
        index = self.stack.index() - 1 if undo else self.stack.index()
        adapter = self.stack.command(index)
        assert isinstance(adapter, _Adapter)
        command = adapter.command
        label = command.label
        if undo:
            self.stack.undo()
        else:
            self.stack.redo()
        if adapter.error is not None:
            log.warning("undo/redo of %s failed", label, exc_info=adapter.error)
            message = (
                _("“{action}” could not be undone: {error}")
                if undo
                else _("“{action}” could not be redone: {error}")
            )
            self.failed.emit(message.format(action=label, error=_reason(adapter.error)))
            return
        changes = adapter.changes
        self.applied.emit(changes, command)
        text = _("Undone: {action}") if undo else _("Redone: {action}")
        self.done.emit(text.format(action=label))

    def clear(self) -> None:
        """Forget everything (after the data was replaced by a backup)."""
        self.stack.clear()

    # -------------------------------------------------------------- actions
    def undo_action(self, parent: QObject) -> QAction:
        """Edit › Undo, its text naming what it undoes ("Undo deleting a note")."""
        action = QAction(_("Undo"), parent)
        action.setShortcuts([QKeySequence(k) for k in UNDO_KEYS])
        action.triggered.connect(lambda *_a: self.undo())
        _ActionText(action, _("Undo"), _("Undo {action}"), self.stack.undoText())
        action.setEnabled(self.stack.canUndo())
        self.stack.canUndoChanged.connect(action.setEnabled)
        self.stack.undoTextChanged.connect(action.findChild(_ActionText).show)
        return action

    def redo_action(self, parent: QObject) -> QAction:
        action = QAction(_("Redo"), parent)
        action.setShortcuts([QKeySequence(k) for k in REDO_KEYS])
        action.triggered.connect(lambda *_a: self.redo())
        _ActionText(action, _("Redo"), _("Redo {action}"), self.stack.redoText())
        action.setEnabled(self.stack.canRedo())
        self.stack.canRedoChanged.connect(action.setEnabled)
        self.stack.redoTextChanged.connect(action.findChild(_ActionText).show)
        return action


class _ActionText(QObject):
    """Keeps an action's text in step with the stack. A QObject child of the action,
    so the connection ends with the action (a lambda would outlive it)."""

    def __init__(self, action: QAction, plain: str, pattern: str, text: str) -> None:
        super().__init__(action)
        self._action = action
        self._plain = plain
        self._pattern = pattern
        self.show(text)

    @Slot(str)
    def show(self, text: str) -> None:
        self._action.setText(self._pattern.format(action=text) if text else self._plain)


def _reason(exc: Exception) -> str:
    if isinstance(exc, NotFound):
        return _("what it changed no longer exists")
    return str(exc) or type(exc).__name__


class UndoKeys(QObject):
    """An event filter for text editors: their undo keys drive the app's history.

    Qt lets a focused text editor claim Ctrl+Z before any menu shortcut sees it,
    so without this the Edit menu's Undo would never fire while typing.
    """

    def __init__(self, history: UndoHistory) -> None:
        super().__init__(history)
        self._history = history
        self._undo = [QKeySequence(k) for k in UNDO_KEYS]
        self._redo = [QKeySequence(k) for k in REDO_KEYS]

    def watch(self, widget: QWidget) -> None:
        if hasattr(widget, "setUndoRedoEnabled"):
            widget.setUndoRedoEnabled(False)  # no second, hidden history in the editor
        widget.installEventFilter(self)

    def _matches(self, event: QKeyEvent, sequences: list[QKeySequence]) -> bool:
        combo = QKeySequence(event.keyCombination())
        return any(combo.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in sequences)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if self._matches(event, self._undo):
                self._history.undo()
                return True
            if self._matches(event, self._redo):
                self._history.redo()
                return True
        return False
