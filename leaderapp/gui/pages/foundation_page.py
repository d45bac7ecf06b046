"""The "foundation" step: title, introduction and, per value, a heading, 3-6
principles and the two voices, with the workshop's notes alongside: filtered by value
or searched, any note can be put into the principles or either voice with one click
(undoable), then edited in place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command, EditFoundation, EditSection
from leaderapp.core.facilitation.answer_commands import PromoteNote
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import Exercise
from leaderapp.core.model import MAX_NAME_LENGTH, FoundationSection, Note, Step, Value
from leaderapp.gui.autosave import Autosaver
from leaderapp.gui.pages.page import Page, PageContext, column, scroll_column
from leaderapp.gui.widgets import GrowingTextEdit, button, card, guarded, label, one_line, set_role

MAX_INSPIRATION_NOTES = 12
ALL_NOTES = "*"  # the filter's "all notes" choice ("" is notes without a value)


class SectionEditor(QWidget):
    """One value's part of the foundation."""

    def __init__(
        self,
        value: Value,
        section: FoundationSection,
        notes: list[Note],
        autosaver: Autosaver,
        write,
        *,
        values: list[Value] | None = None,
        sources: dict[str, str] | None = None,
        promote: Callable[[str, str, str], None] | None = None,
    ) -> None:
        """``notes`` are the workshop's notes to choose from (filtered by value here),
        ``sources`` the step title of each step id, ``promote(value_id, field, note_id)``
        puts a note into this section."""
        super().__init__()
        self.value = value
        self.section = section
        self.all_notes = [n for n in notes if n.text.strip() and not n.hidden]
        self.sources = sources or {}
        self.promote = promote
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, layout = card(spacing=8)
        outer.addWidget(frame)
        layout.addWidget(label(value.name, "title"))
        if value.description:
            layout.addWidget(label(value.description, "muted"))
        layout.addSpacing(6)

        row = QHBoxLayout()
        row.setSpacing(28)
        layout.addLayout(row)
        form = QVBoxLayout()
        form.setSpacing(6)
        row.addLayout(form, 3)

        named = label(_("Heading"), "field")
        form.addWidget(named)
        self.heading = QLineEdit(section.heading)
        named.setBuddy(self.heading)  # screen readers name the field by its label
        self.heading.setPlaceholderText(
            _("What {value} means here, in one line").format(value=value.name)
        )
        form.addWidget(self.heading)

        form.addSpacing(8)
        named = label(_("Principles (one per line, 3–6)"), "field")
        form.addWidget(named)
        self.principles = GrowingTextEdit(min_lines=4, max_lines=10)
        named.setBuddy(self.principles)  # screen readers name the field by its label
        self.principles.setPlainText("\n".join(section.principles))
        form.addWidget(self.principles)
        self.principle_hint = label("", "hint")
        form.addWidget(self.principle_hint)

        form.addSpacing(8)
        named = label(_("What you can expect of us"), "field")
        form.addWidget(named)
        self.expect_of_us = GrowingTextEdit(min_lines=3, max_lines=16)
        named.setBuddy(self.expect_of_us)  # screen readers name the field by its label
        self.expect_of_us.setPlaceholderText(_("What employees can count on from us as leaders"))
        self.expect_of_us.setPlainText(section.expect_of_us)
        form.addWidget(self.expect_of_us)

        form.addSpacing(8)
        named = label(_("What we expect of you"), "field")
        form.addWidget(named)
        self.expect_of_you = GrowingTextEdit(min_lines=3, max_lines=16)
        named.setBuddy(self.expect_of_you)  # screen readers name the field by its label
        self.expect_of_you.setPlaceholderText(_("What we ask of employees in return"))
        self.expect_of_you.setPlainText(section.expect_of_you)
        form.addWidget(self.expect_of_you)
        form.addStretch(1)  # a long list of notes beside it must not spread the fields

        aside = QVBoxLayout()
        aside.setSpacing(6)
        row.addLayout(aside, 2)
        aside.addWidget(label(_("The group's notes on {value}").format(value=value.name), "field"))
        if promote is not None:
            aside.addWidget(
                label(_("“Use” puts a note into this part; edit it there afterwards."), "small")
            )
            filters = QHBoxLayout()
            filters.setSpacing(6)
            self.scope = QComboBox()
            self.scope.setAccessibleName(_("Show notes about"))
            for other in values or [value]:
                self.scope.addItem(other.name, other.id)
            self.scope.addItem(_("Notes without a value"), "")
            self.scope.addItem(_("All notes"), ALL_NOTES)
            self.scope.setCurrentIndex(max(self.scope.findData(value.id), 0))
            self.scope.setMinimumWidth(120)
            self.search = QLineEdit()
            self.search.setPlaceholderText(_("Search the notes"))
            self.search.setClearButtonEnabled(True)
            self.search.setAccessibleName(_("Search the notes"))
            filters.addWidget(self.scope, 1)
            filters.addWidget(self.search, 1)
            aside.addLayout(filters)
            self.scope.currentIndexChanged.connect(lambda *_a: self.show_notes())
            self.search.textChanged.connect(lambda *_a: self.show_notes())
        self.note_box = QVBoxLayout()
        self.note_box.setSpacing(6)
        aside.addLayout(self.note_box)
        self.use_buttons: dict[str, QPushButton] = {}
        self.show_notes()
        aside.addStretch(1)

        vid = value.id
        autosaver.watch_line(self.heading, f"{vid}:heading", lambda t: write(vid, heading=t))
        autosaver.watch_text(
            self.principles,
            f"{vid}:principles",
            lambda t: write(vid, principles=t.splitlines()),
        )
        autosaver.watch_text(self.expect_of_us, f"{vid}:us", lambda t: write(vid, expect_of_us=t))
        autosaver.watch_text(
            self.expect_of_you, f"{vid}:you", lambda t: write(vid, expect_of_you=t)
        )
        self.principles.textChanged.connect(self.update_hint)
        self.update_hint()

    def shown_notes(self) -> list[Note]:
        """The notes the filter and search let through, in the workshop's order."""
        scope = self.scope.currentData() if self.promote is not None else self.value.id
        words = self.search.text().casefold().split() if self.promote is not None else []
        shown = []
        for note in self.all_notes:
            if scope != ALL_NOTES and (note.value_id or "") != scope:
                continue
            if words and not all(w in note.text.casefold() for w in words):
                continue
            shown.append(note)
        return shown

    def show_notes(self) -> None:
        while self.note_box.count():
            item = self.note_box.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.use_buttons = {}
        notes = self.shown_notes()
        for note in notes[:MAX_INSPIRATION_NOTES]:
            self.note_box.addWidget(self._note_row(note))
        if len(notes) > MAX_INSPIRATION_NOTES:
            more = len(notes) - MAX_INSPIRATION_NOTES
            text = ngettext("… and {n} more", "… and {n} more", more).format(n=more)
            if self.promote is not None:
                text += " " + _("(search to find them)")
            self.note_box.addWidget(label(text, "small"))
        if not notes:
            searching = self.promote is not None and self.search.text().strip()
            self.note_box.addWidget(
                label(
                    _("No notes match the search.")
                    if searching
                    else _("No notes about this value yet."),
                    "small",
                )
            )

    def _note_row(self, note: Note) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(label(f"•  {one_line(note.text, 180)}", "muted"))
        source = self.sources.get(note.step_id)
        if source and self.promote is not None:
            source_label = label(source, "small")
            source_label.setContentsMargins(14, 0, 0, 0)
            text.addWidget(source_label)
        layout.addLayout(text, 1)
        if self.promote is None:
            return row
        use = button(_("Use"))
        use.setAccessibleName(_("Use the note in the foundation"))
        menu = QMenu(use)
        principle = menu.addAction(_("As a principle"))
        if len(one_line(note.text, 10_000)) > MAX_NAME_LENGTH:
            principle.setEnabled(False)
            principle.setText(_("As a principle (too long for one)"))
        principle.triggered.connect(lambda *_a, n=note.id: self._promote("principles", n))
        ours = menu.addAction(_("In “What you can expect of us”"))
        ours.triggered.connect(lambda *_a, n=note.id: self._promote("expect_of_us", n))
        yours = menu.addAction(_("In “What we expect of you”"))
        yours.triggered.connect(lambda *_a, n=note.id: self._promote("expect_of_you", n))
        use.setMenu(menu)
        use.setMinimumWidth(use.sizeHint().width() + 18)  # room for the menu arrow
        self.use_buttons[note.id] = use
        layout.addWidget(use, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _promote(self, field: str, note_id: str) -> None:
        if self.promote is not None:
            self.promote(self.value.id, field, note_id)

    def update_hint(self) -> None:
        lines = tuple(line for line in self.principles.toPlainText().splitlines() if line.strip())
        problem = replace(self.section, principles=lines).principle_problem()
        if problem:
            self.principle_hint.setText(problem)
            set_role(self.principle_hint, "hint")
        else:
            self.principle_hint.setText(
                ngettext("{n} principle", "{n} principles", len(lines)).format(n=len(lines))
            )
            set_role(self.principle_hint, "ok")


class FoundationPage(Page):
    kind = "foundation"

    def __init__(
        self, ctx: PageContext, step: Step, exercise: Exercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, step, exercise, parent)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        content, layout = column((28, 22, 28, 28), spacing=18)
        self.scroll = scroll_column(content)
        root.addWidget(self.scroll)

        layout.addWidget(self.exercise_card(compact=True))

        foundation = self.workspace.foundation(self.workshop_id)
        frame, box = card(spacing=6)
        named = label(_("Title"), "field")
        box.addWidget(named)
        self.title = QLineEdit(foundation.title)
        named.setBuddy(self.title)  # screen readers name the field by its label
        box.addWidget(self.title)
        box.addSpacing(8)
        named = label(_("Introduction"), "field")
        box.addWidget(named)
        self.introduction = GrowingTextEdit(min_lines=4, max_lines=16)
        named.setBuddy(self.introduction)  # screen readers name the field by its label
        self.introduction.setPlaceholderText(
            _("Who we are, why we wrote this foundation, and how we will use it")
        )
        self.introduction.setPlainText(foundation.introduction)
        box.addWidget(self.introduction)
        layout.addWidget(frame)
        wid = self.workshop_id
        self.autosaver.watch_line(
            self.title, "title", lambda t: self.push(EditFoundation(wid, "title", t))
        )
        self.autosaver.watch_text(
            self.introduction,
            "introduction",
            lambda t: self.push(EditFoundation(wid, "introduction", t)),
        )

        notes = self.workspace.notes(self.workshop_id)
        values = self.workspace.values(self.workshop_id)
        sources = {s.id: self.workspace.step_title(s) for s in self.workspace.steps(wid)}
        self.sections: dict[str, SectionEditor] = {}
        sections = {s.value_id: s for s in foundation.sections}
        for value in values:
            section = sections.get(value.id)
            if section is None:
                continue
            editor = SectionEditor(
                value,
                section,
                notes,
                self.autosaver,
                self._write_section,
                values=values,
                sources=sources,
                promote=self.promote,
            )
            self.sections[value.id] = editor
            layout.addWidget(editor)
        layout.addStretch(1)

    def section_editor(self, value_name: str) -> SectionEditor:
        return next(e for e in self.sections.values() if e.value.name == value_name)

    def _write_section(self, value_id: str, **fields: object) -> None:
        for field, value in fields.items():
            self.push(EditSection(value_id, field, value))  # type: ignore[arg-type]

    @guarded
    def promote(self, value_id: str, field: str, note_id: str) -> None:
        """Put a note's text into a section's principles or one of its voices."""
        self.autosaver.flush()  # typing in that field first, so it is kept
        command = PromoteNote(value_id, field, note_id)
        changes = self.push(command)
        self.apply_changes(changes, command)
        editor = self.sections.get(value_id)
        if editor is not None:
            target = {
                "principles": editor.principles,
                "expect_of_us": editor.expect_of_us,
                "expect_of_you": editor.expect_of_you,
            }[field]
            target.setFocus()
            target.moveCursor(QTextCursor.MoveOperation.End)
        self.ctx.reporter.info(_("The note was added. Edit it in place; Ctrl+Z takes it out."))

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        """Show undone or redone text; fields that already show it are left alone
        (so the cursor of the field being typed in does not jump)."""
        if not changes.foundation:
            return
        foundation = self.workspace.foundation(self.workshop_id)
        with self.autosaver.suspended():
            _show(self.title, foundation.title)
            _show(self.introduction, foundation.introduction)
            for section in foundation.sections:
                editor = self.sections.get(section.value_id)
                if editor is None:
                    continue
                editor.section = section
                _show(editor.heading, section.heading)
                if _lines(editor.principles.toPlainText()) != list(section.principles):
                    _show(editor.principles, "\n".join(section.principles))
                _show(editor.expect_of_us, section.expect_of_us)
                _show(editor.expect_of_you, section.expect_of_you)
        subject = command.subject if command is not None else None
        if subject and subject[0] == "section" and subject[1] in self.sections:
            self.scroll.ensureWidgetVisible(self.sections[subject[1]], 0, 40)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _show(editor: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Put stored text into an editor, the cursor at its end, only if it differs."""
    if isinstance(editor, QLineEdit):
        # One-line fields are stored trimmed: "Vores " being typed already shows "Vores".
        if " ".join(editor.text().split()) != text:
            editor.setText(text)
        return
    if editor.toPlainText() != text:
        editor.setPlainText(text)
        editor.moveCursor(QTextCursor.MoveOperation.End)
