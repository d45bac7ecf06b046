import io
import subprocess
import sys
import threading
from datetime import date

import pytest
from docx import Document
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt

from leaderapp.core.i18n import current_language, set_language
from leaderapp.gui import exporter as exporter_module
from leaderapp.gui.exporter import suggested_pdf_name
from leaderapp.gui.pages.export_page import ExportPage


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


# ---------------------------------------------------------------- issue 4, rest


@pytest.fixture
def english():
    previous = current_language()
    set_language("en")
    yield
    set_language(previous)


def _export_page(window):
    window.workshop_view.select_kind("export")
    page = window.workshop_view.page
    assert isinstance(page, ExportPage)
    return page


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 100), "#17606E").save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("fmt, suffix", [("pdf", ".pdf"), ("docx", ".docx"), ("md", ".md")])
def test_export_in_each_format_with_the_appendix(
    open_workshop, workspace, monkeypatch, qtbot, tmp_path, fmt, suffix
):
    window, workshop_id = open_workshop
    step = workspace.steps(workshop_id)[0]
    workspace.add_note(step.id, "Notat til bilaget <b>&")
    page = _export_page(window)
    view = window.workshop_view
    target = tmp_path / f"grundlag{suffix}"
    monkeypatch.setattr(view, "ask_pdf_path", lambda suggested: target)
    monkeypatch.setattr(page, "ask_path", lambda f, suggested: target)
    page.set_format(fmt)
    page.appendix_box.setChecked(True)
    with qtbot.waitSignal(view.exporter.succeeded, timeout=60_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert str(target) in page.result.text()
    assert page.open_button.isVisible() and not page.cancel_button.isVisible()
    if fmt == "pdf":
        text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    elif fmt == "docx":
        text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    else:
        text = target.read_text("utf-8").replace("\\", "")
    assert "Notat til bilaget <b>&" in text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "md"])
def test_cancel_stops_the_export_and_leaves_no_file(
    open_workshop, monkeypatch, qtbot, tmp_path, english, fmt
):
    window, _ = open_workshop
    page = _export_page(window)
    view = window.workshop_view
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"grundlag.{fmt}"
    monkeypatch.setattr(view, "ask_pdf_path", lambda suggested: target)
    monkeypatch.setattr(page, "ask_path", lambda f, suggested: target)
    # The worker waits until Cancel is pressed, then runs the real export, which
    # stops at its first progress report: the same every run, however fast.
    pressed = threading.Event()
    real = exporter_module.run_export

    def held(*args):
        assert pressed.wait(30)
        return real(*args)

    monkeypatch.setattr(exporter_module, "run_export", held)
    page.set_format(fmt)
    with qtbot.waitSignal(view.exporter.cancelled, timeout=60_000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
        assert not page.cancel_button.isHidden() and not page.progress.isHidden()
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        pressed.set()
    assert not target.exists()
    assert list(folder.iterdir()) == []  # no temporary file either
    assert "cancelled" in page.result.text()
    assert page.export_button.isEnabled() and page.cancel_button.isHidden()
    assert view.exporter.last_path is None


def test_cover_details_save_as_typed_and_undo(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = _export_page(window)
    page.version_edit.setFocus()
    qtbot.keyClicks(page.version_edit, "2.0 <b>")
    page.involvement_edit.setFocus()
    qtbot.keyClicks(page.involvement_edit, "Droftet i LokalMED <img src=x> &")
    assert page.flush()
    foundation = workspace.foundation(workshop_id)
    assert foundation.version == "2.0 <b>"
    assert foundation.involvement == "Droftet i LokalMED <img src=x> &"
    page.version_date.setDate(page.version_date.date().fromString("2027-03-03", "yyyy-MM-dd"))
    assert workspace.foundation(workshop_id).version_date == date(2027, 3, 3)
    page.clear_date_button.click()
    assert workspace.foundation(workshop_id).version_date is None
    window.workshop_view.history.undo()  # the cleared date comes back
    assert workspace.foundation(workshop_id).version_date == date(2027, 3, 3)
    assert page.version_date.date().toString("yyyy-MM-dd") == "2027-03-03"


def test_logo_is_chosen_shown_refused_and_removed(
    open_workshop, workspace, monkeypatch, tmp_path, english
):
    window, workshop_id = open_workshop
    page = _export_page(window)
    errors = []
    monkeypatch.setattr(page, "show_error", errors.append)
    good = tmp_path / "logo.png"
    good.write_bytes(_png())
    monkeypatch.setattr(page, "ask_logo_path", lambda: good)
    page.logo_button.click()
    assert workspace.foundation(workshop_id).logo == _png()
    assert not page.logo_view.pixmap().isNull()
    assert page.remove_logo_button.isEnabled()

    fake = tmp_path / "fake.png"
    fake.write_text("not an image")
    monkeypatch.setattr(page, "ask_logo_path", lambda: fake)
    page.logo_button.click()
    assert errors and "PNG or JPEG" in errors[-1]
    assert workspace.foundation(workshop_id).logo == _png()  # the good one stays

    page.remove_logo_button.click()
    assert workspace.foundation(workshop_id).logo is None
    assert page.logo_view.text() == "No logo"
    window.workshop_view.history.undo()
    assert workspace.foundation(workshop_id).logo == _png()


def test_save_version_and_see_what_changed(open_workshop, workspace, monkeypatch, english):
    window, workshop_id = open_workshop
    page = _export_page(window)
    errors = []
    monkeypatch.setattr(page, "show_error", errors.append)
    page.save_version_button.click()
    assert errors and "name or number" in errors[-1]
    workspace.set_cover_details(workshop_id, version="1.0")
    page.save_version_button.click()
    assert [v.version for v in workspace.versions(workshop_id)] == ["1.0"]
    assert "1.0" in page.versions_info.text()

    value = workspace.values(workshop_id)[0]
    workspace.update_section(value.id, principles=["Vi lytter <img src=x>"])
    shown = []
    monkeypatch.setattr(page, "exec_dialog", lambda dialog: shown.append(dialog))
    page.versions_button.click()
    dialog = shown[0]
    text = dialog.changes.toPlainText()
    assert "+ Added: Vi lytter <img src=x>" in text
    assert f"{value.name} – Principles" in text


def test_with_large_text_the_columns_stand_one_below_the_other(open_workshop, qapp):
    from PySide6.QtWidgets import QBoxLayout

    from leaderapp.gui import style

    window, _workshop_id = open_workshop
    window.resize(1366, 768)
    page = _export_page(window)
    try:
        for percent, wanted in (
            (100, QBoxLayout.Direction.LeftToRight),
            (150, QBoxLayout.Direction.TopToBottom),
        ):
            style.apply_style(qapp, style.DEFAULT_POINT_SIZE * percent / 100)
            for _ in range(8):
                qapp.processEvents()
            assert page.columns.direction() == wanted, percent
            # Nothing runs past the right edge, where it could not be read.
            content = page.scroll.widget()
            assert content.width() <= page.scroll.viewport().width(), percent
    finally:
        style.apply_style(qapp, style.DEFAULT_POINT_SIZE)


def test_the_logo_frame_takes_the_colours_of_the_scheme_in_use(open_workshop, qapp):
    from leaderapp.gui import style

    window, _workshop_id = open_workshop
    page = _export_page(window)
    try:
        style.apply_style(qapp, scheme="dark")
        for _ in range(4):
            qapp.processEvents()
        assert style.DARK.BORDER in page.logo_view.styleSheet()
    finally:
        style.apply_style(qapp, scheme="system")
