"""A "notes" step (check-in, what a value means for us): the exercise's questions
beside a list of the group's notes and an editor that saves as you type.

Facilitation on the same page: silent writing (new notes stay hidden from the room and
from the presentation screen until the facilitator reveals them; the laptop shows them
marked with a closed eye), and a private turn at the shared laptop, where one participant
writes alone (``gui/private_turn.py``). A step can run as 1-2-4-all (the rounds panel of
``gui/rounds_panel.py`` above the notes; new notes get the current round), and its
revealed notes can be grouped on a cluster board (``gui/cluster_board.py``)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import AddNote, Command, DeleteNote, EditNoteText, SetNoteAuthor
from leaderapp.core.facilitation.reveal_commands import RevealNotes, SetSilentWriting
from leaderapp.core.facilitation.rounds import round_name
from leaderapp.core.facilitation.rounds_commands import SetRounds
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import Exercise
from leaderapp.core.model import Note, Step
from leaderapp.core.workspace import NotFound
from leaderapp.gui import style
from leaderapp.gui.facilitation.private_turn import PrivateTurnView
from leaderapp.gui.layouts import FittingPanel, FlowLayout
from leaderapp.gui.pages.page import Page, PageContext, column, scroll_column
from leaderapp.gui.pages.rounds_panel import RoundsPanel
from leaderapp.gui.settings import sorted_names
from leaderapp.gui.widgets import ask, button, guarded, label, one_line

ID_ROLE = Qt.ItemDataRole.UserRole
HIDDEN_ROLE = Qt.ItemDataRole.UserRole + 1
ROUND_ROLE = Qt.ItemDataRole.UserRole + 2


def closed_eye_icon(colour: str, size: int = 32) -> QIcon:
    """A closed eye (a lid with lashes), drawn so it needs no emoji font on the laptop."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), size / 11, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    s = float(size)
    lid = QPainterPath(QPointF(s * 0.1, s * 0.4))
    lid.quadTo(QPointF(s * 0.5, s * 0.8), QPointF(s * 0.9, s * 0.4))
    painter.drawPath(lid)
    for x0, y0, x1, y1 in (
        (0.27, 0.6, 0.18, 0.76),
        (0.5, 0.66, 0.5, 0.84),
        (0.73, 0.6, 0.82, 0.76),
    ):
        painter.drawLine(QPointF(s * x0, s * y0), QPointF(s * x1, s * y1))
    painter.end()
    return QIcon(pixmap)


