"""The "competence_rating" step (bør, kan, vil, må, tør): the group rates itself 1-5 on
five dimensions for a change it faces, shown as a radar chart.

The facilitator types the room's scores into a compact grid, participants by
dimensions: a digit sets the current cell and moves on, so "3 4 2 5 3" fills a row.
The building blocks here (``RatingGrid``, ``SlotNotes``) are shared with the
polarity map and the follow-up pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import AddNote, Command, EditNoteText
from leaderapp.core.facilitation.ratings_commands import SetRating
from leaderapp.core.i18n import _
from leaderapp.core.library import CompetenceRating, Exercise
from leaderapp.core.model import Rating, Step
from leaderapp.gui import style
from leaderapp.gui.pages.page import Page, PageContext, column, scroll_column
from leaderapp.gui.pages.radar_chart import BEFORE, NOW, RadarChart, Series
from leaderapp.gui.widgets import GrowingTextEdit, button, card, guarded, label, ui_locale

ID_ROLE = Qt.ItemDataRole.UserRole


def format_score(score: float) -> str:
    """3 -> "3", 3.25 -> "3,3" (Danish decimal comma)."""
    if float(score).is_integer():
        return str(int(score))
    return ui_locale().toString(float(score), "f", 1)


# ---------------------------------------------------------------- slot notes
class SlotNotes(QWidget):
    """The notes of a step that answer one field (slot), each in its own editor.

    With no note yet there is one empty editor; the first thing typed there creates
    the note (so an untouched field leaves nothing behind). Typing saves through the
    page's autosaver and is undoable like every other note edit.
    """

    def __init__(
        self,
        page: Page,
        slot: str,
        placeholder: str = "",
        *,
        min_lines: int = 2,
        max_lines: int = 10,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.slot = slot
        self.placeholder = placeholder
        self.name = name  # what a screen reader calls the editors: the field's heading
        self.min_lines, self.max_lines = min_lines, max_lines
        self.editors: list[GrowingTextEdit] = []
        self.note_ids: list[str | None] = []
        self._loading = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.reload()

    def notes(self) -> list:
        page = self.page
        return [
            n for n in page.workspace.notes(page.workshop_id, page.step.id) if n.slot == self.slot
        ]

    def reload(self) -> None:
        notes = self.notes()
        ids = [n.id for n in notes]
        current = [i for i in self.note_ids if i is not None]
        same = ids == current and (ids or self.note_ids == [None])
        if not same:
            self._rebuild(len(notes) or 1)
            self.note_ids = list(ids) or [None]
        self._loading = True
        try:
            for editor, note in zip(self.editors, notes, strict=False):
                if editor.toPlainText() != note.text:
                    editor.setPlainText(note.text)
                    editor.moveCursor(QTextCursor.MoveOperation.End)
            if not notes and self.editors[0].toPlainText():
                self.editors[0].setPlainText("")
        finally:
            self._loading = False

    def _rebuild(self, count: int) -> None:
        for editor in self.editors:
            self._layout.removeWidget(editor)
            editor.deleteLater()
        self.editors = []
        for index in range(count):
            editor = GrowingTextEdit(self.min_lines, self.max_lines)
            editor.setPlaceholderText(self.placeholder)
            editor.textChanged.connect(lambda e=editor: self._changed(e))
            self.page.autosaver.flush_on_focus_out(editor)
            self._layout.addWidget(editor)
            self.editors.append(editor)
            editor.setObjectName(f"slot-{self.slot}-{index}")
        self._name_editors()

    def set_name(self, name: str) -> None:
        """The field's heading, read out for its editors (it may follow a choice on the
        page, such as the polarity pair)."""
        self.name = name
        self._name_editors()

    def _name_editors(self) -> None:
        several = len(self.editors) > 1
        for n, editor in enumerate(self.editors, start=1):
            name = self.name or self.placeholder
            if several:
                name = _("{name}, note {n}").format(name=name, n=n)
            editor.setAccessibleName(name)

    def text(self) -> str:
        return "\n".join(e.toPlainText() for e in self.editors)

    def _changed(self, editor: GrowingTextEdit) -> None:
        if self._loading or editor not in self.editors:
            return
        index = self.editors.index(editor)
        text = editor.toPlainText()
        key = f"slot:{self.page.step.id}:{self.slot}:{index}"
        self.page.autosaver.schedule(key, lambda: self._write(index, text))

    def _write(self, index: int, text: str) -> None:
        if index >= len(self.note_ids):
            return  # the field was rebuilt (undo) before this edit was saved
        note_id = self.note_ids[index]
        if note_id is None:
            changes = self.page.push(AddNote(self.page.step.id, text, slot=self.slot))
            self.note_ids[index] = changes.created_id
        else:
            self.page.push(EditNoteText(note_id, text))


# ---------------------------------------------------------------- the grid
@dataclass(frozen=True)
class GridRow:
    participant_id: str | None
    name: str


class RatingGrid(QTableWidget):
    """Rows of people, columns of items; a digit in range sets the current cell and moves
    to the next one, Delete or Backspace clears it. The last row shows the averages."""

    score_entered = Signal(object, str, object)  # participant id, item, score or None

    def __init__(
        self,
        items: list[tuple[str, str, str]],  # key, name, question
        low: int,
        high: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.items_ = items
        self.low, self.high = low, high
        self.people: list[GridRow] = []
        self._shown: tuple[list[Rating], dict[str, float]] | None = None
        self.setColumnCount(len(items))
        self.setHorizontalHeaderLabels([name for _k, name, _q in items])
        for col, (_key, name, question) in enumerate(items):
            self.horizontalHeaderItem(col).setToolTip(f"{name}: {question}")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(56)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(40)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Scores"))
        self._fit_sizes()

    @property
    def average_row(self) -> int:
        return len(self.people)

    def set_people(self, people: list[GridRow]) -> None:
        self.people = list(people)
        self.setRowCount(len(people) + 1)
        self.setVerticalHeaderLabels([p.name for p in people] + [_("Average")])
        self._fit_height()

    def _fit_sizes(self) -> None:
        """Rows and columns that follow the text size (Ctrl++)."""
        metrics = self.fontMetrics()
        self.verticalHeader().setDefaultSectionSize(max(40, round(metrics.height() * 1.6)))
        widest = max((metrics.horizontalAdvance(name) for _k, name, _q in self.items_), default=0)
        self.horizontalHeader().setMinimumSectionSize(max(56, widest + 28))
        self._fit_height()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        # Every column and the names in full: a cut-off grid hides scores.
        columns = self.columnCount() * self.horizontalHeader().minimumSectionSize()
        width = self.verticalHeader().sizeHint().width() + columns + 2 * self.frameWidth() + 4
        return QSize(width, super().minimumSizeHint().height())

    def _fit_height(self) -> None:
        rows = self.rowCount()
        header = self.horizontalHeader().sizeHint().height()
        height = header + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()
        self.setFixedHeight(height + 2)

    def item_key(self, col: int) -> str:
        return self.items_[col][0]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange) and self._shown:
            # Another colour scheme: the cells' colours come from the palette in use.
            self.show_scores(*self._shown)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_sizes()

    def show_scores(self, ratings: list[Rating], averages: dict[str, float]) -> None:
        self._shown = (ratings, averages)
        scores = {(r.participant_id, r.item): r.score for r in ratings}
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.2)
        big.setBold(True)
        for row, person in enumerate(self.people):
            for col, (key, _name, _q) in enumerate(self.items_):
                score = scores.get((person.participant_id, key))
                cell = self.item(row, col) or QTableWidgetItem()
                cell.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setText("" if score is None else format_score(score))
                cell.setFont(big)
                cell.setData(ID_ROLE, score)
                cell.setBackground(
                    QColor(style.ACCENT_SOFT) if score is not None else QColor(style.SURFACE)
                )
                if self.item(row, col) is None:
                    self.setItem(row, col, cell)
        row = self.average_row
        for col, (key, _name, _q) in enumerate(self.items_):
            cell = self.item(row, col) or QTableWidgetItem()
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            value = averages.get(key)
            cell.setText("" if value is None else ui_locale().toString(float(value), "f", 1))
            cell.setForeground(QColor(style.MUTED))
            cell.setBackground(QColor(style.BACKGROUND))
            if self.item(row, col) is None:
                self.setItem(row, col, cell)

    def score_at(self, row: int, col: int) -> float | None:
        cell = self.item(row, col)
        return cell.data(ID_ROLE) if cell is not None else None

    def enter(self, score: int | None) -> None:
        """Set (or with None clear) the current cell, then move on after a score."""
        row, col = self.currentRow(), self.currentColumn()
        if not (0 <= row < len(self.people) and 0 <= col < self.columnCount()):
            return
        person = self.people[row]
        self.score_entered.emit(person.participant_id, self.item_key(col), score)
        if score is not None:
            self._advance(row, col)

    def _advance(self, row: int, col: int) -> None:
        col += 1
        if col >= self.columnCount():
            col, row = 0, row + 1
        if row < len(self.people):
            self.setCurrentCell(row, col)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        text = event.text()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and text.isdigit() and self.low <= int(text) <= self.high:
            self.enter(int(text))
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) or (plain and text == "0"):
            self.enter(None)
            return
        super().keyPressEvent(event)

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt API
        # Arrow keys never land on the averages.
        index = super().moveCursor(action, modifiers)
        if index.isValid() and index.row() >= len(self.people):
            return self.model().index(len(self.people) - 1, index.column())
        return index


def scale_row(
    low: int, high: int, labels: dict[int, str], on_score: Callable[[int | None], None]
) -> tuple[QWidget, list]:
    """Buttons 1..5 (and "Clear") that score the current cell with the mouse."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    buttons = []
    for score in range(low, high + 1):
        b = button(str(score))
        b.setToolTip(labels.get(score, ""))
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the grid keeps the keyboard
        b.setMinimumWidth(44)
        b.clicked.connect(lambda _c=False, s=score: on_score(s))
        row.addWidget(b)
        buttons.append(b)
    clear = button(_("Clear"))
    clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    clear.clicked.connect(lambda _c=False: on_score(None))
    row.addWidget(clear)
    buttons.append(clear)
    row.addStretch(1)
    return box, buttons


