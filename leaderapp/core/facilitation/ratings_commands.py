"""Undoable commands for ratings, polarity maps and the follow-up (see core/commands.py).

Kept apart from ratings.py: the mixin is imported by workspace.py, and the commands
import workspace.py.
"""

from __future__ import annotations

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command, FieldEdit
from leaderapp.core.i18n import N_
from leaderapp.core.model import CommitmentStatus, Rating
from leaderapp.core.workspace import Workspace


class SetRating(Command):
    """A participant's score for one item; ``score`` None takes the score away.

    Undo puts back exactly what was there before: the old score, or no score.
    """

    _label = N_("giving a score")

    def __init__(
        self, step_id: str, item: str, score: float | None, participant_id: str | None = None
    ) -> None:
        self.step_id = step_id
        self.item = item
        self.score = score
        self.participant_id = participant_id
        self.before: Rating | None = None
        self._captured = False
        self.subject = ("step", step_id)
        if score is None:
            self._label = N_("removing a score")

    def apply(self, workspace: Workspace) -> Changes:
        if not self._captured:
            # An anonymous step stores the group's score, whoever was chosen.
            who = None if workspace.step(self.step_id).anonymous else self.participant_id
            self.participant_id = who
            self.before = workspace.rating(self.step_id, self.item, who)
            self._captured = True
        if self.score is None:
            return workspace.clear_rating(self.step_id, self.item, self.participant_id)
        return workspace.set_rating(self.step_id, self.item, self.score, self.participant_id)

    def revert(self, workspace: Workspace) -> Changes:
        if self.before is None:
            return workspace.clear_rating(self.step_id, self.item, self.participant_id)
        return workspace.restore_rating(self.before)


class SetPolarityPair(Command):
    """Choose the two result areas a polarity map balances."""

    _label = N_("choosing the pair of result areas")

    def __init__(self, step_id: str, left: str, right: str) -> None:
        self.step_id = step_id
        self.pair = (left, right)
        self.before: tuple[str, str] | None = None
        self._captured = False
        self.subject = ("step", step_id)

    def apply(self, workspace: Workspace) -> Changes:
        if not self._captured:
            self.before = workspace.stored_polarity_pair(self.step_id)
            self._captured = True
        return workspace.set_polarity_pair(self.step_id, *self.pair)

    def revert(self, workspace: Workspace) -> Changes:
        return workspace.restore_polarity_pair(self.step_id, self.before)


class EditReviewNote(FieldEdit):
    """At the follow-up: what became of a commitment, in the group's words."""

    _label = N_("reviewing a commitment")
    merges = True

    def __init__(self, commitment_id: str, text: str) -> None:
        super().__init__(text)
        self.commitment_id = commitment_id
        self.subject = ("commitment-review", commitment_id)

    def key(self) -> tuple:
        return ("commitment-review", self.commitment_id)

    def read(self, workspace: Workspace) -> object:
        return workspace.commitment(self.commitment_id).review_note

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.update_commitment(self.commitment_id, review_note=str(value))


class SetReviewStatus(FieldEdit):
    """At the follow-up: where a commitment stands. Its subject keeps the follow-up page
    in view after undo (a "commitment" subject would switch to the commitments step)."""

    _label = N_("reviewing a commitment")

    def __init__(self, commitment_id: str, status: CommitmentStatus) -> None:
        super().__init__(CommitmentStatus(status))
        self.commitment_id = commitment_id
        self.subject = ("commitment-review", commitment_id)

    def key(self) -> tuple:
        return ("commitment-status", self.commitment_id)

    def read(self, workspace: Workspace) -> object:
        return workspace.commitment(self.commitment_id).status

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.update_commitment(self.commitment_id, status=CommitmentStatus(value))
