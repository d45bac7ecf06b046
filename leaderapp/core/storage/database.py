"""Open the app's SQLite file with the settings every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from leaderapp.core.i18n import _


class StorageError(RuntimeError):
    """The database cannot be used; the message is translated and user-facing."""


def open_database(path: Path | None) -> Database:
    """Open (creating if needed) and migrate the database; ``None`` opens memory.

    A file that is not a readable SQLite database is never written to: the
    error is raised before any migration runs.
    """
    if path is None:
        db = Database(memory=True, execute_plugins=False)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                _("Cannot create the data folder {path}: {error}").format(
                    path=path.parent, error=exc.strerror or exc
                )
            ) from exc
        try:
            db = Database(path, execute_plugins=False)
            # Reading the schema fails fast on a file that is not a database.
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StorageError(
                _("The file {path} is not a readable Værdidialog database ({error}).").format(
                    path=path, error=exc
                )
            ) from exc
    try:
        if path is not None:
            db.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed note survives a power cut, not just a crash.
            db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=3000")
        from leaderapp.core.storage.migrations import migrations

        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StorageError(
            _("The database {path} cannot be used: {error}").format(path=path, error=exc)
        ) from exc
    return db
