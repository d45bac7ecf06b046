"""Starting the app: a second copy is refused, a damaged database is explained and the
newest good backup offered, an unusable folder can be retried. Nothing damaged is written."""

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QPushButton

from leaderapp.core.i18n import _
from leaderapp.core.model import WorkshopDraft
from leaderapp.core.paths import database_path
from leaderapp.core.storage import StorageError
from leaderapp.core.storage.backup import default_backup_dir, make_backup
from leaderapp.core.workspace import Workspace
from leaderapp.gui import app as gui_app
from leaderapp.gui import startup
from leaderapp.gui.startup import InstanceLock


class Boxes:
    """Stands in for the user: records each message box and presses a named button."""

    def __init__(self, press: str = "quit") -> None:
        self.press = press
        self.shown = []

    def __call__(self, box):
        buttons = {b.objectName(): b for b in box.findChildren(QPushButton) if b.objectName()}
        self.shown.append(
            {"text": box.text(), "info": box.informativeText(), "buttons": set(buttons)}
        )
        return buttons.get(self.press)


@pytest.fixture
def boxes(monkeypatch):
    recorder = Boxes()
    monkeypatch.setattr(startup, "ask", recorder)
    return recorder


def workspace_with_a_workshop(path, name="Akutmodtagelsen"):
    ws = Workspace.open(path)
    wid = ws.create_workshop(WorkshopDraft(unit_name=name)).created_id
    ws.add_note(ws.steps(wid)[1].id, "noten der skal reddes")
    ws.close()
    return wid


# ---------------------------------------------------------------- one copy only
def test_a_second_copy_on_the_same_data_folder_is_refused(tmp_path, boxes, qapp):
    first = InstanceLock(tmp_path)
    assert first.acquire()
    try:
        assert gui_app.run_gui(tmp_path) == 3
    finally:
        first.release()
    [shown] = boxes.shown
    assert _("{app} is already open.").format(app="Værdidialog") == shown["text"]
    assert str(tmp_path) in shown["info"]
    assert not database_path(tmp_path).exists()  # it touched nothing


LOCK_IN_CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from leaderapp.gui.startup import InstanceLock
    lock = InstanceLock(Path(sys.argv[1]))
    print("locked" if lock.acquire() else "refused", flush=True)
    if sys.argv[2] == "die":
        os.kill(os.getpid(), 9)  # killed: the lock file stays behind
    """
)


def run_child(folder, then: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", LOCK_IN_CHILD, str(folder), then],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_another_process_is_refused_while_the_app_runs(tmp_path, qapp):
    mine = InstanceLock(tmp_path)
    assert mine.acquire()
    assert run_child(tmp_path, "exit").stdout.strip() == "refused"
    mine.release()
    assert run_child(tmp_path, "exit").stdout.strip() == "locked"


def test_the_lock_of_a_killed_app_is_taken_over(tmp_path, qapp):
    child = run_child(tmp_path, "die")
    assert child.stdout.strip() == "locked" and child.returncode == -signal.SIGKILL
    assert (tmp_path / startup.LOCK_NAME).exists()
    lock = InstanceLock(tmp_path)
    assert lock.acquire()
    lock.release()


# ---------------------------------------------------------------- damage
def garbage(path):
    path.write_bytes(bytes(range(256)) * 64)


def truncated(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", [garbage, truncated])
def test_a_damaged_database_is_set_aside_and_the_newest_backup_restored(
    tmp_path, boxes, qapp, damage
):
    path = database_path(tmp_path)
    wid = workspace_with_a_workshop(path)
    make_backup(path, default_backup_dir(path), "close")
    for side in tmp_path.glob("*.sqlite3-*"):
        side.unlink()  # closed cleanly: no -wal left
    damage(path)
    damaged_bytes = path.read_bytes()
    boxes.press = "restore"

    workspace = startup.open_workspace(path)

    assert workspace is not None
    try:
        assert [w.id for w in workspace.list_workshops()] == [wid]
        assert workspace.notes(wid)[0].text == "noten der skal reddes"
    finally:
        workspace.close()
    [shown] = boxes.shown
    assert str(path) in shown["text"]
    assert shown["buttons"] == {"restore", "quit"}
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes  # untouched copy
    assert str(aside[0]) in shown["info"]


def test_a_damaged_database_without_backup_can_only_be_left(tmp_path, boxes, qapp):
    path = database_path(tmp_path)
    garbage(path)
    before = path.read_bytes()

    assert gui_app.run_gui(tmp_path) == 2

    [shown] = boxes.shown
    assert shown["buttons"] == {"quit"}
    assert path.read_bytes() == before


def test_choosing_quit_leaves_the_damaged_file_alone(tmp_path, boxes, qapp):
    path = database_path(tmp_path)
    workspace_with_a_workshop(path)
    make_backup(path, default_backup_dir(path), "close")
    garbage(path)
    before = path.read_bytes()
    boxes.press = "quit"
    assert startup.open_workspace(path) is None
    assert path.read_bytes() == before


# ---------------------------------------------------------- unusable folder
def test_an_unusable_folder_is_explained_and_can_be_tried_again(tmp_path, boxes, qapp, monkeypatch):
    path = database_path(tmp_path)
    real_open = Workspace.open
    attempts = []

    def read_only_first(cls_path):
        attempts.append(cls_path)
        if len(attempts) == 1:
            raise StorageError(f"Cannot write to the folder {tmp_path}: it is read-only.")
        return real_open(cls_path)

    monkeypatch.setattr(Workspace, "open", staticmethod(read_only_first))
    boxes.press = "retry"

    workspace = startup.open_workspace(path)

    assert workspace is not None
    workspace.close()
    assert len(attempts) == 2
    assert "read-only" in boxes.shown[0]["text"]
    assert boxes.shown[0]["buttons"] == {"retry", "quit"}


def test_quitting_at_an_unusable_folder_exits_cleanly(tmp_path, boxes, qapp, monkeypatch):
    def always_full(path):
        raise StorageError("database or disk is full")

    monkeypatch.setattr(Workspace, "open", staticmethod(always_full))
    assert gui_app.run_gui(tmp_path) == 2
    assert len(boxes.shown) == 1


_START_READ_ONLY = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from leaderapp.core.i18n import set_language
set_language("en")
from leaderapp.gui import app, startup
shown = []
startup.ask = lambda box: shown.append(box.text() + " " + box.informativeText())
code = app.run_gui(Path(sys.argv[1]))
print(json.dumps({"code": code, "shown": shown}))
"""


def start_in_read_only_folder(folder) -> dict:
    """Start the real app on ``folder`` while it cannot be written (as root: a read-only
    bind mount in a private mount namespace, since root ignores permissions)."""
    if os.geteuid() == 0:
        script = (
            f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" '
            f'&& exec "{sys.executable}" -c "$SNIPPET" "{folder}"'
        )
        command = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script]
    else:
        folder.chmod(0o555)
        command = [sys.executable, "-c", _START_READ_ONLY, str(folder)]
    try:
        result = subprocess.run(
            command,
            env={**os.environ, "SNIPPET": _START_READ_ONLY},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_read_only_data_folder_is_explained_and_left_as_it_was(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    workspace_with_a_workshop(database_path(folder))
    for side in folder.glob("*.sqlite3-*"):
        side.unlink()
    before = sorted((p.name, p.read_bytes()) for p in folder.iterdir())

    outcome = start_in_read_only_folder(folder)

    assert outcome["code"] == 2
    [message] = outcome["shown"]
    assert "read-only" in message and str(folder) in message
    assert sorted((p.name, p.read_bytes()) for p in folder.iterdir()) == before
