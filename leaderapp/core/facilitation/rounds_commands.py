"""Undoable commands for 1-2-4-all rounds (see ``leaderapp.core.commands``)."""

from __future__ import annotations

from leaderapp.core.changes import Changes
from leaderapp.core.commands import FieldEdit
from leaderapp.core.i18n import N_
from leaderapp.core.workspace import Workspace


class SetRounds(FieldEdit):
    """Run a step as 1-2-4-all, or not."""

    _label = N_("switching 1-2-4-all")

    def __init__(self, step_id: str, on: bool) -> None:
        super().__init__(bool(on))
        self.step_id = step_id
        self.subject = ("step", step_id)

    def key(self) -> tuple:
        return ("rounds", self.step_id)

    def read(self, workspace: Workspace) -> object:
        return workspace.rounds_on(self.step_id)

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.set_rounds(self.step_id, bool(value))


class SetCurrentRound(FieldEdit):
    """Go to another round (1, 2, 4 or 0 for the whole group)."""

    _label = N_("changing the round")

    def __init__(self, step_id: str, round_: int) -> None:
        super().__init__(round_)
        self.step_id = step_id
        self.subject = ("step", step_id)

    def key(self) -> tuple:
        return ("round", self.step_id)

    def read(self, workspace: Workspace) -> object:
        return workspace.step(self.step_id).settings.get("round", 1)

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.set_current_round(self.step_id, int(value))  # type: ignore[arg-type]
