"""Start the desktop app: QApplication, Qt's own Danish strings, the database, the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from leaderapp import APP_NAME
from leaderapp.core.i18n import _, current_language
from leaderapp.core.paths import database_path
from leaderapp.core.storage import StorageError

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
    from leaderapp.gui.style import apply_style
    from leaderapp.gui.widgets import ui_locale

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("Vaerdidialog")
    QLocale.setDefault(ui_locale())
    install_qt_translations(app)
    apply_style(app)
    return app


def run_gui(data_dir: Path | None) -> int:
    """Run the app on the database in ``data_dir`` (None: the user's data folder)."""
    app = create_application()
    from leaderapp.core.workspace import Workspace

    path = database_path(data_dir)
    try:
        workspace = Workspace.open(path)
    except StorageError as exc:
        # The file is left exactly as it is: the message says what is wrong with it.
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, str(exc))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(_("The file has not been changed."))
        box.exec()
        return 2

    from leaderapp.gui.main_window import MainWindow
    from leaderapp.gui.widgets import report_exceptions

    window = MainWindow(workspace)
    report_exceptions(window.error)
    window.show()
    try:
        return app.exec()
    finally:
        workspace.close()
