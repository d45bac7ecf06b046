"""Undoable user actions: each command knows how to do itself and how to take itself back.

A command is applied through the ``Workspace`` (so every step is one transaction
that returns ``Changes``) and keeps whatever it needs to revert: the value a field
had before, or the whole record it deleted, so that undoing a deletion brings the
record back with the same id, position, author and times. The GUI wraps commands
in one ``QUndoCommand`` adapter; nothing here knows Qt.

Commands capture the "before" state when first applied, not when built: the
autosave builds an edit from the typed text alone.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import date

from leaderapp.core.changes import Changes
from leaderapp.core.i18n import N_, _
from leaderapp.core.model import Commitment, CommitmentStatus, Note, WorkshopSnapshot
from leaderapp.core.workspace import Workspace

_UNSET = object()
# Typing merges into one undo step until the writer pauses this long: Ctrl+Z then
# takes back the last burst of typing, not everything since the note was opened.
MERGE_PAUSE_SECONDS = 5.0


class Command(ABC):
    """One undoable step. ``label`` completes "Undo …" in the Edit menu."""

    _label: str = ""  # an N_() message id; the translation is looked up when shown
    # The record a screen should show after undo/redo: ("note", id), ("commitment", id) …
    subject: tuple[str, str] | None = None

    @property
    def label(self) -> str:
        return _(self._label)

    @abstractmethod
    def apply(self, workspace: Workspace) -> Changes:
        """Do (or redo) the action."""

    @abstractmethod
    def revert(self, workspace: Workspace) -> Changes:
        """Undo the action, leaving the data as it was before ``apply``."""

    @property
    def mergeable(self) -> bool:
        """True when a later command may be folded into this one (typing runs)."""
        return False

    def merge(self, other: Command) -> bool:
        """Fold ``other`` (applied just after this one) into this command."""
        return False

    @property
    def is_noop(self) -> bool:
        """True when applying and reverting make no difference (typed, then erased)."""
        return False


# ---------------------------------------------------------------- field edits
class FieldEdit(Command):
    """Set one field to ``value``; reverting writes back what was stored before."""

    merges = False  # consecutive edits of the same field become one undo step

    def __init__(self, value: object) -> None:
        self.value = value
        self.before: object = _UNSET
        self.at = time.monotonic()  # when the edit was made; merging moves it on

    @abstractmethod
    def key(self) -> tuple:
        """What is edited: two edits with the same key may merge."""

    @abstractmethod
    def read(self, workspace: Workspace) -> object:
        """The field's stored value."""

    @abstractmethod
    def write(self, workspace: Workspace, value: object) -> Changes:
        """Store ``value`` in the field."""

    def apply(self, workspace: Workspace) -> Changes:
        if self.before is _UNSET:
            self.before = self.read(workspace)
        return self.write(workspace, self.value)

    def revert(self, workspace: Workspace) -> Changes:
        return self.write(workspace, self.before)

    @property
    def mergeable(self) -> bool:
        return self.merges

    def merge(self, other: Command) -> bool:
        if not (self.merges and type(other) is type(self)):
            return False
        assert isinstance(other, FieldEdit)
        if other.key() != self.key() or other.at - self.at > MERGE_PAUSE_SECONDS:
            return False
        self.value = other.value
        self.at = other.at
        return True

    @property
    def is_noop(self) -> bool:
        return self.before is not _UNSET and self.before == self.value


class EditNoteText(FieldEdit):
    _label = N_("typing in a note")
    merges = True

    def __init__(self, note_id: str, text: str) -> None:
        super().__init__(text)
        self.note_id = note_id
        self.subject = ("note", note_id)

    def key(self) -> tuple:
        return ("note", self.note_id)

    def read(self, workspace: Workspace) -> object:
        return workspace.note(self.note_id).text

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.update_note(self.note_id, text=str(value))


class SetNoteAuthor(FieldEdit):
    _label = N_("changing who wrote a note")

    def __init__(self, note_id: str, author_id: str | None) -> None:
        super().__init__(author_id)
        self.note_id = note_id
        self.subject = ("note", note_id)

    def key(self) -> tuple:
        return ("note-author", self.note_id)

    def read(self, workspace: Workspace) -> object:
        return workspace.note(self.note_id).author_id

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.update_note(self.note_id, author_id=value)


