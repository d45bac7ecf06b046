"""Automatic backups while the app runs: when it opens (if the newest backup is
over an hour old, in a worker thread so the window appears at once) and when it
closes. The backups themselves are ``core/storage/backup.py``. They go beside the
database, or into the folder chosen in Settings (``gui/settings.py``).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from leaderapp.core.i18n import N_, _
from leaderapp.core.storage import StorageError
from leaderapp.core.storage.backup import (
    BackupInfo,
    backup_if_due,
    default_backup_dir,
    make_backup,
    prune,
)
from leaderapp.gui.tasks import Task, TaskFailed
from leaderapp.gui.widgets import format_date

log = logging.getLogger(__name__)

REASON_AT_OPEN = "open"
REASON_AT_CLOSE = "close"
REASON_BEFORE_RESTORE = "before_restore"

_REASONS = {
    REASON_AT_OPEN: N_("When the app opened"),
    REASON_AT_CLOSE: N_("When the app closed"),
    "migration": N_("Before an upgrade"),
    REASON_BEFORE_RESTORE: N_("Before a restore"),
}


def reason_label(reason: str) -> str:
    return _(_REASONS[reason]) if reason in _REASONS else reason


def when_label(created: datetime) -> str:
    """A backup's time in the user's time zone: "5. november 2025 14:03"."""
    local = created.astimezone()
    return f"{format_date(local.date())} {local.strftime('%H:%M')}"


def describe(info: BackupInfo) -> str:
    """One line for messages: "5. november 2025 14:03 (2 workshops, 48 notes)"."""
    from leaderapp.core.i18n import ngettext

    if not info.usable:
        return when_label(info.created)
    workshops = ngettext("{n} workshop", "{n} workshops", info.workshops or 0).format(
        n=info.workshops or 0
    )
    notes = ngettext("{n} note", "{n} notes", info.notes or 0).format(n=info.notes or 0)
    return f"{when_label(info.created)} ({workshops}, {notes})"


class BackupKeeper(QObject):
    """Makes the automatic backups of one database file (nothing for in-memory ones)."""

    failed = Signal(str)  # a translated message for the status bar

    def __init__(
        self,
        db_path: Path | None,
        parent: QObject | None = None,
        *,
        backup_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.backup_dir: Path | None = None
        self._task: Task | None = None
        self.set_backup_dir(backup_dir)

    def set_backup_dir(self, folder: Path | None) -> None:
        """Back up into ``folder`` (the Settings dialog's choice, e.g. a USB stick) from
        now on; None: the standard folder beside the database. Backups already made stay
        where they are."""
        if self.db_path is None:
            self.backup_dir = None
            return
        self.wait()  # a backup under way finishes in the folder it started in
        self.backup_dir = Path(folder) if folder else default_backup_dir(self.db_path)

    @property
    def enabled(self) -> bool:
        return self.db_path is not None

    def at_open(self) -> None:
        """Back up in the background if the newest backup is over an hour old."""
        if not self.enabled or self.is_running():
            return
        db_path, backup_dir = self.db_path, self.backup_dir

        def work(_progress) -> object:
            try:
                return backup_if_due(db_path, backup_dir, REASON_AT_OPEN)
            except StorageError as exc:
                raise TaskFailed(str(exc)) from exc

        self._task = Task(work, self)
        self._task.failed.connect(self._report)
        self._task.start()

    def at_close(self) -> Path | None:
        """Back up now (the window is closing); a failure is logged, never raised."""
        if not self.enabled:
            return None
        self.wait()
        try:
            path = make_backup(self.db_path, self.backup_dir, REASON_AT_CLOSE)
            prune(self.backup_dir)
        except (StorageError, OSError):
            log.warning("no backup at close", exc_info=True)
            return None
        return path

    def before_restore(self) -> Path:
        """A backup of the data as it is, so that a restore can itself be undone."""
        assert self.db_path is not None and self.backup_dir is not None
        self.wait()
        return make_backup(self.db_path, self.backup_dir, REASON_BEFORE_RESTORE)

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def wait(self) -> None:
        if self._task is not None:
            self._task.wait()

    def _report(self, message: str) -> None:
        log.warning("no backup at open: %s", message)
        self.failed.emit(message)
