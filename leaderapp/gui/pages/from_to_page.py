"""From → to (per value): rows of "from what we do today" → "to what we will do", and
under each row the behaviours that complete "This means that I as a leader, for
example, …". A row is a "from" note; its "to" note and behaviour notes are its
children (slots "to" and "behaviour")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import FromTo
from leaderapp.core.model import Note
from leaderapp.gui.pages.page import column
from leaderapp.gui.pages.slot_notes import AnswerPage, SlotNotes
from leaderapp.gui.widgets import button, card, guarded, label

FROM, TO, BEHAVIOUR = "from", "to", "behaviour"


class FromToPage(AnswerPage):
    kind = "from_to"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rebuild()

    @property
    def data(self) -> FromTo:
        assert isinstance(self.exercise.data, FromTo)
        return self.exercise.data

    def build_answers(self, notes: list[Note]) -> QWidget:
        data = self.data
        from_label, to_label = data.from_label.text(), data.to_label.text()
        widget, layout = column(spacing=16)
        head = QHBoxLayout()
        head.setSpacing(10)
        rows = self.notes_of(FROM)
        head.addWidget(label(_("From → to"), "heading", wrap=False))
        head.addWidget(
            label(
                ngettext("{n} row", "{n} rows", len(rows)).format(n=len(rows)), "muted", wrap=False
            )
        )
        head.addStretch(1)
        layout.addLayout(head)
        if not rows:
            layout.addWidget(label(_("No rows yet. Start with an honest picture of today.")))

        self.behaviours: dict[str, SlotNotes] = {}
        for number, row in enumerate(rows, start=1):
            frame, box = card(spacing=8)
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(4)
            grid.addWidget(label(from_label, "field"), 0, 0)
            grid.addWidget(label(to_label, "field"), 0, 2)
            grid.addWidget(
                self.note_editor(
                    row,
                    _("What we do today…"),
                    on_return=self.new_note,
                    accessible=f"{number}: {from_label}",
                ),
                1,
                0,
                Qt.AlignmentFlag.AlignTop,
            )
            arrow = label("→", "heading", wrap=False)
            arrow.setAccessibleName(_("becomes"))
            grid.addWidget(arrow, 1, 1, Qt.AlignmentFlag.AlignTop)
            targets = self.notes_of(TO, row.id)
            if targets:
                grid.addWidget(
                    self.note_editor(
                        targets[0],
                        _("What we will do instead…"),
                        on_return=self.new_note,
                        accessible=f"{number}: {to_label}",
                    ),
                    1,
                    2,
                    Qt.AlignmentFlag.AlignTop,
                )
            else:  # a row made elsewhere without its "to" note
                add_to = button(_("Add “{label}”").format(label=to_label))
                add_to.clicked.connect(lambda *_a, rid=row.id: self._add_to(rid))
                grid.addWidget(add_to, 1, 2, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(2, 1)
            box.addLayout(grid)
            box.addWidget(
                self.note_footer(row, together=[t.id for t in targets], delete_text=_("Delete row"))
            )
            behaviours = SlotNotes(
                self,
                slot=BEHAVIOUR,
                parent_id=row.id,
                title=data.behaviour_stem.text(),
                add_text=_("Add an example"),
                placeholder=_("… behaviour that others can see, not a slogan"),
            )
            behaviours.setContentsMargins(24, 0, 0, 0)
            self.behaviours[row.id] = behaviours
            box.addWidget(behaviours)
            layout.addWidget(frame)
        self.add_button = button(_("Add a row"), "primary")
        self.add_button.setToolTip(_("A new from → to row (Ctrl+N)"))
        self.add_button.clicked.connect(self.new_note)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)
        layout.addStretch(1)
        return widget

    @guarded
    def new_note(self) -> None:
        """A new row, its "to" note made with it; an empty last row is reused."""
        self.autosaver.flush()
        self.note_list = self.workspace.notes(self.workshop_id, self.step.id)
        for row in self.notes_of(FROM):
            to = self.notes_of(TO, row.id)
            if not row.text.strip() and not any(n.text.strip() for n in to):
                self.focus_note(row.id)
                return
        self.add_group(FROM, [(TO, "")])

    @guarded
    def _add_to(self, row_id: str) -> None:
        self.add_note(TO, row_id)
