"""Preview and print: the PDF's own pages, shown in the app and sent to a printer."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter

from leaderapp.gui.pages.export_page import ExportPage
from leaderapp.gui.print_preview import PreviewDialog


def _preview(window, workspace, workshop_id, qtbot, monkeypatch) -> PreviewDialog:
    value = workspace.values(workshop_id)[0]
    workspace.update_section(value.id, heading="Vi lytter <b>&", principles=["Et", "To", "Tre"])
    workspace.update_foundation(workshop_id, introduction="Indledning <img src=x>\n\n" * 40)
    window.workshop_view.select_kind("export")
    page = window.workshop_view.page
    assert isinstance(page, ExportPage)
    shown = []
    monkeypatch.setattr(page, "exec_dialog", shown.append)
    page.preview_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    return shown[0]


def test_preview_shows_every_page_of_the_pdf(open_workshop, workspace, qtbot, monkeypatch):
    window, workshop_id = open_workshop
    dialog = _preview(window, workspace, workshop_id, qtbot, monkeypatch)
    qtbot.addWidget(dialog)
    pages = len(PdfReader(dialog.pdf).pages)
    assert pages >= 3
    assert len(dialog.page_labels) == pages
    first = dialog.pages[0]
    # A page is white paper with something printed on it, never transparent or blank.
    assert first.pixelColor(first.width() - 5, first.height() - 5) == QColor("white")
    dark = sum(
        1
        for x in range(0, first.width(), 7)
        for y in range(0, first.height(), 7)
        if first.pixelColor(x, y).lightness() < 128
    )
    assert dark > 50
    assert first.width() / first.height() == pytest.approx(210 / 297, rel=0.01)


def test_print_sends_the_same_pages_to_the_printer(
    open_workshop, workspace, qtbot, monkeypatch, tmp_path
):
    window, workshop_id = open_workshop
    dialog = _preview(window, workspace, workshop_id, qtbot, monkeypatch)
    qtbot.addWidget(dialog)
    printed = tmp_path / "printer.pdf"

    def printer_to_file():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(100)
        return printer

    monkeypatch.setattr(dialog, "ask_printer", printer_to_file)
    dialog.print_button.click()
    assert len(PdfReader(printed).pages) == len(PdfReader(dialog.pdf).pages)
    assert str(len(dialog.pages)) in dialog.info.text()


def test_cancelled_print_dialog_prints_nothing(open_workshop, workspace, qtbot, monkeypatch):
    window, workshop_id = open_workshop
    dialog = _preview(window, workspace, workshop_id, qtbot, monkeypatch)
    qtbot.addWidget(dialog)
    before = dialog.info.text()
    monkeypatch.setattr(dialog, "ask_printer", lambda: None)
    dialog.print_button.click()
    assert dialog.info.text() == before


def test_save_from_preview_writes_the_previewed_pdf(
    open_workshop, workspace, qtbot, monkeypatch, tmp_path
):
    window, workshop_id = open_workshop
    dialog = _preview(window, workspace, workshop_id, qtbot, monkeypatch)
    qtbot.addWidget(dialog)
    target = tmp_path / "out" / "grundlag"
    target.parent.mkdir()
    monkeypatch.setattr(dialog, "ask_save_path", lambda: target)
    dialog.save_button.click()
    saved = target.with_name("grundlag.pdf")
    assert saved.read_bytes() == dialog.pdf.read_bytes()
    assert str(saved) in dialog.info.text()
    # A folder that does not exist: a clear message, nothing written.
    monkeypatch.setattr(dialog, "ask_save_path", lambda: tmp_path / "nope" / "x.pdf")
    dialog.save_button.click()
    assert "nope" in dialog.info.text()
    assert not (tmp_path / "nope").exists()
