"""What the pages of the structured exercises share (attitude → action, expectations,
from → to, the triple task, dilemma cards): notes stored by ``slot`` and ``parent_id``,
shown as editors that save as you type, each with its author and a delete button.

``AnswerPage`` keeps the exercise card on the left and the answers on the right. The
answers are built from the step's notes by the subclass (``build_answers``) and built
again when notes come or go (add, delete, undo of either); while only text or authors
change, the editors are updated in place, so the cursor of the one being typed in
stays put. ``SlotNotes`` is the reusable list: a title, a prompt, one editor per note
of one slot (under one parent), and an add button; Ctrl+Return in a note adds the next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import AddNote, Command, EditNoteText
from leaderapp.core.facilitation.answer_commands import (
    AddNoteGroup,
    DeleteNoteTree,
    SetNotesAuthor,
)
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import Exercise
from leaderapp.core.model import Note, Step
from leaderapp.gui.pages.page import Page, PageContext, column, scroll_column
from leaderapp.gui.widgets import GrowingTextEdit, ask, button, guarded, label, one_line

_LAST = object()  # "the author chosen last on this page"


class AnswerPage(Page):
    """Base of the structured exercises' pages. Subclasses implement ``build_answers``."""

    kind = ""

    def __init__(
        self, ctx: PageContext, step: Step, exercise: Exercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, step, exercise, parent)
        self.participants = {p.id: p.name for p in self.workspace.participants(self.workshop_id)}
        # New notes are written by whoever wrote last: the facilitator types for one person.
        self.last_author: str | None = None
        self.editors: dict[str, GrowingTextEdit] = {}  # note id -> its editor
        self.author_boxes: dict[str, QComboBox] = {}  # note id -> its author box
        self.note_list: list[Note] = []
        self._shape: tuple = ()
        self._answers: QWidget | None = None

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
        info_scroll.setMinimumWidth(280)
        splitter.addWidget(info_scroll)
        self.info_scroll = info_scroll

        self.answer_scroll = scroll_column(QWidget())
        self.answer_scroll.setMinimumWidth(420)
        splitter.addWidget(self.answer_scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([330, 760])
        self.splitter = splitter
        self._arrange_later = QTimer(self)
        self._arrange_later.setSingleShot(True)
        self._arrange_later.setInterval(0)
        self._arrange_later.timeout.connect(self._arrange)

    # ------------------------------------------------------------- arranging
    def _arrange(self) -> None:
        """The card beside the answers when both fit in the width, else above them:
        with large text (Ctrl++) side by side would cut their lines off at the right."""
        answers = self.answer_scroll.widget()
        bar = self.answer_scroll.verticalScrollBar().sizeHint().width()
        need = (
            self.info_scroll.widget().minimumSizeHint().width()
            + (answers.minimumSizeHint().width() if answers is not None else 420)
            + self.splitter.handleWidth()
            + 2 * bar
        )
        margins = self.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        wanted = Qt.Orientation.Horizontal if need <= room else Qt.Orientation.Vertical
        if self.splitter.orientation() == wanted:
            return
        self.splitter.setOrientation(wanted)
        if wanted == Qt.Orientation.Vertical:
            height = max(self.splitter.height(), 400)
            self.splitter.setSizes([height * 2 // 5, height * 3 // 5])
        else:
            self.splitter.setSizes([330, 760])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._arrange_later.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._arrange_later.start()  # once the new text size is in place

    # ------------------------------------------------------------ to override
    def build_answers(self, notes: list[Note]) -> QWidget:
        """The right-hand side, built from the step's notes."""
        raise NotImplementedError

    def new_note(self) -> None:
        """Ctrl+N: the page's main "add" (a new attitude, row, point …)."""

    # ---------------------------------------------------------------- reading
    @property
    def anonymous(self) -> bool:
        return self.step.anonymous

    def notes_of(self, slot: str | None, parent_id: str | None = None) -> list[Note]:
        return [n for n in self.note_list if n.slot == slot and n.parent_id == parent_id]

    def _shape_of(self, notes: list[Note]) -> tuple:
        return tuple((n.id, n.slot, n.parent_id) for n in notes)

    # --------------------------------------------------------------- drawing
    def rebuild(self, focus_id: str | None = None) -> None:
        """Build the answers again from the database; put the cursor in ``focus_id``."""
        self.autosaver.flush()  # text typed in the old editors first
        self.step = self.workspace.step(self.step.id)
        self.participants = {p.id: p.name for p in self.workspace.participants(self.workshop_id)}
        self.note_list = self.workspace.notes(self.workshop_id, self.step.id)
        self._shape = self._shape_of(self.note_list)
        self.editors = {}
        self.author_boxes = {}
        scrolled = self.answer_scroll.verticalScrollBar().value()
        with self.autosaver.suspended():
            answers = self.build_answers(self.note_list)
        answers.setObjectName("answers")
        old = self.answer_scroll.takeWidget()
        self.answer_scroll.setWidget(answers)
        answers.show()  # a widget put into a scroll area already on screen stays hidden
        if old is not None:
            old.hide()
            old.deleteLater()
        self._answers = answers
        self._arrange_later.start()
        # Back to where the reader was once the new layout has its height.
        QTimer.singleShot(0, lambda: self._scroll_to(scrolled))
        if focus_id:
            self.focus_note(focus_id)

    def _scroll_to(self, value: int) -> None:
        try:
            self.answer_scroll.verticalScrollBar().setValue(value)
        except RuntimeError:  # the page was closed in the meantime
            pass

    def focus_note(self, note_id: str) -> None:
        editor = self.editors.get(note_id)
        if editor is None:
            return
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        # After the new layout has settled, or the editor is not where it will be.
        QTimer.singleShot(0, lambda: self._show_editor(editor))

    def _show_editor(self, editor: GrowingTextEdit) -> None:
        try:
            self.answer_scroll.ensureWidgetVisible(editor, 0, 60)
        except RuntimeError:  # rebuilt again in the meantime
            pass

    def refresh(self) -> None:
        self.rebuild()

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        if not (changes.notes or changes.participants or changes.steps):
            return
        subject = command.subject if command is not None else None
        focus = subject[1] if subject and subject[0] == "note" else None
        try:
            step = self.workspace.step(self.step.id)
        except LookupError:  # the step itself was taken away; the view replaces the page
            return
        notes = self.workspace.notes(self.workshop_id, self.step.id)
        if (
            changes.participants
            or changes.steps
            or self._shape_of(notes) != self._shape
            or step != self.step
        ):
            self.show_note_subject(focus)
            self.rebuild(focus)
            return
        # Only texts or authors changed: show them without touching the others' cursors.
        self.note_list = notes
        with self.autosaver.suspended():
            for note in notes:
                editor = self.editors.get(note.id)
                if editor is not None and editor.toPlainText() != note.text:
                    editor.setPlainText(note.text)
                    editor.moveCursor(QTextCursor.MoveOperation.End)
                box = self.author_boxes.get(note.id)
                if box is not None:
                    box.setCurrentIndex(max(box.findData(note.author_id), 0))
        if focus in self.editors:
            self.focus_note(focus)

    def show_note_subject(self, note_id: str | None) -> None:
        """Before a rebuild after undo/redo: make the note's part of the page current
        (the dilemma page turns to its card)."""

    # ---------------------------------------------------------------- pieces
    def note_editor(
        self,
        note: Note,
        placeholder: str,
        *,
        min_lines: int = 2,
        on_return: Callable[[], None] | None = None,
        accessible: str = "",
    ) -> GrowingTextEdit:
        """A plain-text editor for ``note`` that saves as you type."""
        editor = GrowingTextEdit(min_lines=min_lines, max_lines=12)
        editor.setProperty("note_id", note.id)
        editor.setPlaceholderText(placeholder)
        editor.setPlainText(note.text)
        if accessible:
            editor.setAccessibleName(accessible)
        note_id = note.id
        # Also hands the editor's Ctrl+Z to the app's undo history (gui/undo.py).
        self.autosaver.watch_text(
            editor, f"note:{note_id}", lambda text: self.push(EditNoteText(note_id, text))
        )
        if on_return is not None:
            editor.installEventFilter(_CtrlReturn(editor, on_return))
        self.editors[note.id] = editor
        return editor

    def note_footer(
        self,
        note: Note,
        *,
        together: Sequence[str] = (),
        delete_text: str | None = None,
    ) -> QWidget:
        """Who wrote ``note`` (and the notes in ``together``), and a delete button."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        if not self.anonymous:
            box = QComboBox()
            box.setProperty("note_id", note.id)
            box.setAccessibleName(_("Written by"))
            box.setToolTip(_("Written by"))
            box.addItem(_("The group"), None)
            for pid, name in self.participants.items():
                box.addItem(name, pid)
            box.setCurrentIndex(max(box.findData(note.author_id), 0))
            box.setMinimumWidth(150)
            ids = [note.id, *together]
            box.activated.connect(lambda _i, b=box, ids=ids: self._author_chosen(ids, b))
            self.author_boxes[note.id] = box
            layout.addWidget(box)
        layout.addStretch(1)
        delete = button(delete_text or _("Delete"), "flat")
        delete.setProperty("note_id", note.id)
        delete.setToolTip(_("Delete this note (Ctrl+Z brings it back)"))
        delete.setAccessibleName(_("Delete note"))
        delete.clicked.connect(lambda *_a, nid=note.id: self.delete_note(nid))
        layout.addWidget(delete)
        return row

    def note_block(
        self,
        note: Note,
        placeholder: str,
        *,
        on_return: Callable[[], None] | None = None,
        accessible: str = "",
    ) -> QFrame:
        """An editor with its footer: one note of a list."""
        frame = QFrame()
        frame.setObjectName("noteBlock")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(
            self.note_editor(note, placeholder, on_return=on_return, accessible=accessible)
        )
        layout.addWidget(self.note_footer(note))
        return frame

    # --------------------------------------------------------------- actions
    @guarded
    def _author_chosen(self, note_ids: list[str], box: QComboBox) -> None:
        author_id = box.currentData()
        self.last_author = author_id
        if all(self.workspace.note(i).author_id == author_id for i in note_ids):
            return
        self.autosaver.flush()
        self.push(SetNotesAuthor(note_ids, author_id))
        self.note_list = self.workspace.notes(self.workshop_id, self.step.id)
        self.ctx.reporter.saved()

    def author_for(self, parent_id: str | None) -> str | None:
        """Who a new note is by: its parent's author, else whoever wrote last."""
        if self.anonymous:
            return None
        if parent_id is not None:
            parent = next((n for n in self.note_list if n.id == parent_id), None)
            if parent is not None:
                return parent.author_id
        if self.last_author in self.participants:
            return self.last_author
        return None

    def add_note(self, slot: str | None, parent_id: str | None = None) -> str | None:
        """Add an empty note answering ``slot`` and put the cursor in it.

        An empty note of the same list is reused instead, so a stray click or
        Ctrl+Return does not leave blank notes behind.
        """
        self.autosaver.flush()
        self.note_list = self.workspace.notes(self.workshop_id, self.step.id)
        empty = next((n for n in self.notes_of(slot, parent_id) if not n.text.strip()), None)
        if empty is not None and empty.id in self.editors:
            self.focus_note(empty.id)
            return empty.id
        command = AddNote(
            self.step.id, author_id=self.author_for(parent_id), slot=slot, parent_id=parent_id
        )
        self.push(command)
        self.rebuild(command.note_id)
        return command.note_id

    def add_group(self, slot: str, children: Sequence[tuple[str, str]], text: str = "") -> str:
        """Add a note with its children (a from → to row, an example) in one undo step."""
        self.autosaver.flush()
        command = AddNoteGroup(
            self.step.id, text, slot=slot, children=children, author_id=self.author_for(None)
        )
        self.push(command)
        self.rebuild(command.note_id)
        return command.note_id or ""

    def confirm_delete(self, preview: str, children: int) -> bool:
        text = _("Delete the note “{text}”?").format(text=preview)
        if children:
            text += "\n\n" + ngettext(
                "The {n} note under it is deleted too.",
                "The {n} notes under it are deleted too.",
                children,
            ).format(n=children)
        answer = ask(
            self,
            QMessageBox.Icon.Question,
            _("Delete note"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @guarded
    def delete_note(self, note_id: str) -> None:
        self.autosaver.flush()
        self.note_list = self.workspace.notes(self.workshop_id, self.step.id)
        note = self.workspace.note(note_id)
        below = _descendants(self.note_list, note_id)
        has_text = note.text.strip() or any(n.text.strip() for n in below)
        if has_text and not self.confirm_delete(one_line(note.text, 80), len(below)):
            return
        for gone in (note, *below):
            self.autosaver.discard(f"note:{gone.id}")
        self.push(DeleteNoteTree(note_id))
        self.rebuild()
        self.ctx.reporter.info(_("Note deleted. Ctrl+Z brings it back."))


class _CtrlReturn(QObject):
    """Ctrl+Return (or Ctrl+Enter) in an editor: add the next note. A key filter rather
    than a shortcut, so it is the editor's own key and never a window's."""

    def __init__(self, parent: QObject, action: Callable[[], None]) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Later: the action rebuilds the page, which deletes this editor.
            QTimer.singleShot(0, self._action)
            return True
        return False


def _descendants(notes: list[Note], note_id: str) -> list[Note]:
    found, todo = [], [note_id]
    while todo:
        parent = todo.pop()
        for note in notes:
            if note.parent_id == parent and note not in found:
                found.append(note)
                todo.append(note.id)
    return found


class SlotNotes(QWidget):
    """A titled list of the notes of one slot (under one parent), with an add button."""

    def __init__(
        self,
        page: AnswerPage,
        *,
        slot: str | None,
        parent_id: str | None = None,
        title: str = "",
        prompt: str = "",
        add_text: str,
        placeholder: str,
        empty_text: str = "",
        minimum: int = 0,
        minimum_hint: str = "",
        title_role: str = "field",
    ) -> None:
        super().__init__()
        self.page = page
        self.slot = slot
        self.parent_id = parent_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        if title:
            layout.addWidget(label(title, title_role))
        if prompt:
            layout.addWidget(label(prompt, "muted"))
        self.notes = page.notes_of(slot, parent_id)
        accessible = title or add_text
        for note in self.notes:
            layout.addWidget(
                page.note_block(note, placeholder, on_return=self.add, accessible=accessible)
            )
        filled = sum(1 for n in self.notes if n.text.strip())
        self.hint = None
        if minimum and filled < minimum and (self.notes or not empty_text):
            self.hint = label(minimum_hint, "hint")
            layout.addWidget(self.hint)
        elif not self.notes and empty_text:
            layout.addWidget(label(empty_text, "small"))
        self.add_button: QPushButton = button(add_text)
        self.add_button.setToolTip(_("Add a note here (Ctrl+Return in a note adds the next)"))
        self.add_button.setAccessibleName(f"{add_text}: {accessible}")
        self.add_button.clicked.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)

    @guarded
    def add(self) -> None:
        self.page.add_note(self.slot, self.parent_id)

    def show_error(self, message: str) -> None:
        self.page.show_error(message)
