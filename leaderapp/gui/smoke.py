"""``vaerdidialog --smoke-test OUT.pdf``: proves a build works, with nobody at the screen.

Opens the most recently changed workshop (the demo workshop if the data folder has none),
exports its PDF through the window's own export code, closes the window and returns 0
when the PDF was written. It also checks what a build most easily loses: the window icon,
the app's Danish catalogue and Qt's own Danish strings. packaging/smoke_test.sh runs it on
the built app; each check is one line on stdout.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from leaderapp.core.i18n import _, current_language
from leaderapp.core.workspace import Workspace
from leaderapp.gui.main_window import MainWindow

TIMEOUT_MS = 120_000  # a slow laptop exports the demo in seconds; this only stops a hang


def _checks(app: QApplication) -> list[tuple[str, bool]]:
    danish = current_language() == "da"
    qt_cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    return [
        ("window icon", not app.windowIcon().isNull()),
        (f"language {current_language()}: “{_('&File')}”", not danish or _("&File") != "&File"),
        (f"Qt's own strings: “{qt_cancel}”", not danish or qt_cancel != "Cancel"),
    ]


class _ErrorCounter(logging.Handler):
    """Errors the app caught and only showed in the status bar still fail the test."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_smoke(app: QApplication, window: MainWindow, workspace: Workspace, target: Path) -> int:
    """Export ``target`` through ``window``; the process exit code."""
    errors = _ErrorCounter()
    logging.getLogger().addHandler(errors)
    try:
        code = _run(app, window, workspace, target)
    finally:
        logging.getLogger().removeHandler(errors)
    for message in errors.messages:
        print(f"smoke: FAILED: the app logged an error: {message}", flush=True)
    return code or int(bool(errors.messages))


def _run(app: QApplication, window: MainWindow, workspace: Workspace, target: Path) -> int:
    failures = 0
    for name, ok in _checks(app):
        print(f"smoke: {'ok' if ok else 'FAILED'}: {name}", flush=True)
        failures += not ok

    summaries = workspace.list_workshops()
    if summaries:
        workshop_id = summaries[0].id
    else:
        from leaderapp.core.demo import create_demo_workshop

        workshop_id = create_demo_workshop(workspace)
    window.show()
    window.open_workshop(workshop_id)
    if window.stack.currentWidget() is not window.workshop_view:
        print("smoke: FAILED: the workshop did not open", flush=True)
        return 1
    print(f"smoke: ok: opened “{workspace.workshop(workshop_id).unit_name}”", flush=True)

    view = window.workshop_view
    # Every step's page: they are imported by name (kind_pages), which a build can miss.
    from leaderapp.gui.pages.kind_pages import page_class

    shown_pages = {view.page.__class__.__name__}
    for row in range(len(view.steps)):
        view.select_step(row)
        shown_pages.add(type(view.page).__name__)
        if view.current_step() is None or view.current_step().id != view.steps[row].id:
            print(f"smoke: FAILED: step {row + 1} did not open", flush=True)
            return 1
    missing = [
        k
        for k in ("AttitudeActionPage", "PolarityPage", "RatingPage", "VotingPage")
        if k not in shown_pages
    ]
    page_class("follow_up")  # not in the demo's program, still in the build
    if missing:
        print(f"smoke: FAILED: steps shown on the wrong page: {missing}", flush=True)
        failures += 1
    else:
        print(f"smoke: ok: {len(view.steps)} steps opened on their own pages", flush=True)
    view.ask_pdf_path = lambda suggested: target  # instead of the file dialog
    outcome = {"code": 1}

    def finish(code: int, message: str) -> None:
        if app.closingDown() or outcome.get("done"):
            return
        outcome.update(code=code, done=True)
        print(f"smoke: {'ok' if code == 0 else 'FAILED'}: {message}", flush=True)
        window.close()
        app.exit(code)

    view.exporter.succeeded.connect(lambda path: finish(0, f"PDF written: {path}"))
    view.exporter.failed.connect(lambda message: finish(1, f"export failed: {message}"))
    view.exporter.started.connect(lambda path: outcome.update(started=True))

    def start() -> None:
        window.export_pdf()
        if not outcome.get("started"):
            finish(1, "the export did not start (see the status bar message above)")

    QTimer.singleShot(0, start)
    QTimer.singleShot(TIMEOUT_MS, lambda: finish(1, "no PDF within the time limit"))
    app.exec()
    if outcome["code"] == 0 and not (target.is_file() and target.stat().st_size > 0):
        print(f"smoke: FAILED: {target} is missing or empty", flush=True)
        return 1
    return outcome["code"] or min(failures, 1)
