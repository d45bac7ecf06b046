"""A whole workshop through the real window: create, reflect, write, commit, export."""

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from leaderapp.gui.pages.commitments_page import DUE, OWNER, CommitmentsPage
from leaderapp.gui.pages.export_page import ExportPage
from leaderapp.gui.pages.foundation_page import FoundationPage
from leaderapp.gui.pages.notes_page import NotesPage

UNIT = "Akutmodtagelsen Ærø, æøå"  # typed: QTest.keyClicks only knows Latin-1
PRINCIPLES = {
    "Dialog": ["Vi lytter før vi beslutter", "Vi siger det, vi mener", "Vi svarer i tide"],
    "Dygtighed": ["Kvalitet set fra patienten", "Vi deler viden", "Vi lærer hver dag"],
    "Dristighed": ["Vi tør prøve nyt", "Fejl er til at lære af", "Ydelsen er altid i orden"],
}
HEADINGS = {
    "Dialog": "Vi taler sammen, før det er afgjort",
    "Dygtighed": "Vi er gode, og vi bliver bedre",
    "Dristighed": "Vi tør, og vi lærer",
}


def test_workshop_from_start_to_pdf(window, workspace, qtbot, monkeypatch, tmp_path):
    # 1. Create the workshop from the start page.
    def fill(dialog):
        qtbot.keyClicks(dialog.unit_name, UNIT)
        dialog.organisation.setText("Region Midtjylland")
        dialog.facilitator.setText("Mette Kjærgaard")
        dialog.date.setDate(QDate(2026, 4, 20))
        dialog.participants.setPlainText("Anna Østergaard\nBo Jensen\nSigrún Ólafsdóttir")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(window.start_page, "exec_dialog", fill)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    view = window.workshop_view
    assert window.stack.currentWidget() is view
    [summary] = workspace.list_workshops()
    workshop_id = summary.id
    assert summary.first_date == date(2026, 4, 20)

    # 2. A note on each value, typed into its step.
    for nth, value in enumerate(workspace.values(workshop_id)):
        view.select_kind("notes", 1 + nth)
        page = view.page
        assert isinstance(page, NotesPage) and page.value.id == value.id
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(page.editor, f"Note om {value.name}: æøå")
    window.next_action.trigger()  # leaving the last value step saves its note
    notes = workspace.notes(workshop_id)
    assert sorted(n.text for n in notes) == sorted(
        f"Note om {v.name}: æøå" for v in workspace.values(workshop_id)
    )

    # 3. The foundation: introduction, and for each value its heading, principles, voices.
    view.select_kind("foundation")
    page = view.page
    assert isinstance(page, FoundationPage)
    qtbot.keyClicks(page.introduction, "Vi har skrevet dette grundlag sammen.")
    for name, principles in PRINCIPLES.items():
        section = page.section_editor(name)
        qtbot.keyClicks(section.heading, HEADINGS[name])
        for line in principles:
            qtbot.keyClicks(section.principles, line)
            qtbot.keyClick(section.principles, Qt.Key.Key_Return)
        qtbot.keyClicks(section.expect_of_us, f"Af os kan du forvente {name.lower()}.")
        qtbot.keyClicks(section.expect_of_you, f"Af dig forventer vi {name.lower()}.")
    qtbot.waitUntil(
        lambda: all(
            len(s.principles) == 3 and s.expect_of_you
            for s in workspace.foundation(workshop_id).sections
        ),
        timeout=5000,
    )

    # 4. Commitments.
    view.select_kind("commitments")
    page = view.page
    assert isinstance(page, CommitmentsPage)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Fast punkt om bekymringer på tavlemødet")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: workspace.commitments(workshop_id)[0].action != "")
    assert page.model.setData(page.model.index(0, OWNER), "Bo Jensen")
    assert page.model.setData(page.model.index(0, DUE), date(2026, 6, 1))

    # 5. Export, with the file dialog answered by the test.
    target = tmp_path / "grundlag.pdf"
    monkeypatch.setattr(view, "ask_pdf_path", lambda suggested: target)
    with qtbot.waitSignal(view.exporter.succeeded, timeout=60_000):
        window.export_action.trigger()
    assert isinstance(view.page, ExportPage)
    assert str(target) in view.page.result.text()
    assert target.exists()

    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    flat = " ".join(text.split())
    assert UNIT in flat
    for heading in HEADINGS.values():
        assert heading in flat
    assert "Vi lytter før vi beslutter" in flat
    assert "Fast punkt om bekymringer på tavlemødet" in flat
    assert "æøå" in flat
