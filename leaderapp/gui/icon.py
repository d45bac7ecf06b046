"""The app's icon, from the PNGs rendered by packaging/make_icons.py."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from leaderapp.core.resources import resource_path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """Every size drawn for itself, so a 16 px taskbar icon is crisp, not a shrunk 512."""
    icon = QIcon()
    for size in SIZES:
        path = resource_path("icons", f"vaerdidialog-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
