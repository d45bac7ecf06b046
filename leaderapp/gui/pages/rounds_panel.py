"""1-2-4-all on a step: alone -> in pairs -> in fours -> the whole group.

``RoundsPanel(page)``: a panel for a step page (``page`` is the ``Page``; the panel uses
``page.workspace``, ``page.step``, ``page.push`` and ``page.show_error``). It shows a
switch to run the step as 1-2-4-all, the rounds with the current one marked, the groups
formed from the participant list for that round (by name), a countdown for the round
(``StepTimer``; each round gets its share of the step's timebox) and buttons for the next
and previous round. The current round is stored in ``step.settings["round"]``;
``current_round`` is it (1, 2, 4 or 0 for the whole group), or None when the step does not
run as 1-2-4-all: a notes page gives new notes that round (``add_note(..., round=...)``).
``round_changed(object)`` is emitted with the new ``current_round``. Call ``refresh()``
after an undo or redo.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.facilitation.rounds import ALL, ROUNDS, round_name, round_seconds
from leaderapp.core.facilitation.rounds_commands import SetCurrentRound, SetRounds
from leaderapp.core.i18n import _, ngettext
from leaderapp.gui import style
from leaderapp.gui.facilitation.timer_widget import StepTimer, TimerWidget
from leaderapp.gui.layouts import FlowLayout
from leaderapp.gui.widgets import button, guarded, label

GROUP_COLUMNS = 3


def chip_style(state: str) -> str:
    """A round's chip: the current one filled with the accent, done ones muted. Built
    when it is shown, from the current palette (light, dark, high contrast)."""
    return {
        "current": (
            f"background: {style.ACCENT}; color: {style.ON_ACCENT}; border-radius: 12px;"
            " padding: 4px 12px; font-weight: 600;"
        ),
        "done": f"background: transparent; color: {style.MUTED}; padding: 4px 12px;",
        "later": f"background: transparent; color: {style.INK}; padding: 4px 12px;",
    }[state]


def panel_style() -> str:
    """The groups' boxes, from the current palette."""
    return f"""
QFrame[role="group"] {{
    background: {style.SURFACE}; border: 1px solid {style.BORDER}; border-radius: 8px;
}}
QFrame[role="group"] QLabel {{ background: transparent; border: none; }}
"""


