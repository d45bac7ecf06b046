import subprocess
import sys

from leaderapp.gui.export_page import ExportPage
from leaderapp.gui.exporter import suggested_pdf_name


def test_export_page_summarises_the_work(open_workshop, workspace):
    window, workshop_id = open_workshop
    step = workspace.steps(workshop_id)[1]
    workspace.add_note(step.id, "en")
    workspace.add_note(step.id, "to")
    workspace.add_commitment(workshop_id, "Gør noget")
    window.workshop_view.select_kind("export")
    page = window.workshop_view.page
    assert isinstance(page, ExportPage)
    text = " | ".join(page.summary.itemAt(i).widget().text() for i in range(page.summary.count()))
    assert "2 noter" in text or "2 notes" in text
    assert "0 af 3" in text or "0 of 3" in text
    assert "1 aftale" in text or "1 commitment" in text


def test_export_shortcut_asks_for_a_path_with_a_suggested_name(open_workshop, monkeypatch, qtbot):
    window, _ = open_workshop
    asked = []
    monkeypatch.setattr(
        window.workshop_view, "ask_pdf_path", lambda suggested: asked.append(suggested)
    )
    window.workshop_view.select_kind("notes")
    window.export_action.trigger()  # Ctrl+E, from any step
    assert len(asked) == 1
    assert asked[0].name.endswith("Akutmodtagelsen.pdf")
    assert isinstance(window.workshop_view.page, ExportPage)  # shows where progress will be


def test_failed_export_shows_the_reason(open_workshop, monkeypatch, qtbot, tmp_path):
    window, _ = open_workshop
    view = window.workshop_view
    target = tmp_path / "missing-folder" / "grundlag.pdf"
    monkeypatch.setattr(view, "ask_pdf_path", lambda suggested: target)
    with qtbot.waitSignal(view.exporter.failed, timeout=30_000):
        window.export_action.trigger()
    page = view.page
    assert "missing-folder" in page.result.text()
    assert page.result.property("role") == "error"
    assert page.export_button.isEnabled()
    assert not target.exists()


def test_suggested_name_is_a_safe_file_name():
    name = suggested_pdf_name('Akut/modtagelsen: "nord" <2>')
    assert name.endswith(".pdf")
    assert not any(ch in name for ch in '/\\:*?"<>|')
    assert "Akut modtagelsen" in name


def test_gui_import_does_not_load_reportlab():
    code = (
        "import sys, leaderapp.gui.app, leaderapp.gui.main_window;"
        "assert 'reportlab' not in sys.modules, 'reportlab imported at startup'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
