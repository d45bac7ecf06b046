""" "Adjust the plan…": the workshop's steps in order, to reorder, skip, add and remove,
with each step's timebox and whether it runs anonymously.

Every change is an undoable command pushed at once (there is no OK button to lose
work by); ``on_change`` tells the workshop view so its sidebar follows while the dialog
is open. Keyboard: arrows move between cells, Space ticks a box, the timebox is a spin
box reached with the arrows or Tab, Alt+Up/Alt+Down move the selected step, Delete
removes it, Ctrl+Z undoes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QSpinBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.facilitation.plan import MAX_TIMEBOX, MIN_TIMEBOX
from leaderapp.core.facilitation.plan_commands import (
    AddStep,
    MoveStep,
    RemoveStep,
    SetStepAnonymous,
    SetStepSkipped,
    SetTimebox,
)
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import Exercise, load_library
from leaderapp.core.model import Step
from leaderapp.core.workspace import Workspace
from leaderapp.gui import style
from leaderapp.gui.undo import UndoHistory
from leaderapp.gui.widgets import ask, button, guarded, label, plain_message_box
from leaderapp.gui.workshop_view import dimmed

COL_TITLE, COL_MEETING, COL_TIME, COL_SKIP, COL_ANON = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole


def format_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("{minutes} min").format(minutes=rest)
    if not rest:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


class TimeboxDelegate(QStyledItemDelegate):
    """The timebox column edits with a spin box, shown at all times (a persistent
    editor) and saved as soon as its value changes."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        spin = QSpinBox(parent)
        spin.setRange(MIN_TIMEBOX, MAX_TIMEBOX)
        spin.setSuffix(_(" min"))
        spin.setAccelerated(True)
        spin.setKeyboardTracking(False)  # typed digits count on Enter or leaving the box
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.valueChanged.connect(lambda _v, s=spin: self.commitData.emit(s))
        return spin

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        value = int(index.data(Qt.ItemDataRole.EditRole) or MIN_TIMEBOX)
        if editor.value() != value:
            editor.blockSignals(True)
            editor.setValue(value)
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QSpinBox)
        if int(index.data(Qt.ItemDataRole.EditRole) or 0) != editor.value():
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


def table_style() -> str:
    """The skip and anonymous boxes in the table as large and clear as the app's other
    check boxes (Qt's own are tiny and dark on a dark field); from the current palette."""
    box = round(style.current_point_size() * 1.35)
    check = style._glyph("check", style.ON_ACCENT)  # the glyph the app's check boxes use
    return f"""
QTableView::indicator {{
    width: {box}px; height: {box}px; border: 1px solid {style.MUTED}; border-radius: 4px;
    background: {style.SURFACE};
}}
QTableView::indicator:checked {{
    background: {style.ACCENT}; border-color: {style.ACCENT}; image: url({check});
}}
"""


def scaled_size(width: int, height: int, parent: QWidget | None) -> QSize:
    """``width`` x ``height`` at the normal text size, grown with larger text, within
    the screen."""
    factor = max(1.0, style.current_point_size() / style.DEFAULT_POINT_SIZE)
    size = QSize(round(width * factor), round(height * factor))
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry().size()
        size = size.boundedTo(QSize(room.width() - 40, room.height() - 40))
    return size


class PlanDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        workshop_id: str,
        history: UndoHistory,
        parent: QWidget | None = None,
        *,
        on_change: Callable[[Changes], None] | None = None,
        current_step_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.workshop_id = workshop_id
        self.history = history
        self.on_change = on_change or (lambda _changes: None)
        self.steps: list[Step] = []
        self._filling = False
        self.setWindowTitle(_("Adjust the plan"))
        self.setMinimumSize(880, 540)
        self.resize(scaled_size(1080, 640, parent))

        root = QVBoxLayout(self)
        root.setContentsMargins(24, 20, 24, 18)
        root.setSpacing(12)
        root.addWidget(label(_("Adjust the plan"), "title"))
        root.addWidget(
            label(
                _(
                    "Change the order, skip steps you will not reach today, add or remove "
                    "steps and set each step's timebox. Every change is saved at once and "
                    "can be undone."
                ),
                "muted",
            )
        )

        body = QHBoxLayout()
        body.setSpacing(14)
        root.addLayout(body, 1)

        self.table = QTableWidget(0, 5)
        self.table.setStyleSheet(table_style())
        self.table.setHorizontalHeaderLabels(
            [_("Step"), _("Meeting"), _("Timebox"), _("Skip"), _("Anonymous")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (COL_MEETING, COL_TIME, COL_SKIP, COL_ANON):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        self.table.horizontalHeaderItem(COL_SKIP).setToolTip(
            _("The step stays in the plan but is passed over today")
        )
        self.table.horizontalHeaderItem(COL_ANON).setToolTip(
            _("Notes, votes and ratings in the step are stored without names")
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        # "16. Fra → til: dygti…" would hide what tells the per-value steps apart: cut the
        # middle instead, and show the whole title as the tooltip.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setItemDelegateForColumn(COL_TIME, TimeboxDelegate(self.table))
        # Rows tall enough for the spin boxes shown in them.
        probe = QSpinBox()
        probe.setSuffix(_(" min"))
        probe.ensurePolished()
        self.table.verticalHeader().setDefaultSectionSize(probe.sizeHint().height() + 10)
        probe.deleteLater()
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())
        body.addWidget(self.table, 1)

        side = QVBoxLayout()
        side.setSpacing(8)
        self.up_button = button(_("Move up"))
        self.up_button.setToolTip(_("Move the selected step up (Alt+Up)"))
        self.up_button.clicked.connect(self.move_up)
        self.down_button = button(_("Move down"))
        self.down_button.setToolTip(_("Move the selected step down (Alt+Down)"))
        self.down_button.clicked.connect(self.move_down)
        self.add_button = button(_("Add a step…"))
        self.add_button.clicked.connect(self.add_step)
        self.remove_button = button(_("Remove step…"))
        self.remove_button.setToolTip(_("Remove the selected step (Delete)"))
        self.remove_button.clicked.connect(self.remove_step)
        self.undo_button = button(_("Undo"))
        self.undo_button.clicked.connect(self.undo)
        for widget in (self.up_button, self.down_button, self.add_button, self.remove_button):
            side.addWidget(widget)
        side.addStretch(1)
        side.addWidget(self.undo_button)
        body.addLayout(side)

        foot = QHBoxLayout()
        self.total = label("", "muted")
        foot.addWidget(self.total, 1)
        self.close_button = button(_("Close"), "primary")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        foot.addWidget(self.close_button)
        root.addLayout(foot)

        for keys, slot in (
            ("Alt+Up", self.move_up),
            ("Alt+Down", self.move_down),
            ("Delete", self.remove_step),
            ("Ctrl+Z", self.undo),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

        self.history.stack.indexChanged.connect(self._update_buttons)
        self.history.applied.connect(self._after_undo)
        self.finished.connect(self._disconnect)
        self.fill(select=current_step_id)
        self.table.setFocus()

    def _disconnect(self) -> None:
        self.history.stack.indexChanged.disconnect(self._update_buttons)
        self.history.applied.disconnect(self._after_undo)

    # ------------------------------------------------------------------- view
    def show_error(self, message: str) -> None:
        box = plain_message_box(self, QMessageBox.Icon.Warning, _("Adjust the plan"), message)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def refresh(self) -> None:
        self.fill(select=self.selected_step_id())

    def fill(self, select: str | None = None) -> None:
        """(Re)build the rows from the stored plan, selecting ``select`` if given."""
        self.steps = self.workspace.steps(self.workshop_id)
        workshop = self.workspace.workshop(self.workshop_id)
        column = max(0, self.table.currentColumn())
        self._filling = True
        try:
            self.table.setRowCount(0)
            self.table.setRowCount(len(self.steps))
            for row, step in enumerate(self.steps):
                title = QTableWidgetItem(
                    _("{n}. {title}").format(n=row + 1, title=self.workspace.step_title(step))
                )
                title.setData(ID_ROLE, step.id)
                title.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                title.setToolTip(title.text())
                meeting = QTableWidgetItem(str(step.meeting) if step.meeting else "–")
                meeting.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                meeting.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                meeting_title = self.workspace.meeting_title(workshop, step.meeting)
                if meeting_title:
                    meeting.setToolTip(meeting_title)
                time = QTableWidgetItem()
                time.setData(Qt.ItemDataRole.EditRole, step.timebox_minutes)
                time.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsEditable
                )
                title.setToolTip(title.text())
                self.table.setItem(row, COL_TITLE, title)
                self.table.setItem(row, COL_MEETING, meeting)
                self.table.setItem(row, COL_TIME, time)
                self.table.setItem(row, COL_SKIP, _check_item(step.skipped))
                self.table.setItem(row, COL_ANON, _check_item(step.anonymous))
                self._dim(row, step.skipped)
                self.table.openPersistentEditor(time)
        finally:
            self._filling = False
        ids = [s.id for s in self.steps]
        row = ids.index(select) if select in ids else (0 if ids else -1)
        if row >= 0:
            self.table.setCurrentCell(row, column)
        self._update_total()
        self._update_buttons()

    def _dim(self, row: int, skipped: bool) -> None:
        brush = QBrush(dimmed(style.INK, style.SURFACE) if skipped else QColor(style.INK))
        for column in (COL_TITLE, COL_MEETING):
            self.table.item(row, column).setForeground(brush)

    def _update_total(self) -> None:
        active = [s for s in self.steps if not s.skipped]
        minutes = sum(s.timebox_minutes for s in active)
        skipped = len(self.steps) - len(active)
        text = ngettext("{n} step · {time}", "{n} steps · {time}", len(active)).format(
            n=len(active), time=format_duration(minutes)
        )
        if skipped:
            text += "  " + ngettext(
                "({n} skipped step not counted)", "({n} skipped steps not counted)", skipped
            ).format(n=skipped)
        self.total.setText(text)

    def _update_buttons(self, *_args: object) -> None:
        row = self.table.currentRow()
        has = 0 <= row < len(self.steps)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.steps) - 1)
        self.remove_button.setEnabled(has)
        stack = self.history.stack
        self.undo_button.setEnabled(stack.canUndo())
        undo_text = stack.undoText()
        self.undo_button.setToolTip(
            _("Undo {action}").format(action=undo_text) + " (Ctrl+Z)" if undo_text else ""
        )

    def selected_step_id(self) -> str | None:
        row = self.table.currentRow()
        return self.steps[row].id if 0 <= row < len(self.steps) else None

    def select_step(self, step_id: str) -> None:
        ids = [s.id for s in self.steps]
        if step_id in ids:
            self.table.setCurrentCell(ids.index(step_id), COL_TITLE)

    # ---------------------------------------------------------------- changes
    def _push(self, command: Command, *, rebuild: bool, select: str | None = None) -> Changes:
        changes = self.history.push(command)
        self.on_change(changes)
        if rebuild:
            self.fill(select=select)
        else:
            self.steps = self.workspace.steps(self.workshop_id)
            self._update_total()
            self._update_buttons()
        return changes

    @guarded
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, column = item.row(), item.column()
        if not 0 <= row < len(self.steps):
            return
        step = self.steps[row]
        try:
            if column == COL_TIME:
                minutes = int(item.data(Qt.ItemDataRole.EditRole))
                if minutes != step.timebox_minutes:
                    self._push(SetTimebox(step.id, minutes), rebuild=False)
            elif column == COL_SKIP:
                skipped = item.checkState() == Qt.CheckState.Checked
                if skipped != step.skipped:
                    self._push(SetStepSkipped(step.id, skipped), rebuild=False)
                    self._dim(row, skipped)
            elif column == COL_ANON:
                anonymous = item.checkState() == Qt.CheckState.Checked
                if anonymous != step.anonymous:
                    self._push(SetStepAnonymous(step.id, anonymous), rebuild=False)
        except Exception:
            # Show what is stored, not the refused edit; later: this item is mid-signal.
            QTimer.singleShot(0, self.refresh)
            raise

    @guarded
    def move_up(self) -> None:
        self._move(-1)

    @guarded
    def move_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if not (0 <= row < len(self.steps) and 0 <= target < len(self.steps)):
            return
        step_id = self.steps[row].id
        self._push(MoveStep(step_id, target), rebuild=True, select=step_id)

    @guarded
    def add_step(self) -> None:
        row = self.table.currentRow()
        after = self.steps[row] if 0 <= row < len(self.steps) else None
        dialog = AddStepDialog(self.workspace, self.workshop_id, after, self)
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        exercise = dialog.exercise()
        index = row + 1 if after is not None else len(self.steps)
        command = AddStep(
            self.workshop_id,
            exercise.id,
            index=index,
            value_id=dialog.value_id() if exercise.per_value else None,
            timebox_minutes=dialog.minutes.value(),
        )
        self._push(command, rebuild=False)
        self.fill(select=command.step_id)

    def exec_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    @guarded
    def remove_step(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.steps):
            return
        step = self.steps[row]
        content = self.workspace.removed_step(step.id)
        if not content.is_empty:
            title = self.workspace.step_title(step)
            lines = [
                _("Remove the step “{title}”?").format(title=title),
                "",
            ]
            if content.notes:
                lines.append(
                    ngettext(
                        "It has {n} note, which will be removed with it.",
                        "It has {n} notes, which will be removed with it.",
                        len(content.notes),
                    ).format(n=len(content.notes))
                )
            if content.ratings or content.votes:
                lines.append(_("Its ratings and votes will be removed too."))
            lines.append(_("You can undo it with Ctrl+Z."))
            answer = ask(
                self,
                QMessageBox.Icon.Warning,
                _("Remove step"),
                "\n".join(lines),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        following = self.steps[row + 1].id if row + 1 < len(self.steps) else None
        if following is None and row > 0:
            following = self.steps[row - 1].id
        self._push(RemoveStep(step.id), rebuild=True, select=following)

    @guarded
    def undo(self) -> None:
        # The history redraws the workshop view; _after_undo redraws this table.
        self.history.undo()

    def _after_undo(self, changes: Changes, command: Command) -> None:
        if changes.workshop_id == self.workshop_id and changes.steps:
            subject = command.subject
            keep = subject[1] if subject and subject[0] == "step" else self.selected_step_id()
            self.fill(select=keep)
        else:
            self._update_buttons()


def _check_item(checked: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setFlags(
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
    )
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


class AddStepDialog(QDialog):
    """Choose an exercise from the library (and a value, for exercises about one
    value) and its timebox; the step goes in after ``after`` (or last)."""

    def __init__(
        self,
        workspace: Workspace,
        workshop_id: str,
        after: Step | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a step"))
        self.setMinimumWidth(520)
        library = load_library()
        self._exercises: list[Exercise] = list(library.exercises.values())

        root = QVBoxLayout(self)
        root.setContentsMargins(24, 20, 24, 18)
        root.setSpacing(12)
        root.addWidget(label(_("Add a step"), "title"))
        where = (
            _("The step is added after “{title}”.").format(title=workspace.step_title(after))
            if after is not None
            else _("The step is added at the end of the plan.")
        )
        root.addWidget(label(where, "muted"))

        form = QFormLayout()
        form.setSpacing(10)
        self.exercise_box = QComboBox()
        for exercise in self._exercises:
            title = exercise.text().title.replace("{value}", "…")
            self.exercise_box.addItem(title, exercise.id)
        self.exercise_box.currentIndexChanged.connect(self._on_exercise)
        form.addRow(_("Exercise"), self.exercise_box)
        self.value_box = QComboBox()
        for value in workspace.values(workshop_id):
            self.value_box.addItem(value.name, value.id)
        self.value_box.currentIndexChanged.connect(self._show_purpose)
        form.addRow(_("Value"), self.value_box)
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_TIMEBOX, MAX_TIMEBOX)
        self.minutes.setSuffix(_(" min"))
        form.addRow(_("Timebox"), self.minutes)
        root.addLayout(form)
        self.purpose = label("", "muted")
        root.addWidget(self.purpose)
        root.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = button(_("Cancel"))
        cancel.clicked.connect(self.reject)
        self.ok_button = button(_("Add step"), "primary")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        root.addLayout(buttons)
        self._on_exercise()

    def exercise(self) -> Exercise:
        return self._exercises[self.exercise_box.currentIndex()]

    def value_id(self) -> str | None:
        return self.value_box.currentData() if self.value_box.isEnabled() else None

    def choose(self, exercise_id: str) -> None:
        index = self.exercise_box.findData(exercise_id)
        if index >= 0:
            self.exercise_box.setCurrentIndex(index)

    def _on_exercise(self, *_args: object) -> None:
        exercise = self.exercise()
        self.minutes.setValue(exercise.default_minutes)
        per_value = exercise.per_value
        self.value_box.setEnabled(per_value)
        self.ok_button.setEnabled(not per_value or self.value_box.count() > 0)
        self._show_purpose()

    def _show_purpose(self, *_args: object) -> None:
        exercise = self.exercise()
        name = self.value_box.currentText() if exercise.per_value else None
        self.purpose.setText(exercise.purpose(name))
