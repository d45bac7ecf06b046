"""Is a database file sound and writable? Checked before anything writes to it.

The check reads through a connection that cannot write: ``immutable=1`` when no
``-wal`` file exists (then there is nothing to recover and SQLite creates no
side files), ``mode=ro`` when one does (its committed pages are part of the
data). A damaged file is copied aside untouched, so whatever a later repair or
restore does, the user's original bytes are kept.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from leaderapp.core.i18n import _
from leaderapp.core.storage.database import StorageError

if TYPE_CHECKING:
    from leaderapp.core.storage.backup import BackupInfo

# SQLite result codes that mean "the bytes are wrong", as opposed to "cannot
# read them now" (permissions, locks, I/O), which is no reason to call it damaged.
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
SIDECAR_SUFFIXES = ("-wal", "-shm")


class DamagedDatabase(StorageError):
    """The file is not a sound SQLite database; it was left untouched.

    ``aside_path`` is the untouched copy (``None`` if even copying failed) and
    ``newest_backup`` the newest backup that passed its own check, if any.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path,
        problem: str,
        aside_path: Path | None,
        newest_backup: BackupInfo | None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.problem = problem
        self.aside_path = aside_path
        self.newest_backup = newest_backup


def sidecars(path: Path) -> list[Path]:
    """The ``-wal``/``-shm`` files that belong to ``path`` (existing or not)."""
    return [path.with_name(path.name + suffix) for suffix in SIDECAR_SUFFIXES]


def read_only_uri(path: Path) -> str:
    wal = sidecars(path)[0]
    mode = "mode=ro" if wal.exists() else "immutable=1"
    return f"{path.resolve().as_uri()}?{mode}"


class _EarlyCheck:
    """A ``quick_check`` running in a thread; SQLite releases the GIL while it reads,
    so the check overlaps the window's imports instead of adding to them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp = _stamp(path)
        self.result: str | None = None
        self.error: StorageError | None = None
        self.thread = threading.Thread(target=self._run, name="quick_check", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.result = _quick_check_now(self.path)
        except StorageError as exc:
            self.error = exc

    def outcome(self) -> str | None:
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.result


_early: dict[Path, _EarlyCheck] = {}


def _stamp(path: Path) -> tuple:
    """What would tell that the file changed between an early check and its use."""
    # Not the -shm file: it is an index SQLite rebuilds, and the check itself may touch it.
    stamp = []
    for file in (path, sidecars(path)[0]):
        try:
            st = file.stat()
            stamp.append((st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            stamp.append(None)
    return tuple(stamp)


def begin_quick_check(path: Path) -> None:
    """Start checking ``path`` now, in a thread; ``quick_check`` uses the outcome.

    Only worth it for an existing file; the result is used only if the file and
    its side files are unchanged when it is asked for, else it is checked again.
    """
    if path.is_file() and path.stat().st_size > 0:
        _early[path.resolve()] = _EarlyCheck(path)


def quick_check(path: Path) -> str | None:
    """``None`` if the file is sound, else SQLite's account of the damage.

    Raises ``StorageError`` when the file cannot be read at all: that says
    nothing about its contents, so it must not be treated as damage.
    """
    early = _early.pop(path.resolve(), None) if _early else None
    if early is not None:
        try:
            outcome = early.outcome()
        except StorageError:
            outcome = _RECHECK  # unreadable then; perhaps not now
        if outcome is not _RECHECK and early.stamp == _stamp(path):
            return outcome
    return _quick_check_now(path)


_RECHECK = object()


def _quick_check_now(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) in _DAMAGE_CODES:
            return str(exc)
        raise _unreadable(path, exc) from exc
    finally:
        conn.close()
    if rows == [("ok",)]:
        return None
    # quick_check lists up to 100 problems; the first few say enough.
    return "; ".join(str(row[0]) for row in rows[:3])


def _unreadable(path: Path, exc: Exception) -> StorageError:
    return StorageError(
        _("The database {path} cannot be read right now: {error}").format(path=path, error=exc)
    )


def aside_path(path: Path, label: str) -> Path:
    """A free name ``<name>.<label>-<UTC time>`` next to ``path``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 2
    while candidate.exists() or any(p.exists() for p in sidecars(candidate)):
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
        n += 1
    return candidate


def copy_aside(path: Path, label: str) -> Path:
    """Copy ``path`` and its side files to a new aside name; the original stays as it is.

    The side files keep SQLite's naming (``<aside>-wal``), so the copy opens
    with everything the original had.
    """
    target = aside_path(path, label)
    shutil.copy2(path, target)
    for source, copy in zip(sidecars(path), sidecars(target), strict=True):
        if source.exists():
            shutil.copy2(source, copy)
    return target


def ensure_writable(path: Path) -> None:
    """Refuse early, with a plain message, when the folder or the file is read-only.

    ``os.access`` also reports a read-only file system, even to root. SQLite
    needs the folder too: it creates the ``-wal`` and ``-shm`` files there.
    """
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            _(
                "Cannot write to the folder {folder}: it is read-only. "
                "Move the data to a folder you can write to."
            ).format(folder=folder)
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise read_only_error(path)


def read_only_error(path: Path) -> StorageError:
    return StorageError(
        _(
            "Cannot write to the database {path}: the file is read-only. "
            "Værdidialog saves every note in it, so it was not opened."
        ).format(path=path)
    )


def check_before_open(path: Path, backup_dir: Path) -> None:
    """Raise ``DamagedDatabase`` (after copying the file aside) if ``path`` is unsound."""
    problem = quick_check(path)
    if problem is None:
        return
    from leaderapp.core.storage.backup import newest_good_backup

    try:
        aside: Path | None = copy_aside(path, "damaged")
    except OSError:
        aside = None
    newest = newest_good_backup(backup_dir)
    if aside is not None:
        message = _(
            "The database {path} is damaged, so it was not opened and nothing was written "
            "to it. An untouched copy was kept as {aside}."
        ).format(path=path, aside=aside)
    else:
        message = _(
            "The database {path} is damaged, so it was not opened and nothing was written "
            "to it. A copy could not be made next to it."
        ).format(path=path)
    if newest is not None:
        message += " " + _("The newest good backup is from {when}.").format(
            when=newest.created.astimezone().strftime("%Y-%m-%d %H:%M")
        )
    raise DamagedDatabase(
        message, path=path, problem=problem, aside_path=aside, newest_backup=newest
    )
