"""Undoable commands for silent writing: the step's switch, hidden notes, the reveal.

Kept apart from ``reveal.py`` because commands import the workspace, which imports the
mixin (see ``leaderapp/core/facilitation/__init__.py``).
"""

from __future__ import annotations

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.i18n import N_
from leaderapp.core.workspace import Workspace


class SetSilentWriting(Command):
    """Switch silent writing on or off for a step."""

    def __init__(self, step_id: str, on: bool) -> None:
        self.step_id = step_id
        self.on = bool(on)
        self.before: bool | None = None
        self.subject = ("step", step_id)

    @property
    def _label(self) -> str:  # type: ignore[override]
        return N_("starting silent writing") if self.on else N_("ending silent writing")

    def apply(self, workspace: Workspace) -> Changes:
        if self.before is None:
            self.before = workspace.silent_writing(self.step_id)
        return workspace.set_silent_writing(self.step_id, self.on)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.before is not None, "revert before apply"
        return workspace.set_silent_writing(self.step_id, self.before)


class RevealNotes(Command):
    """Show the step's hidden notes to the room; undo hides exactly those again."""

    _label = N_("showing the notes to the room")

    def __init__(self, step_id: str) -> None:
        self.step_id = step_id
        self.note_ids: tuple[str, ...] | None = None
        self.subject = ("step", step_id)

    def apply(self, workspace: Workspace) -> Changes:
        if self.note_ids is None:  # first time: the notes hidden now; redo reveals the same
            self.note_ids = tuple(n.id for n in workspace.hidden_notes(self.step_id))
        return workspace.reveal_notes(self.step_id, self.note_ids)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.note_ids is not None, "revert before apply"
        return workspace.hide_notes(self.step_id, self.note_ids)

    @property
    def count(self) -> int:
        return len(self.note_ids or ())
