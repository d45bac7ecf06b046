"""Open the app's SQLite file with the settings every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from leaderapp.core.i18n import _

# SQLite result codes for "cannot write here": SQLITE_READONLY, SQLITE_CANTOPEN.
_READ_ONLY_CODES = {8, 14}


class StorageError(RuntimeError):
    """The database cannot be used; the message is translated and user-facing."""


def open_database(path: Path | None) -> Database:
    """Open (creating if needed) and migrate the database; ``None`` opens memory.

    An existing file is checked read-only first (``PRAGMA quick_check``): a
    damaged one is never written to, it is copied aside and ``DamagedDatabase``
    is raised. A read-only folder or file gives a plain ``StorageError``.
    Before a migration changes an existing database, a backup is made.
    """
    if path is None:
        db = Database(memory=True, execute_plugins=False)
        had_data = False
    else:
        db, had_data = _open_file(path)
    try:
        if path is not None:
            db.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed note survives a power cut, not just a crash.
            db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=3000")
        from leaderapp.core.storage.migrations import migrations

        if path is not None and had_data and migrations.pending(db) and _has_tables(db):
            _backup_before_migration(path)
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        if path is not None and getattr(exc, "sqlite_errorcode", None) in _READ_ONLY_CODES:
            from leaderapp.core.storage.integrity import read_only_error

            raise read_only_error(path) from exc
        raise StorageError(
            _("The database {path} cannot be used: {error}").format(path=path, error=exc)
        ) from exc
    except BaseException:
        db.close()
        raise
    return db


def _open_file(path: Path) -> tuple[Database, bool]:
    """Check, then connect; returns the database and whether the file had content."""
    # Imported here: they import StorageError from this module.
    from leaderapp.core.storage.backup import default_backup_dir
    from leaderapp.core.storage.integrity import check_before_open, ensure_writable

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            _("Cannot create the data folder {path}: {error}").format(
                path=path.parent, error=exc.strerror or exc
            )
        ) from exc
    ensure_writable(path)
    had_data = path.exists() and path.stat().st_size > 0
    if path.exists():
        check_before_open(path, default_backup_dir(path))
    db = None
    try:
        db = Database(path, execute_plugins=False)
        # Reading the schema fails fast on a file that is not a database.
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        if db is not None:
            db.close()
        raise StorageError(
            _("The file {path} is not a readable Værdidialog database ({error}).").format(
                path=path, error=exc
            )
        ) from exc
    return db, had_data


def _has_tables(db: Database) -> bool:
    return db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0


def _backup_before_migration(path: Path) -> None:
    from leaderapp.core.storage.backup import default_backup_dir, make_backup, prune

    backup_dir = default_backup_dir(path)
    try:
        make_backup(path, backup_dir, "migration")
    except StorageError as exc:
        raise StorageError(
            _(
                "The database {path} needs an upgrade, but no backup could be made first, "
                "so it was left as it was. {error}"
            ).format(path=path, error=exc)
        ) from exc
    prune(backup_dir)
