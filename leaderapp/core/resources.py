"""Where the shipped resources (exercises, fonts, catalogues, demo, icons) live.

One helper for source checkouts and frozen (PyInstaller) builds alike, so no
caller ever builds a path that only exists in the source tree. The build
(packaging/vaerdidialog.spec) puts ``resources/`` and ``LICENSE`` side by side,
as they are in the source tree, so the same relative paths hold in both.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _frozen_base() -> Path:
    # PyInstaller sets _MEIPASS to the folder holding the bundled data: `_internal/`
    # beside the executable in a one-folder build (PyInstaller 6), the unpack folder
    # of a one-file build, `Contents/Frameworks` in a macOS .app (where PyInstaller
    # links the data files from `Contents/Resources`).
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        return Path(meipass)
    # Frozen without _MEIPASS (another freezer): data beside the executable, or in
    # PyInstaller 6's `_internal/` layout.
    exe_dir = Path(sys.executable).resolve().parent
    internal = exe_dir / "_internal"
    return internal if internal.is_dir() else exe_dir


def base_dir() -> Path:
    """The folder that holds ``resources/`` and ``LICENSE``."""
    if getattr(sys, "frozen", False):
        return _frozen_base()
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return base_dir() / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def licence_path() -> Path:
    """The app's own licence text (MIT)."""
    return base_dir() / "LICENSE"
