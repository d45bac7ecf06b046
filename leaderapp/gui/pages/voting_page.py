"""A dot-voting step: the facilitator casts the room's dots, participant by participant.

Pick whose dots these are (a button per participant, or the keys 1-9), then click a note
(or press Enter on it) to give a dot; right-click (or Backspace) takes one back. Each
participant's button says how many dots they have left; each note shows its dots; the
"Result" list ranks the notes. The notes are those of the earlier steps
(``Workspace.voting_notes``), shown in the step's clusters (``ClusterBoard``). In an
anonymous step the dots are the room's, with no names.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.facilitation.votes import MAX_DOTS
from leaderapp.core.facilitation.votes_commands import (
    CastVote,
    SetDotsPerParticipant,
    WithdrawVote,
)
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import Exercise
from leaderapp.core.model import Note, Participant, Step
from leaderapp.gui import style
from leaderapp.gui.layouts import FittingPanel
from leaderapp.gui.pages.cluster_board import ClusterBoard
from leaderapp.gui.pages.page import Page, PageContext, scroll_column
from leaderapp.gui.widgets import ElidedLabel, card, guarded, label, one_line, set_role

ID_ROLE = Qt.ItemDataRole.UserRole
DOT = "●"  # a dot given
UNUSED = "○"  # a dot still to give
ALL_GIVEN = "✓"
MAX_SHOWN_LEFT = 10  # a participant with more dots left sees the number instead
MAX_DRAWN_DOTS = 12  # beyond this a note shows "●●●…●+" and the number


def dots_text(n: int) -> str:
    """A note's dots drawn as dots, with the count (long rows end in "+")."""
    if n <= 0:
        return _("no dots")
    drawn = DOT * min(n, MAX_DRAWN_DOTS) + ("+" if n > MAX_DRAWN_DOTS else "")
    count = ngettext("{n} dot", "{n} dots", n).format(n=n)
    return f"{drawn}  {count}"


