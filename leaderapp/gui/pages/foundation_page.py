"""The "foundation" step: title, introduction and, per value, a heading, 3-6
principles and the two voices, with the value's notes alongside as inspiration."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command, EditFoundation, EditSection
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import Exercise
from leaderapp.core.model import FoundationSection, Note, Step, Value
from leaderapp.gui.autosave import Autosaver
from leaderapp.gui.page import Page, PageContext, column, scroll_column
from leaderapp.gui.widgets import GrowingTextEdit, card, label, one_line, set_role

MAX_INSPIRATION_NOTES = 12


class SectionEditor(QWidget):
    """One value's part of the foundation."""

    def __init__(
        self,
        value: Value,
        section: FoundationSection,
        notes: list[Note],
        autosaver: Autosaver,
        write,
    ) -> None:
        super().__init__()
        self.value = value
        self.section = section
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

        form.addWidget(label(_("Heading"), "field"))
        self.heading = QLineEdit(section.heading)
        self.heading.setPlaceholderText(
            _("What {value} means here, in one line").format(value=value.name)
        )
        form.addWidget(self.heading)

        form.addSpacing(8)
        form.addWidget(label(_("Principles (one per line, 3–6)"), "field"))
        self.principles = GrowingTextEdit(min_lines=4, max_lines=10)
        self.principles.setPlainText("\n".join(section.principles))
        form.addWidget(self.principles)
        self.principle_hint = label("", "hint")
        form.addWidget(self.principle_hint)

        form.addSpacing(8)
        form.addWidget(label(_("What you can expect of us"), "field"))
        self.expect_of_us = GrowingTextEdit(min_lines=3, max_lines=16)
        self.expect_of_us.setPlaceholderText(_("What employees can count on from us as leaders"))
        self.expect_of_us.setPlainText(section.expect_of_us)
        form.addWidget(self.expect_of_us)

        form.addSpacing(8)
        form.addWidget(label(_("What we expect of you"), "field"))
        self.expect_of_you = GrowingTextEdit(min_lines=3, max_lines=16)
        self.expect_of_you.setPlaceholderText(_("What we ask of employees in return"))
        self.expect_of_you.setPlainText(section.expect_of_you)
        form.addWidget(self.expect_of_you)

        aside = QVBoxLayout()
        aside.setSpacing(6)
        row.addLayout(aside, 2)
        aside.addWidget(label(_("The group's notes on {value}").format(value=value.name), "field"))
        texts = [one_line(n.text, 180) for n in notes if n.text.strip()]
        if texts:
            for text in texts[:MAX_INSPIRATION_NOTES]:
                aside.addWidget(label(f"•  {text}", "muted"))
            if len(texts) > MAX_INSPIRATION_NOTES:
                more = len(texts) - MAX_INSPIRATION_NOTES
                aside.addWidget(
                    label(
                        ngettext("… and {n} more", "… and {n} more", more).format(n=more), "small"
                    )
                )
        else:
            aside.addWidget(label(_("No notes about this value yet."), "small"))
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
        box.addWidget(label(_("Title"), "field"))
        self.title = QLineEdit(foundation.title)
        box.addWidget(self.title)
        box.addSpacing(8)
        box.addWidget(label(_("Introduction"), "field"))
        self.introduction = GrowingTextEdit(min_lines=4, max_lines=16)
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
        self.sections: dict[str, SectionEditor] = {}
        sections = {s.value_id: s for s in foundation.sections}
        for value in self.workspace.values(self.workshop_id):
            section = sections.get(value.id)
            if section is None:
                continue
            editor = SectionEditor(
                value,
                section,
                [n for n in notes if n.value_id == value.id],
                self.autosaver,
                self._write_section,
            )
            self.sections[value.id] = editor
            layout.addWidget(editor)
        layout.addStretch(1)

    def section_editor(self, value_name: str) -> SectionEditor:
        return next(e for e in self.sections.values() if e.value.name == value_name)

    def _write_section(self, value_id: str, **fields: object) -> None:
        for field, value in fields.items():
            self.push(EditSection(value_id, field, value))  # type: ignore[arg-type]

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
