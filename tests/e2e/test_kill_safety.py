"""Pull the plug: the app is SIGKILLed at random moments while a user types, and
after every restart each edit it had reported saved is in the database.

The child (``kill_child.py``) is the real window, offscreen, typing into a note
with QTest and letting the autosave write; it prints a line whenever the status
returns to "Saved". The parent kills it at a random moment, checks the file, and
starts it again on the same data folder (which also exercises taking over the
lock a killed app leaves behind).
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from leaderapp.core.paths import database_path
from leaderapp.core.storage.integrity import quick_check

CHILD = Path(__file__).with_name("kill_child.py")
KILLS = 18
SEED = 20261122


def start_child(data_dir: Path, run: int) -> tuple[subprocess.Popen, queue.Queue]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEADERAPP_LANG": "da"}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in child.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return child, lines


def next_message(lines: queue.Queue, timeout: float) -> dict | None:
    line = lines.get(timeout=timeout)
    if line is None:
        return None
    try:
        return json.loads(line)
    except json.JSONDecodeError:  # a line cut off by the kill was never reported
        return {}


def notes_in(path: Path) -> dict[str, str]:
    """The notes as a restarted app would find them."""
    assert quick_check(path) is None
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT id, text FROM note").fetchall())
    finally:
        conn.close()


def test_every_edit_reported_saved_survives_sigkill(tmp_path):
    rng = random.Random(SEED)
    data_dir = tmp_path / "data"
    reported: dict[str, str] = {}  # note id -> the longest text reported saved
    saves: list[dict] = []

    def record(message: dict) -> None:
        if message.get("note"):
            saves.append(message)
            if len(message["text"]) >= len(reported.get(message["note"], "")):
                reported[message["note"]] = message["text"]

    for run in range(KILLS):
        child, lines = start_child(data_dir, run)
        try:
            first = next_message(lines, timeout=60)
            assert first == {"ready": run}, (first, child.stderr.read() if first is None else "")
            # A random moment: before the first save, mid-write, between bursts.
            deadline = time.monotonic() + rng.uniform(0.05, 1.4)
            while (left := deadline - time.monotonic()) > 0:
                try:
                    message = next_message(lines, timeout=left)
                except queue.Empty:
                    break
                assert message is not None, child.stderr.read()
                assert "stuck" not in message, message
                record(message)
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
        assert child.returncode == -signal.SIGKILL
        # Lines the child wrote before it died are reported saves too.
        while (message := next_message(lines, timeout=30)) is not None:
            record(message)

        stored = notes_in(database_path(data_dir))
        for note_id, text in reported.items():
            assert note_id in stored, f"run {run}: note {note_id} lost"
            # Later typing only appends, so the stored text starts with what was reported.
            assert stored[note_id].startswith(text), (run, text, stored[note_id])

    # The kills interrupted a real stream of saved edits, in many notes.
    assert len(saves) >= KILLS
    assert len(reported) > KILLS / 2
