"""The build's self-test hook (``--smoke-test``) works from source as it must in the build."""

from __future__ import annotations

import sys

from pypdf import PdfReader

from leaderapp.cli import main
from leaderapp.core.paths import database_path
from leaderapp.core.workspace import Workspace


def test_smoke_test_exports_the_demo_through_the_window(qtbot, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    target = tmp_path / "out" / "smoke.pdf"
    target.parent.mkdir()

    code = main(["--data-dir", str(tmp_path / "data"), "--smoke-test", str(target)])

    out = capsys.readouterr().out
    assert code == 0, out
    assert "FAILED" not in out
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    for value in ("Dialog", "Dygtighed", "Dristighed"):
        assert value in text
    # An empty data folder got the demo workshop, so there was something to export.
    workspace = Workspace.open(database_path(tmp_path / "data"))
    try:
        assert len(workspace.list_workshops()) == 1
    finally:
        workspace.close()


def test_smoke_test_fails_when_the_pdf_cannot_be_written(qtbot, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")

    code = main(["--data-dir", str(tmp_path), "--smoke-test", str(blocked / "smoke.pdf")])

    assert code == 1
    assert "smoke: FAILED: export failed" in capsys.readouterr().out
