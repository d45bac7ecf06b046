"""Grab the start page and one page of each kind as PNGs, at 1366x768.

    python -m leaderapp.gui.screenshots OUTDIR

Uses a demo workshop in a throwaway data folder; for reviewing the look (and for
the manual), not part of the app's runtime.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZE = (1366, 768)


def grab_all(outdir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from leaderapp.core.demo import create_demo_workshop
    from leaderapp.core.workspace import Workspace
    from leaderapp.gui.app import create_application
    from leaderapp.gui.main_window import MainWindow

    app = create_application()
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp) / "screens.sqlite3")
        window = MainWindow(workspace)
        window.resize(*SIZE)
        window.show()

        def shot(name: str) -> None:
            # Layouts settle over a few event-loop turns (editors grow to their text).
            for _ in range(12):
                QApplication.processEvents()
            path = outdir / f"{name}.png"
            window.grab().save(str(path))
            written.append(path)

        shot("01-start-empty")
        workshop_id = create_demo_workshop(workspace)
        window.start_page.refresh(workshop_id)
        shot("02-start")
        window.open_workshop(workshop_id)
        view = window.workshop_view
        view.select_kind("notes", 0)
        shot("03-checkin")
        view.select_kind("notes", 1)
        shot("04-value-notes")
        view.select_kind("foundation")
        shot("05-foundation")
        page = view.page
        first = next(iter(page.sections.values()))
        page.scroll.ensureWidgetVisible(first.expect_of_you, 0, 40)
        shot("06-foundation-section")
        view.select_kind("commitments")
        shot("07-commitments")
        view.select_kind("export")
        shot("08-export")
        target = Path(tmp) / "grundlag.pdf"
        view.ask_pdf_path = lambda suggested: target
        view.export_pdf()
        while view.exporter.is_running():
            QApplication.processEvents()
        shot("09-export-done")

        from leaderapp.gui.workshop_dialog import WorkshopDialog

        dialog = WorkshopDialog(lambda draft: None, window)
        dialog.show()
        for _ in range(12):
            QApplication.processEvents()
        path = outdir / "10-new-workshop.png"
        dialog.grab().save(str(path))
        written.append(path)
        dialog.close()
        window.close()
        workspace.close()
    app.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m leaderapp.gui.screenshots OUTDIR", file=sys.stderr)
        return 2
    for path in grab_all(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
