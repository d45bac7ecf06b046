"""File › Export workshop file… and Import workshop file… through the window."""

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from leaderapp.core.i18n import _, ngettext
from leaderapp.core.paths import database_path
from leaderapp.core.transfer import FILE_SUFFIX, export_workshop_file, import_workshop_file
from leaderapp.core.workspace import Workspace
from leaderapp.gui.main_window import MainWindow


@pytest.fixture
def results(window, monkeypatch):
    """The boxes the user would see: (icon, title, text)."""
    shown = []
    monkeypatch.setattr(window.workshop_files, "show_result", lambda *box: shown.append(box))
    return shown


@pytest.fixture
def other_laptop(qtbot, tmp_path, monkeypatch):
    workspace = Workspace.open(database_path(tmp_path / "laptop-b"))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(window.workshop_files, "show_result", lambda *box: shown.append(box))
    yield window, shown
    window.close()
    workspace.close()


def test_a_workshop_travels_to_another_laptop_and_back(
    open_workshop, workspace, other_laptop, tmp_path, monkeypatch, qtbot
):
    window, wid = open_workshop
    window.workshop_view.select_kind("notes", 1)
    page = window.workshop_view.page
    page.new_note()
    qtbot.keyClicks(page.editor, "skrevet på laptop A")  # pending: export saves it first
    suggested = []

    def target(path):
        suggested.append(path)
        return tmp_path / "akut"  # the suffix is added

    monkeypatch.setattr(window.workshop_files, "ask_target", target)
    window.export_file_action.trigger()

    written = tmp_path / f"akut{FILE_SUFFIX}"
    assert suggested[0].name.startswith("Akutmodtagelsen") and suggested[0].name.endswith(
        FILE_SUFFIX
    )
    document = json.loads(written.read_text(encoding="utf-8"))
    assert [n["text"] for n in document["workshop"]["notes"]] == ["skrevet på laptop A"]
    assert str(written) in window.message.text()

    b_window, b_shown = other_laptop
    monkeypatch.setattr(b_window.workshop_files, "ask_source", lambda: written)
    b_window.import_file_action.trigger()

    [(icon, _title, text)] = b_shown
    assert icon == QMessageBox.Icon.Information
    assert text == _("Imported the workshop “{name}”.").format(name="Akutmodtagelsen")
    assert b_window.start_page.selected_id() == wid
    assert [n.text for n in b_window.workspace.notes(wid)] == ["skrevet på laptop A"]

    b_window.import_file_action.trigger()  # the same file again changes nothing
    assert "Akutmodtagelsen" in b_shown[1][2]
    assert len(b_window.workspace.notes(wid)) == 1


def test_importing_into_the_open_workshop_shows_the_merged_notes(
    open_workshop, workspace, results, tmp_path, monkeypatch
):
    window, wid = open_workshop
    step = workspace.steps(wid)[1]
    other = Workspace.open(None)
    try:
        path = export_workshop_file(workspace, wid, tmp_path / f"a{FILE_SUFFIX}")
        import_workshop_file(other, path)
        other.add_note(step.id, "fra laptop B")
        path_b = export_workshop_file(other, wid, tmp_path / f"b{FILE_SUFFIX}")
    finally:
        other.close()
    window.workshop_view.select_kind("notes", 1)
    monkeypatch.setattr(window.workshop_files, "ask_source", lambda: path_b)

    window.import_file_action.trigger()

    page = window.workshop_view.page
    assert [page.list.item(i).text() for i in range(page.list.count())] == ["fra laptop B"]
    assert ngettext("{n} new note", "{n} new notes", 1).format(n=1) in results[0][2]


@pytest.mark.parametrize(
    "content",
    [
        b"{ not json at all",
        b'{"format": "vaerdidialog-workshop", "version": 7, "workshop": {}}',
        b'{"format": "vaerdidialog-workshop", "version": 1, "workshop": {"id": 5}}',
        b"\x00\x01\x02 binary",
    ],
)
def test_a_bad_file_is_refused_with_its_reason_and_nothing_changes(
    window, workspace, make_workshop, results, tmp_path, monkeypatch, content
):
    make_workshop()
    before = [workspace.snapshot(w.id) for w in workspace.list_workshops()]
    source = tmp_path / f"broken{FILE_SUFFIX}"
    source.write_bytes(content)
    monkeypatch.setattr(window.workshop_files, "ask_source", lambda: source)

    window.import_file_action.trigger()

    [(icon, _title, text)] = results
    assert icon == QMessageBox.Icon.Warning
    assert source.name in text
    assert [workspace.snapshot(w.id) for w in workspace.list_workshops()] == before


def test_export_from_the_start_page_uses_the_selected_workshop(
    window, workspace, make_workshop, tmp_path, monkeypatch
):
    make_workshop("Hjertemedicin")
    wid = make_workshop("Akutmodtagelsen")
    window.start_page.refresh(wid)
    target = tmp_path / "valgt.json"
    monkeypatch.setattr(window.workshop_files, "ask_target", lambda suggested: target)
    window.export_file_action.trigger()
    assert json.loads(target.read_text(encoding="utf-8"))["workshop"]["id"] == wid


def test_export_with_no_workshop_says_what_to_do(window, monkeypatch):
    monkeypatch.setattr(
        window.workshop_files, "ask_target", lambda s: pytest.fail("no file dialog expected")
    )
    window.export_file_action.trigger()
    assert window.message.text() == _("Choose a workshop to export first.")


def test_cancelled_dialogs_do_nothing(window, workspace, make_workshop, monkeypatch, tmp_path):
    make_workshop()
    monkeypatch.setattr(window.workshop_files, "ask_target", lambda suggested: None)
    monkeypatch.setattr(window.workshop_files, "ask_source", lambda: None)
    window.export_file_action.trigger()
    window.import_file_action.trigger()
    assert list(tmp_path.glob(f"*{FILE_SUFFIX}")) == []
    assert len(workspace.list_workshops()) == 1
