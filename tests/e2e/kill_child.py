"""The app as ``test_kill_safety.py`` runs it, again and again, until it is killed.

The real window (offscreen) on a data folder: it takes the folder's lock, opens the
database the way the app does, goes to a notes step and types into the note editor
with QTest, one short burst at a time, letting the autosave write it. After each
burst is reported saved (the status bar's state is "Saved" again) it prints one
JSON line: the note's id and the whole text the user sees. Every fourth burst
starts a new note. It never stops by itself: the parent kills it.

    python kill_child.py DATA_DIR RUN_NUMBER
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(data_dir: Path, run: int) -> int:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from leaderapp.core.model import WorkshopDraft
    from leaderapp.core.paths import database_path
    from leaderapp.gui.app import create_application
    from leaderapp.gui.autosave import SaveState
    from leaderapp.gui.main_window import MainWindow
    from leaderapp.gui.startup import InstanceLock, open_workspace

    create_application()
    lock = InstanceLock(data_dir)
    if not lock.acquire():
        print(json.dumps({"refused": True}), flush=True)
        return 3
    workspace = open_workspace(database_path(data_dir))
    if workspace is None:
        print(json.dumps({"unopenable": True}), flush=True)
        return 2
    window = MainWindow(workspace)
    window.show()
    window.backups.at_open()
    existing = workspace.list_workshops()
    workshop_id = (
        existing[0].id
        if existing
        else workspace.create_workshop(WorkshopDraft(unit_name="Kill test")).created_id
    )
    window.open_workshop(workshop_id)
    window.workshop_view.select_kind("notes", 1)
    page = window.workshop_view.page
    print(json.dumps({"ready": run}), flush=True)

    burst = 0
    while True:
        if burst % 4 == 0:
            window.new_note_action.trigger()
        page.editor.setFocus()
        page.editor.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(page.editor, f" r{run}b{burst}")
        # 300 ms of debounce, then the write: wait for the state the status bar shows.
        waited = 0
        while page.autosaver.state is not SaveState.SAVED:
            QTest.qWait(10)
            waited += 10
            if waited > 10_000:
                print(json.dumps({"stuck": burst}), flush=True)
                return 1
        saved = {"note": page.current_note_id, "text": page.editor.toPlainText()}
        print(json.dumps(saved), flush=True)
        burst += 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), int(sys.argv[2])))