class VotingPage(Page):
    kind = "dot_voting"

    def __init__(
        self, ctx: PageContext, step: Step, exercise: Exercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, step, exercise, parent)
        self.voter_id: str | None = None  # whose dots the next click spends (None: the room)
        self.voter_buttons: dict[str | None, QPushButton] = {}
        self._tally: dict[str, int] = {}
        self._mine: dict[str, int] = {}

        root = QHBoxLayout(self)
        root.setContentsMargins(28, 22, 28, 22)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(20)
        root.addWidget(splitter)

        # Left: whose dots, the result, and the exercise.
        # Never narrower than its widest line: at large text the splitter gives it room.
        info = FittingPanel()
        info_layout = QVBoxLayout(info)
        info_layout.setContentsMargins(0, 0, 0, 0)
        info_layout.setSpacing(12)
        voters, voters_layout = card(spacing=6)
        self.voters_title = label("", "heading")
        voters_layout.addWidget(self.voters_title)
        self.voter_list = QVBoxLayout()
        self.voter_list.setSpacing(4)
        voters_layout.addLayout(self.voter_list)
        self.voter_group = QButtonGroup(self)
        self.voter_group.setExclusive(True)
        self.hint = label(
            _(
                "Keys 1-9 choose whose dots. Click a note (or press Enter) to give a dot; "
                "right-click (or Backspace) takes one back."
            )
            + "\n"
            + _("● given  ○ still to give  ✓ all given"),
            "small",
        )
        voters_layout.addWidget(self.hint)
        info_layout.addWidget(voters)

        result, result_layout = card(spacing=8)
        result_layout.addWidget(label(_("Result"), "heading", wrap=False))
        self.result_summary = label("", "muted")
        result_layout.addWidget(self.result_summary)
        self.ranking = QListWidget()
        self.ranking.setObjectName("ranking")
        self.ranking.setAccessibleName(_("Ranking"))
        self.ranking.setWordWrap(True)
        self.ranking.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.ranking.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ranking.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ranking.setMinimumHeight(280)
        result_layout.addWidget(self.ranking)
        info_layout.addWidget(result)
        info_layout.addWidget(self.exercise_card(compact=True))
        info_layout.addStretch(1)
        info_scroll = scroll_column(info)
        info_scroll.setMinimumWidth(320)
        splitter.addWidget(info_scroll)

        # Right: the notes in their groups, and how many dots each participant has.
        panel = FittingPanel()  # scrolls when the rows do not fit (large text)
        panel.setMinimumWidth(480)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(10)
        self.board = ClusterBoard(
            self, lambda: self.workspace.voting_notes(self.step.id), voting=True
        )
        self.board.item_text = self._note_text
        self.board.note_activated.connect(self.give_dot)
        self.board.note_secondary.connect(self.take_dot)
        dots_row = QHBoxLayout()
        dots_row.setSpacing(8)
        dots_label = label(_("Dots per participant"), "muted", wrap=False)
        dots_row.addWidget(dots_label)
        self.dots_spin = QSpinBox()
        dots_label.setBuddy(self.dots_spin)
        self.dots_spin.setRange(1, MAX_DOTS)
        self.dots_spin.setAccessibleName(_("Dots per participant"))
        self.dots_spin.valueChanged.connect(self._on_dots_changed)
        dots_row.addWidget(self.dots_spin)
        dots_row.addStretch(1)
        panel_layout.addLayout(dots_row)
        panel_layout.addWidget(self.board, 1)
        self.empty = label(
            _(
                "There are no notes to vote on yet. The notes written in the earlier steps "
                "of this meeting appear here once they are revealed."
            ),
            "empty",
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        panel_layout.addWidget(self.empty)
        panel_layout.addStretch(0)
        splitter.addWidget(scroll_column(panel))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 900])

        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.choose_voter_number(n))

        self.refresh()

    # ---------------------------------------------------------------- reading
    @property
    def anonymous(self) -> bool:
        return self.step.anonymous

    def voters(self) -> list[Participant | None]:
        """Whose dots can be given: each participant, or only the room when anonymous
        (or when the workshop has no participants)."""
        people = self.workspace.participants(self.workshop_id)
        return [None] if self.anonymous or not people else list(people)

    def refresh(self) -> None:
        self.step = self.workspace.step(self.step.id)
        voters = self.voters()
        ids = [v.id if v else None for v in voters]
        if self.voter_id not in ids:
            self.voter_id = ids[0]
        self._build_voters(voters)
        self.dots_spin.blockSignals(True)
        self.dots_spin.setValue(self.workspace.dots_per_participant(self.step.id))
        self.dots_spin.blockSignals(False)
        self._read_votes()
        self.board.refresh()
        has_notes = self.board.note_count() > 0
        self.board.setVisible(has_notes)
        self.empty.setVisible(not has_notes)
        self._show_votes()

    def _read_votes(self) -> None:
        self._tally = self.workspace.tally(self.step.id)
        self._mine = {}
        voter = None if self.anonymous else self.voter_id
        for vote in self.workspace.votes(self.step.id):
            if vote.participant_id == voter:
                self._mine[vote.note_id] = self._mine.get(vote.note_id, 0) + vote.dots

    def _build_voters(self, voters: list[Participant | None]) -> None:
        for old in self.voter_buttons.values():
            self.voter_group.removeButton(old)
            self.voter_list.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.voter_buttons = {}
        for number, voter in enumerate(voters, start=1):
            voter_id = voter.id if voter else None
            widget = VoterButton(number)
            widget.clicked.connect(lambda *_a, vid=voter_id: self.choose_voter(vid))
            if number <= 9:
                widget.setToolTip(_("Key {n}").format(n=number))
            self.voter_group.addButton(widget)
            self.voter_buttons[voter_id] = widget
            self.voter_list.addWidget(widget)
        self.voters_title.setText(_("The room's dots") if voters == [None] else _("Whose dots?"))

    def _voter_name(self, voter_id: str | None) -> str:
        if voter_id is None:
            return _("The room")
        people = self.workspace.participants(self.workshop_id)
        return next((p.name for p in people if p.id == voter_id), "")

    def _show_votes(self) -> None:
        for voter_id, widget in self.voter_buttons.items():
            left = self.workspace.dots_left(self.step.id, voter_id)
            total = self.workspace.dots_total(self.step.id, voter_id)
            widget.show_voter(
                self._voter_name(voter_id), left, total, chosen=voter_id == self.voter_id
            )
        self.board.retext()
        ranking = self.workspace.ranking(self.step.id)
        self.ranking.clear()
        cast = sum(self._tally.values())
        for place, (note, dots) in enumerate(ranking, start=1):
            item = QListWidgetItem(f"{place}.  {dots_text(dots)}\n{one_line(note.text, 200)}")
            item.setData(ID_ROLE, note.id)
            item.setToolTip(one_line(note.text, 600))
            self.ranking.addItem(item)
        self.result_summary.setText(
            ngettext("{n} dot given so far.", "{n} dots given so far.", cast).format(n=cast)
        )

    def _note_text(self, note: Note) -> str:
        total = self._tally.get(note.id, 0)
        text = one_line(note.text, 240)
        if not total:
            return text
        line = dots_text(total)
        mine = self._mine.get(note.id, 0)
        if mine and not self.anonymous and self.voter_id is not None:
            name = self._voter_name(self.voter_id)
            line += "  " + _("({n} from {name})").format(n=mine, name=name)
        return f"{text}\n{line}"

    # ---------------------------------------------------------------- actions
    def choose_voter(self, voter_id: str | None) -> None:
        self.voter_id = voter_id
        self._read_votes()
        self._show_votes()

    def choose_voter_number(self, number: int) -> None:
        ids = list(self.voter_buttons)
        if 1 <= number <= len(ids):
            self.choose_voter(ids[number - 1])

    @guarded
    def give_dot(self, note_id: str) -> None:
        self.push(CastVote(self.step.id, note_id, self.voter_id))
        self._after_vote()

    @guarded
    def take_dot(self, note_id: str) -> None:
        voter = None if self.anonymous else self.voter_id
        if self.workspace.dots_on_note(self.step.id, note_id, voter) == 0:
            self.ctx.reporter.info(_("No dot of theirs on that note to take back."))
            return
        self.push(WithdrawVote(self.step.id, note_id, self.voter_id))
        self._after_vote()

    def _after_vote(self) -> None:
        self._read_votes()
        self._show_votes()
        self.ctx.reporter.saved()

    @guarded
    def _on_dots_changed(self, value: int) -> None:
        if value == self.workspace.dots_per_participant(self.step.id):
            return
        self.push(SetDotsPerParticipant(self.step.id, value))
        self.step = self.workspace.step(self.step.id)
        self._read_votes()
        self._show_votes()

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        if (
            changes.votes
            or changes.notes
            or changes.clusters
            or changes.steps
            or (changes.participants)
        ):
            self.refresh()


