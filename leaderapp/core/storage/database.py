"""Open the app's SQLite file with the settings every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from leaderapp.core.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

# SQLite result codes for "cannot write here": SQLITE_READONLY, SQLITE_CANTOPEN.
_READ_ONLY_CODES = {8, 14}

# The migrations in migrations.py, in order (a test keeps the two equal). Knowing
# them lets a file that is already current open with plain sqlite3: importing
# sqlite-utils costs ~60 ms of the window's cold start (docs/performance.md).
MIGRATION_SET = "leaderapp"
MIGRATION_NAMES = (
    "m001_initial",
    "m002_note_search",
    "m003_programs",
    "m004_facilitation",
    "m005_foundation_versions",
)


class StorageError(RuntimeError):
    """The database cannot be used; the message is translated and user-facing."""


def open_connection(path: Path | None) -> sqlite3.Connection:
    """Like ``open_database``, but a plain ``sqlite3`` connection with the same settings.

    A sound file with every migration applied is opened without sqlite-utils; a new
    file, or one that needs a migration, goes through ``open_database``.
    """
    if path is not None:
        conn = _open_current(path)
        if conn is not None:
            return conn
    return open_database(path).conn


def _open_current(path: Path) -> sqlite3.Connection | None:
    """The file checked and connected if it exists and is fully migrated, else None."""
    if not (path.exists() and path.stat().st_size > 0):
        return None
    from leaderapp.core.storage.backup import default_backup_dir
    from leaderapp.core.storage.integrity import check_before_open, ensure_writable

    ensure_writable(path)
    # The same check as open_database's, before anything can write.
    check_before_open(path, default_backup_dir(path))
    conn = sqlite3.connect(str(path))
    try:
        if not _is_current(conn):
            conn.close()
            return None
        _configure(conn, on_file=True)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _open_failed(path, exc) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _is_current(conn: sqlite3.Connection) -> bool:
    found = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()[0]
    if not found:
        return False
    applied = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
        )
    }
    return applied.issuperset(MIGRATION_NAMES)


def _configure(conn: sqlite3.Connection, *, on_file: bool) -> None:
    """The settings every connection of the app has (sqlite-utils sets recursive_triggers)."""
    if on_file:
        conn.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed note survives a power cut, not just a crash.
        conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=3000")
    conn.execute("PRAGMA recursive_triggers=on")


def _open_failed(path: Path, exc: sqlite3.DatabaseError) -> StorageError:
    if getattr(exc, "sqlite_errorcode", None) in _READ_ONLY_CODES:
        from leaderapp.core.storage.integrity import read_only_error

        return read_only_error(path)
    return StorageError(
        _("The database {path} cannot be used: {error}").format(path=path, error=exc)
    )


def open_database(path: Path | None) -> Database:
    """Open (creating if needed) and migrate the database; ``None`` opens memory.

    An existing file is checked read-only first (``PRAGMA quick_check``): a
    damaged one is never written to, it is copied aside and ``DamagedDatabase``
    is raised. A read-only folder or file gives a plain ``StorageError``.
    Before a migration changes an existing database, a backup is made.
    """
    from sqlite_utils import Database

    if path is None:
        db = Database(memory=True, execute_plugins=False)
        had_data = False
    else:
        db, had_data = _open_file(path)
    try:
        _configure(db.conn, on_file=path is not None)
        from leaderapp.core.storage.migrations import migrations

        if path is not None and had_data and migrations.pending(db) and _has_tables(db):
            _backup_before_migration(path)
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        if path is None:
            raise StorageError(
                _("The database {path} cannot be used: {error}").format(path=path, error=exc)
            ) from exc
        raise _open_failed(path, exc) from exc
    except BaseException:
        db.close()
        raise
    return db


def _open_file(path: Path) -> tuple[Database, bool]:
    """Check, then connect; returns the database and whether the file had content."""
    from sqlite_utils import Database

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
