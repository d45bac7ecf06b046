import pytest
from PySide6.QtWidgets import QMessageBox

from leaderapp.core.paths import database_path
from leaderapp.core.workspace import Workspace
from leaderapp.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace.open(database_path(tmp_path / "data"))
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot, workspace):
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
