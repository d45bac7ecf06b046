"""The facilitator's guide's screenshots, taken from the real window, offscreen.

    make screenshots                               both languages into docs/guide/images/
    python -m leaderapp.gui.screenshots OUTDIR     one language (LEADERAPP_LANG, default da)

Each shot has a stable name (``SHOTS``), so the guides (docs/guide/da.md, en.md) keep
pointing at the right picture when the pictures are made again. A demo workshop in a
throwaway data folder supplies the content; the window is 1366x768, a common projector.
One language per process: Qt's own translator is installed once, at start.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path, PureWindowsPath

SIZE = (1366, 768)
WINDOWS_DATA_FILE = PureWindowsPath(
    r"C:\Users\mette\AppData\Local\Vaerdidialog\vaerdidialog.sqlite3"
)

# name: what the picture shows (the guides use these file names).
SHOTS = {
    "start-empty": "the start page on first use",
    "new-workshop": "the New workshop dialog, filled in",
    "start": "the start page with a workshop",
    "checkin": "the check-in step with notes",
    "value-notes": "a value step (dialogue) with notes",
    "foundation": "writing the foundation",
    "foundation-section": "one value's section of the foundation",
    "commitments": "the commitments table",
    "export": "the export step after a PDF was saved",
    "file-menu": "the File menu open over the window",
    "about": "the About dialog",
    # Added with the exercise pages and the facilitation tools.
    "plan-dialog": "the Adjust the plan dialog",
    "attitude-action": "attitude -> action: attitudes with actions under them",
    "dot-voting": "dot voting with dots on the notes",
    "polarity": "the polarity map of the four result areas",
    "triple-task": "the triple leadership task",
    "dilemmas": "dilemma cards",
    "rating": "bør/kan/vil/må/tør ratings with the radar",
    "from-to": "from -> to",
    "expectations": "expectations both ways",
    "presentation": "the presentation window the room sees",
    "settings": "the Settings dialog",
    "versions": "kept versions of the foundation",
}


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    # Layouts settle over a few event-loop turns (editors grow to their text).
    for _ in range(12):
        QApplication.processEvents()


def _scroll_to(widget) -> None:
    """Scroll the nearest scroll area around ``widget`` so that all of it shows."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 0)


