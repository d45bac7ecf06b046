"""Dot voting (a mixin of ``Workspace``).

A dot-voting step votes on notes written in earlier steps. The facilitator usually casts
the dots on the room's behalf from the one laptop, participant by participant; in an
anonymous step every dot is cast for the room (``participant_id`` None). One ``vote`` row
holds one participant's dots on one note, so casting a second dot raises its ``dots``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from leaderapp.core.changes import Changes
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.model import Note, ValidationError, Vote, new_id
from leaderapp.core.storage import rows

if TYPE_CHECKING:
    from leaderapp.core.library import DotVoting
    from leaderapp.core.model import Step

# Exercise kinds whose notes are worth prioritising, and which of their slots: plain notes
# (slot None), attitude statements (not the actions under them) and both expectation voices.
VOTABLE_KINDS = frozenset({"notes", "attitude_action", "expectations"})
VOTABLE_SLOTS = frozenset({None, "attitude", "of_us", "of_you"})
# The check-in collects episodes to get the room going, not statements to choose between.
NOT_VOTED_ON = frozenset({"checkin"})
MAX_DOTS = 20


class VotesMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""

    # ------------------------------------------------------------------ reads
    def voting_notes(self, step_id: str) -> list[Note]:
        """What a dot-voting step votes on, in the order the notes were written.

        By default: the notes of the earlier steps of the same meeting (of the whole
        workshop when the step has no meeting) whose exercise collects statements: plain
        notes of "notes" steps other than the check-in, attitude statements (not their
        actions) and both voices of the expectations. Hidden (not yet revealed) and empty
        notes are left out. ``step.settings["source_steps"]`` (a list of step ids) names
        the steps to take notes from instead; their plain and top-level notes all count.
        """
        from leaderapp.core.workspace import load_library

        step = self.step(step_id)
        steps = self.steps(step.workshop_id)
        source = step.settings.get("source_steps")
        if source:
            wanted = set(source)
            chosen = [s for s in steps if s.id in wanted and s.id != step.id]
            slots_ok = lambda n: n.parent_id is None  # noqa: E731 - a one-line filter
        else:
            library = load_library()
            chosen = []
            for s in steps:
                if s.position >= step.position:
                    continue
                if step.meeting is not None and s.meeting != step.meeting:
                    continue
                exercise = library.exercises.get(s.exercise_id)
                if exercise is None or exercise.id in NOT_VOTED_ON:
                    continue
                if exercise.kind in VOTABLE_KINDS:
                    chosen.append(s)
            slots_ok = lambda n: n.parent_id is None and n.slot in VOTABLE_SLOTS  # noqa: E731
        order = {s.id: s.position for s in chosen}
        if not order:
            return []
        marks = ",".join("?" * len(order))
        found = [
            rows.note(r)
            for r in self._rows(
                f"SELECT * FROM note WHERE step_id IN ({marks}) AND hidden = 0 ORDER BY position",
                list(order),
            )
        ]
        notes = [n for n in found if n.text.strip() and slots_ok(n)]
        return sorted(notes, key=lambda n: (order[n.step_id], n.position))

    def votes(self, step_id: str) -> list[Vote]:
        return [
            rows.vote(r)
            for r in self._rows("SELECT * FROM vote WHERE step_id = ? ORDER BY rowid", [step_id])
        ]

    def tally(self, step_id: str) -> dict[str, int]:
        """note id -> all dots the note got in the step (notes without dots are absent)."""
        return {
            r["note_id"]: r["total"]
            for r in self._rows(
                """SELECT note_id, SUM(dots) AS total FROM vote WHERE step_id = ?
                   GROUP BY note_id HAVING total > 0""",
                [step_id],
            )
        }

    def ranking(self, step_id: str) -> list[tuple[Note, int]]:
        """The voting notes with their dots, most dots first (ties keep the notes' order)."""
        counts = self.tally(step_id)
        notes = self.voting_notes(step_id)
        return sorted(((n, counts.get(n.id, 0)) for n in notes), key=lambda p: -p[1])

    def dots_per_participant(self, step_id: str) -> int:
        """The step's own number (``settings["dots"]``) or the exercise's default."""
        step = self.step(step_id)
        dots = step.settings.get("dots")
        if isinstance(dots, int) and not isinstance(dots, bool) and dots > 0:
            return dots
        return self._voting_data(step).dots_per_participant

    def max_per_note(self, step_id: str, participant_id: str | None = None) -> int:
        """How many dots one participant may put on one note; for the room (anonymous
        votes) every participant's allowance together."""
        step = self.step(step_id)
        limit = min(self._voting_data(step).max_per_note, self.dots_per_participant(step_id))
        if step.anonymous or participant_id is None:
            return limit * self._voter_count(step)
        return limit

    def dots_total(self, step_id: str, participant_id: str | None) -> int:
        """The dots a participant has to spend; the room (None) has everyone's."""
        step = self.step(step_id)
        dots = self.dots_per_participant(step_id)
        if step.anonymous or participant_id is None:
            return dots * self._voter_count(step)
        return dots

    def dots_left(self, step_id: str, participant_id: str | None) -> int:
        """Dots not yet spent (never below 0, even after the number was lowered). The
        room's dots (participant None, or any anonymous step) are shared by all votes."""
        step = self.step(step_id)
        if step.anonymous or participant_id is None:
            used = self._votes_sum("SELECT SUM(dots) FROM vote WHERE step_id = ?", [step_id])
        else:
            used = self._votes_sum(
                "SELECT SUM(dots) FROM vote WHERE step_id = ? AND participant_id = ?",
                [step_id, participant_id],
            )
        return max(0, self.dots_total(step_id, participant_id) - used)

    def dots_on_note(self, step_id: str, note_id: str, participant_id: str | None) -> int:
        step = self.step(step_id)
        if step.anonymous:
            participant_id = None
        return self._votes_sum(
            "SELECT SUM(dots) FROM vote WHERE step_id = ? AND note_id = ? AND participant_id IS ?",
            [step_id, note_id, participant_id],
        )

    # ----------------------------------------------------------------- writes
    def cast_vote(
        self, step_id: str, note_id: str, participant_id: str | None, dots: int = 1
    ) -> Changes:
        """Give ``dots`` of a participant's dots (None: the room's) to a note.

        Refused when the participant has too few dots left or the note would get more of
        their dots than the exercise allows. An anonymous step records no participant.
        """
        step = self.step(step_id)
        if step.anonymous:
            participant_id = None
        if dots < 1:
            raise ValidationError(_("Give at least one dot."))
        self._check_voter(step, participant_id)
        if note_id not in {n.id for n in self.voting_notes(step_id)}:
            raise ValidationError(_("That note is not part of this vote."))
        left = self.dots_left(step_id, participant_id)
        if dots > left:
            who = self._voter_name(participant_id)
            raise ValidationError(
                _("{who} has no dots left.").format(who=who)
                if left == 0
                else ngettext(
                    "{who} has only {n} dot left.", "{who} has only {n} dots left.", left
                ).format(who=who, n=left)
            )
        existing = self._vote_row(step_id, note_id, participant_id)
        have = existing["dots"] if existing else 0
        limit = self.max_per_note(step_id, participant_id)
        if have + dots > limit:
            raise ValidationError(
                _("At most {n} dots from {who} on the same note.").format(
                    n=limit, who=self._voter_name(participant_id)
                )
            )
        with self.db.atomic():
            if existing:
                self.db["vote"].update(existing["id"], {"dots": have + dots})
            else:
                self.db["vote"].insert(
                    {
                        "id": new_id(),
                        "workshop_id": step.workshop_id,
                        "step_id": step_id,
                        "note_id": note_id,
                        "participant_id": participant_id,
                        "dots": dots,
                    }
                )
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, votes=True)

    def withdraw_vote(
        self, step_id: str, note_id: str, participant_id: str | None, dots: int = 1
    ) -> Changes:
        """Take back ``dots`` of a participant's dots from a note."""
        step = self.step(step_id)
        if step.anonymous:
            participant_id = None
        existing = self._vote_row(step_id, note_id, participant_id)
        if existing is None or existing["dots"] < dots or dots < 1:
            raise ValidationError(
                _("{who} has no dot on that note to take back.").format(
                    who=self._voter_name(participant_id)
                )
            )
        with self.db.atomic():
            if existing["dots"] == dots:
                self.db["vote"].delete(existing["id"])
            else:
                self.db["vote"].update(existing["id"], {"dots": existing["dots"] - dots})
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, votes=True)

    def votes_on_note(self, note_id: str) -> list[Vote]:
        """Every vote a note got, in any step (deleting the note deletes them)."""
        return [
            rows.vote(r)
            for r in self._rows("SELECT * FROM vote WHERE note_id = ? ORDER BY rowid", [note_id])
        ]

    def restore_votes(self, votes: Sequence[Vote]) -> Changes:
        """Put votes back as they were (undo of deleting their note): same ids and dots.
        Votes whose note, step or participant is gone are skipped; no limits are checked,
        since these dots were given within them."""
        workshop_id = votes[0].workshop_id if votes else None
        with self.db.atomic():
            for vote in votes:
                if not (self._exists("note", vote.note_id) and self._exists("step", vote.step_id)):
                    continue
                participant = vote.participant_id
                if participant is not None and not self._exists("participant", participant):
                    participant = None
                self.db["vote"].upsert(
                    {
                        "id": vote.id,
                        "workshop_id": vote.workshop_id,
                        "step_id": vote.step_id,
                        "note_id": vote.note_id,
                        "participant_id": participant,
                        "dots": vote.dots,
                    },
                    pk="id",
                )
        return Changes(workshop_id=workshop_id, votes=bool(votes))

    def set_dots_per_participant(self, step_id: str, dots: int | None) -> Changes:
        """Store the step's dots per participant (None: back to the exercise's default).
        Dots already cast stay; a participant over the new number just has none left."""
        step = self.step(step_id)
        if dots is not None and not 1 <= int(dots) <= MAX_DOTS:
            raise ValidationError(
                _("Dots per participant must be between 1 and {n}.").format(n=MAX_DOTS)
            )
        with self.db.atomic():
            self._write_step_settings(step.id, {"dots": None if dots is None else int(dots)})
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, steps=True, votes=True)

    # ---------------------------------------------------------------- helpers
    def _voting_data(self, step: Step) -> DotVoting:
        from leaderapp.core.library import DotVoting
        from leaderapp.core.workspace import load_library

        data = load_library().exercise(step.exercise_id).data
        if not isinstance(data, DotVoting):
            data = load_library().exercise("dot_voting").data
        assert isinstance(data, DotVoting)
        return data

    def _voter_count(self, step: Step) -> int:
        return max(1, len(self.participants(step.workshop_id)))

    def _check_voter(self, step: Step, participant_id: str | None) -> None:
        if participant_id is None:
            return
        found = self._rows("SELECT workshop_id FROM participant WHERE id = ?", [participant_id])
        if not found or found[0]["workshop_id"] != step.workshop_id:
            raise ValidationError(_("That participant is not in this workshop."))

    def _voter_name(self, participant_id: str | None) -> str:
        if participant_id is None:
            return _("The room")
        found = self._rows("SELECT name FROM participant WHERE id = ?", [participant_id])
        return found[0]["name"] if found else _("The participant")

    def _vote_row(self, step_id: str, note_id: str, participant_id: str | None) -> dict | None:
        found = self._rows(
            "SELECT * FROM vote WHERE step_id = ? AND note_id = ? AND participant_id IS ? "
            "ORDER BY rowid",
            [step_id, note_id, participant_id],
        )
        return found[0] if found else None

    def _votes_sum(self, sql: str, params: list) -> int:
        row = self.conn.execute(sql, params).fetchone()
        return int(row[0] or 0)
