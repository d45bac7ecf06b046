"""Undoable commands for the step plan (see ``plan.py`` for the writes they make).

Kept apart from the mixin: ``core/commands.py`` imports the Workspace, which imports
the mixins, so a mixin cannot import the commands.
"""

from __future__ import annotations

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command, FieldEdit
from leaderapp.core.facilitation.plan import RemovedStep
from leaderapp.core.i18n import N_
from leaderapp.core.workspace import Workspace


class MoveStep(Command):
    """Move a step to ``new_index``; undo puts it back where it was."""

    _label = N_("moving a step")

    def __init__(self, step_id: str, new_index: int) -> None:
        self.step_id = step_id
        self.new_index = new_index
        self.old_index: int | None = None
        self.subject = ("step", step_id)

    def apply(self, workspace: Workspace) -> Changes:
        step = workspace.step(self.step_id)
        if self.old_index is None:
            ids = [s.id for s in workspace.steps(step.workshop_id)]
            self.old_index = ids.index(self.step_id)
        return workspace.move_step(self.step_id, self.new_index)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.old_index is not None, "revert before apply"
        return workspace.move_step(self.step_id, self.old_index)


class _StepField(FieldEdit):
    """One field of a step; ``attribute`` is the Step attribute it reads."""

    attribute = ""

    def __init__(self, step_id: str, value: object) -> None:
        super().__init__(value)
        self.step_id = step_id
        self.subject = ("step", step_id)

    def key(self) -> tuple:
        return (self.attribute, self.step_id)

    def read(self, workspace: Workspace) -> object:
        return getattr(workspace.step(self.step_id), self.attribute)


class SetStepSkipped(_StepField):
    _label = N_("skipping a step")
    attribute = "skipped"

    def __init__(self, step_id: str, skipped: bool) -> None:
        super().__init__(step_id, bool(skipped))
        if not skipped:
            self._label = N_("taking a skipped step back")

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.set_step_skipped(self.step_id, bool(value))


class SetStepAnonymous(_StepField):
    _label = N_("changing whether a step is anonymous")
    attribute = "anonymous"

    def __init__(self, step_id: str, anonymous: bool) -> None:
        super().__init__(step_id, bool(anonymous))

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.set_step_anonymous(self.step_id, bool(value))


class SetTimebox(_StepField):
    """A step's timebox; clicks on a spin box in a row merge into one undo step."""

    _label = N_("changing a timebox")
    attribute = "timebox_minutes"
    merges = True

    def __init__(self, step_id: str, minutes: int) -> None:
        super().__init__(step_id, minutes)

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.set_timebox(self.step_id, value)  # type: ignore[arg-type]


class UpdateStepSettings(FieldEdit):
    """Some keys of a step's settings (None removes a key); undo writes back the keys
    as they were. Repeated edits of the same keys merge (a spin box for dots)."""

    _label = N_("changing a step's settings")
    merges = True

    def __init__(self, step_id: str, **values: object) -> None:
        super().__init__(dict(values))
        self.step_id = step_id
        self.subject = ("step", step_id)

    def key(self) -> tuple:
        return ("step-settings", self.step_id, tuple(sorted(self.value)))  # type: ignore[arg-type]

    def read(self, workspace: Workspace) -> object:
        settings = workspace.step(self.step_id).settings
        return {k: settings.get(k) for k in self.value}  # type: ignore[union-attr]

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.update_step_settings(self.step_id, **value)  # type: ignore[arg-type]


class AddStep(Command):
    """A new step; undo removes it, redo brings back the same step (same id)."""

    _label = N_("adding a step")

    def __init__(
        self,
        workshop_id: str,
        exercise_id: str,
        *,
        index: int | None = None,
        value_id: str | None = None,
        timebox_minutes: int | None = None,
        meeting: int | None = None,
    ) -> None:
        self.workshop_id = workshop_id
        self.exercise_id = exercise_id
        self.options = {
            "index": index,
            "value_id": value_id,
            "timebox_minutes": timebox_minutes,
            "meeting": meeting,
        }
        self.removed: RemovedStep | None = None
        self.step_id: str | None = None

    def apply(self, workspace: Workspace) -> Changes:
        if self.removed is not None:
            return workspace.restore_step(self.removed)
        changes = workspace.add_step(self.workshop_id, self.exercise_id, **self.options)
        self.step_id = changes.created_id
        self.subject = ("step", self.step_id or "")
        return changes

    def revert(self, workspace: Workspace) -> Changes:
        assert self.step_id is not None, "revert before apply"
        # Later commands were undone first: this is the step as it was added.
        self.removed = workspace.removed_step(self.step_id)
        return workspace.remove_step(self.step_id)


class RemoveStep(Command):
    """Remove a step and what was written in it; undo brings all of it back."""

    _label = N_("removing a step")

    def __init__(self, step_id: str) -> None:
        self.step_id = step_id
        self.removed: RemovedStep | None = None
        self.subject = ("step", step_id)

    def apply(self, workspace: Workspace) -> Changes:
        self.removed = workspace.removed_step(self.step_id)
        return workspace.remove_step(self.step_id)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.removed is not None, "revert before apply"
        return workspace.restore_step(self.removed)
