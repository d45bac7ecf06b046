"""SQLite storage: opening the file safely, the schema's migrations, row mapping."""

from leaderapp.core.storage.database import StorageError, open_database

__all__ = ["StorageError", "open_database"]