def _shrink(path: Path) -> None:
    """256 colours without dithering: a third of the size, no visible change for a flat UI,
    so the committed pictures stay small (Pillow comes with reportlab)."""
    from PIL import Image

    with Image.open(path) as image:
        image.load()
    quantized = image.convert("RGB").quantize(
        colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    quantized.save(path, optimize=True)


def grab_all(
    outdir: Path, size: tuple[int, int] = SIZE, export_dir: Path | None = None
) -> list[Path]:
    """Write every shot in ``SHOTS`` into ``outdir`` as PNG; returns the files written.

    The demo PDF is exported into ``export_dir`` (and deleted again); by default a
    "Documents" folder in the system's temporary folder, a path that reads well and
    stays the same from run to run, as the export page shows it.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import date

    from PySide6.QtCore import QDate
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    from leaderapp.core.demo import create_demo_workshop
    from leaderapp.core.i18n import _
    from leaderapp.core.workspace import Workspace
    from leaderapp.gui.about_dialog import AboutDialog
    from leaderapp.gui.app import create_application, system_language
    from leaderapp.gui.facilitation.plan_dialog import PlanDialog
    from leaderapp.gui.facilitation.presentation import PresentationController
    from leaderapp.gui.main_window import MainWindow
    from leaderapp.gui.settings_dialog import SettingsDialog
    from leaderapp.gui.versions_dialog import VersionsDialog
    from leaderapp.gui.workshop_dialog import WorkshopDialog

    # Settings of their own: a user's dark mode or text size stays out of the guide.
    os.environ["LEADERAPP_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="leaderapp-shots-")
    create_application()
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(name: str, widget: QWidget, pixmap=None) -> None:
        assert name in SHOTS, name
        _settle()
        path = outdir / f"{name}.png"
        if not (pixmap or widget.grab()).save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        _shrink(path)
        written.append(path)

    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp) / "screens.sqlite3")
        window = MainWindow(workspace)
        window.resize(*size)
        window.show()
        try:
            save("start-empty", window)

            dialog = WorkshopDialog(lambda draft: None, window)
            dialog.unit_name.setText("Akutafdelingen")
            dialog.organisation.setText("Regionshospitalet Kildebæk")
            dialog.facilitator.setText("Mette Holm")
            dialog.date.setDate(QDate(date.today().year, 12, 1))
            dialog.participants.setPlainText("Anna Østergaard\nBo Jensen\nŁukasz Nowak")
            dialog.show()
            _settle()
            dialog.unit_name.deselect()  # focus selected the name; a picture reads better plain
            save("new-workshop", dialog)
            dialog.close()

            workshop_id = create_demo_workshop(workspace)
            window.start_page.refresh(workshop_id)
            save("start", window)

            window.open_workshop(workshop_id)
            view = window.workshop_view
            view.select_kind("notes", 0)
            save("checkin", window)
            view.select_kind("notes", 1)
            save("value-notes", window)
            view.select_kind("attitude_action")
            save("attitude-action", window)
            view.select_kind("dot_voting")
            save("dot-voting", window)
            view.select_kind("polarity_map")
            save("polarity", window)
            view.select_kind("triple_task")
            save("triple-task", window)
            view.select_kind("dilemmas")
            save("dilemmas", window)
            view.select_kind("competence_rating")
            _settle()
            # Where the page stacks the radar under the scores (English is wider), scroll
            # down to it: the radar is what the picture is for.
            panel = view.page.panel
            if panel.radar_card.y() > panel.grid_card.y():
                _scroll_to(panel.radar_card)
            save("rating", window)
            view.select_kind("from_to")
            save("from-to", window)
            view.select_kind("expectations")
            save("expectations", window)

            # The dialog itself rather than view.edit_plan(), whose exec() would wait.
            plan = PlanDialog(
                workspace,
                workshop_id,
                view.history,
                window,
                on_change=view.reload_plan,
                current_step_id=view.current_step().id,
            )
            plan.show()
            save("plan-dialog", plan)
            plan.close()

            # What the room sees on the projector: the step's prompt, its notes, the timer.
            view.select_kind("notes", 1)
            presenting = PresentationController.of(view)
            presenting.toggle()
            shown = presenting.window
            if shown is not None:
                shown.showNormal()
                shown.resize(*size)
                save("presentation", shown)
            presenting.toggle()

            view.select_kind("foundation")
            save("foundation", window)
            page = view.page
            first_value_id, first = next(iter(page.sections.items()))
            page.scroll.ensureWidgetVisible(first.expect_of_you, 0, 40)
            save("foundation-section", window)
            view.select_kind("commitments")
            save("commitments", window)

            # A folder with a readable, stable name: the page shows where the PDF went.
            folder = export_dir or Path(tempfile.gettempdir()) / _("Documents")
            folder.mkdir(parents=True, exist_ok=True)
            view.ask_pdf_path = lambda suggested: folder / suggested.name
            view.export_pdf()
            while view.exporter.is_running():
                QApplication.processEvents()
            save("export", window)
            if view.exporter.last_path:
                Path(view.exporter.last_path).unlink(missing_ok=True)

            file_menu = window.menuBar().actions()[0].menu()
            where = window.menuBar().actionGeometry(window.menuBar().actions()[0]).bottomLeft()
            file_menu.popup(window.menuBar().mapToGlobal(where))
            _settle()
            picture = window.grab()
            painter = QPainter(picture)
            painter.drawPixmap(window.mapFromGlobal(file_menu.pos()), file_menu.grab())
            painter.end()
            save("file-menu", window, picture)
            file_menu.hide()

            # Where a Windows laptop keeps the data, rather than this run's temporary folder.
            about = AboutDialog(WINDOWS_DATA_FILE, window)
            about.show()
            save("about", about)
            about.close()

            settings = SettingsDialog(
                window.settings,
                window,
                default_backup_dir=WINDOWS_DATA_FILE.parent / "backups",
                system_language=system_language(),
            )
            settings.show()
            save("settings", settings)
            settings.reject()

            # A kept version and a change since, so the dialog has something to compare.
            workspace.save_version(workshop_id)
            section = workspace.section(first_value_id)
            workspace.update_section(first_value_id, principles=section.principles[:-1])
            versions = VersionsDialog(workspace, workshop_id, window)
            versions.show()
            save("versions", versions)
            versions.close()
        finally:
            window.close()
            workspace.close()
    QApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0].startswith("-"):
        print("usage: python -m leaderapp.gui.screenshots OUTDIR", file=sys.stderr)
        return 2
    for path in grab_all(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
