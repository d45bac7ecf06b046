"""Expectations both ways: what employees can expect of us, and what we expect of them,
side by side in two columns. Each point is a note whose slot is the voice's key
("of_us" / "of_you")."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from leaderapp.core.i18n import _
from leaderapp.core.library import Expectations
from leaderapp.core.model import Note
from leaderapp.gui.pages.page import column
from leaderapp.gui.pages.slot_notes import AnswerPage, SlotNotes
from leaderapp.gui.widgets import card, guarded


class ExpectationsPage(AnswerPage):
    kind = "expectations"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rebuild()

    @property
    def data(self) -> Expectations:
        assert isinstance(self.exercise.data, Expectations)
        return self.exercise.data

    def build_answers(self, notes: list[Note]) -> QWidget:
        widget, layout = column(spacing=16)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.voices: dict[str, SlotNotes] = {}
        for voice in self.data.voices:
            frame, box = card(spacing=8)
            voice_notes = SlotNotes(
                self,
                slot=voice.key,
                title=voice.label.text(),
                title_role="heading",
                prompt=voice.prompt.text(),
                add_text=_("Add a point"),
                placeholder=_("One point per note…"),
                empty_text=_("Nothing written yet."),
            )
            self.voices[voice.key] = voice_notes
            box.addWidget(voice_notes)
            box.addStretch(1)
            row.addWidget(frame, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        return widget

    @guarded
    def new_note(self) -> None:
        """Ctrl+N adds to the column the cursor is in (else the first)."""
        focused = self.focusWidget()
        for voice_notes in self.voices.values():
            if focused is not None and voice_notes.isAncestorOf(focused):
                voice_notes.add()
                return
        next(iter(self.voices.values())).add()
