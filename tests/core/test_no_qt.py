"""The core must stay GUI-free: importing all of it must not load PySide6."""

import pkgutil
import subprocess
import sys

import leaderapp.core


def test_core_imports_without_qt():
    modules = [
        m.name for m in pkgutil.walk_packages(leaderapp.core.__path__, prefix="leaderapp.core.")
    ]
    assert "leaderapp.core.workspace" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(','.join(loaded))\n"
        "sys.exit(1 if loaded else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"core loaded Qt: {result.stdout} {result.stderr}"
