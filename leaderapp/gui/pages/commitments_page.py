"""The "commitments" step: a table of concrete actions with owner, date and status.
Every edit is written at once."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import (
    AddCommitment,
    Command,
    DeleteCommitment,
    EditCommitment,
)
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import Exercise
from leaderapp.core.model import Commitment, CommitmentStatus, Step, ValidationError
from leaderapp.core.workspace import Workspace
from leaderapp.gui import style
from leaderapp.gui.autosave import Autosaver
from leaderapp.gui.pages.page import Page, PageContext, column, scroll_column
from leaderapp.gui.settings import sorted_names
from leaderapp.gui.widgets import (
    ask,
    button,
    edit_date_format,
    format_date,
    guarded,
    label,
    ui_locale,
)

log = logging.getLogger(__name__)

ACTION, VALUE, OWNER, DUE, STATUS = range(5)
Index = QModelIndex | QPersistentModelIndex


class CommitmentsModel(QAbstractTableModel):
    """The workshop's commitments; ``setData`` writes an undoable ``EditCommitment``.

    An edit that cannot be written now (a full disk) stays on screen and is handed
    to the page's autosaver, which retries it.
    """

    error = Signal(str)
    saved = Signal()

    def __init__(
        self,
        workspace: Workspace,
        workshop_id: str,
        parent=None,
        *,
        push: Callable[[Command], Changes] | None = None,
        autosaver: Autosaver | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.workshop_id = workshop_id
        self._push = push or (lambda command: command.apply(workspace))
        self._autosaver = autosaver
        self.rows: list[Commitment] = []
        self.value_names: dict[str, str] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.workspace.commitments(self.workshop_id)
        self.value_names = {v.id: v.name for v in self.workspace.values(self.workshop_id)}
        self.endResetModel()

    def row_of(self, commitment_id: str) -> int:
        return next((i for i, c in enumerate(self.rows) if c.id == commitment_id), -1)

    # ------------------------------------------------------------ Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [_("Action"), _("Value"), _("Owner"), _("Due date"), _("Status")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == ACTION:
                return c.action or _("(describe the action)")
            if col == VALUE:
                return self.value_names.get(c.value_id or "", "")
            if col == OWNER:
                return c.owner
            if col == DUE:
                return format_date(c.due_date, short=True)
            return c.status.label
        if role == Qt.ItemDataRole.EditRole:
            return {
                ACTION: c.action,
                VALUE: c.value_id,
                OWNER: c.owner,
                DUE: c.due_date,
                STATUS: c.status.value,
            }[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == ACTION and not c.action:
            return QColor(style.MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and col == ACTION:
            return c.action or None
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        c = self.rows[index.row()]
        col = index.column()
        if col == ACTION:
            field, new = "action", str(value or "")
        elif col == VALUE:
            field, new = "value_id", value or None
        elif col == OWNER:
            field, new = "owner", str(value or "")
        elif col == DUE:
            field, new = "due_date", value if isinstance(value, date) or value is None else None
        else:
            field, new = "status", CommitmentStatus(value)
        try:
            self._push(EditCommitment(c.id, field, new))
        except ValidationError as exc:
            self.error.emit(str(exc))
            return False
        except Exception as exc:  # Qt calls setData from C++: report, never raise
            if self._autosaver is None:
                log.exception("saving a commitment failed")
                self.error.emit(_("Something went wrong: {error}").format(error=exc))
                return False
            self._keep_for_retry(index.row(), c, field, new)
            return True
        self._reload_row(c.id)
        self.saved.emit()
        return True

    def _keep_for_retry(self, row: int, c: Commitment, field: str, new: object) -> None:
        """Show the edit and let the autosaver write it once writing works again."""
        self.rows[row] = dataclasses.replace(c, **{field: new})
        self.dataChanged.emit(self.index(row, 0), self.index(row, 4))
        commitment_id = c.id

        def write() -> None:
            self._push(EditCommitment(commitment_id, field, new))
            self._reload_row(commitment_id)

        assert self._autosaver is not None
        self._autosaver.schedule(f"commitment:{commitment_id}:{field}", write)
        self._autosaver.flush()  # at once: says why it failed, starts the retries

    def _reload_row(self, commitment_id: str) -> None:
        row = self.row_of(commitment_id)
        if row >= 0:
            self.rows[row] = self.workspace.commitment(commitment_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, 4))


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor; with ``editable`` the user may also type a new entry."""

    def __init__(
        self,
        choices: Callable[[], list[tuple[str, object]]],
        *,
        editable: bool = False,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._choices = choices
        self._editable = editable

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.setEditable(self._editable)
        for text, data in self._choices():
            combo.addItem(text, data)
        # A choice made from the list is final: write it without waiting for focus loss.
        combo.activated.connect(
            lambda _i: (self.commitData.emit(combo), self.closeEditor.emit(combo))
        )
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if self._editable:
            editor.setCurrentText(value or "")
        else:
            editor.setCurrentIndex(max(editor.findData(value), 0))

    def setModelData(self, editor: QComboBox, model, index) -> None:  # noqa: N802
        value = editor.currentText() if self._editable else editor.currentData()
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setLocale(ui_locale())
        editor.setDisplayFormat(edit_date_format())
        return editor

    def setEditorData(self, editor: QDateEdit, index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setDate(QDate(value.year, value.month, value.day) if value else QDate.currentDate())

    def setModelData(self, editor: QDateEdit, model, index) -> None:  # noqa: N802
        qd = editor.date()
        value = date(qd.year(), qd.month(), qd.day())
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)


class CommitmentsTable(QTableView):
    """Delete/Backspace on a date, value or owner cell clears it.

    The value, owner, date and status columns are as wide as their longest sample
    (``samples``: column -> texts), but together never more than ``SHARE`` of the table,
    so the action keeps room to be read with large text (Ctrl++)."""

    SHARE = 0.6

    def __init__(self) -> None:
        super().__init__()
        self.samples: dict[int, list[str]] = {}  # set by the page when its data changes
        self._fitted_width = -1

    def fit_columns(self) -> None:
        metrics = self.fontMetrics()
        cap = metrics.height() * 13  # about 260 px at the normal text size
        wanted = {
            col: min(max(metrics.horizontalAdvance(t) for t in texts) + 44, cap)
            for col, texts in self.samples.items()
            if texts
        }
        budget = self.viewport().width() * self.SHARE
        total = sum(wanted.values())
        scale = min(1.0, budget / total) if total and budget > 0 else 1.0
        for col, width in wanted.items():
            self.setColumnWidth(col, max(int(width * scale), metrics.height() * 3))
        self._fitted_width = self.viewport().width()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.viewport().width() != self._fitted_width:
            self.fit_columns()  # a new window or text size; a column the user dragged stays

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self.fit_columns)  # once the new font is in place

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        index = self.currentIndex()
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and index.isValid()
            and index.column() in (VALUE, OWNER, DUE)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.model().setData(index, "" if index.column() == OWNER else None)
            return
        super().keyPressEvent(event)


