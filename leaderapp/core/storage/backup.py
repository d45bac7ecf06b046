"""Backups of the database file, made with SQLite's online backup API.

A backup is a complete, self-contained SQLite file (rollback journal, no
``-wal``) named ``backup-<UTC time>-<reason>.sqlite3``, so the folder sorts by
age and a person can see what each file is. Backups are written under a
temporary name and renamed when complete: a file with a backup's name is never
half written. Nothing here deletes the user's data: restoring moves the current
file aside first.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from leaderapp.core.i18n import _
from leaderapp.core.storage.database import StorageError
from leaderapp.core.storage.integrity import aside_path, quick_check, sidecars

BACKUP_DIR_NAME = "backups"
DEFAULT_KEEP = 10
DEFAULT_MAX_AGE = timedelta(hours=1)

_STAMP = "%Y-%m-%dT%H-%M-%S.%f"
_NAME = re.compile(r"^backup-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{6})Z-([a-z0-9_]{1,32})\.sqlite3$")
_PARTIAL_SUFFIX = ".partial"
# A leftover partial file older than this was abandoned by a crash.
_PARTIAL_MAX_AGE_SECONDS = 3600


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what it holds; ``problem`` is set when it cannot be used."""

    path: Path
    created: datetime  # UTC
    reason: str
    size: int
    workshops: int | None = None
    notes: int | None = None
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None


def default_backup_dir(db_path: Path) -> Path:
    """``<data_dir>/backups``: the folder next to the database file."""
    return db_path.parent / BACKUP_DIR_NAME


def _clean_reason(reason: str) -> str:
    cleaned = re.sub(r"[^a-z0-9_]+", "_", (reason or "").lower()).strip("_")[:32]
    return cleaned or "manual"


def _fsync(path: Path) -> None:
    with path.open("rb+") as fp:
        os.fsync(fp.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable; not every platform can open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_backup(db_path: Path, backup_dir: Path, reason: str) -> Path:
    """Copy the database's committed state to a new backup file and return its path.

    Safe while the app has the database open: the backup API reads a
    consistent snapshot, including pages still in the ``-wal`` file.
    """
    if not db_path.is_file():
        raise StorageError(_("There is no database at {path} to back up.").format(path=db_path))
    reason = _clean_reason(reason)
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _backup_failed(exc) from exc
    created = datetime.now(UTC)
    target = backup_dir / f"backup-{created.strftime(_STAMP)}Z-{reason}.sqlite3"
    while target.exists():  # two backups in the same microsecond
        created += timedelta(microseconds=1)
        target = backup_dir / f"backup-{created.strftime(_STAMP)}Z-{reason}.sqlite3"
    partial = backup_dir / f".{target.name}{_PARTIAL_SUFFIX}"
    try:
        source = sqlite3.connect(db_path)
        try:
            source.execute("PRAGMA query_only=ON")
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                # One self-contained file: no -wal to lose when it is copied around.
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
        finally:
            source.close()
        _fsync(partial)
        os.replace(partial, target)
        _fsync_dir(backup_dir)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise _backup_failed(exc) from exc
    return target


def _backup_failed(exc: Exception) -> StorageError:
    return StorageError(_("The backup could not be made: {error}").format(error=exc))


def _backup_files(backup_dir: Path) -> list[tuple[datetime, str, Path]]:
    """(created, reason, path) for every file named like a backup, newest first."""
    try:
        entries = list(backup_dir.iterdir())
    except OSError:
        return []
    found = []
    for path in entries:
        match = _NAME.match(path.name)
        if match and path.is_file():
            created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
            found.append((created, match.group(2), path))
    found.sort(key=lambda item: (item[0], item[2].name), reverse=True)
    return found


def _count(conn: sqlite3.Connection, table: str) -> int:
    exists = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()[0]
    return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] if exists else 0


