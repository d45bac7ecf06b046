"""Undoable commands for the structured exercises' answers and for promoting notes.

Structured exercises store their answers as notes with a ``slot`` (which field of the
exercise a note answers) and a ``parent_id`` (the note it belongs under: an attitude's
actions, a "from" note's "to" and behaviours). Deleting a note deletes its children
(ON DELETE CASCADE), so the deletion here keeps the whole tree and undo brings every
note back with its id, position, author and times.

Kept apart from the mixins: core/commands.py imports the workspace, which imports the
mixins, so a mixin importing commands would be a circular import.
"""

from __future__ import annotations

from collections.abc import Sequence

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.i18n import N_, _
from leaderapp.core.model import Note, ValidationError
from leaderapp.core.workspace import Workspace

PROMOTE_FIELDS = ("principles", "expect_of_us", "expect_of_you")


def note_tree(workspace: Workspace, note_id: str) -> list[Note]:
    """``note_id``'s note and every note under it, each parent before its children."""
    root = workspace.note(note_id)
    step_notes = workspace.notes(root.workshop_id, root.step_id)
    children: dict[str, list[Note]] = {}
    for note in step_notes:
        if note.parent_id:
            children.setdefault(note.parent_id, []).append(note)
    tree, todo, seen = [], [root], set()
    while todo:
        note = todo.pop(0)
        if note.id in seen:  # a loop cannot be made through the API; do not hang on one
            continue
        seen.add(note.id)
        tree.append(note)
        todo.extend(children.get(note.id, []))
    return tree


def _restore_tree(workspace: Workspace, notes: Sequence[Note]) -> Changes:
    changes = Changes()
    with workspace.transaction():
        for note in notes:  # parents first: a child's parent must exist again
            changes = changes | workspace.restore_note(note)
    return changes


class AddNoteGroup(Command):
    """A note and its children in one step: a from → to row, or the worked example of
    an attitude with its actions. ``children`` are (slot, text) pairs."""

    _label = N_("adding a note")

    def __init__(
        self,
        step_id: str,
        text: str,
        *,
        slot: str,
        children: Sequence[tuple[str, str]] = (),
        author_id: str | None = None,
    ) -> None:
        self.step_id = step_id
        self.text = text
        self.slot = slot
        self.children = tuple(children)
        self.author_id = author_id
        self.notes: list[Note] = []

    @property
    def note_id(self) -> str | None:
        return self.notes[0].id if self.notes else None

    @property
    def child_ids(self) -> list[str]:
        return [n.id for n in self.notes[1:]]

    def apply(self, workspace: Workspace) -> Changes:
        if self.notes:
            return _restore_tree(workspace, self.notes)
        with workspace.transaction():
            changes = workspace.add_note(
                self.step_id, self.text, author_id=self.author_id, slot=self.slot
            )
            parent_id = changes.created_id or ""
            ids = [parent_id]
            for slot, text in self.children:
                added = workspace.add_note(
                    self.step_id, text, author_id=self.author_id, slot=slot, parent_id=parent_id
                )
                ids.append(added.created_id or "")
        self.notes = [workspace.note(i) for i in ids]
        self.subject = ("note", parent_id)
        return Changes(workshop_id=changes.workshop_id, notes=True, created_id=parent_id)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.notes, "revert before apply"
        self.notes = note_tree(workspace, self.notes[0].id)
        return workspace.delete_note(self.notes[0].id)  # children go with it


class DeleteNoteTree(Command):
    """A note with every note under it; undo brings all of them back."""

    _label = N_("deleting a note")

    def __init__(self, note_id: str) -> None:
        self.note_id = note_id
        self.notes: list[Note] = []
        self.subject = ("note", note_id)

    def apply(self, workspace: Workspace) -> Changes:
        self.notes = note_tree(workspace, self.note_id)
        return workspace.delete_note(self.note_id)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.notes, "revert before apply"
        return _restore_tree(workspace, self.notes)


class SetNotesAuthor(Command):
    """One author for several notes at once (a from → to row is one person's)."""

    _label = N_("changing who wrote a note")

    def __init__(self, note_ids: Sequence[str], author_id: str | None) -> None:
        self.note_ids = tuple(note_ids)
        self.author_id = author_id
        self.before: dict[str, str | None] = {}
        self.subject = ("note", self.note_ids[0]) if self.note_ids else None

    def apply(self, workspace: Workspace) -> Changes:
        if not self.before:
            self.before = {i: workspace.note(i).author_id for i in self.note_ids}
        return self._write(workspace, dict.fromkeys(self.note_ids, self.author_id))

    def revert(self, workspace: Workspace) -> Changes:
        return self._write(workspace, self.before)

    def _write(self, workspace: Workspace, authors: dict[str, str | None]) -> Changes:
        changes = Changes()
        with workspace.transaction():
            for note_id, author_id in authors.items():
                changes = changes | workspace.update_note(note_id, author_id=author_id)
        return changes


def promoted_text(current: str | Sequence[str], field: str, text: str) -> str | tuple[str, ...]:
    """``field``'s value with ``text`` added: a principle is one more line (the note on
    one line), the prose voices get it as a new paragraph."""
    if field not in PROMOTE_FIELDS:
        raise ValueError(field)
    if field == "principles":
        line = " ".join(text.split())
        return (*current, line) if line else tuple(current)
    prose = str(current).rstrip()
    addition = text.strip()
    if not addition:
        return str(current)
    return f"{prose}\n\n{addition}" if prose else addition


class PromoteNote(Command):
    """Put a note's text into a value's part of the foundation: as a principle, or as a
    paragraph of "what you can expect of us" / "what we expect of you". Undo puts the
    field back as it was."""

    _label = N_("using a note in the foundation")

    def __init__(self, value_id: str, field: str, note_id: str) -> None:
        if field not in PROMOTE_FIELDS:
            raise ValueError(field)
        self.value_id = value_id
        self.field = field
        self.note_id = note_id
        self.before: str | tuple[str, ...] | None = None
        self.after: str | tuple[str, ...] | None = None
        self.subject = ("section", value_id)

    def apply(self, workspace: Workspace) -> Changes:
        if self.after is None:
            text = workspace.note(self.note_id).text
            if not text.strip():
                raise ValidationError(_("An empty note cannot be used in the foundation."))
            self.before = getattr(workspace.section(self.value_id), self.field)
            self.after = promoted_text(self.before, self.field, text)
        return workspace.update_section(self.value_id, **{self.field: self.after})

    def revert(self, workspace: Workspace) -> Changes:
        assert self.before is not None, "revert before apply"
        return workspace.update_section(self.value_id, **{self.field: self.before})
