"""The kept versions of the foundation, and what changed between two of them.

Changes are shown as plain text with a sign and a word on every line ("+ Tilføjet",
"− Fjernet", "~ Ændret") and removed/added words in changed text marked [−…] and
[+…], so they read in any colour scheme and when copied into an e-mail.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.facilitation.versions import describe_changes
from leaderapp.core.i18n import _
from leaderapp.core.model import FoundationVersion
from leaderapp.core.workspace import Workspace
from leaderapp.gui.widgets import format_date, guarded, label

CURRENT = ""  # the combo box data of "the current text"


def version_title(version: FoundationVersion) -> str:
    """ "1.0 – 12. januar 2027" """
    day = format_date(version.version_date)
    return f"{version.version} – {day}" if day else version.version


class VersionsDialog(QDialog):
    def __init__(self, workspace: Workspace, workshop_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.workshop_id = workshop_id
        self.setWindowTitle(_("Versions of the foundation"))
        self.resize(760, 560)
        root = QVBoxLayout(self)
        root.setContentsMargins(18, 16, 18, 14)
        root.setSpacing(10)
        self.versions = workspace.versions(workshop_id)
        if self.versions:
            intro = _(
                "Each saved version is kept. Choose two to see what changed between them, "
                "or compare a version with the text as it is now."
            )
        else:
            intro = _(
                "No version is kept yet. Give the foundation a version number on the export "
                "page and choose “Save as new version”."
            )
        root.addWidget(label(intro, "muted"))

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.old_box = QComboBox()
        self.new_box = QComboBox()
        for version in self.versions:
            self.old_box.addItem(version_title(version), version.id)
            self.new_box.addItem(version_title(version), version.id)
        self.new_box.addItem(_("The current text"), CURRENT)
        for row, (text, box) in enumerate(((_("From"), self.old_box), (_("To"), self.new_box))):
            caption = label(text, "field", wrap=False)
            caption.setBuddy(box)  # names the box for screen readers
            box.setAccessibleName(text)
            grid.addWidget(caption, row, 0)
            grid.addWidget(box, row, 1)
        grid.setColumnStretch(1, 1)
        root.addLayout(grid)

        self.changes = QPlainTextEdit()
        self.changes.setReadOnly(True)
        self.changes.setObjectName("versionChanges")
        self.changes.setAccessibleName(_("What changed"))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        self.changes.setFont(font)
        root.addWidget(self.changes, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)

        self.old_box.setEnabled(bool(self.versions))
        self.new_box.setEnabled(bool(self.versions))
        # The newest kept version against the current text: "what changed since".
        if self.versions:
            self.old_box.setCurrentIndex(len(self.versions) - 1)
            self.new_box.setCurrentIndex(self.new_box.count() - 1)
        self.old_box.currentIndexChanged.connect(self.compare)
        self.new_box.currentIndexChanged.connect(self.compare)
        self.compare()

    def show_error(self, message: str) -> None:
        self.changes.setPlainText(message)

    def choose(self, old_id: str, new_id: str = CURRENT) -> None:
        """Select two versions by id (``CURRENT``: the text as it is now)."""
        self.old_box.setCurrentIndex(self.old_box.findData(old_id))
        self.new_box.setCurrentIndex(self.new_box.findData(new_id))
        self.compare()

    @guarded
    def compare(self) -> None:
        if not self.versions:
            self.changes.setPlainText("")
            return
        old_id = self.old_box.currentData()
        new_id = self.new_box.currentData()
        if old_id == new_id:
            self.changes.setPlainText(_("Choose two different versions."))
            return
        changes = self.workspace.compare_versions(old_id, new_id or None)
        heading = _("From {old} to {new}").format(
            old=self.old_box.currentText(), new=self.new_box.currentText()
        )
        self.changes.setPlainText(f"{heading}\n\n{describe_changes(changes)}")
