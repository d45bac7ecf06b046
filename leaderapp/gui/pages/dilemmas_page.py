"""Dilemma cards: one card at a time (title, situation, the two pulls of the tension),
previous/next, "card i of n", and the group's notes on each card (slot = the card's
key). The strip of card buttons marks the cards that already have notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from leaderapp.core.i18n import _, current_language
from leaderapp.core.library import DilemmaCard, Dilemmas, PolarityMap
from leaderapp.core.model import Note
from leaderapp.core.workspace import load_library
from leaderapp.gui.pages.page import column
from leaderapp.gui.pages.slot_notes import AnswerPage, SlotNotes
from leaderapp.gui.widgets import button, card, guarded, label

MARK = "✓"


class DilemmasPage(AnswerPage):
    kind = "dilemmas"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.index = 0
        self._names = self._tension_names()
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.turn(s))
        self.rebuild()

    @property
    def data(self) -> Dilemmas:
        assert isinstance(self.exercise.data, Dilemmas)
        return self.exercise.data

    @property
    def cards(self) -> list[DilemmaCard]:
        """The cards in the step's order (``settings["card_order"]``), the rest after."""
        by_key = {c.key: c for c in self.data.cards}
        order = self.step.settings.get("card_order") if self.step.settings else None
        chosen = [by_key[k] for k in order or [] if isinstance(k, str) and k in by_key]
        return chosen + [c for c in self.data.cards if c not in chosen]

    @property
    def current(self) -> DilemmaCard:
        cards = self.cards
        self.index = max(0, min(self.index, len(cards) - 1))
        return cards[self.index]

    def _tension_names(self) -> dict[str, str]:
        """Names for the keys a tension uses: this workshop's values, the region's default
        values, and the result areas of the polarity map."""
        library = load_library()
        names = {v.key: v.names[current_language()] for v in library.default_values}
        for exercise in library.exercises.values():
            if isinstance(exercise.data, PolarityMap):
                names.update({a.key: a.name.text() for a in exercise.data.areas})
        names.update({v.key: v.name for v in self.workspace.values(self.workshop_id) if v.key})
        return names

    def tension_text(self, dilemma: DilemmaCard) -> str:
        left, right = (self._names.get(k, k) for k in dilemma.tension)
        return f"{left}  ↔  {right}"

    # ---------------------------------------------------------------- drawing
    def build_answers(self, notes: list[Note]) -> QWidget:
        cards = self.cards
        current = self.current
        widget, layout = column(spacing=14)

        nav = QHBoxLayout()
        nav.setSpacing(10)
        self.previous_button = button(_("← Previous card"))
        self.previous_button.setToolTip(_("Previous card (Alt+Left)"))
        self.previous_button.setEnabled(self.index > 0)
        self.previous_button.clicked.connect(lambda *_a: self.turn(-1))
        self.position_label = label(
            _("Card {i} of {n}").format(i=self.index + 1, n=len(cards)), "heading", wrap=False
        )
        self.next_button = button(_("Next card →"))
        self.next_button.setToolTip(_("Next card (Alt+Right)"))
        self.next_button.setEnabled(self.index < len(cards) - 1)
        self.next_button.clicked.connect(lambda *_a: self.turn(1))
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.position_label)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)

        # Two rows when there are many cards, so a narrow window never has to scroll sideways.
        strip = QGridLayout()
        strip.setHorizontalSpacing(6)
        strip.setVerticalSpacing(6)
        per_row = len(cards) if len(cards) <= 6 else (len(cards) + 1) // 2
        self.card_buttons: list[QPushButton] = []
        with_notes = {n.slot for n in notes if n.text.strip()}
        for i, dilemma in enumerate(cards):
            done = dilemma.key in with_notes
            chip = button(f"{i + 1} {MARK}" if done else str(i + 1))
            chip.setCheckable(True)
            chip.setChecked(i == self.index)
            if i == self.index:
                chip.setProperty("role", "primary")
            chip.setProperty("has_notes", done)
            title = dilemma.title.text()
            tip = _("{title} – has notes").format(title=title) if done else title
            chip.setToolTip(tip)
            chip.setAccessibleName(_("Card {i}: {title}").format(i=i + 1, title=tip))
            chip.clicked.connect(lambda *_a, i=i: self.show_card(i))
            self.card_buttons.append(chip)
            strip.addWidget(chip, i // per_row, i % per_row)
        strip.setColumnStretch(per_row, 1)
        layout.addLayout(strip)

        frame, box = card(spacing=10)
        self.title_label = label(current.title.text(), "title")
        box.addWidget(self.title_label)
        self.situation_label = label(current.situation.text(), "lead")
        box.addWidget(self.situation_label)
        box.addSpacing(4)
        box.addWidget(label(_("What pulls against what"), "field"))
        self.tension_label = label(self.tension_text(current), "prompt")
        box.addWidget(self.tension_label)
        layout.addWidget(frame)

        notes_frame, notes_box = card(spacing=8)
        self.card_notes = SlotNotes(
            self,
            slot=current.key,
            title=_("What the group takes from this card"),
            title_role="heading",
            add_text=_("Add a note"),
            placeholder=_("The choice, the reason, what must be true here…"),
            empty_text=_("No notes on this card yet."),
        )
        notes_box.addWidget(self.card_notes)
        layout.addWidget(notes_frame)
        layout.addStretch(1)
        return widget

    # --------------------------------------------------------------- actions
    @guarded
    def show_card(self, index: int) -> None:
        self.index = max(0, min(index, len(self.cards) - 1))
        self.rebuild()

    def turn(self, step: int) -> None:
        self.show_card(self.index + step)

    @guarded
    def new_note(self) -> None:
        self.card_notes.add()

    def show_note_subject(self, note_id: str | None) -> None:
        """After an undo, turn to the card the undone note belongs to."""
        if note_id is None:
            return
        try:
            slot = self.workspace.note(note_id).slot
        except LookupError:
            return
        keys = [c.key for c in self.cards]
        if slot in keys:
            self.index = keys.index(slot)
