"""The triple leadership task: one section per level (own area, across the
organisation, across sectors); each note's slot is its level's key."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from leaderapp.core.i18n import _
from leaderapp.core.library import TripleTask
from leaderapp.core.model import Note
from leaderapp.gui.pages.page import column
from leaderapp.gui.pages.slot_notes import AnswerPage, SlotNotes
from leaderapp.gui.widgets import card, guarded


class TripleTaskPage(AnswerPage):
    kind = "triple_task"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rebuild()

    @property
    def data(self) -> TripleTask:
        assert isinstance(self.exercise.data, TripleTask)
        return self.exercise.data

    def build_answers(self, notes: list[Note]) -> QWidget:
        widget, layout = column(spacing=16)
        self.levels: dict[str, SlotNotes] = {}
        for number, level in enumerate(self.data.levels, start=1):
            frame, box = card(spacing=8)
            level_notes = SlotNotes(
                self,
                slot=level.key,
                title=f"{number}. {level.name.text()}",
                title_role="heading",
                prompt=level.prompt.text(),
                add_text=_("Add an example"),
                placeholder=_("An example from the last six months, or what we will do…"),
                empty_text=_("Nothing written yet."),
            )
            self.levels[level.key] = level_notes
            box.addWidget(level_notes)
            layout.addWidget(frame)
        layout.addStretch(1)
        return widget

    @guarded
    def new_note(self) -> None:
        """Ctrl+N adds to the level the cursor is in (else the first)."""
        focused = self.focusWidget()
        for level_notes in self.levels.values():
            if focused is not None and level_notes.isAncestorOf(focused):
                level_notes.add()
                return
        next(iter(self.levels.values())).add()
