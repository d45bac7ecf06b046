"""Attitude → action (per value): statements of attitude ("Hos os …"), each with the
concrete actions that make it visible. Attitudes are notes with slot "attitude", their
actions notes with slot "action" under them."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import AttitudeAction, AttitudeExample
from leaderapp.core.model import Note
from leaderapp.gui.pages.page import column
from leaderapp.gui.pages.slot_notes import AnswerPage, SlotNotes
from leaderapp.gui.widgets import button, card, guarded, label

ATTITUDE, ACTION = "attitude", "action"


class AttitudeActionPage(AnswerPage):
    kind = "attitude_action"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rebuild()

    @property
    def data(self) -> AttitudeAction:
        assert isinstance(self.exercise.data, AttitudeAction)
        return self.exercise.data

    @property
    def example(self) -> AttitudeExample | None:
        return self.data.examples.get(self.value.key) if self.value and self.value.key else None

    def build_answers(self, notes: list[Note]) -> QWidget:
        data = self.data
        attitude_label = data.attitude_label.text()
        action_label = data.action_label.text()
        widget, layout = column(spacing=16)

        head = QHBoxLayout()
        head.setSpacing(10)
        attitudes = self.notes_of(ATTITUDE)
        head.addWidget(label(_("Attitudes and actions"), "heading", wrap=False))
        count = ngettext("{n} attitude", "{n} attitudes", len(attitudes)).format(n=len(attitudes))
        head.addWidget(label(count, "muted", wrap=False))
        head.addStretch(1)
        self.example_button = button(_("Use the example"))
        example = self.example
        # Only while the step is empty: the example is a start, not something to add to.
        self.example_button.setVisible(example is not None and not notes)
        if example is not None:
            self.example_button.setToolTip(
                _("Start from the worked example: “{text}”").format(text=example.attitude.text())
            )
        self.example_button.clicked.connect(self.use_example)
        head.addWidget(self.example_button)
        layout.addLayout(head)

        if not attitudes:
            layout.addWidget(
                label(
                    _(
                        "No attitudes yet. Write the first one – or start from the example and "
                        "make it your own."
                    )
                    if example is not None
                    else _("No attitudes yet. Write the first one.")
                ),
                0,
            )
        self.action_lists: dict[str, SlotNotes] = {}
        minimum = data.min_actions
        for number, attitude in enumerate(attitudes, start=1):
            frame, box = card(spacing=8)
            box.addWidget(label(f"{attitude_label} {number}", "field"))
            box.addWidget(
                self.note_editor(
                    attitude,
                    _("Here, we …"),
                    min_lines=2,
                    on_return=self.new_note,
                    accessible=f"{attitude_label} {number}",
                )
            )
            box.addWidget(self.note_footer(attitude))
            box.addSpacing(4)
            actions = SlotNotes(
                self,
                slot=ACTION,
                parent_id=attitude.id,
                title=_("Concrete actions"),
                add_text=_("Add {label}").format(label=action_label.lower()),
                placeholder=_("What exactly do we do? Who would see it?"),
                minimum=minimum,
                minimum_hint=ngettext(
                    "Write at least {n} concrete action that an employee would notice.",
                    "Write at least {n} concrete actions that an employee would notice.",
                    minimum,
                ).format(n=minimum),
            )
            actions.setContentsMargins(24, 0, 0, 0)
            self.action_lists[attitude.id] = actions
            box.addWidget(actions)
            layout.addWidget(frame)
        self.add_button = button(_("Add {label}").format(label=attitude_label.lower()), "primary")
        self.add_button.setToolTip(_("A new attitude (Ctrl+N)"))
        self.add_button.clicked.connect(self.new_note)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return widget

    # --------------------------------------------------------------- actions
    @guarded
    def new_note(self) -> None:
        self.add_note(ATTITUDE)

    @guarded
    def use_example(self) -> None:
        example = self.example
        self.note_list = self.workspace.notes(self.workshop_id, self.step.id)
        if example is None or self.note_list:
            return
        self.add_group(
            ATTITUDE,
            [(ACTION, action.text()) for action in example.actions],
            text=example.attitude.text(),
        )
        self.ctx.reporter.info(_("The example was added. Rewrite it in your own words."))