FOUNDATION_FIELDS = ("title", "introduction")
SECTION_FIELDS = ("heading", "principles", "expect_of_us", "expect_of_you")


class EditFoundation(FieldEdit):
    """The foundation's title or introduction."""

    _label = N_("editing the foundation")
    merges = True

    def __init__(self, workshop_id: str, field: str, value: str) -> None:
        if field not in FOUNDATION_FIELDS:
            raise ValueError(field)
        super().__init__(value)
        self.workshop_id = workshop_id
        self.field = field
        self.subject = ("foundation", workshop_id)

    def key(self) -> tuple:
        return ("foundation", self.workshop_id, self.field)

    def read(self, workspace: Workspace) -> object:
        return getattr(workspace.foundation(self.workshop_id), self.field)

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.update_foundation(self.workshop_id, **{self.field: value})


class EditSection(FieldEdit):
    """One field of a value's part of the foundation; principles are a list of lines."""

    _label = N_("editing the foundation")
    merges = True

    def __init__(self, value_id: str, field: str, value: str | Sequence[str]) -> None:
        if field not in SECTION_FIELDS:
            raise ValueError(field)
        super().__init__(tuple(value) if field == "principles" else value)
        self.value_id = value_id
        self.field = field
        self.subject = ("section", value_id)

    def key(self) -> tuple:
        return ("section", self.value_id, self.field)

    def read(self, workspace: Workspace) -> object:
        return getattr(workspace.section(self.value_id), self.field)

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.update_section(self.value_id, **{self.field: value})


class EditCommitment(FieldEdit):
    """One cell of the commitments table: action, owner, due date, status or value."""

    _label = N_("editing a commitment")
    FIELDS = ("action", "owner", "due_date", "status", "value_id")

    def __init__(
        self, commitment_id: str, field: str, value: str | date | CommitmentStatus | None
    ) -> None:
        if field not in self.FIELDS:
            raise ValueError(field)
        super().__init__(value)
        self.commitment_id = commitment_id
        self.field = field
        self.subject = ("commitment", commitment_id)

    def key(self) -> tuple:
        return ("commitment", self.commitment_id, self.field)

    def read(self, workspace: Workspace) -> object:
        return getattr(workspace.commitment(self.commitment_id), self.field)

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.update_commitment(self.commitment_id, **{self.field: value})


class RenameWorkshop(FieldEdit):
    _label = N_("renaming a workshop")

    def __init__(self, workshop_id: str, unit_name: str) -> None:
        super().__init__(unit_name)
        self.workshop_id = workshop_id
        self.subject = ("workshop", workshop_id)

    def key(self) -> tuple:
        return ("workshop-name", self.workshop_id)

    def read(self, workspace: Workspace) -> object:
        return workspace.workshop(self.workshop_id).unit_name

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.rename_workshop(self.workshop_id, str(value))


class EditWorkshopDetails(Command):
    """Unit name, organisation, facilitator, dates and participants in one step.

    Removing a participant clears the author of their notes; undo brings the
    participant back with the same id and gives those notes their author again.
    """

    _label = N_("editing the workshop's details")

    def __init__(
        self,
        workshop_id: str,
        *,
        unit_name: str,
        organisation: str,
        facilitator: str,
        dates: tuple[date, ...],
        participants: Sequence[str],
    ) -> None:
        self.workshop_id = workshop_id
        self.details = {
            "unit_name": unit_name,
            "organisation": organisation,
            "facilitator": facilitator,
            "dates": dates,
            "participants": tuple(participants),
        }
        self.subject = ("workshop", workshop_id)
        self.before: tuple | None = None

    def apply(self, workspace: Workspace) -> Changes:
        if self.before is None:
            authors = {n.id: n.author_id for n in workspace.notes(self.workshop_id) if n.author_id}
            self.before = (
                workspace.workshop(self.workshop_id),
                tuple(workspace.participants(self.workshop_id)),
                authors,
            )
        return workspace.update_workshop(self.workshop_id, **self.details)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.before is not None, "revert before apply"
        workshop, participants, authors = self.before
        return workspace.restore_details(workshop, participants, authors)


