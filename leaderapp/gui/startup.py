"""Starting safely: one copy of the app per data folder, and a database that cannot
be opened explained in plain words, with a way on (restore the newest good backup,
try again, or quit). Nothing here writes to a damaged file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from leaderapp import APP_NAME
from leaderapp.core.i18n import _
from leaderapp.core.storage import StorageError
from leaderapp.core.storage.integrity import DamagedDatabase
from leaderapp.core.workspace import Workspace
from leaderapp.gui.widgets import plain_message_box

log = logging.getLogger(__name__)

LOCK_NAME = "vaerdidialog.lock"


def ask(box: QMessageBox) -> QAbstractButton | None:
    """Show ``box`` and return the button pressed (tests replace this)."""
    box.exec()
    return box.clickedButton()


class InstanceLock:
    """A ``QLockFile`` in the data folder: a second copy of the app on the same
    folder would overwrite the first one's edits, so it is refused.

    The lock is held for the whole session, so it never goes stale by age; a lock
    left by a crashed or killed app is recognised by its dead process and taken over.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.lock = QLockFile(str(data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """False only when another running app holds the folder."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True  # no folder, no rival; opening the database says what is wrong
        if self.lock.tryLock(0):
            return True
        if self.lock.error() == QLockFile.LockError.LockFailedError:
            return False
        # A read-only folder cannot hold a lock file; the database check explains it.
        log.warning("no lock file in %s: %s", self.data_dir, self.lock.error())
        return True

    def release(self) -> None:
        if self.lock.isLocked():
            self.lock.unlock()


def refuse_second_instance(data_dir: Path) -> None:
    box = plain_message_box(
        None,
        QMessageBox.Icon.Warning,
        APP_NAME,
        _("{app} is already open.").format(app=APP_NAME),
        _(
            "Another {app} window is using the data folder {folder}. Use that window, or "
            "close it and start {app} again: two windows on the same notes would overwrite "
            "each other's changes."
        ).format(app=APP_NAME, folder=data_dir),
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    ask(box)


def open_workspace(path: Path) -> Workspace | None:
    """Open the database, asking the user what to do if it cannot be; None to quit."""
    while True:
        try:
            return Workspace.open(path)
        except DamagedDatabase as exc:
            log.error("damaged database %s: %s", path, exc.problem)
            if not _offer_backup(exc):
                return None
        except StorageError as exc:
            log.error("cannot open %s: %s", path, exc)
            if not _offer_retry(exc):
                return None


def _offer_backup(exc: DamagedDatabase) -> bool:
    """Explain the damage; True when the newest good backup was put in place."""
    # Imported here: only a damaged file needs them, and the window's start does not.
    from leaderapp.core.storage.backup import restore_backup
    from leaderapp.gui.backups import describe

    lines = []
    if exc.aside_path is not None:
        lines.append(
            _("Nothing was written to it. An untouched copy was put aside as {aside}.").format(
                aside=exc.aside_path
            )
        )
    else:
        lines.append(_("Nothing was written to it, but a copy could not be put next to it."))
    backup = exc.newest_backup
    if backup is not None:
        lines.append(
            _(
                "The newest good backup is from {backup}. Restore it to carry on; anything "
                "written after it is missing, while the damaged file is kept for anyone who "
                "can repair it."
            ).format(backup=describe(backup))
        )
    else:
        lines.append(
            _(
                "There is no good backup to restore. Quit, and keep the damaged file for "
                "someone who can repair it."
            )
        )
    box = plain_message_box(
        None,
        QMessageBox.Icon.Critical,
        _("The database is damaged"),
        _("Your data could not be opened: the database file {path} is damaged.").format(
            path=exc.path
        ),
        "\n\n".join(lines),
    )
    restore = None
    if backup is not None:
        restore = box.addButton(
            _("Restore the backup and continue"), QMessageBox.ButtonRole.AcceptRole
        )
        restore.setObjectName("restore")
    quit_button = box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quit")
    box.setDefaultButton(restore or quit_button)
    if ask(box) is not restore or backup is None:
        return False
    try:
        restore_backup(backup, exc.path)
    except StorageError as error:
        failed = plain_message_box(
            None, QMessageBox.Icon.Critical, _("The backup could not be restored"), str(error)
        )
        failed.addButton(QMessageBox.StandardButton.Ok)
        ask(failed)
        return False
    return True


def _offer_retry(exc: StorageError) -> bool:
    """Say why the data cannot be opened; True when the user wants to try again."""
    box = plain_message_box(
        None,
        QMessageBox.Icon.Critical,
        _("The data cannot be opened"),
        str(exc),
        _(
            "Nothing has been changed. Put it right (for example free some disk space, or "
            "make the folder writable) and press “Try again”, or quit."
        ),
    )
    retry = box.addButton(_("Try again"), QMessageBox.ButtonRole.AcceptRole)
    retry.setObjectName("retry")
    quit_button = box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quit")
    box.setDefaultButton(retry)
    return ask(box) is retry
