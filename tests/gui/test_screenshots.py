"""`make screenshots` drives the real window and writes every picture the guides use."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QImage

from leaderapp.gui.screenshots import SHOTS, grab_all

ROOT = Path(__file__).resolve().parents[2]
# Dialogs have their own size; every other shot is the window (or the presentation, made
# the window's size).
DIALOG_SHOTS = {"new-workshop", "about", "plan-dialog", "settings", "versions"}
WINDOW_SHOTS = set(SHOTS) - DIALOG_SHOTS


def test_screenshots_writes_every_shot_at_the_window_size(qtbot, tmp_path):
    written = grab_all(tmp_path / "shots", size=(960, 600), export_dir=tmp_path / "pdf")

    assert sorted(path.stem for path in written) == sorted(SHOTS)
    for path in written:
        image = QImage(str(path))
        assert not image.isNull(), path.name
        if path.stem in WINDOW_SHOTS:
            assert (image.width(), image.height()) == (960, 600), path.name
    # The export really ran: the demo PDF was written (and tidied away again).
    assert (tmp_path / "pdf").is_dir() and not list((tmp_path / "pdf").iterdir())


def test_every_dialog_shot_is_a_shot():
    assert DIALOG_SHOTS <= set(SHOTS)


def test_the_guides_use_only_shots_the_script_makes():
    for lang in ("da", "en"):
        guide = (ROOT / "docs" / "guide" / f"{lang}.md").read_text(encoding="utf-8")
        used = set(re.findall(rf"\(images/{lang}/([a-z-]+)\.png\)", guide))
        assert used, lang
        assert used <= set(SHOTS), used - set(SHOTS)
        for name in used:
            assert (ROOT / "docs" / "guide" / "images" / lang / f"{name}.png").is_file(), name
