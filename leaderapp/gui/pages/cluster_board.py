"""A board of one step's notes in named clusters: drag a note onto a cluster, or out again
to "Not grouped"; create, rename and delete clusters. Every change is an undoable command.

``ClusterBoard(page, notes=None, voting=False)``:

- ``page``: the ``Page`` it sits on; the board uses ``page.workspace``, ``page.step`` (the
  clusters are that step's), ``page.push`` (undoable commands), ``page.show_error`` and
  ``page.ctx.reporter``.
- ``notes``: a function returning the notes to show; by default the step's own revealed,
  top-level notes. A dot-voting page passes ``lambda: workspace.voting_notes(step.id)``.
- ``voting``: a click or Enter on a note emits ``note_activated(note_id)`` and a
  right-click or Backspace emits ``note_secondary(note_id)`` (give / take back a dot);
  otherwise the right-click menu moves the note.
- ``item_text``: ``board.item_text = f`` replaces how a note reads on its card
  (``f(note) -> str``, plain text); call ``board.retext()`` after the data behind it changed.

Keyboard: select a note (Tab into a column, arrow keys), then "Move to group…" (the button,
or the menu key / Shift+F10) lists the groups. Call ``refresh()`` after the data changed
(the owning page does so in its ``apply_changes``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.facilitation.clusters_commands import (
    AddCluster,
    DeleteCluster,
    MoveNoteToCluster,
    RenameCluster,
)
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.model import Cluster, Note
from leaderapp.gui import style
from leaderapp.gui.layouts import FlowLayout
from leaderapp.gui.widgets import ElidedLabel, button, guarded, label, one_line

NOTE_MIME = "application/x-vaerdidialog-note"
ID_ROLE = Qt.ItemDataRole.UserRole
COLUMN_WIDTH = 270
CARD_PAD = 8
CARD_GAP = 2
CARD_BORDER = 2  # the selected card's frame; an unselected card's is 1 px and 1 px air


def column_style() -> str:
    """Notes look like cards on a board: one bordered box each, the list itself
    invisible. Built when a column is made, from the current palette (dark mode too).
    Every card has the same frame width, selected or not, so selecting one never
    changes the room its text has."""
    return f"""
