"""Which files the standalone build carries besides the code, and where they go.

Read by packaging/vaerdidialog.spec and by tests/core/test_resources.py, so the test checks
exactly what the build bundles. Everything under resources/ goes in, except the translation
sources (the app reads the compiled .mo) and the ICO/ICNS files (they become the executable's
own icon). LICENSE goes beside resources/, as in the source tree, so
``leaderapp.core.resources`` finds both the same way frozen and unfrozen.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Files the app opens at run time; the build stops if one is missing.
REQUIRED = (
    "LICENSE",
    "resources/values.toml",
    "resources/programs/standard.toml",
    "resources/exercises/checkin.toml",
    "resources/demo/demo_workshop.toml",
    "resources/schema/workshop-file.schema.json",
    "resources/fonts/DejaVuSans.ttf",
    "resources/fonts/DejaVuSans-Bold.ttf",
    "resources/fonts/DejaVuSans-Oblique.ttf",
    "resources/fonts/DejaVuSans-BoldOblique.ttf",
    "resources/fonts/Symbola.ttf",
    "resources/fonts/LICENSE-DejaVu.txt",
    "resources/fonts/LICENSE-Symbola.txt",
    "resources/locale/da/LC_MESSAGES/leaderapp.mo",
    "resources/icons/vaerdidialog.svg",
    "resources/icons/vaerdidialog-256.png",
)

_LEFT_OUT_SUFFIXES = {".po", ".pot", ".ico", ".icns"}


def bundled_files(root: Path = ROOT) -> list[str]:
    """Paths relative to ``root``, with forward slashes, sorted."""
    files = ["LICENSE"]
    for path in sorted((root / "resources").rglob("*")):
        relative = path.relative_to(root)
        if (
            path.is_file()
            and path.suffix not in _LEFT_OUT_SUFFIXES
            and not any(part.startswith(".") or part == "__pycache__" for part in relative.parts)
        ):
            files.append(relative.as_posix())
    return files


def problems(root: Path = ROOT) -> list[str]:
    """What would make a broken build: missing files, catalogues older than their source."""
    found = []
    bundled = set(bundled_files(root))
    for name in REQUIRED:
        if name not in bundled or not (root / name).is_file():
            found.append(f"missing {name}")
    for po in (root / "resources" / "locale").rglob("*.po"):
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
            found.append(f"{mo.relative_to(root).as_posix()} is missing or older than its .po")
    return found


def pyinstaller_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs, as PyInstaller's ``datas`` wants them."""
    return [
        (str(root / name), str(Path(name).parent).replace("\\", "/") or ".")
        for name in bundled_files(root)
    ]
