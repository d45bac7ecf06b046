"""Backups: made safely while the app runs, pruned, listed, restored without losing anything."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from leaderapp.core.model import WorkshopDraft
from leaderapp.core.storage import StorageError, open_database
from leaderapp.core.storage.backup import (
    backup_due,
    backup_if_due,
    default_backup_dir,
    list_backups,
    make_backup,
    newest_good_backup,
    prune,
    restore_backup,
)
from leaderapp.core.storage.migrations import migrations
from leaderapp.core.workspace import Workspace


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "vaerdidialog.sqlite3"


def workspace_with_notes(path, texts):
    ws = Workspace.open(path)
    wid = ws.create_workshop(WorkshopDraft(unit_name="Psykiatrien")).created_id
    step = ws.steps(wid)[1]
    for text in texts:
        ws.add_note(step.id, text)
    return ws, wid


def note_texts(path, wid):
    ws = Workspace.open(path)
    try:
        return [n.text for n in ws.notes(wid)]
    finally:
        ws.close()


def test_backup_of_an_open_database_holds_its_latest_notes(db_path, tmp_path):
    ws, wid = workspace_with_notes(db_path, ["Første", "Anden"])
    backup = make_backup(db_path, tmp_path / "backups", "open")  # while ws is open
    ws.close()
    assert backup.parent == tmp_path / "backups"
    assert backup.name.startswith("backup-") and backup.name.endswith("Z-open.sqlite3")
    # One self-contained file: no -wal needed to read it, none left behind.
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in conn.execute("SELECT text FROM note ORDER BY position")] == [
        "Første",
        "Anden",
    ]
    conn.close()


def test_backup_reason_is_made_safe_for_a_file_name(db_path, tmp_path):
    ws, _wid = workspace_with_notes(db_path, [])
    ws.close()
    backup = make_backup(db_path, tmp_path / "b", "../Før lukning!")
    assert backup.parent == tmp_path / "b"
    assert backup.name.endswith("Z-f_r_lukning.sqlite3")


def test_backup_of_a_missing_database_is_refused(tmp_path):
    with pytest.raises(StorageError):
        make_backup(tmp_path / "none.sqlite3", tmp_path / "backups", "open")
    assert not (tmp_path / "none.sqlite3").exists()


def test_prune_keeps_the_ten_newest_and_nothing_else_is_touched(db_path, tmp_path):
    ws, _wid = workspace_with_notes(db_path, ["x"])
    ws.close()
    folder = tmp_path / "backups"
    made = [make_backup(db_path, folder, "close") for _ in range(12)]
    (folder / "notes-of-mine.txt").write_text("not a backup")
    removed = prune(folder)
    assert removed == [made[1], made[0]]
    remaining = sorted(p for p in folder.iterdir() if p.name.startswith("backup-"))
    assert remaining == sorted(made[2:])
    assert (folder / "notes-of-mine.txt").exists()
    assert prune(folder, keep=0) and len(list(folder.glob("backup-*"))) == 1  # never all


def test_list_backups_newest_first_with_summaries(db_path, tmp_path):
    folder = tmp_path / "backups"
    ws, wid = workspace_with_notes(db_path, ["a"])
    first = make_backup(db_path, folder, "open")
    step = ws.steps(wid)[1]
    ws.add_note(step.id, "b")
    ws.add_note(step.id, "c")
    second = make_backup(db_path, folder, "close")
    ws.close()
    infos = list_backups(folder)
    assert [i.path for i in infos] == [second, first]
    newest, oldest = infos
    assert (newest.reason, newest.workshops, newest.notes, newest.usable) == ("close", 1, 3, True)
    assert (oldest.reason, oldest.notes) == ("open", 1)
    assert newest.size == second.stat().st_size > 0
    assert newest.created.tzinfo is not None and newest.created >= oldest.created


def test_broken_backup_is_listed_as_unusable(db_path, tmp_path):
    folder = tmp_path / "backups"
    ws, _wid = workspace_with_notes(db_path, ["a"])
    ws.close()
    good = make_backup(db_path, folder, "close")
    broken = folder / "backup-2099-01-01T00-00-00.000000Z-close.sqlite3"
    broken.write_bytes(b"garbage" * 500)
    infos = list_backups(folder)
    assert [i.path for i in infos] == [broken, good]
    assert not infos[0].usable and infos[0].problem
    assert infos[0].notes is None
    assert newest_good_backup(folder).path == good


def test_no_backups_at_all(tmp_path):
    assert list_backups(tmp_path / "missing") == []
    assert newest_good_backup(tmp_path / "missing") is None
    assert backup_due(tmp_path / "missing")


def test_backup_due_after_an_hour(db_path, tmp_path):
    folder = tmp_path / "backups"
    ws, _wid = workspace_with_notes(db_path, [])
    assert backup_due(folder)
    assert backup_if_due(db_path, folder, "open") is not None
    assert not backup_due(folder)
    assert backup_if_due(db_path, folder, "open") is None  # not due yet
    later = datetime.now(UTC) + timedelta(hours=1, minutes=1)
    assert backup_due(folder, now=later)
    assert not backup_due(folder, max_age=timedelta(hours=2), now=later)
    ws.close()


def test_a_backup_dated_in_the_future_does_not_block_backups(db_path, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "backup-2999-01-01T00-00-00.000000Z-open.sqlite3").write_bytes(b"")
    assert backup_due(folder)


def test_restore_round_trip_keeps_the_replaced_file(db_path, tmp_path):
    folder = default_backup_dir(db_path)
    ws, wid = workspace_with_notes(db_path, ["Før"])
    backup = make_backup(db_path, folder, "close")
    ws.add_note(ws.steps(wid)[1].id, "Efter")
    ws.close()
    aside = restore_backup(newest_good_backup(folder), db_path)
    assert note_texts(db_path, wid) == ["Før"]
    # The replaced database is kept, complete, next to it.
    assert aside is not None and aside.parent == db_path.parent
    assert aside.name.startswith("vaerdidialog.sqlite3.before-restore-")
    assert note_texts(aside, wid) == ["Før", "Efter"]
    assert backup.exists()  # the backup itself stays available


def test_restore_moves_a_stale_wal_aside_too(db_path, tmp_path):
    """A -wal left by the replaced database must not be replayed onto the backup."""
    folder = default_backup_dir(db_path)
    ws, wid = workspace_with_notes(db_path, ["Før"])
    backup = make_backup(db_path, folder, "open")
    ws.db.execute("PRAGMA wal_autocheckpoint=0")
    ws.add_note(ws.steps(wid)[1].id, "Kun i wal")
    wal = db_path.with_name(db_path.name + "-wal")
    wal_bytes = wal.read_bytes()
    ws.db.conn.close()  # simulate a crash: the -wal file is left behind
    wal.write_bytes(wal_bytes)
    aside = restore_backup(backup, db_path)
    assert not wal.exists()
    assert aside.with_name(aside.name + "-wal").read_bytes() == wal_bytes
    assert note_texts(db_path, wid) == ["Før"]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(db_path, tmp_path):
    ws, _wid = workspace_with_notes(db_path, ["Vigtig"])
    ws.close()
    original = db_path.read_bytes()
    broken = tmp_path / "backup-2026-01-01T00-00-00.000000Z-close.sqlite3"
    broken.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(StorageError):
        restore_backup(broken, db_path)
    assert db_path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([db_path.name, broken.name])


def test_migration_of_an_existing_database_is_preceded_by_a_backup(db_path):
    """A database from an older version (here: before the first migration) is backed up."""
    old = sqlite3.connect(db_path)
    old.execute("CREATE TABLE legacy (text TEXT)")
    old.execute("INSERT INTO legacy VALUES ('skrevet i en ældre version')")
    old.commit()
    old.close()
    db = open_database(db_path)
    assert migrations.pending(db) == []
    db.close()
    (backup,) = list_backups(default_backup_dir(db_path))
    assert backup.reason == "migration" and backup.usable
    conn = sqlite3.connect(backup.path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "legacy" in tables and "workshop" not in tables  # the state before the upgrade
    assert conn.execute("SELECT text FROM legacy").fetchone() == ("skrevet i en ældre version",)
    conn.close()


def test_new_and_current_databases_need_no_backup(db_path):
    open_database(db_path).close()  # created fresh
    open_database(db_path).close()  # already up to date
    assert not default_backup_dir(db_path).exists()
