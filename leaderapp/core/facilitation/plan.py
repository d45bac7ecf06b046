"""The step plan of a workshop (a mixin of ``Workspace``).

The facilitator can reorder, skip, add and remove steps and change their timeboxes at
any time. Removing a step deletes what was written in it (notes, clusters, votes and
ratings, by cascade); ``removed_step`` takes all of that first, so ``restore_step`` can
put the step back whole for undo.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from leaderapp.core.changes import Changes
from leaderapp.core.i18n import _
from leaderapp.core.model import (
    Cluster,
    Note,
    Rating,
    Step,
    ValidationError,
    Vote,
    new_id,
)
from leaderapp.core.storage import rows

if TYPE_CHECKING:
    from leaderapp.core.workspace import Workspace

MIN_TIMEBOX = 1
MAX_TIMEBOX = 600  # ten hours: longer than any meeting, so anything above is a typo


@dataclass(frozen=True)
class RemovedStep:
    """A step and everything written in it, as it was just before it was removed."""

    step: Step
    notes: tuple[Note, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    votes: tuple[Vote, ...] = ()  # on its notes (wherever cast) and cast in it
    ratings: tuple[Rating, ...] = ()
    was_current: bool = False  # the workshop's current step

    @property
    def is_empty(self) -> bool:
        return not (self.notes or self.votes or self.ratings)


def check_timebox(minutes: object) -> int:
    """A timebox in whole minutes, 1..600, or a translated ``ValidationError``."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValidationError(_("The timebox must be a whole number of minutes."))
    if not MIN_TIMEBOX <= minutes <= MAX_TIMEBOX:
        raise ValidationError(
            _("The timebox must be between {low} and {high} minutes.").format(
                low=MIN_TIMEBOX, high=MAX_TIMEBOX
            )
        )
    return minutes


class PlanMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""

    # ----------------------------------------------------------------- reads
    def removed_step(self: Workspace, step_id: str) -> RemovedStep:
        """What ``remove_step`` would delete: keep it to ``restore_step`` later."""
        step = self.step(step_id)
        notes = tuple(
            rows.note(r)
            for r in self._rows("SELECT * FROM note WHERE step_id = ? ORDER BY position", [step_id])
        )
        clusters = tuple(
            rows.cluster(r)
            for r in self._rows(
                "SELECT * FROM cluster WHERE step_id = ? ORDER BY position", [step_id]
            )
        )
        votes = tuple(
            rows.vote(r)
            for r in self._rows(
                """SELECT * FROM vote WHERE step_id = ?
                   OR note_id IN (SELECT id FROM note WHERE step_id = ?)""",
                [step_id, step_id],
            )
        )
        ratings = tuple(
            rows.rating(r) for r in self._rows("SELECT * FROM rating WHERE step_id = ?", [step_id])
        )
        current = self.workshop(step.workshop_id).current_step_id == step_id
        return RemovedStep(step, notes, clusters, votes, ratings, current)

    # ---------------------------------------------------------------- writes
    def move_step(self: Workspace, step_id: str, new_index: int) -> Changes:
        """Put the step at ``new_index`` (0-based, clamped) in its workshop's plan."""
        step = self.step(step_id)
        ids = [s.id for s in self.steps(step.workshop_id)]
        old_index = ids.index(step_id)
        new_index = max(0, min(int(new_index), len(ids) - 1))
        if new_index == old_index:
            return Changes(workshop_id=step.workshop_id)
        ids.remove(step_id)
        ids.insert(new_index, step_id)
        with self.db.atomic():
            self._renumber("step", ids)
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, steps=True)

    def set_step_skipped(self: Workspace, step_id: str, skipped: bool) -> Changes:
        """Skip the step this time; it stays in the plan and keeps its notes."""
        return self._set_step_field(step_id, "skipped", int(bool(skipped)))

    def set_step_anonymous(self: Workspace, step_id: str, anonymous: bool) -> Changes:
        """Notes, votes and ratings written from now on carry no author."""
        return self._set_step_field(step_id, "anonymous", int(bool(anonymous)))

    def set_timebox(self: Workspace, step_id: str, minutes: int) -> Changes:
        return self._set_step_field(step_id, "timebox_minutes", check_timebox(minutes))

    def update_step_settings(self: Workspace, step_id: str, **values: object) -> Changes:
        """Merge ``values`` into the step's settings; a value of None removes its key."""
        step = self.step(step_id)
        with self.db.atomic():
            self._write_step_settings(step_id, values)
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, steps=True)

    def _write_step_settings(self: Workspace, step_id: str, values: dict) -> None:
        """The one writer of ``step.settings`` (JSON): merge ``values`` (None removes a
        key) into what is stored now, so keys other parts set stay. The caller holds the
        transaction."""
        settings = dict(self.step(step_id).settings)
        for key, value in values.items():
            if value is None:
                settings.pop(key, None)
            else:
                settings[key] = value
        try:
            text = json.dumps(settings, ensure_ascii=False, sort_keys=True)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"step settings must be JSON: {exc}") from exc
        self.db["step"].update(step_id, {"settings": text if settings else None})

    def _set_step_field(self: Workspace, step_id: str, column: str, value: object) -> Changes:
        step = self.step(step_id)
        with self.db.atomic():
            self.db["step"].update(step_id, {column: value})
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, steps=True)

    def add_step(
        self: Workspace,
        workshop_id: str,
        exercise_id: str,
        *,
        index: int | None = None,
        value_id: str | None = None,
        timebox_minutes: int | None = None,
        meeting: int | None = None,
    ) -> Changes:
        """A new step with any exercise of the library, at ``index`` (None: last).

        An exercise about one value needs ``value_id``; the timebox defaults to the
        exercise's own; without ``meeting`` the step joins the meeting of the step
        before it (or after it, at the top).
        """
        from leaderapp.core.workspace import load_library

        self._row("workshop", workshop_id)
        exercise = load_library().exercises.get(exercise_id)
        if exercise is None:
            raise ValidationError(_("Unknown exercise “{id}”.").format(id=exercise_id))
        if exercise.per_value:
            if value_id is None:
                raise ValidationError(_("Choose the value this step is about."))
            if value_id not in {v.id for v in self.values(workshop_id)}:
                raise ValidationError(_("That value is not one of this workshop's values."))
        elif value_id is not None:
            raise ValidationError(_("This exercise is not about one value."))
        minutes = check_timebox(
            exercise.default_minutes if timebox_minutes is None else timebox_minutes
        )
        steps = self.steps(workshop_id)
        index = len(steps) if index is None else max(0, min(int(index), len(steps)))
        if meeting is None:
            neighbour = steps[index - 1] if index > 0 else (steps[0] if steps else None)
            meeting = neighbour.meeting if neighbour is not None else None
        step_id = new_id()
        ids = [s.id for s in steps]
        ids.insert(index, step_id)
        with self.db.atomic():
            self.db["step"].insert(
                {
                    "id": step_id,
                    "workshop_id": workshop_id,
                    "exercise_id": exercise_id,
                    "value_id": value_id,
                    "position": index,
                    "timebox_minutes": minutes,
                    "meeting": meeting,
                    "skipped": 0,
                    "anonymous": 0,
                    "settings": None,
                }
            )
            self._renumber("step", ids)
            self._touch(workshop_id)
        return Changes(workshop_id=workshop_id, steps=True, created_id=step_id)

    def remove_step(self: Workspace, step_id: str) -> Changes:
        """Remove the step with its notes, clusters, votes and ratings.

        Take ``removed_step(step_id)`` first to be able to undo. When it was the
        workshop's current step, the step that takes its place becomes current.
        """
        step = self.step(step_id)
        workshop = self.workshop(step.workshop_id)
        remaining = [s.id for s in self.steps(step.workshop_id) if s.id != step_id]
        with self.db.atomic():
            self.db["step"].delete(step_id)  # cascades to notes, clusters, votes, ratings
            self._renumber("step", remaining)
            if workshop.current_step_id == step_id:
                index = min(step.position, len(remaining) - 1)
                current = remaining[index] if remaining else None
                self.db["workshop"].update(step.workshop_id, {"current_step_id": current})
            self._touch(step.workshop_id)
        return Changes(
            workshop_id=step.workshop_id,
            steps=True,
            notes=True,
            clusters=True,
            votes=True,
            ratings=True,
        )

    def restore_step(self: Workspace, removed: RemovedStep) -> Changes:
        """Put a removed step back at its place, with everything written in it.

        Authors removed in the meantime are left empty; a step whose value is gone
        cannot come back (``ValidationError``).
        """
        step = removed.step
        self._row("workshop", step.workshop_id)
        if step.value_id is not None and not self._exists("value", step.value_id):
            raise ValidationError(_("The step's value no longer exists."))
        if self._exists("step", step.id):
            raise ValidationError(_("The step is in the plan already."))
        ids = [s.id for s in self.steps(step.workshop_id)]
        ids.insert(max(0, min(step.position, len(ids))), step.id)
        with self.db.atomic():
            self.db["step"].insert(
                {
                    "id": step.id,
                    "workshop_id": step.workshop_id,
                    "exercise_id": step.exercise_id,
                    "value_id": step.value_id,
                    "position": step.position,
                    "timebox_minutes": step.timebox_minutes,
                    "meeting": step.meeting,
                    "skipped": int(step.skipped),
                    "anonymous": int(step.anonymous),
                    "settings": (
                        json.dumps(step.settings, ensure_ascii=False, sort_keys=True)
                        if step.settings
                        else None
                    ),
                }
            )
            self._renumber("step", ids)
            for cluster in removed.clusters:
                self.db["cluster"].insert(
                    {
                        "id": cluster.id,
                        "workshop_id": cluster.workshop_id,
                        "step_id": cluster.step_id,
                        "name": cluster.name,
                        "position": cluster.position,
                    }
                )
            own = {n.id for n in removed.notes}
            for note in _parents_first(removed.notes):
                parent = note.parent_id
                if parent is not None and parent not in own and not self._exists("note", parent):
                    parent = None
                self.db["note"].insert(
                    {
                        "id": note.id,
                        "workshop_id": note.workshop_id,
                        "step_id": note.step_id,
                        "value_id": note.value_id if self._exists("value", note.value_id) else None,
                        "author_id": (
                            note.author_id if self._exists("participant", note.author_id) else None
                        ),
                        "text": note.text,
                        "position": note.position,
                        "created_at": note.created_at,
                        "updated_at": note.updated_at,
                        "slot": note.slot,
                        "parent_id": parent,
                        "hidden": int(note.hidden),
                        "cluster_id": (
                            note.cluster_id if self._exists("cluster", note.cluster_id) else None
                        ),
                        "round": note.round,
                    }
                )
            for vote in removed.votes:
                # A vote cast in another step that is gone by now stays gone.
                if not (self._exists("step", vote.step_id) and self._exists("note", vote.note_id)):
                    continue
                self.db["vote"].insert(
                    {
                        "id": vote.id,
                        "workshop_id": vote.workshop_id,
                        "step_id": vote.step_id,
                        "note_id": vote.note_id,
                        "participant_id": self._participant_or_none(vote.participant_id),
                        "dots": vote.dots,
                    }
                )
            for rating in removed.ratings:
                self.db["rating"].insert(
                    {
                        "id": rating.id,
                        "workshop_id": rating.workshop_id,
                        "step_id": rating.step_id,
                        "participant_id": self._participant_or_none(rating.participant_id),
                        "item": rating.item,
                        "score": rating.score,
                        "updated_at": rating.updated_at,
                    }
                )
            if removed.was_current:
                self.db["workshop"].update(step.workshop_id, {"current_step_id": step.id})
            self._touch(step.workshop_id)
        return Changes(
            workshop_id=step.workshop_id,
            steps=True,
            notes=True,
            clusters=True,
            votes=True,
            ratings=True,
            created_id=step.id,
        )

    def _participant_or_none(self: Workspace, participant_id: str | None) -> str | None:
        return participant_id if self._exists("participant", participant_id) else None


def _parents_first(notes: tuple[Note, ...]) -> list[Note]:
    """The notes ordered so that each comes after the note it belongs under."""
    ids = {n.id for n in notes}
    placed: set[str] = set()
    ordered: list[Note] = []
    waiting = list(notes)
    while waiting:
        ready = [n for n in waiting if n.parent_id not in ids or n.parent_id in placed]
        if not ready:  # a cycle cannot be stored anyway; keep the rest as they are
            ready = waiting
        for note in ready:
            ordered.append(note)
            placed.add(note.id)
        waiting = [n for n in waiting if n.id not in placed]
    return ordered
