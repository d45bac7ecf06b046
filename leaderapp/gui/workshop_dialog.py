"""The dialog that creates a workshop, or edits its details and participants."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.i18n import _
from leaderapp.core.model import ValidationError, Workshop, WorkshopDraft
from leaderapp.gui.widgets import edit_date_format, label, set_role, ui_locale

log = logging.getLogger(__name__)


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
        form.addRow(_("Unit name *"), self.unit_name)
        form.addRow(_("Organisation"), self.organisation)
        form.addRow(_("Facilitator"), self.facilitator)
        form.addRow(_("Date"), self.date)
        form.addRow(_("Participants"), self.participants)
        layout.addLayout(form)

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

        if workshop is not None:
            self.unit_name.setText(workshop.unit_name)
            self.organisation.setText(workshop.organisation)
            self.facilitator.setText(workshop.facilitator)
            if workshop.first_date:
                d = workshop.first_date
                self.date.setDate(QDate(d.year, d.month, d.day))
            self.participants.setPlainText("\n".join(participants))
        self.unit_name.setFocus()

    def draft(self) -> WorkshopDraft:
        qd = self.date.date()
        return WorkshopDraft(
            unit_name=self.unit_name.text(),
            organisation=self.organisation.text(),
            facilitator=self.facilitator.text(),
            dates=(date(qd.year(), qd.month(), qd.day()),),
            participants=tuple(
                line.strip() for line in self.participants.toPlainText().splitlines()
            ),
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