class VoterButton(QPushButton):
    """One participant to vote for: key number, name (elided) and dots left."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.setCheckable(True)
        self.setMinimumWidth(0)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        row.setSpacing(10)
        self.number = QLabel(str(number) if number <= 9 else "")
        self.name = ElidedLabel("")
        self.left = QLabel("")
        for part in (self.number, self.name, self.left):
            part.setTextFormat(Qt.TextFormat.PlainText)
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            part.setStyleSheet("background: transparent;")
        self.number.setMinimumWidth(self.fontMetrics().horizontalAdvance("9") + 2)
        row.addWidget(self.number)
        row.addWidget(self.name, 1)
        row.addWidget(self.left)
        self.setMinimumHeight(self.fontMetrics().height() + 16)

    def show_voter(self, name: str, left: int, total: int, *, chosen: bool) -> None:
        self.name.setText(name)
        # Few dots read best as dots, filled as they are given (like a progress bar);
        # a tick once all are given, so "none left" cannot be read as "none used".
        given = max(0, total - left)
        if left == 0 and total > 0:
            self.left.setText(ALL_GIVEN)
        elif total <= MAX_SHOWN_LEFT:
            self.left.setText(DOT * given + UNUSED * left)
        else:
            self.left.setText(str(left))
        spoken = ngettext("{name}: {n} dot left", "{name}: {n} dots left", left).format(
            name=name, n=left
        )
        self.setToolTip(spoken)
        self.setAccessibleName(spoken)
        self.setChecked(chosen)
        set_role(self, "primary" if chosen else None)
        self._colour_parts()

    def _colour_parts(self) -> None:
        # Read from the palette now: it follows light, dark and high contrast.
        ink = style.ON_ACCENT if self.isChecked() else style.INK
        for part in (self.number, self.name, self.left):
            sheet = f"background: transparent; color: {ink};"
            if part is self.number:
                sheet += " font-weight: 600;"
            if part.styleSheet() != sheet:
                part.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._colour_parts()  # another colour scheme
