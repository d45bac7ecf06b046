"""Start the desktop app: QApplication, Qt's own Danish strings, the database, the window."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from leaderapp import APP_NAME
from leaderapp.core.i18n import current_language
from leaderapp.core.paths import database_path

log = logging.getLogger(__name__)


def install_qt_translations(app: QApplication) -> QTranslator | None:
    """Qt's own texts (Yes/No, Cancel, calendar) in Danish when the app is Danish."""
    if current_language() != "da":
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_da", folder):
        app.installTranslator(translator)
        return translator
    log.info("qtbase_da not found in %s; Qt's own buttons stay in English", folder)
    return None


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the app's look and language (also used by screenshots)."""
    from leaderapp.gui.icon import app_icon
    from leaderapp.gui.style import apply_style
    from leaderapp.gui.widgets import ui_locale

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("Vaerdidialog")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("vaerdidialog")  # Linux: packaging/vaerdidialog.desktop
    QLocale.setDefault(ui_locale())
    install_qt_translations(app)
    apply_style(app)
    return app


class _ExitWhenShown(QObject):
    """``LEADERAPP_EXIT_WHEN_SHOWN=1``, for benchmarks/cold_start.py: after the window's
    first frame (start page filled) print ``shown <time.time()>`` and quit. The floor
    program there uses the same rule, so both are measured alike."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)  # once this paint has finished
        return False

    def _report(self) -> None:
        print(f"shown {time.time():.6f}", flush=True)
        self.window.close()  # as the user closes it: saving, waiting for background work


def run_gui(data_dir: Path | None, smoke_pdf: Path | None = None) -> int:
    """Run the app on the database in ``data_dir`` (None: the user's data folder).

    With ``smoke_pdf``, a build's self-test instead (``--smoke-test``, gui/smoke.py).
    """
    app = create_application()
    from leaderapp.gui.startup import InstanceLock, refuse_second_instance

    path = database_path(data_dir)
    lock = InstanceLock(path.parent)
    if not lock.acquire():
        refuse_second_instance(path.parent)
        return 3
    try:
        return _run_on(app, path, smoke_pdf)
    finally:
        lock.release()


def _run_on(app: QApplication, path: Path, smoke_pdf: Path | None) -> int:
    """The session on an opened database; the caller holds the data folder's lock."""
    from leaderapp.gui.startup import open_workspace

    # A damaged or unwritable file is explained there, and left exactly as it is.
    workspace = open_workspace(path)
    if workspace is None:
        return 2

    from leaderapp.gui.main_window import MainWindow
    from leaderapp.gui.widgets import report_exceptions

    window = MainWindow(workspace)
    report_exceptions(window.error)
    if smoke_pdf is not None:
        from leaderapp.gui.smoke import run_smoke

        try:
            return run_smoke(app, window, workspace, smoke_pdf)
        finally:
            workspace.close()
    window.show()
    # In a worker thread, if the newest is over an hour old; after the first frame,
    # so that the backup does not compete with it (docs/performance.md).
    window.when_shown(lambda: window.backups.at_open())
    if os.environ.get("LEADERAPP_EXIT_WHEN_SHOWN") == "1":
        _ExitWhenShown(window)
    try:
        return app.exec()
    finally:
        workspace.close()