def inspect_backup(path: Path) -> BackupInfo:
    """Read one backup's summary; a broken file comes back with ``problem`` set."""
    match = _NAME.match(path.name)
    if match:
        created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
        reason = match.group(2)
    else:
        created = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        reason = ""
    size = path.stat().st_size
    try:
        problem = quick_check(path)
    except StorageError as exc:
        problem = str(exc)
    if problem is not None:
        return BackupInfo(path, created, reason, size, problem=problem)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
        try:
            workshops, notes = _count(conn, "workshop"), _count(conn, "note")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return BackupInfo(path, created, reason, size, problem=str(exc))
    return BackupInfo(path, created, reason, size, workshops=workshops, notes=notes)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup in the folder, newest first, each with its content summary."""
    result = []
    for _created, _reason, path in _backup_files(backup_dir):
        try:
            result.append(inspect_backup(path))
        except OSError:
            continue  # removed while we looked
    return result


def newest_good_backup(backup_dir: Path) -> BackupInfo | None:
    """The newest backup that passes its integrity check, or ``None``."""
    for _created, _reason, path in _backup_files(backup_dir):
        try:
            info = inspect_backup(path)
        except OSError:
            continue
        if info.usable:
            return info
    return None


def prune(backup_dir: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups (at least one is always kept).

    Only files named like backups are touched, plus partial files a crash left behind.
    """
    removed = []
    for _created, _reason, path in _backup_files(backup_dir)[max(1, keep) :]:
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            continue
    for partial in backup_dir.glob(f".backup-*{_PARTIAL_SUFFIX}"):
        try:
            if time.time() - partial.stat().st_mtime > _PARTIAL_MAX_AGE_SECONDS:
                partial.unlink()
        except OSError:
            continue
    return removed


def backup_due(
    backup_dir: Path, max_age: timedelta = DEFAULT_MAX_AGE, *, now: datetime | None = None
) -> bool:
    """True when the newest backup is older than ``max_age`` (or there is none).

    A backup dated in the future (the clock was wrong) does not count.
    """
    now = now or datetime.now(UTC)
    for created, _reason, _path in _backup_files(backup_dir):
        if created <= now + timedelta(minutes=5):
            return now - created >= max_age
    return True


def backup_if_due(
    db_path: Path,
    backup_dir: Path,
    reason: str,
    *,
    max_age: timedelta = DEFAULT_MAX_AGE,
    keep: int = DEFAULT_KEEP,
) -> Path | None:
    """The usual call at open and close: back up when due, then prune."""
    if not backup_due(backup_dir, max_age):
        return None
    path = make_backup(db_path, backup_dir, reason)
    prune(backup_dir, keep)
    return path


def restore_backup(backup: BackupInfo | Path, db_path: Path) -> Path | None:
    """Put a backup in place of the database; returns where the old file was kept.

    Close every connection to ``db_path`` first. The backup's integrity is
    checked before anything moves; the current file and its ``-wal``/``-shm``
    are renamed aside (a stale ``-wal`` would otherwise be replayed onto the
    restored file), never deleted.
    """
    source = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    if not source.is_file():
        raise StorageError(_("The backup {path} does not exist.").format(path=source))
    problem = quick_check(source)
    if problem is not None:
        raise StorageError(
            _("The backup {path} is damaged and was not restored ({problem}).").format(
                path=source, problem=problem
            )
        )
    staged = db_path.with_name(f".{db_path.name}.restoring")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, staged)
        _fsync(staged)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise _restore_failed(exc) from exc
    current = [db_path, *sidecars(db_path)]
    aside: Path | None = None
    moved: list[tuple[Path, Path]] = []
    try:
        if any(p.exists() for p in current):
            aside = aside_path(db_path, "before-restore")
            for original, kept in zip(current, [aside, *sidecars(aside)], strict=True):
                if original.exists():
                    os.replace(original, kept)
                    moved.append((original, kept))
        os.replace(staged, db_path)
        _fsync_dir(db_path.parent)
    except OSError as exc:
        # Put back whatever was moved, so the user is left where they started.
        for original, kept in reversed(moved):
            try:
                os.replace(kept, original)
            except OSError:
                pass
        staged.unlink(missing_ok=True)
        raise _restore_failed(exc) from exc
    return aside


def _restore_failed(exc: Exception) -> StorageError:
    return StorageError(_("The backup could not be restored: {error}").format(error=exc))