QListWidget#clusterColumn {{ background: transparent; border: none; }}
QListWidget#clusterColumn::item {{
    background: {style.SURFACE}; color: {style.INK};
    border: 1px solid {style.BORDER}; border-radius: 6px;
    padding: {CARD_PAD + CARD_BORDER - 1}px; margin: {CARD_GAP}px 0;
}}
QListWidget#clusterColumn::item:selected {{
    background: {style.ACCENT_SOFT}; color: {style.INK};
    border: {CARD_BORDER}px solid {style.ACCENT_TEXT}; padding: {CARD_PAD}px;
}}
"""


def note_mime(note_id: str) -> QMimeData:
    """What a dragged note carries: its id under our own type, so nothing else drops here."""
    data = QMimeData()
    data.setData(NOTE_MIME, note_id.encode("ascii"))
    return data


def note_id_from(mime: QMimeData) -> str | None:
    if not mime.hasFormat(NOTE_MIME):
        return None
    return bytes(mime.data(NOTE_MIME).data()).decode("ascii") or None


class CardDelegate(QStyledItemDelegate):
    """Measures a card for its wrapped text at the column's width: Qt's own measure
    ignores the style sheet's padding and cuts the last line off."""

    # Padding, border, the style's own text margins (3 px a side) and some air.
    CHROME_W = 2 * (CARD_PAD + CARD_BORDER) + 2 * 3 + 8
    CHROME_H = 2 * (CARD_PAD + CARD_BORDER) + 2 * CARD_GAP + 4

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt API
        view = option.widget
        width = (view.viewport().width() if view is not None else COLUMN_WIDTH) - self.CHROME_W
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = option.fontMetrics.boundingRect(
            QRect(0, 0, max(40, width), 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(max(40, width), rect.height() + self.CHROME_H)


class NoteColumn(QListWidget):
    """The cards of one cluster (``cluster_id`` None: the ungrouped notes)."""

    def __init__(self, board: ClusterBoard, cluster_id: str | None) -> None:
        super().__init__()
        self.board = board
        self.cluster_id = cluster_id
        self.setObjectName("clusterColumn")
        self.setStyleSheet(column_style())
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # long notes wrap, never "…"
        self.setItemDelegate(CardDelegate(self))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-measure on a new width
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.itemClicked.connect(self._clicked)
        self.currentItemChanged.connect(self._current_changed)

    # ------------------------------------------------------------ dragging
    def startDrag(self, supported_actions) -> None:  # noqa: N802 - Qt API
        item = self.currentItem()
        if item is None:
            return
        drag = QDrag(self)
        drag.setMimeData(note_mime(item.data(ID_ROLE)))
        # The board redraws from the database after the drop; Qt must not remove rows.
        drag.exec(Qt.DropAction.MoveAction)

    def _accepts(self, event) -> bool:
        if note_id_from(event.mimeData()) is None:
            event.ignore()
            return False
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        return True

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._accepts(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._accepts(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._accepts(event):
            self.board.drop(event.mimeData(), self.cluster_id)

    # ------------------------------------------------------- mouse and keys
    def _note_at(self, pos: QPoint) -> str | None:
        item = self.itemAt(pos)
        return item.data(ID_ROLE) if item is not None else None

    def _clicked(self, item: QListWidgetItem) -> None:
        if self.board.voting:
            self.board.note_activated.emit(item.data(ID_ROLE))

    def _current_changed(self, current: QListWidgetItem | None, _previous=None) -> None:
        if current is not None:
            self.board.note_selected(self, current.data(ID_ROLE))

    def _context_menu(self, pos: QPoint) -> None:
        note_id = self._note_at(pos)
        if note_id is None:
            return
        self.setCurrentItem(self.itemAt(pos))
        if self.board.voting:
            self.board.note_secondary.emit(note_id)
        else:
            self.board.show_move_menu(self.viewport().mapToGlobal(pos))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            sheet = column_style()  # another colour scheme: the cards follow it
            if self.styleSheet() != sheet:
                self.setStyleSheet(sheet)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        item = self.currentItem()
        key = event.key()
        if item is not None and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            if self.board.voting and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.board.note_activated.emit(item.data(ID_ROLE))
                return
            if self.board.voting and key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
                self.board.note_secondary.emit(item.data(ID_ROLE))
                return
            if key == Qt.Key.Key_Menu:
                self.board.show_move_menu(self._item_point(item))
                return
        if key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            if item is not None:
                self.board.show_move_menu(self._item_point(item))
            return
        super().keyPressEvent(event)

    def _item_point(self, item: QListWidgetItem) -> QPoint:
        return self.viewport().mapToGlobal(self.visualItemRect(item).center())


class ClusterBoard(QWidget):
    """Named clusters as columns of note cards (see the module docstring)."""

    note_activated = Signal(str)  # voting: a click or Enter on a note
    note_secondary = Signal(str)  # voting: a right-click or Backspace on a note

    def __init__(
        self,
        page,
        notes: Callable[[], list[Note]] | None = None,
        *,
        voting: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        self.voting = voting
        self._notes_source = notes or self._step_notes
        self.item_text: Callable[[Note], str] = lambda note: one_line(note.text, 240)
        self.selected_note_id: str | None = None
        self.columns: list[NoteColumn] = []
        self._notes: dict[str, Note] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        # The title and hint left, the buttons right; at large text the row wraps.
        bar = FlowLayout(spacing=10, vertical_spacing=6, right_from=2)
        bar.addWidget(label(_("Groups"), "heading", wrap=False))
        self.hint = label(_("Drag a note onto a group."), "small", wrap=False)
        bar.addWidget(self.hint)
        self.add_button = button(_("New group…"))
        self.add_button.clicked.connect(lambda: self.add_cluster())
        self.move_button = button(_("Move to group…"))
        self.move_button.setToolTip(_("Move the selected note to another group (Shift+F10)"))
        self.move_button.clicked.connect(
            lambda: self.show_move_menu(
                self.move_button.mapToGlobal(QPoint(0, self.move_button.height()))
            )
        )
        bar.addWidget(self.add_button)
        bar.addWidget(self.move_button)
        layout.addLayout(bar)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("clusterScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip = QWidget()
        self.strip.setObjectName("clusterStrip")
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.setSpacing(12)
        self.scroll.setWidget(self.strip)
        layout.addWidget(self.scroll, 1)
        self.refresh()

    # ------------------------------------------------------------------ data
    @property
    def workspace(self):
        return self.page.workspace

    @property
    def step_id(self) -> str:
        return self.page.step.id

    def _step_notes(self) -> list[Note]:
        return [
            n
            for n in self.workspace.notes(self.page.workshop_id, self.step_id)
            if n.parent_id is None and not n.hidden
        ]

    def show_error(self, message: str) -> None:
        self.page.show_error(message)

    def clusters(self) -> list[Cluster]:
        return self.workspace.clusters(self.step_id)

    # --------------------------------------------------------------- drawing
    def refresh(self) -> None:
        """Rebuild the columns from the database, keeping the selected note."""
        keep = self.selected_note_id
        clusters = self.clusters()
        notes = self._notes_source()
        self._notes = {n.id: n for n in notes}
        known = {c.id for c in clusters}
        by_cluster: dict[str | None, list[Note]] = {None: []}
        for c in clusters:
            by_cluster[c.id] = []
        for note in notes:
            # A note grouped on another board shows as ungrouped here.
            by_cluster[note.cluster_id if note.cluster_id in known else None].append(note)

        # Old columns go later: a drop may still be running inside one of them.
        while self.strip_layout.count():
            item = self.strip_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.columns = []
        self.strip_layout.addWidget(self._column(None, _("Not grouped"), by_cluster[None]))
        for c in clusters:
            self.strip_layout.addWidget(self._column(c, c.name, by_cluster[c.id]))
        self.strip_layout.addStretch(1)
        self.selected_note_id = None
        if keep is not None:
            self.select_note(keep)
        self._update_buttons()

    def _column(self, cluster: Cluster | None, name: str, notes: list[Note]) -> QFrame:
        frame = QFrame()
        frame.setProperty("role", "card")
        # Wider with larger text, so a column still holds a few words a line.
        frame.setFixedWidth(
            round(COLUMN_WIDTH * max(1.0, style.current_point_size() / style.DEFAULT_POINT_SIZE))
        )
        box = QVBoxLayout(frame)
        box.setContentsMargins(12, 10, 12, 12)
        box.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(4)
        title = ElidedLabel(name, "field")
        head.addWidget(title, 1)
        count = label(ngettext("{n} note", "{n} notes", len(notes)).format(n=len(notes)), "small")
        count.setWordWrap(False)
        head.addWidget(count)
        if cluster is not None:
            # Rename and delete behind one small button: the column stays narrow.
            more = QToolButton()
            more.setText("⋯")
            more.setObjectName("clusterMenu")
            more.setToolTip(_("Rename or delete the group"))
            more.setAccessibleName(_("Rename or delete the group"))
            more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            more.setAutoRaise(True)
            more.setStyleSheet(
                "QToolButton { border: none; padding: 0 6px; font-weight: 700; }"
                "QToolButton::menu-indicator { image: none; width: 0; }"
            )
            menu = QMenu(more)
            rename = menu.addAction(_("Rename…"))
            rename.triggered.connect(lambda *_a, cid=cluster.id: self.rename_cluster(cid))
            delete = menu.addAction(_("Delete group"))
            delete.triggered.connect(lambda *_a, cid=cluster.id: self.delete_cluster(cid))
            more.setMenu(menu)
            head.addWidget(more)
        box.addLayout(head)
        column = NoteColumn(self, cluster.id if cluster else None)
        column.setAccessibleName(name)
        for note in notes:
            item = QListWidgetItem(self.item_text(note))
            item.setData(ID_ROLE, note.id)
            item.setToolTip(one_line(note.text, 600))
            column.addItem(item)
        box.addWidget(column, 1)
        self.columns.append(column)
        return frame

    def retext(self) -> None:
        """Redraw the cards' text (after votes changed) without rebuilding the board."""
        for column in self.columns:
            for row in range(column.count()):
                item = column.item(row)
                note = self._notes.get(item.data(ID_ROLE))
                if note is not None:
                    item.setText(self.item_text(note))

    def note_count(self) -> int:
        return len(self._notes)

    def column_for(self, cluster_id: str | None) -> NoteColumn | None:
        return next((c for c in self.columns if c.cluster_id == cluster_id), None)

    def note_ids_in(self, cluster_id: str | None) -> list[str]:
        column = self.column_for(cluster_id)
        if column is None:
            return []
        return [column.item(i).data(ID_ROLE) for i in range(column.count())]

    # ------------------------------------------------------------- selection
    def note_selected(self, column: NoteColumn, note_id: str) -> None:
        self.selected_note_id = note_id
        for other in self.columns:
            if other is not column:
                other.blockSignals(True)
                other.clearSelection()
                other.setCurrentRow(-1)
                other.blockSignals(False)
        self._update_buttons()

    def select_note(self, note_id: str) -> bool:
        for column in self.columns:
            for row in range(column.count()):
                if column.item(row).data(ID_ROLE) == note_id:
                    column.setCurrentRow(row)
                    self.note_selected(column, note_id)
                    return True
        return False

    def _update_buttons(self) -> None:
        self.move_button.setEnabled(self.selected_note_id is not None)

    # --------------------------------------------------------------- actions
    def ask_name(self, title: str, text: str) -> str | None:
        """The name typed into a small dialog; None when cancelled."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(_("Name of the group:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(text)
        if not dialog.exec():
            return None
        return dialog.textValue()

    @guarded
    def add_cluster(self, name: str | None = None) -> str | None:
        """A new cluster (asks for its name); returns its id."""
        if name is None:
            default = _("Group {n}").format(n=len(self.clusters()) + 1)
            name = self.ask_name(_("New group"), default)
            if name is None:
                return None
        command = AddCluster(self.step_id, name)
        self.page.push(command)
        self.refresh()
        return command.cluster_id

    @guarded
    def rename_cluster(self, cluster_id: str, name: str | None = None) -> None:
        if name is None:
            name = self.ask_name(_("Rename group"), self.workspace.cluster(cluster_id).name)
            if name is None:
                return
        self.page.push(RenameCluster(cluster_id, name))
        self.refresh()

    @guarded
    def delete_cluster(self, cluster_id: str) -> None:
        self.page.push(DeleteCluster(cluster_id))
        self.refresh()
        self.page.ctx.reporter.info(
            _("The group was deleted; its notes are not grouped now. Ctrl+Z brings it back.")
        )

    @guarded
    def move_note(self, note_id: str, cluster_id: str | None) -> None:
        if self.workspace.note(note_id).cluster_id == cluster_id:
            return
        self.page.push(MoveNoteToCluster(note_id, cluster_id))
        self.selected_note_id = note_id
        self.refresh()

    def drop(self, mime: QMimeData, cluster_id: str | None) -> bool:
        """A note dropped onto a column: move it there. True when a note was moved."""
        note_id = note_id_from(mime)
        if note_id is None or note_id not in self._notes:
            return False
        self.move_note(note_id, cluster_id)
        return self.workspace.note(note_id).cluster_id == cluster_id

    def move_menu(self) -> QMenu:
        """The "Move to group" menu for the selected note (the keyboard's way to drag)."""
        menu = QMenu(self)
        note_id = self.selected_note_id
        current = self._notes[note_id].cluster_id if note_id in self._notes else None
        targets: list[tuple[str | None, str]] = [(None, _("Not grouped"))]
        targets += [(c.id, c.name) for c in self.clusters()]
        for cluster_id, name in targets:
            # An action's text is plain, but "&" marks a shortcut: double it to show it.
            action = menu.addAction(name.replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(cluster_id == current)
            action.triggered.connect(
                lambda *_a, cid=cluster_id: self.move_note(note_id, cid) if note_id else None
            )
        menu.addSeparator()
        new = menu.addAction(_("New group…"))
        new.triggered.connect(lambda *_a: self._move_to_new(note_id))
        return menu

    def show_move_menu(self, at: QPoint) -> None:
        if self.selected_note_id is None:
            return
        self.move_menu().exec(at)

    @guarded
    def _move_to_new(self, note_id: str | None) -> None:
        cluster_id = self.add_cluster()
        if cluster_id and note_id:
            self.move_note(note_id, cluster_id)