def grid_people(page: Page, step: Step, ratings: list[Rating]) -> list[GridRow]:
    """One row per participant; the group's own row when the step is anonymous, the
    workshop has no participants, or scores were given for the group."""
    if step.anonymous:
        return [GridRow(None, _("The group"))]
    people = [GridRow(p.id, p.name) for p in page.workspace.participants(page.workshop_id)]
    if not people or any(r.participant_id is None for r in ratings):
        people.append(GridRow(None, _("The group")))
    return people


class RatingPanel(QWidget):
    """The grid, the mouse scale, the current question and the radar, for one step.

    ``baseline`` (follow-up): a step whose average is drawn as "before".
    """

    def __init__(
        self,
        page: Page,
        data: CompetenceRating,
        *,
        baseline: Step | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.data = data
        self.baseline = baseline
        items = [(d.key, d.name.text(), d.question.text()) for d in data.dimensions]
        self.questions = {d.key: (d.name.text(), d.question.text()) for d in data.dimensions}
        labels = {p.score: p.label.text() for p in data.scale}

        # The radar beside the grid, or below it when large text leaves no room for both.
        root = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(16)
        self.columns = root

        grid_card, grid_layout = card(spacing=10)
        head = QHBoxLayout()
        head.addWidget(label(_("Scores"), "heading", wrap=False))
        head.addStretch(1)
        grid_layout.addLayout(head)
        grid_layout.addWidget(
            label(
                _(
                    "Click a cell and type a digit from {low} to {high}: the next cell is "
                    "chosen for you. Delete clears a score."
                ).format(low=data.lowest, high=data.highest),
                "small",
            )
        )
        self.grid = RatingGrid(items, data.lowest, data.highest)
        self.grid.score_entered.connect(self._on_score)
        self.grid.currentCellChanged.connect(lambda *_a: self._show_question())
        grid_layout.addWidget(self.grid)
        self.question = label("", "prompt")
        self.question.setMinimumHeight(self.question.fontMetrics().lineSpacing() * 2 + 8)
        grid_layout.addWidget(self.question)
        self.scale, self.scale_buttons = scale_row(
            data.lowest, data.highest, labels, self.grid.enter
        )
        grid_layout.addWidget(self.scale)
        # No-break spaces: "5 = Fuldt ud" never splits over two lines.
        legend = "   ".join(
            f"{p.score} = {p.label.text()}".replace(" ", "\u00a0") for p in data.scale
        )
        grid_layout.addWidget(label(legend, "small"))
        grid_layout.addStretch(1)
        root.addWidget(grid_card, 3)

        radar_card, radar_layout = card(spacing=6)
        self.radar = RadarChart()
        self.radar.set_axes([(k, n) for k, n, _q in items], data.lowest, data.highest)
        radar_layout.addWidget(self.radar)
        radar_layout.addStretch(1)  # the chart stays at the top, beside the first rows
        radar_card.setMinimumWidth(340)
        root.addWidget(radar_card, 2)
        self.grid_card, self.radar_card = grid_card, radar_card
        self._arrange()
        self.refresh()
        if self.grid.people:
            self.grid.setCurrentCell(0, 0)  # ready for the first digit

    def _arrange(self) -> None:
        grid, radar = self.grid_card.minimumSizeHint(), self.radar_card.minimumSizeHint()
        # Never wider than the wider card: side by side they must fit in what the page
        # gives, or they go one below the other (not past the right edge).
        self.setMinimumWidth(max(grid.width(), radar.width()))
        need = grid.width() + radar.width() + self.columns.spacing()
        direction = (
            QBoxLayout.Direction.LeftToRight
            if need <= self.width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._arrange)  # once the grid has its new size

    def refresh(self) -> None:
        step = self.page.step
        ratings = self.page.workspace.ratings(step.id)
        people = grid_people(self.page, step, ratings)
        if people != self.grid.people:
            row, col = self.grid.currentRow(), self.grid.currentColumn()
            self.grid.set_people(people)
            if 0 <= row < len(people):
                self.grid.setCurrentCell(row, max(col, 0))
        averages = self.page.workspace.average_ratings(step.id)
        self.grid.show_scores(ratings, averages)
        self._draw_radar(ratings, averages)
        self._show_question()

    def _draw_radar(self, ratings: list[Rating], averages: dict[str, float]) -> None:
        series: list[Series] = []
        by_person: dict[str | None, dict[str, float]] = {}
        for r in ratings:
            by_person.setdefault(r.participant_id, {})[r.item] = r.score
        if len(by_person) > 1:
            series += [Series(s, NOW, faint=True) for s in by_person.values()]
        if self.baseline is not None:
            before = self.page.workspace.average_ratings(self.baseline.id)
            series.append(Series(before, BEFORE, label=_("Before"), dashed=True))
            series.append(Series(averages, NOW, label=_("Now")))
        else:
            series.append(Series(averages, NOW, label=_("The group's average")))
        self.radar.set_series(series, _("The radar appears as scores are entered."))

    def _show_question(self) -> None:
        col = self.grid.currentColumn()
        if 0 <= col < self.grid.columnCount():
            name, question = self.questions[self.grid.item_key(col)]
            self.question.setText(f"{name}: {question}")
        else:
            self.question.setText(_("Choose a cell to see its question."))

    @guarded
    def _on_score(self, participant_id: str | None, item: str, score: int | None) -> None:
        current = next(
            (
                r.score
                for r in self.page.workspace.ratings(self.page.step.id)
                if r.participant_id == participant_id and r.item == item
            ),
            None,
        )
        if current == score:
            return  # nothing changes: no empty step in the undo history
        self.page.push(SetRating(self.page.step.id, item, score, participant_id))
        self.refresh()
        self.page.ctx.reporter.saved()

    def show_error(self, message: str) -> None:
        self.page.show_error(message)


def dimensions_card(data: CompetenceRating) -> QFrame:
    frame, layout = card(spacing=8)
    layout.addWidget(label(_("The five dimensions"), "heading", wrap=False))
    for d in data.dimensions:
        row = QHBoxLayout()
        row.setSpacing(12)
        name = label(d.name.text(), "field", wrap=False)
        name.setMinimumWidth(70)
        row.addWidget(name, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(label(d.question.text(), "prompt"), 1)
        layout.addLayout(row)
    return frame


class RatingPage(Page):
    kind = "competence_rating"

    def __init__(
        self, ctx: PageContext, step: Step, exercise: Exercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, step, exercise, parent)
        data = exercise.data
        assert isinstance(data, CompetenceRating)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        content, layout = column((28, 18, 28, 22), spacing=16)

        change_card, change_layout = card(spacing=6)
        change_layout.addWidget(label(_("The change we face"), "field", wrap=False))
        self.change = SlotNotes(
            self,
            "change",
            _("For example: a new way of planning shifts across the wards"),
            min_lines=1,
            max_lines=5,
            name=_("The change we face"),
        )
        change_layout.addWidget(self.change)
        layout.addWidget(change_card)

        self.panel = RatingPanel(self, data)
        layout.addWidget(self.panel)
        layout.addWidget(dimensions_card(data))
        layout.addWidget(self.exercise_card())
        layout.addStretch(1)
        root.addWidget(scroll_column(content))

    @property
    def grid(self) -> RatingGrid:
        return self.panel.grid

    def refresh(self) -> None:
        self.step = self.workspace.step(self.step.id)
        self.change.reload()
        self.panel.refresh()

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        if changes.ratings or changes.notes or changes.participants or changes.steps:
            self.refresh()
