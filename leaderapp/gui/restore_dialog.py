"""File › Restore from backup…: the backups with their date and content, and the
choice of one. The dialog only chooses; the window does the restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaderapp import APP_NAME
from leaderapp.core.i18n import _
from leaderapp.core.storage.backup import DEFAULT_KEEP, BackupInfo, list_backups
from leaderapp.gui.backups import describe, reason_label, when_label
from leaderapp.gui.tasks import Task
from leaderapp.gui.widgets import label, plain_message_box

INFO_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    """Lists the backups in ``backup_dir``; ``chosen`` is set when the user restores one."""

    def __init__(self, backup_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backup_dir = backup_dir
        self.chosen: BackupInfo | None = None
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(_("Restore from backup"))
        self.setMinimumSize(760, 440)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(_("Restore from backup"), "title"))
        layout.addWidget(
            label(
                _(
                    "{app} makes a backup when it opens (at most once an hour) and when it "
                    "closes, and keeps the last {n}. Restoring replaces everything in the app "
                    "with the backup you choose. What is there now is backed up first, so you "
                    "can go back to it here."
                ).format(app=APP_NAME, n=DEFAULT_KEEP),
                "muted",
            )
        )
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([_("Made"), _("Occasion"), _("Workshops"), _("Notes")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # The date is what people choose by: it never gets cut short.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemSelectionChanged.connect(self._update_button)
        self.tree.itemActivated.connect(lambda *_a: self._restore_clicked())
        layout.addWidget(self.tree, 1)
        self.status = label(_("Reading the backups…"), "muted")
        layout.addWidget(self.status)

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            _("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setProperty("role", "primary")
        self.restore_button.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.restore_button.clicked.connect(self._restore_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        # Each backup is checked (quick_check) to be listed: off the GUI thread.
        self.task = Task(lambda _progress: list_backups(backup_dir), self)
        self.task.succeeded.connect(self.show_backups)
        self.task.failed.connect(self.status.setText)
        self.task.start()

    def done(self, result: int) -> None:
        self.task.wait()
        super().done(result)

    # ---------------------------------------------------------------- filling
    def show_backups(self, backups: object) -> None:
        assert isinstance(backups, list)
        self.backups = backups
        self.tree.clear()
        for info in backups:
            if info.usable:
                columns = [
                    when_label(info.created),
                    reason_label(info.reason),
                    str(info.workshops),
                    str(info.notes),
                ]
            else:
                columns = [when_label(info.created), _("Damaged"), "", ""]
            item = QTreeWidgetItem(columns)
            item.setData(0, INFO_ROLE, info)
            for column in (2, 3):
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            if not info.usable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(0, info.problem or "")
            self.tree.addTopLevelItem(item)
        first_usable = next((i for i, b in enumerate(backups) if b.usable), None)
        if first_usable is not None:
            self.tree.setCurrentItem(self.tree.topLevelItem(first_usable))
        self.status.setText(
            _("Choose a backup and press “Restore…”.")
            if backups
            else _("There are no backups yet. The first is made when {app} closes.").format(
                app=APP_NAME
            )
        )
        self._update_button()

    def selected(self) -> BackupInfo | None:
        item = self.tree.currentItem()
        info = item.data(0, INFO_ROLE) if item is not None else None
        return info if isinstance(info, BackupInfo) and info.usable else None

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # ---------------------------------------------------------------- choosing
    def confirm_restore(self, info: BackupInfo) -> bool:
        box = plain_message_box(
            self,
            QMessageBox.Icon.Question,
            _("Restore from backup"),
            _("Replace everything in {app} with the backup from {backup}?").format(
                app=APP_NAME, backup=describe(info)
            ),
            _("What is there now is backed up first, so you can go back to it."),
        )
        restore = box.addButton(_("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is restore

    def _restore_clicked(self) -> None:
        info = self.selected()
        if info is not None and self.confirm_restore(info):
            self.chosen = info
            self.accept()
