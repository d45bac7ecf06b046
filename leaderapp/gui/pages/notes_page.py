"""A "notes" step (check-in, what a value means for us): the exercise's questions
beside a list of the group's notes and an editor that saves as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import AddNote, Command, DeleteNote, EditNoteText, SetNoteAuthor
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import Exercise
from leaderapp.core.model import Note, Step
from leaderapp.gui.page import Page, PageContext, column, scroll_column
from leaderapp.gui.widgets import ask, button, guarded, label, one_line

ID_ROLE = Qt.ItemDataRole.UserRole


class NotesPage(Page):
    kind = "notes"

    def __init__(
        self, ctx: PageContext, step: Step, exercise: Exercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, step, exercise, parent)
        self.current_note_id: str | None = None
        self._loading = False
        self._participants = {p.id: p.name for p in self.workspace.participants(self.workshop_id)}

        root = QHBoxLayout(self)
        root.setContentsMargins(28, 22, 28, 22)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(20)
        root.addWidget(splitter)

        info, info_layout = column(spacing=12)
        info_layout.addWidget(self.exercise_card())
        info_layout.addStretch(1)
        info_scroll = scroll_column(info)
        info_scroll.setMinimumWidth(320)
        splitter.addWidget(info_scroll)

        panel = QWidget()
        panel.setMinimumWidth(420)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(10)
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(label(_("Notes"), "heading", wrap=False))
        self.count_label = label("", "muted", wrap=False)
        head.addWidget(self.count_label)
        head.addStretch(1)
        self.new_button = button(_("New note"), "primary")
        self.new_button.setToolTip(_("Add a note (Ctrl+N)"))
        self.delete_button = button(_("Delete note"))
        self.new_button.clicked.connect(self.new_note)
        self.delete_button.clicked.connect(self.delete_note)
        head.addWidget(self.new_button)
        head.addWidget(self.delete_button)
        panel_layout.addLayout(head)

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemActivated.connect(lambda *_a: self.editor.setFocus())
        panel_layout.addWidget(self.list, 3)

        author_row = QHBoxLayout()
        author_row.addWidget(label(_("Written by"), "field", wrap=False))
        self.author = QComboBox()
        self.author.setMinimumWidth(220)
        self.author.activated.connect(self._on_author_chosen)
        author_row.addWidget(self.author)
        author_row.addStretch(1)
        author_row.addWidget(label(_("Saved automatically"), "small", wrap=False))
        panel_layout.addLayout(author_row)

        self.editor = QPlainTextEdit()
        self.editor.setProperty("role", "editor")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(110)
        self.editor.textChanged.connect(self._on_text_changed)
        # Also hands the editor's Ctrl+Z to the app's undo history (gui/undo.py).
        self.autosaver.flush_on_focus_out(self.editor)
        next_note = QShortcut(QKeySequence("Ctrl+Return"), self.editor)
        next_note.setContext(Qt.ShortcutContext.WidgetShortcut)
        next_note.activated.connect(self.new_note)
        panel_layout.addWidget(self.editor, 2)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 640])

        self.refresh()

    # ---------------------------------------------------------------- loading
    def refresh(self, select_id: str | None = None) -> None:
        select_id = select_id or self.current_note_id
        self._participants = {p.id: p.name for p in self.workspace.participants(self.workshop_id)}
        self._loading = True
        try:
            self.author.clear()
            self.author.addItem(_("Anonymous"), None)
            for pid, name in self._participants.items():
                self.author.addItem(name, pid)
            self.list.clear()
            notes = self.workspace.notes(self.workshop_id, self.step.id)
            for note in notes:
                item = QListWidgetItem(self._item_text(note.text, note.author_id))
                item.setData(ID_ROLE, note.id)
                self.list.addItem(item)
        finally:
            self._loading = False
        self.count_label.setText(ngettext("{n} note", "{n} notes", len(notes)).format(n=len(notes)))
        row = next((i for i, n in enumerate(notes) if n.id == select_id), len(notes) - 1)
        self.current_note_id = None
        if row >= 0:
            self.list.setCurrentRow(row)
            if self.current_note_id is None:  # the row was current already: no signal
                self._on_current_changed(self.list.currentItem())
        else:
            self._load_note(None)

    def _item_text(self, text: str, author_id: str | None) -> str:
        body = one_line(text, 220) or _("(empty note)")
        author = self._participants.get(author_id or "")
        return f"{body}\n— {author}" if author else body

    def _load_note(self, note: Note | None) -> None:
        self._loading = True
        try:
            self.current_note_id = note.id if note else None
            self.editor.setPlainText(note.text if note else "")
            index = self.author.findData(note.author_id if note else None)
            self.author.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False
        has = note is not None
        self.editor.setEnabled(has)
        self.author.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.editor.setPlaceholderText(
            _("Write the note here…")
            if has
            else _("Press “New note” (Ctrl+N) to write the first note.")
        )

    def _current_item(self) -> QListWidgetItem | None:
        item = self.list.currentItem()
        if item is not None and item.data(ID_ROLE) == self.current_note_id:
            return item
        return None

    # ----------------------------------------------------------------- slots
    @guarded
    def _on_current_changed(self, current: QListWidgetItem | None, _previous=None) -> None:
        if self._loading:
            return
        self.autosaver.flush()  # the previous note's text first
        note_id = current.data(ID_ROLE) if current is not None else None
        self._load_note(self.workspace.note(note_id) if note_id else None)

    def _on_text_changed(self) -> None:
        if self._loading or self.current_note_id is None:
            return
        note_id = self.current_note_id
        text = self.editor.toPlainText()
        self.autosaver.schedule(f"note:{note_id}", lambda: self.push(EditNoteText(note_id, text)))
        item = self._current_item()
        if item is not None:
            item.setText(self._item_text(text, self.author.currentData()))

    @guarded
    def _on_author_chosen(self, _index: int = 0) -> None:
        if self._loading or self.current_note_id is None:
            return
        self.autosaver.flush()
        author_id = self.author.currentData()
        self.push(SetNoteAuthor(self.current_note_id, author_id))
        item = self._current_item()
        if item is not None:
            item.setText(self._item_text(self.editor.toPlainText(), author_id))
        self.ctx.reporter.saved()

    # --------------------------------------------------------------- actions
    @guarded
    def new_note(self) -> None:
        """Add a note and put the cursor in it (an empty current note is reused)."""
        if self.current_note_id and not self.editor.toPlainText().strip():
            self.editor.setFocus()
            return
        self.autosaver.flush()
        changes = self.push(AddNote(self.step.id))
        self.refresh(changes.created_id)
        self.editor.setFocus()

    def confirm_delete(self, preview: str) -> bool:
        answer = ask(
            self,
            QMessageBox.Icon.Question,
            _("Delete note"),
            _("Delete the note “{text}”?").format(text=preview),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @guarded
    def delete_note(self) -> None:
        note_id = self.current_note_id
        if note_id is None:
            return
        text = self.editor.toPlainText()
        if text.strip() and not self.confirm_delete(one_line(text, 80)):
            return
        # The text on screen is what the deletion keeps for undo: save it first
        # (text that cannot be saved goes with the note).
        if not self.autosaver.flush():
            self.autosaver.discard(f"note:{note_id}")
        row = self.list.currentRow()
        self.push(DeleteNote(note_id))
        self.current_note_id = None
        remaining = [n.id for n in self.workspace.notes(self.workshop_id, self.step.id)]
        self.refresh(remaining[min(row, len(remaining) - 1)] if remaining else None)
        self.ctx.reporter.info(_("Note deleted. Ctrl+Z brings it back."))

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        if not (changes.notes or changes.participants):
            return
        subject = command.subject if command is not None else None
        select = subject[1] if subject and subject[0] == "note" else self.current_note_id
        had_focus = self.editor.hasFocus()
        self.refresh(select)
        # The editor shows the undone text; carry on typing at its end.
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        if had_focus:
            self.editor.setFocus()
