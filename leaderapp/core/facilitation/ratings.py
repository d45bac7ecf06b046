"""Ratings and placements (a mixin of ``Workspace``).

A rating is one score for one item of a step, by one participant (or by the group /
anonymously when ``participant_id`` is None):

- competence_rating: item = a dimension key ("bor", "kan", "vil", "ma", "tor"), 1..5;
- follow_up: the same dimensions re-rated months later, 1..5;
- polarity_map: item "now" / "target", 1..positions (1 = fully the left area).

There is at most one rating per step, participant and item: setting it again replaces
the score (and keeps the rating's id, so undo can put the old score back).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from leaderapp.core.changes import Changes
from leaderapp.core.i18n import _
from leaderapp.core.model import CommitmentStatus, Rating, Step, ValidationError, new_id, now_iso
from leaderapp.core.storage import rows

if TYPE_CHECKING:
    from leaderapp.core.library import Exercise

PLACEMENT_ITEMS = ("now", "target")
# A polarity map's note slots per pole; swapping the poles swaps them.
POLE_SLOTS = {
    "left": ("left_upside", "left_downside", "warning:left", "action:left"),
    "right": ("right_upside", "right_downside", "warning:right", "action:right"),
}
SWAPPED_SLOTS = {
    **dict(zip(POLE_SLOTS["left"], POLE_SLOTS["right"], strict=True)),
    **dict(zip(POLE_SLOTS["right"], POLE_SLOTS["left"], strict=True)),
}

# The follow-up exercise's statuses (resources/exercises/follow_up.toml) as stored statuses.
FOLLOW_UP_STATUSES: dict[str, CommitmentStatus] = {
    "not_started": CommitmentStatus.PLANNED,
    "in_progress": CommitmentStatus.IN_PROGRESS,
    "done": CommitmentStatus.DONE,
    "adjusted": CommitmentStatus.ADJUSTED,
    "dropped": CommitmentStatus.DROPPED,
}


def follow_up_status(key: str) -> CommitmentStatus:
    """The stored status for a follow-up status key (a stored value is accepted too)."""
    if key in FOLLOW_UP_STATUSES:
        return FOLLOW_UP_STATUSES[key]
    return CommitmentStatus(key)


def follow_up_key(status: CommitmentStatus) -> str:
    """The follow-up status key that shows a stored status."""
    return next((k for k, s in FOLLOW_UP_STATUSES.items() if s is status), status.value)


def _exercise(step: Step) -> Exercise:
    from leaderapp.core.library import load_library  # not at import: workspace imports us

    return load_library().exercise(step.exercise_id)


def rating_scale(step: Step) -> dict[str, tuple[int, int]]:
    """The items a step can be rated on, each with its lowest and highest score."""
    from leaderapp.core.library import (
        CompetenceRating,
        FollowUp,
        PolarityMap,
        load_library,
    )

    data = _exercise(step).data
    if isinstance(data, FollowUp):
        data = load_library().exercise(data.rating_exercise).data
    if isinstance(data, CompetenceRating):
        return {d.key: (data.lowest, data.highest) for d in data.dimensions}
    if isinstance(data, PolarityMap):
        return {item: (1, data.placement.positions) for item in PLACEMENT_ITEMS}
    return {}


class RatingsMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""

    # ----------------------------------------------------------------- reads
    def ratings(self, step_id: str) -> list[Rating]:
        """The step's ratings, participants in the workshop's order, the group's last."""
        return [
            rows.rating(r)
            for r in self._rows(
                """SELECT r.* FROM rating r LEFT JOIN participant p ON p.id = r.participant_id
                   WHERE r.step_id = ?
                   ORDER BY r.participant_id IS NULL, p.position, r.item""",
                [step_id],
            )
        ]

    def rating(self, step_id: str, item: str, participant_id: str | None = None) -> Rating | None:
        found = self._rows(
            "SELECT * FROM rating WHERE step_id = ? AND item = ? AND participant_id IS ?",
            [step_id, item, participant_id],
        )
        return rows.rating(found[0]) if found else None

    def average_ratings(self, step_id: str) -> dict[str, float]:
        """Item -> the mean score of everyone who scored it (items nobody scored are left out)."""
        return {
            r["item"]: float(r["mean"])
            for r in self._rows(
                "SELECT item, AVG(score) AS mean FROM rating WHERE step_id = ? GROUP BY item",
                [step_id],
            )
        }

    def rating_baseline(self, step_id: str) -> Step | None:
        """For a follow-up step: the workshop's earlier rating step whose dimensions it
        re-rates (the last one before it in the plan, else the first after it)."""
        from leaderapp.core.library import FollowUp

        step = self.step(step_id)
        data = _exercise(step).data
        if not isinstance(data, FollowUp):
            return None
        candidates = [
            s for s in self.steps(step.workshop_id) if s.exercise_id == data.rating_exercise
        ]
        before = [s for s in candidates if s.position < step.position]
        if before:
            return before[-1]
        return candidates[0] if candidates else None

    def polarity_pair(self, step_id: str) -> tuple[str, str]:
        """The two result areas a polarity step balances (left pole, right pole)."""
        from leaderapp.core.library import PolarityMap

        step = self.step(step_id)
        data = _exercise(step).data
        if not isinstance(data, PolarityMap):
            raise ValidationError(_("This step is not a polarity map."))
        keys = {a.key for a in data.areas}
        pair = step.settings.get("pair")
        if (
            isinstance(pair, list | tuple)
            and len(pair) == 2
            and pair[0] != pair[1]
            and set(pair) <= keys
        ):
            return (pair[0], pair[1])
        return data.default_pair

    # ---------------------------------------------------------------- writes
    def set_rating(
        self, step_id: str, item: str, score: float, participant_id: str | None = None
    ) -> Changes:
        """Give ``item`` the ``score``; replaces this participant's earlier score for it.

        An anonymous step keeps no author: the score is the group's.
        """
        step = self.step(step_id)
        scale = rating_scale(step)
        if item not in scale:
            raise ValidationError(_("“{item}” cannot be rated in this step.").format(item=item))
        low, high = scale[item]
        if (
            isinstance(score, bool)
            or not isinstance(score, int | float)
            or not math.isfinite(score)
            or not low <= score <= high
        ):
            raise ValidationError(
                _("A score must be between {low} and {high}.").format(low=low, high=high)
            )
        if step.anonymous:
            participant_id = None
        self._check_participant(step, participant_id)
        existing = self.rating(step_id, item, participant_id)
        stamp = now_iso()
        with self.db.atomic():
            if existing is None:
                rating_id = new_id()
                self.db["rating"].insert(
                    {
                        "id": rating_id,
                        "workshop_id": step.workshop_id,
                        "step_id": step_id,
                        "participant_id": participant_id,
                        "item": item,
                        "score": float(score),
                        "updated_at": stamp,
                    }
                )
            else:
                rating_id = existing.id
                self.db["rating"].update(rating_id, {"score": float(score), "updated_at": stamp})
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, ratings=True, created_id=rating_id)

    def clear_rating(self, step_id: str, item: str, participant_id: str | None = None) -> Changes:
        """Take a score away again (nothing happens when there is none)."""
        step = self.step(step_id)
        if step.anonymous:
            participant_id = None
        existing = self.rating(step_id, item, participant_id)
        if existing is None:
            return Changes(workshop_id=step.workshop_id)
        with self.db.atomic():
            self.db["rating"].delete(existing.id)
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, ratings=True)

    def restore_rating(self, rating: Rating) -> Changes:
        """Put a rating back exactly as it was (undo): its id, score and time.

        Replaces whatever score the same participant has for the item now; a
        participant removed in the meantime leaves the score to the group.
        """
        step = self.step(rating.step_id)
        participant_id = rating.participant_id
        if not self._exists("participant", participant_id):
            participant_id = None
        with self.db.atomic():
            current = self.rating(rating.step_id, rating.item, participant_id)
            if current is not None and current.id != rating.id:
                self.db["rating"].delete(current.id)
            self.db["rating"].upsert(
                {
                    "id": rating.id,
                    "workshop_id": step.workshop_id,
                    "step_id": rating.step_id,
                    "participant_id": participant_id,
                    "item": rating.item,
                    "score": float(rating.score),
                    "updated_at": rating.updated_at,
                },
                pk="id",
            )
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, ratings=True, created_id=rating.id)

    def set_polarity_pair(self, step_id: str, left: str, right: str) -> Changes:
        """Choose the two result areas the polarity map balances (left and right pole).

        Choosing the same two the other way round swaps the poles: notes move with
        their area and every placement is mirrored. Replacing an area keeps what was
        written (the group is renaming a pole, not starting over).
        """
        from leaderapp.core.library import PolarityMap

        step = self.step(step_id)
        data = _exercise(step).data
        if not isinstance(data, PolarityMap):
            raise ValidationError(_("This step is not a polarity map."))
        keys = [a.key for a in data.areas]
        if left not in keys or right not in keys:
            raise ValidationError(_("Choose two of the result areas."))
        if left == right:
            raise ValidationError(_("Choose two different result areas."))
        return self._write_pair(step, [left, right])

    def restore_polarity_pair(self, step_id: str, pair: tuple[str, str] | None) -> Changes:
        """Put the stored pair back as it was (None: no choice made, the default applies)."""
        step = self.step(step_id)
        return self._write_pair(step, list(pair) if pair is not None else None)

    def stored_polarity_pair(self, step_id: str) -> tuple[str, str] | None:
        pair = self.step(step_id).settings.get("pair")
        return (pair[0], pair[1]) if isinstance(pair, list) and len(pair) == 2 else None

    # --------------------------------------------------------------- helpers
    def _write_pair(self, step: Step, pair: list[str] | None) -> Changes:
        from leaderapp.core.library import PolarityMap

        data = _exercise(step).data
        assert isinstance(data, PolarityMap)
        current = self.polarity_pair(step.id)
        target = tuple(pair) if pair is not None else data.default_pair
        swapped = target == (current[1], current[0])
        with self.db.atomic():
            self._write_step_settings(step.id, {"pair": pair})
            if swapped:
                self._mirror_poles(step, data.placement.positions)
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, steps=True, ratings=True, notes=swapped)

    def _mirror_poles(self, step: Step, positions: int) -> None:
        """The poles swap sides: each note moves with its area, each mark is mirrored."""
        for row in self._rows(
            "SELECT id, slot FROM note WHERE step_id = ? AND slot IS NOT NULL", [step.id]
        ):
            slot = row["slot"]
            if slot in SWAPPED_SLOTS:
                self.db["note"].update(row["id"], {"slot": SWAPPED_SLOTS[slot]})
        for rating in self.ratings(step.id):
            if rating.item in PLACEMENT_ITEMS:
                self.db["rating"].update(rating.id, {"score": positions + 1 - rating.score})

    def _check_participant(self, step: Step, participant_id: str | None) -> None:
        if participant_id is None:
            return
        found = self._rows(
            "SELECT 1 FROM participant WHERE id = ? AND workshop_id = ?",
            [participant_id, step.workshop_id],
        )
        if not found:
            raise ValidationError(_("That participant is not part of this workshop."))
