"""Silent writing and revealing notes (a mixin of ``Workspace``).

While a step runs with silent writing (``step.settings["silent"]``), the notes typed in it
are stored hidden: the facilitator's laptop shows them, the projected view does not, until
the facilitator reveals them to the room. A private turn at the keyboard stores its notes
hidden too. Revealing is one write, and ``hide_notes`` takes it back (undo).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from leaderapp.core.changes import Changes
from leaderapp.core.model import Note, now_iso

if TYPE_CHECKING:
    from leaderapp.core.workspace import Workspace

SILENT_KEY = "silent"


class RevealMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""

    # ----------------------------------------------------------------- reads
    def silent_writing(self: Workspace, step_id: str) -> bool:
        """Whether new notes in the step are stored hidden from the room."""
        return bool(self.step(step_id).settings.get(SILENT_KEY, False))

    def hidden_notes(self: Workspace, step_id: str) -> list[Note]:
        """The step's notes the room has not seen yet, in order."""
        step = self.step(step_id)
        return [n for n in self.notes(step.workshop_id, step_id) if n.hidden]

    def hidden_count(self: Workspace, step_id: str) -> int:
        row = self.conn.execute(
            "SELECT COUNT(*) FROM note WHERE step_id = ? AND hidden", [step_id]
        ).fetchone()
        return int(row[0])

    def revealed_notes(self: Workspace, step_id: str) -> list[Note]:
        """What the room may see of the step: its visible notes that have text."""
        step = self.step(step_id)
        return [n for n in self.notes(step.workshop_id, step_id) if not n.hidden and n.text.strip()]

    # ---------------------------------------------------------------- writes
    def set_silent_writing(self: Workspace, step_id: str, on: bool) -> Changes:
        """Store whether new notes of the step start hidden (``settings["silent"]``)."""
        step = self.step(step_id)
        with self.db.atomic():
            self._write_step_settings(step_id, {SILENT_KEY: bool(on)})
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, steps=True)

    def reveal_notes(
        self: Workspace, step_id: str, note_ids: Iterable[str] | None = None
    ) -> Changes:
        """Show hidden notes to the room: all of the step's, or only ``note_ids``."""
        step = self.step(step_id)
        ids = [n.id for n in self.hidden_notes(step_id)]
        if note_ids is not None:
            wanted = set(note_ids)
            ids = [i for i in ids if i in wanted]
        return self._set_hidden(step.workshop_id, step_id, ids, hidden=False)

    def hide_notes(self: Workspace, step_id: str, note_ids: Iterable[str]) -> Changes:
        """Hide notes of the step from the room again (undoing a reveal); ids of notes
        that are gone or belong to another step are passed over."""
        step = self.step(step_id)
        wanted = set(note_ids)
        ids = [n.id for n in self.notes(step.workshop_id, step_id) if n.id in wanted]
        return self._set_hidden(step.workshop_id, step_id, ids, hidden=True)

    def _set_hidden(
        self: Workspace, workshop_id: str, step_id: str, ids: list[str], *, hidden: bool
    ) -> Changes:
        if not ids:
            return Changes(workshop_id=workshop_id)
        # updated_at moves on, so a workshop file merged on another laptop carries the reveal.
        stamp = now_iso()
        with self.db.atomic():
            for note_id in ids:
                self.db["note"].update(note_id, {"hidden": int(hidden), "updated_at": stamp})
            self._touch(workshop_id)
        return Changes(workshop_id=workshop_id, notes=True)
