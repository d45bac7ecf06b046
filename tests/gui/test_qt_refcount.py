"""PySide6 6.12 on Python 3.11 drops a reference to None on every void Qt call, and a long
workshop (a few thousand keystrokes) then aborts with "Fatal Python error: none_dealloc".
pyproject.toml excludes that release; this test fails if a Qt with the leak is installed."""

import os
import subprocess
import sys

CALLS = 50_000  # several times what it takes to abort a process with the leak

SCRIPT = f"""
from PySide6.QtCore import QObject
probe = QObject()
for _ in range({CALLS}):
    probe.setObjectName("x")
print("survived")
"""


def test_many_void_qt_calls_do_not_abort_the_app():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