class NotesPage(Page):
    kind = "notes"

    def __init__(
        self, ctx: PageContext, step: Step, exercise: Exercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, step, exercise, parent)
        self.current_note_id: str | None = None
        self._loading = False
        self._participants = self._read_participants()
        self._hidden_icon = closed_eye_icon(style.MUTED)
        self.private_view: PrivateTurnView | None = None
        self.rounds_panel: RoundsPanel | None = None
        self.cluster_view: QWidget | None = None
        self.cluster_board = None  # a ClusterBoard once the facilitator groups the notes

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.main_view = QWidget()
        self.stack.addWidget(self.main_view)

        root = QVBoxLayout(self.main_view)
        root.setContentsMargins(28, 22, 28, 22)
        # 1-2-4-all: the rounds panel above the notes, its height adjustable.
        self.vsplit = QSplitter(Qt.Orientation.Vertical)
        self.vsplit.setChildrenCollapsible(False)
        self.vsplit.setHandleWidth(12)
        root.addWidget(self.vsplit)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(20)
        self.vsplit.addWidget(splitter)

        info, info_layout = column(spacing=12)
        info_layout.addWidget(self.exercise_card())
        info_layout.addStretch(1)
        info_scroll = scroll_column(info)
        info_scroll.setMinimumWidth(320)
        splitter.addWidget(info_scroll)

        panel = FittingPanel()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(10)
        # Title left, buttons right; at large text the buttons wrap onto more rows.
        head = FlowLayout(spacing=10, vertical_spacing=8, right_from=2)
        head.addWidget(label(_("Notes"), "heading", wrap=False))
        self.count_label = label("", "muted", wrap=False)
        head.addWidget(self.count_label)
        self.group_button = button(_("Group…"))
        self.group_button.setToolTip(_("Group the notes the room has seen into named groups"))
        self.group_button.clicked.connect(self.show_clusters)
        head.addWidget(self.group_button)
        self.new_button = button(_("New note"), "primary")
        self.new_button.setToolTip(_("Add a note (Ctrl+N)"))
        self.delete_button = button(_("Delete note"))
        self.new_button.clicked.connect(self.new_note)
        self.delete_button.clicked.connect(self.delete_note)
        head.addWidget(self.new_button)
        head.addWidget(self.delete_button)
        panel_layout.addLayout(head)
        panel_layout.addLayout(self._build_facilitation_row())
        panel_layout.addWidget(self._build_reveal_bar())

        self.list = QListWidget()
        self.list.setMinimumWidth(380)
        self.list.setAccessibleName(_("Notes"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemActivated.connect(lambda *_a: self.editor.setFocus())
        panel_layout.addWidget(self.list, 3)

        author_row = FlowLayout(spacing=10, vertical_spacing=4, right_from=2)
        written_by = label(_("Written by"), "field", wrap=False)
        author_row.addWidget(written_by)
        self.author = QComboBox()
        written_by.setBuddy(self.author)  # a screen reader names the box by its label
        self.author.setMinimumWidth(220)
        self.author.activated.connect(self._on_author_chosen)
        author_row.addWidget(self.author)
        author_row.addWidget(label(_("Saved automatically"), "small", wrap=False))
        panel_layout.addLayout(author_row)

        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(_("Note text"))
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
        self.panel = panel
        splitter.addWidget(scroll_column(panel))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 640])

        self.refresh()

    def _read_participants(self) -> dict[str, str]:
        """id -> name, in the language's alphabetical order (the author box, the menu)."""
        people = sorted_names(self.workspace.participants(self.workshop_id), key=lambda p: p.name)
        return {p.id: p.name for p in people}

    def _build_facilitation_row(self) -> FlowLayout:
        row = FlowLayout(spacing=14, vertical_spacing=8, right_from=2)
        self.silent_toggle = QCheckBox(_("Silent writing"))
        self.silent_toggle.setToolTip(
            _(
                "New notes stay hidden from the room and the presentation screen "
                "until you show them."
            )
        )
        self.silent_toggle.toggled.connect(self._on_silent_toggled)
        row.addWidget(self.silent_toggle)
        self.rounds_toggle = QCheckBox(_("1-2-4-all"))
        self.rounds_toggle.setToolTip(
            _("Alone, in pairs, in fours, then the whole group; notes keep their round.")
        )
        self.rounds_toggle.toggled.connect(self._on_rounds_toggled)
        row.addWidget(self.rounds_toggle)
        # The menu opens on click, without the arrow a menu button draws: it saves width.
        self.pass_button = button(_("Pass the keyboard…"))
        self.pass_menu = QMenu(self.pass_button)
        self.pass_button.clicked.connect(
            lambda: self.pass_menu.popup(
                self.pass_button.mapToGlobal(self.pass_button.rect().bottomLeft())
            )
        )
        row.addWidget(self.pass_button)
        return row

    def _build_reveal_bar(self) -> QFrame:
        self.reveal_bar = QFrame()
        self.reveal_bar.setProperty("role", "card")
        bar = QHBoxLayout(self.reveal_bar)
        bar.setContentsMargins(12, 4, 6, 4)
        bar.setSpacing(10)
        eye = label("", None, wrap=False)
        eye.setPixmap(self._hidden_icon.pixmap(22, 22))
        bar.addWidget(eye)
        self.hidden_label = label("", "small")  # small: two lines fit beside the button
        bar.addWidget(self.hidden_label, 1)
        self.reveal_button = button("", "primary")
        self.reveal_button.clicked.connect(self.reveal)
        bar.addWidget(self.reveal_button)
        return self.reveal_bar

    # ---------------------------------------------------------------- loading
    @property
    def silent(self) -> bool:
        """Whether new notes are stored hidden (read from the step: undo may change it)."""
        return self.silent_toggle.isChecked()

    def refresh(self, select_id: str | None = None) -> None:
        select_id = select_id or self.current_note_id
        self._participants = self._read_participants()
        try:
            self.step = self.workspace.step(self.step.id)
        except NotFound:
            return  # the step was removed; the workshop view drops this page
        self._loading = True
        try:
            self.author.clear()
            self.author.addItem(_("Anonymous"), None)
            for pid, name in self._participants.items():
                self.author.addItem(name, pid)
            self.silent_toggle.setChecked(bool(self.step.settings.get("silent", False)))
            self.rounds_toggle.setChecked(bool(self.step.settings.get("rounds")))
            self.list.clear()
            notes = self.workspace.notes(self.workshop_id, self.step.id)
            for note in notes:
                item = QListWidgetItem()
                item.setData(ID_ROLE, note.id)
                item.setData(HIDDEN_ROLE, note.hidden)
                item.setData(ROUND_ROLE, note.round)
                self._show_item(item, note.text, note.author_id)
                self.list.addItem(item)
        finally:
            self._loading = False
        self.count_label.setText(ngettext("{n} note", "{n} notes", len(notes)).format(n=len(notes)))
        self._fill_pass_menu()
        self._show_hidden_count(sum(1 for n in notes if n.hidden))
        row = next((i for i, n in enumerate(notes) if n.id == select_id), len(notes) - 1)
        self.current_note_id = None
        if row >= 0:
            self.list.setCurrentRow(row)
            if self.current_note_id is None:  # the row was current already: no signal
                self._on_current_changed(self.list.currentItem())
        else:
            self._load_note(None)
        self._show_rounds_panel()
        if self.private_view is not None:
            self.private_view.refresh()
        if self.cluster_board is not None:
            self.cluster_board.refresh()

    def _show_rounds_panel(self) -> None:
        on = bool(self.step.settings.get("rounds"))
        if on and self.rounds_panel is None:
            self.rounds_panel = RoundsPanel(self)
            self.rounds_panel.round_changed.connect(self._on_round_changed)
            holder = scroll_column(self.rounds_panel)
            holder.setMinimumHeight(120)
            self.vsplit.insertWidget(0, holder)
            self.vsplit.setStretchFactor(0, 0)
            self.vsplit.setStretchFactor(1, 1)
            QTimer.singleShot(0, self, self._size_rounds_panel)  # once the page has its height
        if self.rounds_panel is not None:
            self.rounds_panel.refresh()
            self.vsplit.widget(0).setVisible(on)

    def _size_rounds_panel(self) -> None:
        """The rounds panel gets what it needs, up to half the height: the notes stay
        in sight on a small screen, and the splitter handle gives more room."""
        if self.rounds_panel is None:
            return
        total = self.vsplit.height()
        wanted = self.rounds_panel.sizeHint().height() + 4
        top = max(120, min(wanted, total // 2))
        self.vsplit.setSizes([top, max(total - top, 200)])

    def current_round(self) -> int | None:
        """The 1-2-4-all round new notes belong to (None: the step has no rounds)."""
        return self.rounds_panel.current_round if self.rounds_panel is not None else None

    def _show_hidden_count(self, hidden: int) -> None:
        self.reveal_bar.setVisible(hidden > 0)
        self.hidden_label.setText(
            ngettext(
                "{n} note is hidden from the room.", "{n} notes are hidden from the room.", hidden
            ).format(n=hidden)
        )
        self.reveal_button.setText(_("Show the notes to the room ({n})").format(n=hidden))

    def _fill_pass_menu(self) -> None:
        self.pass_menu.clear()
        for pid, name in self._participants.items():
            action = self.pass_menu.addAction(name)
            action.triggered.connect(lambda _checked=False, p=pid: self.start_private_turn(p))
        has = bool(self._participants)
        self.pass_button.setEnabled(has)
        self.pass_button.setToolTip(
            _("Let one participant write alone; their notes stay hidden until you show them.")
            if has
            else _("Add participants under “Details and participants…” first.")
        )

    def _show_item(self, item: QListWidgetItem, text: str, author_id: str | None) -> None:
        hidden = bool(item.data(HIDDEN_ROLE))
        item.setText(self._item_text(text, author_id, hidden, item.data(ROUND_ROLE)))
        if hidden:
            item.setIcon(self._hidden_icon)
            item.setForeground(QColor(style.MUTED))
            font = QFont(self.list.font())
            font.setItalic(True)
            item.setFont(font)
            item.setToolTip(_("Hidden from the room until you show the notes."))

    def _item_text(
        self, text: str, author_id: str | None, hidden: bool = False, round_: int | None = None
    ) -> str:
        body = one_line(text, 220) or _("(empty note)")
        author = self._participants.get(author_id or "")
        tail = [f"— {author}"] if author else []
        if round_ is not None:
            tail.append(round_name(round_))
        if hidden:
            tail.append(_("hidden from the room"))
        return f"{body}\n{' · '.join(tail)}" if tail else body

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
            self._show_item(item, text, self.author.currentData())

    @guarded
    def _on_author_chosen(self, _index: int = 0) -> None:
        if self._loading or self.current_note_id is None:
            return
        self.autosaver.flush()
        author_id = self.author.currentData()
        self.push(SetNoteAuthor(self.current_note_id, author_id))
        item = self._current_item()
        if item is not None:
            self._show_item(item, self.editor.toPlainText(), author_id)
        self.ctx.reporter.saved()

    @guarded
    def _on_silent_toggled(self, on: bool) -> None:
        if self._loading or on == bool(self.step.settings.get("silent", False)):
            return
        self.push(SetSilentWriting(self.step.id, on))
        self.step = self.workspace.step(self.step.id)
        self.ctx.reporter.info(
            _("Silent writing is on: new notes are hidden from the room until you show them.")
            if on
            else _("Silent writing is off: new notes are shown to the room at once.")
        )

    @guarded
    def _on_rounds_toggled(self, on: bool) -> None:
        if self._loading or on == bool(self.step.settings.get("rounds")):
            return
        self.push(SetRounds(self.step.id, on))
        self.refresh()

    def _on_round_changed(self, _round: object = None) -> None:
        self.refresh()

    # --------------------------------------------------------------- actions
    @guarded
    def new_note(self) -> None:
        """Add a note and put the cursor in it (an empty current note is reused)."""
        if self.private_view is not None:
            self.private_view.new_note()
            return
        if self.current_note_id and not self.editor.toPlainText().strip():
            self.editor.setFocus()
            return
        self.autosaver.flush()
        changes = self.push(AddNote(self.step.id, hidden=self.silent, round=self.current_round()))
        self.refresh(changes.created_id)
        self.editor.setFocus()

    @guarded
    def reveal(self) -> None:
        """Show the step's hidden notes to the room (undoable)."""
        self.autosaver.flush()  # the room sees the text as typed
        if self.workspace.hidden_count(self.step.id) == 0:
            self.refresh()
            return
        command = RevealNotes(self.step.id)
        self.push(command)
        self.refresh()
        self.ctx.reporter.info(
            ngettext(
                "{n} note is now shown to the room. Ctrl+Z hides it again.",
                "{n} notes are now shown to the room. Ctrl+Z hides them again.",
                command.count,
            ).format(n=command.count)
        )

    @guarded
    def start_private_turn(self, participant_id: str) -> None:
        """Hand the keyboard to a participant: only their own new notes are on screen."""
        participant = next(
            (p for p in self.workspace.participants(self.workshop_id) if p.id == participant_id),
            None,
        )
        if participant is None or not self.autosaver.flush():
            return
        self._end_private_view()
        view = PrivateTurnView(self, participant)
        view.finished.connect(self.end_private_turn)
        self.private_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.focus_editor()

    @guarded
    def end_private_turn(self) -> None:
        """The participant is done: back to the facilitator's view of all notes."""
        view = self.private_view
        if view is None:
            return
        name, written = view.participant.name, view.written_count()
        self._end_private_view()
        self.refresh()
        self.ctx.reporter.info(
            ngettext(
                "{name} wrote {n} note. It stays hidden until you show the notes to the room.",
                "{name} wrote {n} notes. They stay hidden until you show the notes to the room.",
                written,
            ).format(name=name, n=written)
        )

    def blocks_leaving(self) -> str | None:
        if self.private_view is None:
            return None
        return _("{name} has the keyboard. Choose “{done}” before you go to another step.").format(
            name=self.private_view.participant.name, done=_("Done — give the keyboard back")
        )

    def _end_private_view(self) -> None:
        view = self.private_view
        if view is None:
            return
        self.private_view = None
        self.stack.setCurrentWidget(self.main_view)
        self.stack.removeWidget(view)
        view.hide()
        view.deleteLater()

    @guarded
    def show_clusters(self) -> None:
        """Group the revealed notes on a board (hidden notes wait for the reveal)."""
        if not self.autosaver.flush():
            return
        if self.cluster_view is None:
            from leaderapp.gui.pages.cluster_board import ClusterBoard

            view = QWidget()
            layout = QVBoxLayout(view)
            layout.setContentsMargins(28, 18, 28, 22)
            layout.setSpacing(12)
            head = QHBoxLayout()
            head.setSpacing(16)
            head.addWidget(
                label(
                    _(
                        "Only notes the room has seen are grouped here; hidden notes join "
                        "once you show them."
                    ),
                    "muted",
                ),
                1,
            )
            back = button(_("Back to the notes"), "primary")
            back.clicked.connect(self.hide_clusters)
            head.addWidget(back)
            layout.addLayout(head)
            self.cluster_board = ClusterBoard(self)
            layout.addWidget(self.cluster_board, 1)
            self.cluster_view = view
            self.stack.addWidget(view)
        else:
            self.cluster_board.refresh()
        self.stack.setCurrentWidget(self.cluster_view)

    def hide_clusters(self) -> None:
        self.stack.setCurrentWidget(self.main_view)
        self.refresh()

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
        if note_id is None or self.private_view is not None:
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
        if not (changes.notes or changes.participants or changes.steps or changes.clusters):
            return
        subject = command.subject if command is not None else None
        select = subject[1] if subject and subject[0] == "note" else self.current_note_id
        had_focus = self.editor.hasFocus()
        self.refresh(select)
        # The editor shows the undone text; carry on typing at its end.
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        if had_focus:
            self.editor.setFocus()
