"""Undoable commands for dot voting (see ``leaderapp.core.commands`` for the pattern)."""

from __future__ import annotations

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command, FieldEdit
from leaderapp.core.i18n import N_
from leaderapp.core.workspace import Workspace


class CastVote(Command):
    """One of a participant's dots (None: the room's) on a note of a voting step."""

    _label = N_("giving a dot")

    def __init__(
        self, step_id: str, note_id: str, participant_id: str | None, dots: int = 1
    ) -> None:
        self.step_id = step_id
        self.note_id = note_id
        self.participant_id = participant_id
        self.dots = dots
        self.subject = ("vote", step_id)

    def apply(self, workspace: Workspace) -> Changes:
        return workspace.cast_vote(self.step_id, self.note_id, self.participant_id, self.dots)

    def revert(self, workspace: Workspace) -> Changes:
        return workspace.withdraw_vote(self.step_id, self.note_id, self.participant_id, self.dots)


class WithdrawVote(CastVote):
    """Take a dot back; undo gives it again."""

    _label = N_("taking back a dot")

    def apply(self, workspace: Workspace) -> Changes:
        return super().revert(workspace)

    def revert(self, workspace: Workspace) -> Changes:
        return super().apply(workspace)


class SetDotsPerParticipant(FieldEdit):
    """The step's number of dots per participant (None: the exercise's default)."""

    _label = N_("changing the dots per participant")
    merges = True  # clicking the spin box up several times is one change

    def __init__(self, step_id: str, dots: int | None) -> None:
        super().__init__(dots)
        self.step_id = step_id
        self.subject = ("step", step_id)

    def key(self) -> tuple:
        return ("dots", self.step_id)

    def read(self, workspace: Workspace) -> object:
        return workspace.step(self.step_id).settings.get("dots")

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.set_dots_per_participant(self.step_id, value)  # type: ignore[arg-type]
