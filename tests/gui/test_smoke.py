"""The build's self-test hook (``--smoke-test``) works from source as it must in the build.

Run as a child process, as the build runs it: the hook starts and ends its own
QApplication event loop, which must not share a process with the other GUI tests.
"""

from __future__ import annotations

import os
import subprocess
import sys

from pypdf import PdfReader

from leaderapp.core.paths import database_path
from leaderapp.core.workspace import Workspace


def _run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEADERAPP_LANG="da")
    return subprocess.run(
        [sys.executable, "-m", "leaderapp", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_smoke_test_exports_the_demo_through_the_window(tmp_path):
    target = tmp_path / "out" / "smoke.pdf"
    target.parent.mkdir()

    result = _run("--data-dir", str(tmp_path / "data"), "--smoke-test", str(target))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAILED" not in result.stdout
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    for value in ("Dialog", "Dygtighed", "Dristighed"):
        assert value in text
    # An empty data folder got the demo workshop, so there was something to export.
    workspace = Workspace.open(database_path(tmp_path / "data"))
    try:
        assert len(workspace.list_workshops()) == 1
    finally:
        workspace.close()


def test_smoke_test_fails_when_the_pdf_cannot_be_written(tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")

    result = _run("--data-dir", str(tmp_path), "--smoke-test", str(blocked / "smoke.pdf"))

    assert result.returncode == 1
    assert "smoke: FAILED: export failed" in result.stdout
