"""A damaged or read-only database file is never written to, and the user is told why."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from leaderapp.core.i18n import current_language, set_language
from leaderapp.core.model import WorkshopDraft
from leaderapp.core.storage import StorageError, open_database
from leaderapp.core.storage.backup import default_backup_dir, make_backup
from leaderapp.core.storage.integrity import DamagedDatabase
from leaderapp.core.workspace import Workspace


@pytest.fixture
def english():
    """Messages in English, so the assertions do not depend on the catalogue's state."""
    before = current_language()
    set_language("en")
    yield
    set_language(before)


def make_database(path: Path, notes: int = 300) -> None:
    """A real database with enough notes to span many pages."""
    ws = Workspace.open(path)
    wid = ws.create_workshop(WorkshopDraft(unit_name="Akutmodtagelsen")).created_id
    step = ws.steps(wid)[1]
    for i in range(notes):
        ws.add_note(step.id, f"Note {i}: vi lytter før vi beslutter. " * 20)
    ws.close()


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def assert_refused_untouched(path: Path, original: bytes) -> DamagedDatabase:
    with pytest.raises(DamagedDatabase) as info:
        open_database(path)
    exc = info.value
    assert path.read_bytes() == original
    assert not path.with_name(path.name + "-wal").exists()
    assert exc.aside_path is not None and exc.aside_path.parent == path.parent
    assert exc.aside_path.name.startswith(f"{path.name}.damaged-")
    assert exc.aside_path.read_bytes() == original
    assert str(path) in str(exc) and str(exc.aside_path) in str(exc)
    return exc


def test_garbage_bytes_are_refused_and_copied_aside(tmp_path, english):
    path = tmp_path / "vaerdidialog.sqlite3"
    garbage = os.urandom(64 * 1024)
    path.write_bytes(garbage)
    exc = assert_refused_untouched(path, garbage)
    assert "damaged" in str(exc)
    assert exc.newest_backup is None


def test_truncated_file_is_refused(tmp_path):
    path = tmp_path / "vaerdidialog.sqlite3"
    make_database(path)
    truncated = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(truncated)
    assert_refused_untouched(path, truncated)


def test_valid_database_with_a_corrupted_page_is_refused(tmp_path):
    path = tmp_path / "vaerdidialog.sqlite3"
    make_database(path)
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = b"\xab" * page
    path.write_bytes(bytes(data))
    exc = assert_refused_untouched(path, bytes(data))
    # SQLite names the damage by the page it hit: "malformed", or an index or FTS
    # page's "error code 11" (SQLITE_CORRUPT).
    assert "malformed" in exc.problem or "error code 11" in exc.problem


def test_quick_check_findings_count_as_damage(tmp_path):
    """The file opens, but quick_check does not answer "ok"."""
    path = tmp_path / "vaerdidialog.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (a TEXT)")
    conn.execute("INSERT INTO t VALUES (NULL)")
    conn.commit()
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE TABLE t (a TEXT NOT NULL)'")
    conn.commit()
    conn.close()
    original = path.read_bytes()
    exc = assert_refused_untouched(path, original)
    assert "NULL value in t.a" in exc.problem


def test_damaged_file_keeps_its_wal_beside_the_copy(tmp_path):
    path = tmp_path / "vaerdidialog.sqlite3"
    path.write_bytes(b"not a database" * 100)
    wal = tmp_path / "vaerdidialog.sqlite3-wal"
    wal.write_bytes(b"wal bytes" * 100)
    with pytest.raises(DamagedDatabase) as info:
        open_database(path)
    aside = info.value.aside_path
    assert wal.read_bytes() == b"wal bytes" * 100
    assert (aside.parent / f"{aside.name}-wal").read_bytes() == b"wal bytes" * 100


def test_damage_offers_the_newest_good_backup(tmp_path, english):
    path = tmp_path / "vaerdidialog.sqlite3"
    make_database(path, notes=5)
    backup = make_backup(path, default_backup_dir(path), "close")
    path.write_bytes(b"\x00" * 8192)
    with pytest.raises(DamagedDatabase) as info:
        open_database(path)
    assert info.value.newest_backup is not None
    assert info.value.newest_backup.path == backup
    assert info.value.newest_backup.notes == 5
    assert "newest good backup" in str(info.value)


