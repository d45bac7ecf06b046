"""A private turn at the shared laptop: one participant writes, alone, at the keyboard.

Most rooms have one laptop. The facilitator hands it to a participant ("Giv tastaturet
videre…"); the step page then shows this focused view instead of its own: the prompt,
and only the notes this participant writes now, never anyone else's. The notes are stored
with the participant as author (none when the step is anonymous) and hidden from the room
until the facilitator reveals them. They save as they are typed, like every note.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import AddNote, EditNoteText
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.model import Participant
from leaderapp.core.workspace import NotFound
from leaderapp.gui.layouts import FittingPanel
from leaderapp.gui.pages.page import Page, column, scroll_column
from leaderapp.gui.widgets import bullet_list, button, card, guarded, label, one_line

ID_ROLE = Qt.ItemDataRole.UserRole


class PrivateTurnView(QWidget):
    """The focused writing view of one participant's turn on ``page``'s step.

    It saves through the page's autosaver and pushes onto the page's undo history, so
    switching step, closing the window and Ctrl+Z treat its notes like any other.
    ``finished`` is emitted when the participant hands the keyboard back.
    """

    finished = Signal()

    def __init__(self, page: Page, participant: Participant, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.page = page
        self.participant = participant
        self.step = page.workspace.step(page.step.id)
        # Only what is written in this turn: other notes of the step are never loaded.
        self.note_ids: list[str] = []
        self.current_note_id: str | None = None
        self._loading = False

        # At large text the title, the privacy note and the notes may not all fit the
        # height: the view then scrolls instead of squeezing them over each other.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = FittingPanel()
        root = QVBoxLayout(content)
        root.setContentsMargins(28, 18, 28, 22)
        root.setSpacing(12)
        self.scroll = scroll_column(content)
        outer.addWidget(self.scroll)

        top = QHBoxLayout()
        top.setSpacing(16)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        self.heading = label(_("Your turn, {name}").format(name=participant.name), "title")
        titles.addWidget(self.heading)
        if self.step.anonymous:
            privacy = _(
                "What you write here is hidden from the room until the facilitator shows "
                "the notes. Your name is not stored with them."
            )
        else:
            privacy = _(
                "What you write here is hidden from the room until the facilitator shows "
                "the notes. Only your own notes from this turn are shown."
            )
        self.privacy_label = label(privacy, "muted")
        titles.addWidget(self.privacy_label)
        top.addLayout(titles, 1)
        # Always in sight, however small the screen: the way back for the facilitator.
        self.done_button = button(_("Done — give the keyboard back"), "primary")
        self.done_button.clicked.connect(self.finish)
        top.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignTop)
        root.addLayout(top)

        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.setHandleWidth(20)
        root.addWidget(body, 1)

        prompt_column, prompt_layout = column(spacing=12)
        prompt_card, card_layout = card(spacing=6)
        value = page.value
        name = value.name if value else None
        prompts = page.exercise.prompts(value.key if value else None, name)
        if prompts:
            card_layout.addWidget(label(_("Think about"), "field"))
            card_layout.addWidget(bullet_list(list(prompts)))
        else:
            card_layout.addWidget(label(page.exercise.purpose(name), "lead"))
        prompt_layout.addWidget(prompt_card)
        prompt_layout.addStretch(1)
        prompt_scroll = scroll_column(prompt_column)
        prompt_scroll.setMinimumWidth(300)
        body.addWidget(prompt_scroll)

        panel = QWidget()
        panel.setMinimumWidth(400)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(10)
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(label(_("Your notes"), "heading", wrap=False))
        self.count_label = label("", "muted", wrap=False)
        head.addWidget(self.count_label)
        head.addStretch(1)
        self.new_button = button(_("New note"))
        self.new_button.setToolTip(_("Start a new note (Ctrl+Enter)"))
        self.new_button.clicked.connect(self.new_note)
        head.addWidget(self.new_button)
        panel_layout.addLayout(head)

        self.list = QListWidget()
        self.list.setAccessibleName(_("Your notes"))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.currentItemChanged.connect(self._on_current_changed)
        panel_layout.addWidget(self.list, 2)

        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(_("Note text"))
        self.editor.setProperty("role", "editor")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(110)
        self.editor.setPlaceholderText(_("Write your note here. It is saved as you type."))
        self.editor.textChanged.connect(self._on_text_changed)
        page.autosaver.flush_on_focus_out(self.editor)
        next_note = QShortcut(QKeySequence("Ctrl+Return"), self.editor)
        next_note.setContext(Qt.ShortcutContext.WidgetShortcut)
        next_note.activated.connect(self.new_note)
        panel_layout.addWidget(self.editor, 3)
        panel_layout.addWidget(
            label(_("Saved automatically"), "small", wrap=False), 0, Qt.AlignmentFlag.AlignRight
        )
        body.addWidget(panel)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)
        body.setSizes([420, 640])

        self._show_list()

    # ----------------------------------------------------------------- state
    @property
    def author_id(self) -> str | None:
        return None if self.step.anonymous else self.participant.id

    def page_round(self) -> int | None:
        """The 1-2-4-all round the page is in, if the step runs in rounds."""
        current = getattr(self.page, "current_round", None)
        return current() if callable(current) else None

    def shown_texts(self) -> list[str]:
        """Every note text this view shows (the list and the editor)."""
        texts = [self.list.item(i).text() for i in range(self.list.count())]
        return [*texts, self.editor.toPlainText()]

    def show_error(self, message: str) -> None:
        self.page.show_error(message)

    def focus_editor(self) -> None:
        """Put the cursor in the editor, scrolled into sight (at large text the view
        may be taller than the screen)."""
        self.editor.setFocus()
        QTimer.singleShot(0, self, lambda: self.scroll.ensureWidgetVisible(self.editor, 0, 0))

    def refresh(self) -> None:
        self._show_list()

    def _show_list(self) -> None:
        """List the notes of this turn that still exist (undo may have removed one)."""
        notes = []
        for note_id in self.note_ids:
            try:
                notes.append(self.page.workspace.note(note_id))
            except NotFound:
                continue
        self._loading = True
        try:
            self.list.clear()
            for note in notes:
                item = QListWidgetItem(one_line(note.text, 220) or _("(empty note)"))
                item.setData(ID_ROLE, note.id)
                self.list.addItem(item)
            current = next((n for n in notes if n.id == self.current_note_id), None)
            if current is None:
                self.current_note_id = None
                self.editor.setPlainText("")
            else:
                self.list.setCurrentRow(notes.index(current))
                if self.editor.toPlainText() != current.text:
                    self.editor.setPlainText(current.text)
                    self.editor.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._loading = False
        self.count_label.setText(ngettext("{n} note", "{n} notes", len(notes)).format(n=len(notes)))

    # ----------------------------------------------------------------- slots
    def _on_text_changed(self) -> None:
        if self._loading:
            return
        text = self.editor.toPlainText()
        if self.current_note_id is None:
            if not text.strip():
                return
            # The first character makes the note, so an untouched turn leaves nothing behind.
            self._create(text)
            return
        note_id = self.current_note_id
        self.page.autosaver.schedule(
            f"note:{note_id}", lambda: self.page.push(EditNoteText(note_id, text))
        )
        item = self.list.currentItem()
        if item is not None and item.data(ID_ROLE) == note_id:
            item.setText(one_line(text, 220) or _("(empty note)"))

    def _create(self, text: str) -> None:
        try:
            changes = self.page.push(
                AddNote(self.step.id, text, self.author_id, hidden=True, round=self.page_round())
            )
        except Exception as exc:  # noqa: BLE001 - the text stays in the editor
            self.page.show_error(str(exc))
            return
        self.note_ids.append(changes.created_id or "")
        self.current_note_id = changes.created_id
        self._show_list()

    @guarded
    def _on_current_changed(self, current: QListWidgetItem | None, _previous=None) -> None:
        if self._loading or current is None:
            return
        self.page.autosaver.flush()
        self.current_note_id = current.data(ID_ROLE)
        self._loading = True
        try:
            self.editor.setPlainText(self.page.workspace.note(self.current_note_id).text)
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._loading = False

    # --------------------------------------------------------------- actions
    @guarded
    def new_note(self) -> None:
        """Start an empty note; it is stored once something is typed in it."""
        self.page.autosaver.flush()
        self.current_note_id = None
        self._loading = True
        try:
            self.list.setCurrentRow(-1)
            self.editor.setPlainText("")
        finally:
            self._loading = False
        self.editor.setFocus()

    @guarded
    def finish(self) -> None:
        """Save what was typed and hand the keyboard back to the facilitator."""
        if not self.page.autosaver.flush():
            return  # the text stays on screen; the status bar says why
        self.finished.emit()

    def written_count(self) -> int:
        return self.list.count()

    def apply_changes(self, changes: Changes) -> None:
        if changes.notes:
            self._show_list()
