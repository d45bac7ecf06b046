"""Opening a current database without sqlite-utils (the window's cold start), and the
integrity check that runs while Qt loads: the same safety as the full open."""

import subprocess
import sys
from pathlib import Path

from sqlite_utils import Database

from leaderapp.core.model import WorkshopDraft
from leaderapp.core.search import search
from leaderapp.core.storage.database import MIGRATION_NAMES
from leaderapp.core.storage.integrity import DamagedDatabase, begin_quick_check
from leaderapp.core.storage.migrations import migrations
from leaderapp.core.workspace import Workspace

from .old_schema import old_database


def make_database(path: Path) -> str:
    ws = Workspace.open(path)
    workshop_id = ws.create_workshop(WorkshopDraft(unit_name="Akutmodtagelsen")).created_id
    ws.add_note(ws.steps(workshop_id)[1].id, "Vi lytter før vi beslutter")
    ws.close()
    return workshop_id


def test_the_known_migration_names_are_the_migrations():
    db = Database(memory=True)
    assert tuple(m.name for m in migrations.pending(db)) == MIGRATION_NAMES


def test_a_current_file_opens_and_lists_without_sqlite_utils_then_writes(tmp_path):
    path = tmp_path / "vaerdidialog.sqlite3"
    make_database(path)
    script = f"""
import sys
from pathlib import Path
from leaderapp.core.workspace import Workspace
ws = Workspace.open(Path({str(path)!r}))
names = [w.unit_name for w in ws.list_workshops()]
assert names == ["Akutmodtagelsen"], names
assert "sqlite_utils" not in sys.modules, "imported before the first write"
ws.rename_workshop(ws.list_workshops()[0].id, "Hjertemedicin")
ws.close()
ws = Workspace.open(Path({str(path)!r}))
print(ws.list_workshops()[0].unit_name)
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "Hjertemedicin"


def test_a_file_with_a_pending_migration_is_upgraded_by_open(tmp_path):
    path = tmp_path / "vaerdidialog.sqlite3"
    old_database(path, "m002_note_search", "Skrevet før søgningen fandtes")

    upgraded = Workspace.open(path)
    try:
        hits = search(upgraded, "søgningen")
        assert [upgraded.note(h.note_id).text for h in hits] == ["Skrevet før søgningen fandtes"]
    finally:
        upgraded.close()


def test_an_early_check_of_a_sound_file_lets_it_open(tmp_path):
    path = tmp_path / "vaerdidialog.sqlite3"
    make_database(path)
    begin_quick_check(path)
    ws = Workspace.open(path)
    try:
        assert [w.unit_name for w in ws.list_workshops()] == ["Akutmodtagelsen"]
    finally:
        ws.close()


def test_a_file_damaged_after_its_early_check_is_still_refused(tmp_path):
    """The early verdict ("sound") must not cover bytes that changed after it."""
    path = tmp_path / "vaerdidialog.sqlite3"
    make_database(path)
    begin_quick_check(path)
    size = path.stat().st_size
    with path.open("r+b") as fp:  # same size, same file: only its bytes and time change
        fp.write(b"\xab" * size)
    try:
        Workspace.open(path).close()
    except DamagedDatabase as exc:
        assert exc.path == path
    else:
        raise AssertionError("a damaged file was opened")
