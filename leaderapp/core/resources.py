"""Where the shipped resources (exercises, fonts, catalogues, demo) live.

One helper for source checkouts and frozen (PyInstaller) builds alike, so no
caller ever builds a path that only exists in the source tree.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    if getattr(sys, "frozen", False):
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        return base / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
