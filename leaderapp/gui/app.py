"""Start the desktop app: QApplication, its language and look, the database, the window.

The language is the one chosen in Settings, else the system's (``QLocale.system()``):
Danish for da, English for en, Danish when it is neither. ``LEADERAPP_LANG`` or
``--lang`` (a language set before the window starts) overrides both (screenshots, tests).
``set_ui_language`` switches it in a running app; the window then rebuilds its texts
(``MainWindow.retranslate``).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from leaderapp import APP_NAME
from leaderapp.core.i18n import current_language, language_chosen, pick_language, set_language
from leaderapp.core.paths import database_path

log = logging.getLogger(__name__)

_qt_translator: QTranslator | None = None


def install_qt_translations(app: QApplication) -> QTranslator | None:
    """Qt's own texts (Yes/No, Cancel, calendar) in the app's language: ``qtbase_da``
    for Danish, none for English (Qt's own). Replaces the one installed before."""
    global _qt_translator
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator.deleteLater()
        _qt_translator = None
    if current_language() != "da":
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_da", folder):
        app.installTranslator(translator)
        _qt_translator = translator
        return translator
    log.info("qtbase_da not found in %s; Qt's own buttons stay in English", folder)
    return None


def _system_languages() -> list[str]:
    system = QLocale.system()
    return [*system.uiLanguages(), system.name()]


def system_language() -> str:
    """What "As the system" means: ``LEADERAPP_LANG`` if set, else the system's
    preferred languages, else Danish."""
    return pick_language(os.environ.get("LEADERAPP_LANG"), _system_languages())


def startup_language(chosen: str | None = None) -> str:
    """The language to start in: ``LEADERAPP_LANG`` (screenshots, tests), else ``chosen``
    (the setting), else the system's preferred languages, else Danish."""
    return pick_language(os.environ.get("LEADERAPP_LANG") or chosen, _system_languages())


def chosen_language(chosen: str | None) -> str:
    """The language a running app switches to when Settings says ``chosen``: the choice
    wins ("" follows the system)."""
    return pick_language(chosen, [system_language()])


def set_ui_language(app: QApplication, lang: str) -> str:
    """Switch the running app to ``lang``: our catalogue, Qt's translator, the default
    QLocale (dates, numbers). Widgets already built keep their text until rebuilt."""
    from leaderapp.gui.settings import ui_locale

    lang = set_language(lang)
    QLocale.setDefault(ui_locale())
    install_qt_translations(app)
    return lang


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the app's look and language (also used by screenshots)."""
    from leaderapp.gui.icon import app_icon
    from leaderapp.gui.settings import ORGANISATION, Settings
    from leaderapp.gui.style import apply_style, follow_system_changes

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("vaerdidialog")  # Linux: packaging/vaerdidialog.desktop
    settings = Settings()
    # A language asked for before the window (LEADERAPP_LANG, --lang) wins; else the
    # setting, else the system's.
    language = current_language() if language_chosen() else startup_language(settings.language)
    set_ui_language(app, language)
    apply_style(
        app,
        settings.text_size,
        scheme=settings.color_scheme,
        high_contrast=settings.high_contrast,
    )
    follow_system_changes(app)
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
