"""1-2-4-all rounds (a mixin of ``Workspace``).

A step can run as alone -> in pairs -> in fours -> the whole group. The step's settings
hold ``"rounds": true`` and the current ``"round"`` (1, 2, 4 or 0 for the whole group);
notes written during a round carry it (``note.round``), so the group can see afterwards
which thoughts came from which round.
"""

from __future__ import annotations

from collections.abc import Sequence

from leaderapp.core.changes import Changes
from leaderapp.core.i18n import N_, _
from leaderapp.core.model import Note, Participant, ValidationError
from leaderapp.core.storage import rows

ALL = 0  # the whole group's round
ROUNDS = (1, 2, 4, ALL)  # in the order they are run
ROUND_NAMES = {
    1: N_("Alone"),
    2: N_("In pairs"),
    4: N_("In fours"),
    ALL: N_("Whole group"),
}
# Liberating Structures' 1-2-4-All gives roughly 1, 2, 4 and 5 minutes: the step's
# timebox is shared out in the same proportions.
ROUND_WEIGHTS = {1: 1, 2: 2, 4: 4, ALL: 5}


def round_name(round_: int) -> str:
    return _(ROUND_NAMES[round_])


def round_seconds(timebox_minutes: int, round_: int) -> int:
    """A round's share of the step's timebox, in whole seconds (at least 30)."""
    share = timebox_minutes * 60 * ROUND_WEIGHTS[round_] / sum(ROUND_WEIGHTS.values())
    return max(30, int(round(share / 15) * 15))


def form_groups(participant_ids: Sequence[str], size: int) -> list[list[str]]:
    """Split the participants, in the order given, into groups of ``size``.

    Deterministic (the same list gives the same groups, so pairs sit together again in
    the fours they form). Nobody is left alone: a leftover person joins the last group
    (pairs: a trio; fours: a group of five). In fours, two left over take one from the
    group before, making two threes (6 -> 3 + 3, 10 -> 4 + 3 + 3); three left over are
    a group of three. ``size`` 0 (or one at least as large as the list) is one group of
    everybody; ``size`` 1 is everybody alone.
    """
    people = list(participant_ids)
    n = len(people)
    if n == 0:
        return []
    if size <= 0 or size >= n:
        return [people]
    if size == 1:
        return [[p] for p in people]
    full, rest = divmod(n, size)
    sizes = [size] * full
    if rest == 0:
        pass
    elif rest == 1:
        sizes[-1] += 1
    elif rest == size - 1:
        sizes.append(rest)
    else:
        # Too few for a group of their own: they and the last full group make two groups.
        tail = size + rest
        sizes = [*sizes[:-1], -(-tail // 2), tail // 2]
    groups, start = [], 0
    for s in sizes:
        groups.append(people[start : start + s])
        start += s
    return groups


class RoundsMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""

    def rounds_on(self, step_id: str) -> bool:
        return bool(self.step(step_id).settings.get("rounds"))

    def current_round(self, step_id: str) -> int | None:
        """The round now running in a 1-2-4-all step; None when the step does not use
        rounds."""
        settings = self.step(step_id).settings
        if not settings.get("rounds"):
            return None
        value = settings.get("round", 1)
        return value if value in ROUNDS else 1

    def groups_for_round(self, step_id: str, round: int) -> list[list[Participant]]:  # noqa: A002
        """The groups the workshop's participants form in ``round`` (1, 2, 4 or 0)."""
        if round not in ROUNDS:
            raise ValidationError(_("There is no such round."))
        step = self.step(step_id)
        people = self.participants(step.workshop_id)
        by_id = {p.id: p for p in people}
        return [[by_id[i] for i in g] for g in form_groups([p.id for p in people], round)]

    def notes_by_round(self, step_id: str) -> dict[int | None, list[Note]]:
        """The step's notes by the round they were written in (None: outside rounds)."""
        result: dict[int | None, list[Note]] = {}
        for r in self._rows("SELECT * FROM note WHERE step_id = ? ORDER BY position", [step_id]):
            note = rows.note(r)
            result.setdefault(note.round, []).append(note)
        return result

    def set_rounds(self, step_id: str, on: bool) -> Changes:
        """Run the step as 1-2-4-all (starting alone) or as an ordinary step. Notes keep
        the rounds they were written in."""
        step = self.step(step_id)
        updates: dict = {"rounds": True if on else None}
        if on and step.settings.get("round") not in ROUNDS:
            updates["round"] = 1
        with self.db.atomic():
            self._write_step_settings(step.id, updates)
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, steps=True)

    def set_current_round(self, step_id: str, round: int) -> Changes:  # noqa: A002
        if round not in ROUNDS:
            raise ValidationError(_("There is no such round."))
        step = self.step(step_id)
        with self.db.atomic():
            self._write_step_settings(step.id, {"round": round})
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, steps=True)
