import sqlite3

import pytest

from leaderapp.core.storage import StorageError, open_database
from leaderapp.core.storage.migrations import migrations


def test_file_database_uses_wal_full_sync_and_foreign_keys(tmp_path):
    db = open_database(tmp_path / "x.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert migrations.pending(db) == []
    assert {"workshop", "note", "commitment"} <= set(db.table_names())
    db.close()


def test_reopening_applies_no_migration_twice(tmp_path):
    open_database(tmp_path / "x.sqlite3").close()
    db = open_database(tmp_path / "x.sqlite3")
    names = [m.name for m in migrations.applied(db)]
    assert len(names) == len(set(names)) >= 1
    db.close()


def test_garbage_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "vaerdidialog.sqlite3"
    garbage = b"this is not sqlite at all\x00\xff" * 200
    path.write_bytes(garbage)
    with pytest.raises(StorageError, match="vaerdidialog.sqlite3"):
        open_database(path)
    assert path.read_bytes() == garbage
    assert not (tmp_path / "vaerdidialog.sqlite3-wal").exists()


def test_unwritable_folder_gives_a_storage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError):
        open_database(blocker / "sub" / "db.sqlite3")


def test_foreign_keys_are_enforced(tmp_path):
    db = open_database(tmp_path / "x.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):
        db["note"].insert({"id": "n", "workshop_id": "missing", "step_id": "s", "text": "t"})
    db.close()