class RoundsPanel(QFrame):
    """See the module docstring."""

    round_changed = Signal(object)  # the new current round, or None when switched off

    def __init__(self, page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setProperty("role", "card")
        self.setStyleSheet(panel_style())
        self.timer = StepTimer(self._seconds(1), self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 18)
        layout.setSpacing(10)
        head = FlowLayout(spacing=12, vertical_spacing=6)
        head.addWidget(label(_("1-2-4-all"), "heading", wrap=False))
        self.switch = QCheckBox(_("Run this step as 1-2-4-all"))
        self.switch.toggled.connect(self._on_switch)
        head.addWidget(self.switch)
        layout.addLayout(head)
        self.explain = label(
            _(
                "Everyone thinks alone first, then in pairs, then in fours, and finally the "
                "whole group shares what stood out. Notes keep the round they were written in."
            ),
            "muted",
        )
        layout.addWidget(self.explain)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        steps = FlowLayout(spacing=4, vertical_spacing=4)
        self.chips: dict[int, QLabel] = {}
        for index, round_ in enumerate(ROUNDS):
            if index:
                steps.addWidget(label("→", "muted", wrap=False))
            chip = label(round_name(round_), wrap=False)
            self.chips[round_] = chip
            steps.addWidget(chip)
        body.addLayout(steps)

        # The round buttons left, the round's timer right; rows wrap at large text.
        controls = FlowLayout(spacing=10, vertical_spacing=8, right_from=2)
        self.previous_button = button(_("← Previous round"))
        self.previous_button.clicked.connect(self.previous_round)
        self.next_button = button(_("Next round →"), "primary")
        self.next_button.clicked.connect(self.next_round)
        controls.addWidget(self.previous_button)
        controls.addWidget(self.next_button)
        self.timer_widget = TimerWidget()
        self.timer_widget.set_timer(self.timer)
        controls.addWidget(self.timer_widget)
        body.addLayout(controls)

        self.groups_title = label("", "field")
        body.addWidget(self.groups_title)
        self.groups_box = QWidget()
        self.groups_grid = QGridLayout(self.groups_box)
        self.groups_grid.setContentsMargins(0, 0, 0, 0)
        self.groups_grid.setHorizontalSpacing(10)
        self.groups_grid.setVerticalSpacing(10)
        body.addWidget(self.groups_box)
        self.notes_line = label("", "small")
        body.addWidget(self.notes_line)
        layout.addWidget(self.body)
        self._shown_round: int | None = None
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            # Another colour scheme: the panel's own colours follow it.
            sheet = panel_style()
            if self.styleSheet() != sheet:
                self.setStyleSheet(sheet)
            for chip in getattr(self, "chips", {}).values():  # none yet while built
                state = chip.property("round")
                if state and chip.styleSheet() != chip_style(state):
                    chip.setStyleSheet(chip_style(state))

    # ---------------------------------------------------------------- reading
    @property
    def workspace(self):
        return self.page.workspace

    @property
    def step_id(self) -> str:
        return self.page.step.id

    @property
    def current_round(self) -> int | None:
        """The round new notes belong to; None when the step does not use rounds."""
        return self.workspace.current_round(self.step_id)

    def show_error(self, message: str) -> None:
        self.page.show_error(message)

    def _seconds(self, round_: int) -> int:
        return round_seconds(self.workspace.step(self.step_id).timebox_minutes, round_)

    # ---------------------------------------------------------------- drawing
    def refresh(self) -> None:
        current = self.current_round
        self.switch.blockSignals(True)
        self.switch.setChecked(current is not None)
        self.switch.blockSignals(False)
        self.body.setVisible(current is not None)
        self.explain.setVisible(current is None)
        if current is None:
            self._shown_round = None
            self.timer.reset(self._seconds(1))
            return
        if current != self._shown_round:
            # A new round starts with its own time, paused until the facilitator starts it.
            self.timer.reset(self._seconds(current))
            self._shown_round = current
        index = ROUNDS.index(current)
        for i, round_ in enumerate(ROUNDS):
            state = "current" if i == index else ("done" if i < index else "later")
            chip = self.chips[round_]
            chip.setProperty("round", state)
            chip.setStyleSheet(chip_style(state))
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(ROUNDS) - 1)
        self._show_groups(current)
        counts = {r: len(notes) for r, notes in self.workspace.notes_by_round(self.step_id).items()}
        self.notes_line.setText(
            _("Notes so far: {rounds}").format(
                rounds=" · ".join(f"{round_name(r)} {counts.get(r, 0)}" for r in ROUNDS)
            )
        )

    def _show_groups(self, current: int) -> None:
        while self.groups_grid.count():
            item = self.groups_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        groups = self.workspace.groups_for_round(self.step_id, current)
        people = sum(len(g) for g in groups)
        if current == 1:
            self.groups_title.setText(_("Everyone writes alone, in silence."))
            return
        if current == ALL:
            self.groups_title.setText(
                ngettext(
                    "The whole group together: {n} participant.",
                    "The whole group together: {n} participants.",
                    people,
                ).format(n=people)
            )
            return
        if not groups:
            self.groups_title.setText(_("Add participants to the workshop to form groups."))
            return
        n = len(groups)
        self.groups_title.setText(
            ngettext("{n} pair:", "{n} pairs:", n).format(n=n)
            if current == 2
            else ngettext("{n} group:", "{n} groups:", n).format(n=n)
        )
        for number, group in enumerate(groups, start=1):
            frame = QFrame()
            frame.setProperty("role", "group")
            box = QVBoxLayout(frame)
            box.setContentsMargins(12, 8, 12, 10)
            box.setSpacing(2)
            title = (
                _("Pair {n}").format(n=number) if current == 2 else _("Group {n}").format(n=number)
            )
            box.addWidget(label(title, "field", wrap=False))
            for person in group:
                box.addWidget(label(person.name))
            box.addStretch(1)
            row, col = divmod(number - 1, GROUP_COLUMNS)
            self.groups_grid.addWidget(frame, row, col)
        for col in range(GROUP_COLUMNS):
            self.groups_grid.setColumnStretch(col, 1)

    # ---------------------------------------------------------------- actions
    @guarded
    def _on_switch(self, on: bool) -> None:
        self.page.push(SetRounds(self.step_id, on))
        self.refresh()
        self.round_changed.emit(self.current_round)

    @guarded
    def go_to_round(self, round_: int) -> None:
        if round_ == self.current_round:
            return
        self.page.push(SetCurrentRound(self.step_id, round_))
        self.refresh()
        self.round_changed.emit(self.current_round)

    def next_round(self) -> None:
        current = self.current_round
        if current is not None and ROUNDS.index(current) < len(ROUNDS) - 1:
            self.go_to_round(ROUNDS[ROUNDS.index(current) + 1])

    def previous_round(self) -> None:
        current = self.current_round
        if current is not None and ROUNDS.index(current) > 0:
            self.go_to_round(ROUNDS[ROUNDS.index(current) - 1])

    def set_enabled_rounds(self, on: bool) -> None:
        """Switch 1-2-4-all on or off (as the check box does)."""
        self.switch.setChecked(on)
