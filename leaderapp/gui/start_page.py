"""The start page: the workshops on this computer, and the ways into one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaderapp import APP_NAME
from leaderapp.core.changes import Changes
from leaderapp.core.i18n import _
from leaderapp.core.model import WorkshopDraft
from leaderapp.core.workspace import Workspace
from leaderapp.gui.search_panel import SearchPanel
from leaderapp.gui.undo import UndoHistory
from leaderapp.gui.widgets import Reporter, ask, button, format_date, guarded, label

# The dialog and the undoable commands are imported by the actions that use them:
# the window's first screen shows none of them (docs/performance.md, cold start).

ID_ROLE = Qt.ItemDataRole.UserRole


class StartPage(QWidget):
    open_requested = Signal(str)  # a workshop id

    def __init__(
        self,
        workspace: Workspace,
        reporter: Reporter,
        parent: QWidget | None = None,
        *,
        history: UndoHistory | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("page")
        self.workspace = workspace
        self.reporter = reporter
        self.history = history or UndoHistory(workspace, self)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 32)
        outer.setSpacing(8)
        outer.addWidget(label(APP_NAME, "apptitle"))
        outer.addWidget(
            label(
                _(
                    "Reflect on the values dialogue, skill and boldness as a leader group, "
                    "and turn the conversation into your own leadership foundation."
                ),
                "lead",
            )
        )
        outer.addSpacing(18)

        # Layouts are attached before widgets go into them, and widgets are made in their
        # final parent: re-parenting a finished subtree re-polishes it (the style sheet),
        # which cost the window's first frame ~20 ms (docs/performance.md).
        body = QHBoxLayout()
        body.setSpacing(24)
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        left.setSpacing(8)
        body.addLayout(left, 1)
        left.addWidget(label(_("Workshops"), "heading"))
        self.stack = QStackedWidget(self)
        self.tree = QTreeWidget(self.stack)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([_("Unit"), _("Organisation"), _("Date"), _("Notes")])
        self.tree.setAccessibleName(_("Workshops"))  # what a screen reader announces
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # The unit takes the room left; the organisation as much as it needs, but never
        # so much that it squeezes the unit out of sight with large text (_fit_columns).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self._tree_viewport = self.tree.viewport()  # asked for on every event below
        self._tree_viewport.installEventFilter(self)
        # The date and the count grow with the text size after the organisation was fitted.
        header.sectionResized.connect(lambda i, *_a: i in (2, 3) and self._fit_columns())
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(lambda *_a: self.open_selected())
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.empty = label(
            _(
                "No workshops yet.\n\nCreate one with “New workshop…”, "
                "or look around in the demo workshop first."
            ),
            "empty",
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)
        left.addWidget(self.stack, 1)
        # Search across all workshops; its hits take the list's place while there is a query.
        self.search = SearchPanel(workspace, reporter, self)
        self.search.searching.connect(lambda on: self.stack.setVisible(not on))
        self.search.open_requested.connect(self.open_at_step)
        left.insertWidget(1, self.search)

        # The actions scroll when large text (Ctrl++) makes them taller than the window,
        # rather than squeezing their explanations until the words are cut off.
        self.side_scroll = QScrollArea(self)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.viewport().setAutoFillBackground(False)
        body.addWidget(self.side_scroll)
        side = QWidget(self.side_scroll)
        side.setObjectName("startActions")
        side.setAutoFillBackground(False)
        self.side_scroll.setWidget(side)
        self._side = side
        actions = QVBoxLayout(side)
        actions.setContentsMargins(0, 9, 16, 9)  # room on the right for the scroll bar
        actions.setSpacing(10)
        actions.addSpacing(38)
        self.new_button = button(_("New workshop…"), "primary")
        self._show_shortcuts()
        self.open_button = button(_("Open"))
        self.rename_button = button(_("Rename…"))
        self.delete_button = button(_("Delete…"))
        self.demo_button = button(_("Open demo workshop"))
        self.rehearse_button = button(_("Try a program…"))
        self.new_button.clicked.connect(self.new_workshop)
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.demo_button.clicked.connect(self.open_demo)
        self.rehearse_button.clicked.connect(self.rehearse)
        for b in (self.new_button, self.open_button, self.rename_button, self.delete_button):
            actions.addWidget(b)
        actions.addSpacing(24)
        actions.addWidget(self.demo_button)
        actions.addWidget(label(_("A filled-in example to try the app with."), "small"))
        actions.addSpacing(12)
        actions.addWidget(self.rehearse_button)
        actions.addWidget(
            label(
                _(
                    "Step through a program with sample content before the workshop. "
                    "Nothing is saved."
                ),
                "small",
            )
        )
        actions.addStretch(1)
        self.rehearsal: QWidget | None = None  # the last rehearsal window opened

        self._fit_side()
        self.refresh()

    def _fit_side(self) -> None:
        """The actions' column: 250 px of buttons, wider when large text (Ctrl++) makes a
        button's text wider; the scroll bar gets its own room on the right."""
        bar = self.side_scroll.verticalScrollBar().sizeHint().width()
        need = max(self._side.layout().sizeHint().width(), self._side.minimumSizeHint().width())
        self.side_scroll.setFixedWidth(max(266, need + bar))

    def _fit_columns(self) -> None:
        need = self.tree.sizeHintForColumn(1) + 16
        header_need = self.tree.header().sectionSizeFromContents(1).width()
        # At most half of what the date and the count leave, the other half the unit's
        # (its own heading may then end in "…": the unit's name matters more).
        rest = self.tree.viewport().width() - self.tree.columnWidth(2) - self.tree.columnWidth(3)
        least = self.tree.fontMetrics().averageCharWidth() * 6
        self.tree.setColumnWidth(1, max(min(max(need, header_need), rest // 2), least))

    def eventFilter(self, watched, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._tree_viewport and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _show_shortcuts(self) -> None:
        # The File menu's shortcut, in the keyboard's own key names ("Ctrl+Skift+N"),
        # which come from Qt's translation: again when that is installed.
        keys = QKeySequence("Ctrl+Shift+N").toString(QKeySequence.SequenceFormat.NativeText)
        self.new_button.setToolTip(f"{_('New workshop')} ({keys})")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._show_shortcuts()
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            # After the buttons have taken on the new style, so their sizes are known.
            QTimer.singleShot(0, self, self._fit_side)

    # ------------------------------------------------------------------ state
    def show_error(self, message: str) -> None:
        self.reporter.error(message)

    def refresh(self, select_id: str | None = None) -> None:
        current = select_id or self.selected_id()
        self.tree.clear()
        summaries = self.workspace.list_workshops()
        items, selected = [], None
        for summary in summaries:
            item = QTreeWidgetItem(
                [
                    summary.unit_name,
                    summary.organisation,
                    format_date(summary.first_date),
                    str(summary.note_count),
                ]
            )
            item.setData(0, ID_ROLE, summary.id)
            # The whole name when the column is too narrow for it.
            item.setToolTip(0, summary.unit_name)
            item.setToolTip(1, summary.organisation)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
            if summary.id == current:
                selected = item
        # All at once: one insertion for the view to lay out, not one per workshop.
        self.tree.addTopLevelItems(items)
        if selected is not None:
            self.tree.setCurrentItem(selected)
        elif items:
            self.tree.setCurrentItem(items[0])
        self.stack.setCurrentWidget(self.tree if summaries else self.empty)
        self._fit_columns()
        self._update_buttons()

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def selected_name(self) -> str:
        item = self.tree.currentItem()
        return item.text(0) if item is not None else ""

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for b in (self.open_button, self.rename_button, self.delete_button):
            b.setEnabled(has)

    def focus_list(self) -> None:
        self.tree.setFocus()

    # ------------------------------------------------ injectable for tests
    def exec_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def ask_new_name(self, current: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, _("Rename workshop"), _("New unit name:"), QLineEdit.EchoMode.Normal, current
        )
        return text if ok else None

    def ask_program(self) -> str | None:
        from leaderapp.gui.facilitation.rehearsal import choose_program

        return choose_program(self)

    def confirm_delete(self, name: str) -> bool:
        answer = ask(
            self,
            QMessageBox.Icon.Question,
            _("Delete workshop"),
            _(
                "Delete the workshop “{name}” with all its notes, foundation and "
                "commitments? Until you close {app}, Edit › Undo (Ctrl+Z) brings it back."
            ).format(name=name, app=APP_NAME),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # ---------------------------------------------------------------- actions
    @guarded
    def new_workshop(self) -> None:
        from leaderapp.gui.workshop_dialog import WorkshopDialog

        dialog = WorkshopDialog(self._create, self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            changes = dialog.result_value
            assert isinstance(changes, Changes)
            self.refresh(changes.created_id)
            if changes.created_id:
                self.open_requested.emit(changes.created_id)

    def _create(self, draft: WorkshopDraft) -> Changes:
        return self.workspace.create_workshop(draft)

    @guarded
    def open_selected(self) -> None:
        workshop_id = self.selected_id()
        if workshop_id:
            self.open_requested.emit(workshop_id)

    @guarded
    def open_at_step(self, workshop_id: str, step_id: str) -> None:
        """Open a workshop at a given step (a search hit)."""
        self.workspace.set_current_step(workshop_id, step_id)
        self.open_requested.emit(workshop_id)

    @guarded
    def rename_selected(self) -> None:
        workshop_id = self.selected_id()
        if not workshop_id:
            return
        name = self.ask_new_name(self.selected_name())
        if name is None:
            return
        from leaderapp.core.commands import RenameWorkshop

        self.history.push(RenameWorkshop(workshop_id, name))
        self.refresh(workshop_id)
        self.reporter.info(_("Workshop renamed."))

    @guarded
    def delete_selected(self) -> None:
        workshop_id = self.selected_id()
        if not workshop_id:
            return
        name = self.selected_name()
        if not self.confirm_delete(name):
            return
        from leaderapp.core.commands import DeleteWorkshop

        self.history.push(DeleteWorkshop(workshop_id))
        self.refresh()
        self.reporter.info(
            _("The workshop “{name}” was deleted. Ctrl+Z brings it back.").format(name=name)
        )

    @guarded
    def open_demo(self) -> None:
        from leaderapp.core.demo import create_demo_workshop

        workshop_id = create_demo_workshop(self.workspace)
        self.refresh(workshop_id)
        self.open_requested.emit(workshop_id)

    @guarded
    def rehearse(self) -> None:
        """Try a program with sample content in its own window; the workshops here are
        not touched (``gui/rehearsal.py``)."""
        program_id = self.ask_program()
        if program_id is None:
            return
        from leaderapp.gui.facilitation.rehearsal import start_rehearsal

        self.rehearsal = start_rehearsal(self.window(), program_id)
