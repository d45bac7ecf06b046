from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from leaderapp.core.model import WorkshopDraft
from leaderapp.core.paths import database_path
from leaderapp.core.workspace import Workspace
from leaderapp.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    """A message box nobody expected would block the run: fail instead."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("question", "warning", "critical", "information", "exec"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace.open(database_path(tmp_path))
    yield ws
    ws.close()


@pytest.fixture
def make_workshop(workspace):
    def make(name="Akutmodtagelsen", participants=("Anna Østergaard", "Bo Jensen")):
        draft = WorkshopDraft(
            unit_name=name,
            organisation="Region Midtjylland",
            facilitator="Łukasz Nowak",
            dates=(date(2026, 3, 5),),
            participants=participants,
        )
        return workspace.create_workshop(draft).created_id

    return make


@pytest.fixture
def window(qtbot, workspace):
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Close (and so flush) while the database is still open.
    win.close()


@pytest.fixture
def open_workshop(window, make_workshop):
    """A window showing a fresh workshop; returns (window, workshop_id)."""
    workshop_id = make_workshop()
    window.open_workshop(workshop_id)
    return window, workshop_id
