"""The dialog that creates a workshop, or edits its details and participants.

Every field has a label with an Alt+letter mnemonic (its buddy), which screen readers
also read as the field's name; Tab goes top to bottom; a new workshop starts with the
program chosen in Settings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.i18n import _
from leaderapp.core.library import Program, load_library
from leaderapp.core.model import ValidationError, Workshop, WorkshopDraft
from leaderapp.gui.settings import Settings, sorted_names
from leaderapp.gui.settings_dialog import fit_form_labels
from leaderapp.gui.widgets import button, edit_date_format, label, set_role, ui_locale

log = logging.getLogger(__name__)

DEFAULT_PROGRAM = "standard"


def format_duration(minutes: int) -> str:
    """A program's length as a facilitator plans it: "2 h 50 min", not "170 min"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("{minutes} min").format(minutes=rest)
    if not rest:
        return _("{hours} h").format(hours=hours)
    return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)


def program_label(program: Program, value_count: int) -> str:
    return _("{name} · {duration}").format(
        name=program.name(), duration=format_duration(program.total_minutes(value_count))
    )


class WorkshopDialog(QDialog):
    """Asks for a workshop's details; ``submit`` performs the write and may raise
    ValidationError, whose message is shown inline while the dialog stays open."""

    def __init__(
        self,
        submit: Callable[[WorkshopDraft], object],
        parent: QWidget | None = None,
        *,
        workshop: Workshop | None = None,
        participants: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.result_value: object = None
        editing = workshop is not None
        self.setWindowTitle(_("Workshop details") if editing else _("New workshop"))
        self.setMinimumWidth(620)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(label(_("Workshop details") if editing else _("New workshop"), "title"))
        if not editing:
            layout.addWidget(
                label(
                    _(
                        "The workshop starts with the region's three values: "
                        "dialogue, skill and boldness."
                    ),
                    "muted",
                )
            )

        form = QFormLayout()
        form.setSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.unit_name = QLineEdit()
        self.unit_name.setPlaceholderText(_("e.g. Medical Department, Regional Hospital"))
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(_("e.g. Region Midtjylland"))
        self.facilitator = QLineEdit()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setLocale(ui_locale())
        self.date.setDisplayFormat(edit_date_format())
        self.date.setDate(QDate.currentDate())
        self.participants = QPlainTextEdit()
        self.participants.setPlaceholderText(_("One name per line"))
        self.participants.setTabChangesFocus(True)
        self.participants.setMinimumHeight(150)
        # A pasted list arrives in any order; sorted as the language sorts (æ, ø, å last).
        self.sort_button = button(_("Sort names alphabetically"), "flat")
        self.sort_button.setToolTip(
            _("Sorted as the app's language sorts: in Danish, Æ, Ø and Å come after Z.")
        )
        self.sort_button.clicked.connect(self.sort_participants)
        # The program is chosen once, at creation: its steps are copied into the workshop.
        self.program: QComboBox | None = None
        self.program_description = label("", "muted")
        if not editing:
            self.program = self._program_chooser()
        rows: list[tuple[str, QWidget]] = [
            (_("&Unit name *"), self.unit_name),
            (_("&Organisation"), self.organisation),
            (_("&Facilitator"), self.facilitator),
            (_("D&ate"), self.date),
            (_("&Participants"), self.participants),
        ]
        if self.program is not None:
            rows.append((_("P&rogram"), self.program))
        for text, field in rows:
            form.addRow(text, field)  # the row's label becomes the field's buddy
            field.setAccessibleName(text.replace("&", "").rstrip(" *"))
            if field is self.participants:
                sort_row = QHBoxLayout()
                sort_row.setContentsMargins(0, 0, 0, 0)
                sort_row.addStretch(1)
                sort_row.addWidget(self.sort_button)
                form.addRow("", sort_row)
        self.participants.setAccessibleDescription(_("One name per line"))
        fit_form_labels(form)
        layout.addLayout(form)
        if self.program is not None:
            # Below the form, not in it: a wrapped label in a form row overlapped the rows
            # above it (QFormLayout gives it too little height).
            layout.addWidget(self.program_description)

        self.error = label("", "error")
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Save") if editing else _("Create workshop"))
        set_role(self.ok_button, "primary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Top to bottom as the form reads, then Create/Save before Cancel.
        order = [field for _text, field in rows]
        order.insert(order.index(self.participants) + 1, self.sort_button)
        order += [
            self.ok_button,
            buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        if workshop is not None:
            self.unit_name.setText(workshop.unit_name)
            self.organisation.setText(workshop.organisation)
            self.facilitator.setText(workshop.facilitator)
            if workshop.first_date:
                d = workshop.first_date
                self.date.setDate(QDate(d.year, d.month, d.day))
            self.participants.setPlainText("\n".join(participants))
        self.unit_name.setFocus()
        # The wrapped labels make the layout's minimum height too small at this width
        # (height-for-width), and the form rows then overlap: open at the full hint.
        self.resize(self.sizeHint().expandedTo(self.minimumSize()))

    def _program_chooser(self) -> QComboBox:
        library = load_library()
        value_count = len(library.default_values)  # a new workshop has the region's values
        combo = QComboBox()
        # Shortest first, so the list reads as a choice of how much time the group has.
        programs = sorted(library.programs.values(), key=lambda p: p.total_minutes(value_count))
        for program in programs:
            combo.addItem(program_label(program, value_count), program.id)
            combo.setItemData(combo.count() - 1, program.description(), Qt.ItemDataRole.ToolTipRole)
        # The program chosen in Settings, if it still exists; else the standard one.
        index = combo.findData(Settings().default_program or DEFAULT_PROGRAM)
        combo.setCurrentIndex(max(0, index if index >= 0 else combo.findData(DEFAULT_PROGRAM)))
        self.program_description.setText(combo.currentData(Qt.ItemDataRole.ToolTipRole) or "")
        # Connected once filled: adding the first item already changes the index.
        combo.currentIndexChanged.connect(self._show_program_description)
        return combo

    def _show_program_description(self, index: int) -> None:
        assert self.program is not None
        self.program_description.setText(
            self.program.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""
        )

    def select_program(self, program_id: str) -> None:
        """Choose a program by id (tests and keyboard users reach the same combo)."""
        assert self.program is not None
        index = self.program.findData(program_id)
        if index < 0:
            raise KeyError(program_id)
        self.program.setCurrentIndex(index)

    def sort_participants(self) -> None:
        """Put the names in alphabetical order of the interface language; blank lines go."""
        names = [n.strip() for n in self.participants.toPlainText().splitlines() if n.strip()]
        self.participants.setPlainText("\n".join(sorted_names(names)))
        self.participants.setFocus()

    def draft(self) -> WorkshopDraft:
        qd = self.date.date()
        program_id = self.program.currentData() if self.program is not None else None
        return WorkshopDraft(
            unit_name=self.unit_name.text(),
            organisation=self.organisation.text(),
            facilitator=self.facilitator.text(),
            dates=(date(qd.year(), qd.month(), qd.day()),),
            participants=tuple(
                line.strip() for line in self.participants.toPlainText().splitlines()
            ),
            program_id=program_id or DEFAULT_PROGRAM,
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        try:
            self.result_value = self._submit(self.draft())
        except ValidationError as exc:
            self.show_error(str(exc))
            self.unit_name.setFocus()
            return
        except Exception as exc:  # keep the dialog (and what was typed) open
            log.exception("saving the workshop failed")
            self.show_error(_("Something went wrong: {error}").format(error=exc))
            return
        super().accept()