def test_two_damaged_opens_keep_two_copies(tmp_path):
    path = tmp_path / "vaerdidialog.sqlite3"
    path.write_bytes(b"junk" * 1000)
    asides = set()
    for _ in range(2):
        with pytest.raises(DamagedDatabase) as info:
            open_database(path)
        asides.add(info.value.aside_path)
    assert len(asides) == 2 and all(p.exists() for p in asides)


def test_database_left_by_a_crash_opens_with_its_wal_data(tmp_path):
    """A -wal file with committed notes is part of the data: the check must read it."""
    live = tmp_path / "live"
    live.mkdir()
    db = open_database(live / "vaerdidialog.sqlite3")
    db.execute("PRAGMA wal_autocheckpoint=0")  # keep the notes in the -wal file
    ws = Workspace(db)
    wid = ws.create_workshop(WorkshopDraft(unit_name="Efter strømsvigt")).created_id
    ws.add_note(ws.steps(wid)[1].id, "Skrevet lige før strømmen gik")
    crashed = tmp_path / "crashed"
    shutil.copytree(live, crashed)  # the files as a power cut would leave them
    db.close()
    assert (crashed / "vaerdidialog.sqlite3-wal").stat().st_size > 0
    reopened = Workspace.open(crashed / "vaerdidialog.sqlite3")
    assert [n.text for n in reopened.notes(wid)] == ["Skrevet lige før strømmen gik"]
    reopened.close()
    assert not list(crashed.glob("*.damaged-*"))


def test_healthy_file_is_not_changed_by_the_check_alone(tmp_path, monkeypatch):
    path = tmp_path / "vaerdidialog.sqlite3"
    make_database(path, notes=3)
    before = folder_state(tmp_path)
    from leaderapp.core.storage import integrity

    assert integrity.quick_check(path) is None
    assert folder_state(tmp_path) == before


def test_unreadable_path_is_not_called_damaged(tmp_path, english):
    """A folder where the file should be cannot be read: no damage, nothing copied."""
    path = tmp_path / "vaerdidialog.sqlite3"
    path.mkdir()
    with pytest.raises(StorageError) as info:
        open_database(path)
    assert not isinstance(info.value, DamagedDatabase)
    assert "cannot be read" in str(info.value)
    assert list(tmp_path.iterdir()) == [path]


# --------------------------------------------------------------- read-only places
_OPEN_AND_REPORT = """
import json, sys
from pathlib import Path
from leaderapp.core.i18n import set_language
from leaderapp.core.storage import StorageError, open_database
set_language("en")
try:
    open_database(Path(sys.argv[1])).close()
    print(json.dumps({"error": None}))
except StorageError as exc:
    print(json.dumps({"error": type(exc).__name__, "message": str(exc)}))
"""


def open_read_only(db_path: Path, read_only: list[Path]) -> dict:
    """Open ``db_path`` while ``read_only`` paths cannot be written.

    A normal user gets that from file permissions. Root ignores permissions, so
    as root the paths are bind-mounted read-only in a private mount namespace
    (the kernel then refuses writes with EROFS, even to root).
    """
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in read_only}
        language = current_language()
        for p in read_only:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            set_language("en")
            try:
                open_database(db_path).close()
                return {"error": None}
            except StorageError as exc:
                return {"error": type(exc).__name__, "message": str(exc)}
        finally:
            set_language(language)
            for p, mode in modes.items():
                p.chmod(mode)
    mounts = " && ".join(
        f'mount --bind "{p}" "{p}" && mount -o remount,bind,ro "{p}"' for p in read_only
    )
    script = f'{mounts} && exec "{sys.executable}" -c "$SNIPPET" "{db_path}"'
    result = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
        env={**os.environ, "SNIPPET": _OPEN_AND_REPORT},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_existing_database_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "vaerdidialog.sqlite3"
    make_database(path, notes=2)
    before = folder_state(folder)
    outcome = open_read_only(path, [folder])
    assert outcome["error"] == "StorageError"
    assert "read-only" in outcome["message"] and str(folder) in outcome["message"]
    assert folder_state(folder) == before


def test_new_database_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    outcome = open_read_only(folder / "vaerdidialog.sqlite3", [folder])
    assert outcome["error"] == "StorageError"
    assert "read-only" in outcome["message"]
    assert list(folder.iterdir()) == []


def test_read_only_database_file_in_a_writable_folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "vaerdidialog.sqlite3"
    make_database(path, notes=2)
    original = path.read_bytes()
    outcome = open_read_only(path, [path])
    assert outcome["error"] == "StorageError"
    assert "read-only" in outcome["message"] and str(path) in outcome["message"]
    assert path.read_bytes() == original
