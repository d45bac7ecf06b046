"""A picture of every step of a workshop, and of the presentation mode, for looking at.

    python -m leaderapp.gui.step_shots OUTDIR [--size 1366x768] [--scheme dark]
        [--percent 150] [--steps 1,10,13]      (LEADERAPP_LANG=en for English)

Builds the demo workshop (the full course) in a throwaway folder, opens it in the
real window (offscreen unless a display is set) at the given size, and writes one PNG
per step (``NN-<exercise>.png``) and one of the presentation window
(``presentation.png``). Clipped or untranslated text shows up here before a user sees it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(12):
        QApplication.processEvents()


def grab_steps(
    outdir: Path,
    size: tuple[int, int],
    *,
    scheme: str = "light",
    percent: int = 100,
    steps: set[int] | None = None,
) -> list[Path]:
    """Write a PNG per step (or the 1-based ``steps``) and of the presentation mode."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Settings of their own: the user's saved look never leaks into the pictures.
    os.environ["LEADERAPP_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="leaderapp-shots-")
    from leaderapp.gui import style
    from leaderapp.gui.settings import Settings

    settings = Settings()
    settings.color_scheme = scheme
    settings.text_size = round(style.DEFAULT_POINT_SIZE * percent / 100, 1)
    from leaderapp.core.demo import create_demo_workshop
    from leaderapp.core.workspace import Workspace
    from leaderapp.gui.app import create_application
    from leaderapp.gui.main_window import MainWindow

    create_application()
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(name: str, widget) -> None:
        _settle()
        path = outdir / f"{name}.png"
        if not widget.grab().save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        written.append(path)

    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp) / "shots.sqlite3")
        window = MainWindow(workspace)
        window.resize(*size)
        window.show()
        try:
            workshop_id = create_demo_workshop(workspace)
            window.open_workshop(workshop_id)
            view = window.workshop_view
            for row, step in enumerate(view.steps):
                if steps and row + 1 not in steps:
                    continue
                view.select_step(row)
                save(f"{row + 1:02d}-{step.exercise_id}", window)
            view.select_step(0)
            from leaderapp.gui.facilitation.presentation import PresentationController

            presentation = PresentationController(view)
            presentation.toggle()
            shown = presentation.window
            shown.resize(*size)
            save("presentation", shown)
            presentation.toggle()
        finally:
            window.close()
            workspace.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m leaderapp.gui.step_shots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--scheme", default="light", choices=("light", "dark"))
    parser.add_argument("--percent", type=int, default=100)
    parser.add_argument("--steps", default="", help="1-based step numbers, e.g. 1,10,13")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    steps = {int(n) for n in args.steps.split(",") if n.strip()} or None
    shots = grab_steps(
        args.outdir, (width, height), scheme=args.scheme, percent=args.percent, steps=steps
    )
    for path in shots:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
