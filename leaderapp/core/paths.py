"""The user's data folder and the database file inside it."""

from __future__ import annotations

from pathlib import Path

DATABASE_NAME = "vaerdidialog.sqlite3"


def default_data_dir() -> Path:
    import platformdirs

    return platformdirs.user_data_path("Vaerdidialog", appauthor=False)


def database_path(data_dir: Path | None = None) -> Path:
    return (data_dir or default_data_dir()) / DATABASE_NAME