# --------------------------------------------------------------- new records
class AddNote(Command):
    """A new note; redo brings back the same note (id, position, text as undone).

    ``fields`` are the note's other fields as ``Workspace.add_note`` takes them: the
    ``slot`` and ``parent_id`` of a structured exercise, ``hidden`` for silent writing,
    the 1-2-4-all ``round``.
    """

    _label = N_("adding a note")

    def __init__(
        self, step_id: str, text: str = "", author_id: str | None = None, **fields: object
    ) -> None:
        self.step_id = step_id
        self.text = text
        self.author_id = author_id
        self.fields = fields
        self.note: Note | None = None

    @property
    def note_id(self) -> str | None:
        return self.note.id if self.note else None

    def apply(self, workspace: Workspace) -> Changes:
        if self.note is not None:
            return workspace.restore_note(self.note)
        changes = workspace.add_note(
            self.step_id, self.text, author_id=self.author_id, **self.fields
        )
        self.note = workspace.note(changes.created_id or "")
        self.subject = ("note", self.note.id)
        return changes

    def revert(self, workspace: Workspace) -> Changes:
        assert self.note is not None, "revert before apply"
        # Later edits were undone first, so this is the note as it was created.
        self.note = workspace.note(self.note.id)
        return workspace.delete_note(self.note.id)


class AddCommitment(Command):
    _label = N_("adding a commitment")

    def __init__(self, workshop_id: str, action: str = "", owner: str = "") -> None:
        self.workshop_id = workshop_id
        self.action = action
        self.owner = owner
        self.commitment: Commitment | None = None

    @property
    def commitment_id(self) -> str | None:
        return self.commitment.id if self.commitment else None

    def apply(self, workspace: Workspace) -> Changes:
        if self.commitment is not None:
            return workspace.restore_commitment(self.commitment)
        changes = workspace.add_commitment(self.workshop_id, self.action, self.owner)
        self.commitment = workspace.commitment(changes.created_id or "")
        self.subject = ("commitment", self.commitment.id)
        return changes

    def revert(self, workspace: Workspace) -> Changes:
        assert self.commitment is not None, "revert before apply"
        self.commitment = workspace.commitment(self.commitment.id)
        return workspace.delete_commitment(self.commitment.id)


# ------------------------------------------------------------------ deletions
class DeleteNote(Command):
    _label = N_("deleting a note")

    def __init__(self, note_id: str) -> None:
        self.note_id = note_id
        self.note: Note | None = None
        # Deleting a note also deletes the notes under it and the dots it got (cascade):
        # undo brings them back too.
        self.children: list[Note] = []
        self.votes: list = []
        self.subject = ("note", note_id)

    def apply(self, workspace: Workspace) -> Changes:
        self.note = workspace.note(self.note_id)
        self.children = [
            n for n in workspace.notes(self.note.workshop_id) if n.parent_id == self.note_id
        ]
        self.votes = [
            vote
            for note_id in [self.note_id, *(c.id for c in self.children)]
            for vote in workspace.votes_on_note(note_id)
        ]
        return workspace.delete_note(self.note_id)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.note is not None, "revert before apply"
        with workspace.transaction():
            changes = workspace.restore_note(self.note)
            for child in self.children:
                changes |= workspace.restore_note(child)
            if self.votes:
                changes |= workspace.restore_votes(self.votes)
        return changes


class DeleteCommitment(Command):
    _label = N_("deleting a commitment")

    def __init__(self, commitment_id: str) -> None:
        self.commitment_id = commitment_id
        self.commitment: Commitment | None = None
        self.subject = ("commitment", commitment_id)

    def apply(self, workspace: Workspace) -> Changes:
        self.commitment = workspace.commitment(self.commitment_id)
        return workspace.delete_commitment(self.commitment_id)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.commitment is not None, "revert before apply"
        return workspace.restore_commitment(self.commitment)


class DeleteWorkshop(Command):
    """The whole workshop; undo restores every record from the snapshot taken first.

    The snapshot lives only in memory, so the deletion can be undone until the
    app closes.
    """

    _label = N_("deleting a workshop")

    def __init__(self, workshop_id: str) -> None:
        self.workshop_id = workshop_id
        self.snapshot: WorkshopSnapshot | None = None
        self.subject = ("workshop", workshop_id)

    def apply(self, workspace: Workspace) -> Changes:
        self.snapshot = workspace.snapshot(self.workshop_id)
        return workspace.delete_workshop(self.workshop_id)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.snapshot is not None, "revert before apply"
        return workspace.restore_workshop(self.snapshot)