class CommitmentsPage(Page):
    kind = "commitments"

    def __init__(
        self, ctx: PageContext, step: Step, exercise: Exercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, step, exercise, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The page scrolls when large text makes the explanations taller than the
        # window, instead of squeezing them until their words are cut off.
        content, root = column((28, 22, 28, 22), spacing=14)
        outer.addWidget(scroll_column(content))

        root.addWidget(label(self.exercise.purpose(), "lead"))
        root.addWidget(label(self.exercise.instructions(), "muted"))

        bar = QHBoxLayout()
        bar.setSpacing(10)
        bar.addWidget(label(_("Commitments"), "heading", wrap=False))
        self.count_label = label("", "muted", wrap=False)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        self.add_button = button(_("Add commitment"), "primary")
        self.delete_button = button(_("Delete commitment"))
        self.add_button.clicked.connect(self.add_commitment)
        self.delete_button.clicked.connect(self.delete_commitment)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        root.addLayout(bar)

        self.model = CommitmentsModel(
            self.workspace, self.workshop_id, self, push=self.push, autosaver=self.autosaver
        )
        self.model.error.connect(self.show_error)
        self.model.saved.connect(ctx.reporter.saved)
        self.model.modelReset.connect(self._after_reload)
        self.model.dataChanged.connect(lambda *_a: self._fit_rows.start())
        # Row heights follow the wrapped action text, so refit after any width change.
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(lambda: self.table.resizeRowsToContents())
        self.table = CommitmentsTable()
        self.table.samples = self._column_samples()
        self.table.setAccessibleName(_("Commitments"))
        # Room for a few rows even when the explanations above take much of the height.
        self.table.setMinimumHeight(240)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(44)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(ACTION, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_a: self._fit_rows.start())
        # Widths from real samples, so a date or a status never wraps (CommitmentsTable).
        for col in (VALUE, OWNER, DUE, STATUS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.table.fit_columns()
        self.table.setItemDelegateForColumn(VALUE, ChoiceDelegate(self._value_choices, parent=self))
        self.table.setItemDelegateForColumn(
            OWNER, ChoiceDelegate(self._owner_choices, editable=True, parent=self)
        )
        self.table.setItemDelegateForColumn(DUE, DateDelegate(self))
        self.table.setItemDelegateForColumn(
            STATUS, ChoiceDelegate(self._status_choices, parent=self)
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        root.addWidget(self.table, 1)
        root.addWidget(
            label(
                _("Double-click a cell to change it. Delete clears a value, owner or date."),
                "small",
            )
        )
        self._after_reload()

    # ---------------------------------------------------------------- choices
    def _column_samples(self) -> dict[int, list[str]]:
        return {
            VALUE: [v.name for v in self.workspace.values(self.workshop_id)] + ["Dristighed"],
            OWNER: [p.name for p in self.workspace.participants(self.workshop_id)] + ["Ann Bo"],
            DUE: [format_date(date(2026, 9, 28), short=True)],
            STATUS: [s.label for s in CommitmentStatus],
        }

    def _value_choices(self) -> list[tuple[str, object]]:
        return [(_("(none)"), None)] + [
            (v.name, v.id) for v in self.workspace.values(self.workshop_id)
        ]

    def _owner_choices(self) -> list[tuple[str, object]]:
        names = [p.name for p in self.workspace.participants(self.workshop_id)]
        return [(name, name) for name in sorted_names(names)]

    def _status_choices(self) -> list[tuple[str, object]]:
        return [(s.label, s.value) for s in CommitmentStatus]

    # ------------------------------------------------------------------ state
    def refresh(self) -> None:
        self.model.reload()

    def _after_reload(self) -> None:
        n = len(self.model.rows)
        self.count_label.setText(ngettext("{n} commitment", "{n} commitments", n).format(n=n))
        self._fit_rows.start()
        samples = self._column_samples()
        if samples != self.table.samples:  # a value or a participant renamed, say
            self.table.samples = samples
            self.table.fit_columns()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.table.selectionModel().hasSelection())

    def current_commitment_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.rows[index.row()].id

    # ---------------------------------------------------------------- actions
    @guarded
    def add_commitment(self) -> None:
        changes = self.push(AddCommitment(self.workshop_id))
        self.model.reload()
        row = self.model.row_of(changes.created_id or "")
        index = self.model.index(row, ACTION)
        self.table.setCurrentIndex(index)
        self.table.setFocus()
        self.table.edit(index)
        self.ctx.reporter.saved()

    def confirm_delete(self, action: str) -> bool:
        answer = ask(
            self,
            QMessageBox.Icon.Question,
            _("Delete commitment"),
            _("Delete the commitment “{action}”?").format(action=action),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @guarded
    def delete_commitment(self) -> None:
        commitment_id = self.current_commitment_id()
        if commitment_id is None:
            return
        commitment = self.workspace.commitment(commitment_id)
        if commitment.action.strip() and not self.confirm_delete(commitment.action):
            return
        self.push(DeleteCommitment(commitment_id))
        self.model.reload()
        self.ctx.reporter.info(_("Commitment deleted. Ctrl+Z brings it back."))

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        if not (changes.commitments or changes.values):
            return
        self.model.reload()
        subject = command.subject if command is not None else None
        row = self.model.row_of(subject[1]) if subject and subject[0] == "commitment" else -1
        if row >= 0:
            self.table.selectRow(row)
