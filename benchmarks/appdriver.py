"""Drive the real window inside a benchmark child process: start it as
``leaderapp.gui.app.run_gui`` does, and wait until a widget has painted."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication, QWidget


class PaintProbe(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def wait_painted(widget: QWidget, timeout: float = 20.0) -> None:
    """Process events until ``widget`` has been painted (and that paint is done)."""
    app = QApplication.instance()
    probe = PaintProbe()
    widget.installEventFilter(probe)
    deadline = time.monotonic() + timeout
    try:
        while not probe.painted:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if time.monotonic() > deadline:
                raise TimeoutError(f"{widget!r} was not painted within {timeout} s")
        app.processEvents()  # whatever the paint posted (the flush)
    finally:
        widget.removeEventFilter(probe)


def start_window(data_dir: Path):
    """QApplication, Workspace and MainWindow as the app starts them, shown."""
    from leaderapp.core.paths import database_path
    from leaderapp.core.workspace import Workspace
    from leaderapp.gui.app import create_application
    from leaderapp.gui.main_window import MainWindow

    app = create_application()
    workspace = Workspace.open(database_path(data_dir))
    window = MainWindow(workspace)
    window.show()
    wait_painted(window)
    return app, workspace, window


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000
