"""Undo and redo through the window: Edit menu, Ctrl+Z in editors, every kind of edit."""

from datetime import date

from PySide6.QtCore import Qt

from leaderapp.core.i18n import _
from leaderapp.core.model import CommitmentStatus
from leaderapp.gui.pages.commitments_page import ACTION, DUE, STATUS, CommitmentsPage
from leaderapp.gui.pages.foundation_page import FoundationPage
from leaderapp.gui.pages.notes_page import NotesPage

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def undo_text(action_label: str) -> str:
    return _("Undo {action}").format(action=action_label)


def value_step(window, nth=0) -> NotesPage:
    window.workshop_view.select_kind("notes", 1 + nth)
    page = window.workshop_view.page
    assert isinstance(page, NotesPage)
    return page


def texts(workspace, page):
    return [n.text for n in workspace.notes(page.workshop_id, page.step.id)]


# ------------------------------------------------------------------- notes
def test_ctrl_z_in_the_editor_undoes_the_typing_and_ctrl_shift_z_redoes_it(
    open_workshop, workspace, qtbot
):
    window, _wid = open_workshop
    page = value_step(window)
    workspace.add_note(page.step.id, "Vi lytter")
    page.refresh()
    page.editor.setFocus()
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.editor, " før vi beslutter")
    qtbot.waitUntil(lambda: texts(workspace, page) == ["Vi lytter før vi beslutter"])
    assert window.undo_action.text() == undo_text(_("typing in a note"))

    qtbot.keyClick(page.editor, Qt.Key.Key_Z, CTRL)

    assert page.editor.toPlainText() == "Vi lytter"
    assert texts(workspace, page) == ["Vi lytter"]
    assert not page.autosaver.has_pending()  # showing the undone text is not a new edit
    assert window.redo_action.isEnabled()

    qtbot.keyClick(page.editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert page.editor.toPlainText() == "Vi lytter før vi beslutter"
    assert texts(workspace, page) == ["Vi lytter før vi beslutter"]


def test_undo_right_after_typing_takes_back_the_unsaved_typing_too(open_workshop, workspace, qtbot):
    window, _wid = open_workshop
    page = value_step(window)
    workspace.add_note(page.step.id, "start")
    page.refresh()
    qtbot.keyClicks(page.editor, "x")  # not yet saved: the debounce has not run
    assert page.autosaver.has_pending()

    qtbot.keyClick(page.editor, Qt.Key.Key_Z, CTRL)

    assert texts(workspace, page) == ["start"]
    assert page.editor.toPlainText() == "start"
    qtbot.wait(400)  # past the debounce: nothing is written behind the user's back
    assert texts(workspace, page) == ["start"]
    assert window.redo_action.isEnabled()


def test_ctrl_y_redoes(open_workshop, workspace, qtbot):
    window, _wid = open_workshop
    page = value_step(window)
    window.new_note_action.trigger()
    qtbot.keyClicks(page.editor, "tanke")
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, CTRL)
    assert texts(workspace, page) == [""]
    qtbot.keyClick(page.editor, Qt.Key.Key_Y, CTRL)
    assert texts(workspace, page) == ["tanke"]


def test_a_new_note_is_undone_and_redone_with_the_same_id(open_workshop, workspace):
    window, _wid = open_workshop
    page = value_step(window)
    window.new_note_action.trigger()
    [note] = workspace.notes(page.workshop_id, page.step.id)
    assert window.undo_action.text() == undo_text(_("adding a note"))

    window.undo_action.trigger()
    assert texts(workspace, page) == []
    assert page.list.count() == 0 and not page.editor.isEnabled()

    window.redo_action.trigger()
    assert workspace.notes(page.workshop_id, page.step.id) == [note]
    assert page.list.count() == 1 and page.current_note_id == note.id


def test_a_deleted_note_comes_back_in_its_place_with_its_author(
    open_workshop, workspace, monkeypatch
):
    window, wid = open_workshop
    page = value_step(window)
    author = workspace.participants(wid)[1].id
    for text in ("første", "anden", "tredje"):
        workspace.add_note(page.step.id, text, author_id=author)
    before = workspace.notes(wid, page.step.id)
    page.refresh()
    page.list.setCurrentRow(1)
    monkeypatch.setattr(page, "confirm_delete", lambda text: True)

    page.delete_button.click()
    assert texts(workspace, page) == ["første", "tredje"]
    assert window.undo_action.text() == undo_text(_("deleting a note"))

    window.undo_action.trigger()

    assert workspace.notes(wid, page.step.id) == before  # id, position, author, times
    assert page.current_note_id == before[1].id
    assert page.editor.toPlainText() == "anden"
    assert page.list.item(1).text() == "anden\n— Bo Jensen"


def test_the_author_choice_is_undone(open_workshop, workspace):
    window, wid = open_workshop
    page = value_step(window)
    page.new_note()
    page.author.setCurrentIndex(1)
    page.author.activated.emit(1)
    assert workspace.notes(wid)[0].author_id is not None

    window.undo_action.trigger()
    assert workspace.notes(wid)[0].author_id is None
    assert page.author.currentIndex() == 0


def test_undo_shows_the_step_where_the_note_is(open_workshop, workspace, monkeypatch):
    window, wid = open_workshop
    page = value_step(window, 0)
    workspace.add_note(page.step.id, "om dialog")
    page.refresh()
    monkeypatch.setattr(page, "confirm_delete", lambda text: True)
    page.delete_button.click()
    other = value_step(window, 2)
    assert other.step.id != page.step.id

    window.undo_action.trigger()

    shown = window.workshop_view.page
    assert isinstance(shown, NotesPage) and shown.step.id == page.step.id
    assert shown.editor.toPlainText() == "om dialog"
    assert _("Undone: {action}").format(action=_("deleting a note")) in window.message.text()


# -------------------------------------------------------------- foundation
def test_foundation_fields_are_undone_in_their_editors(open_workshop, workspace, qtbot):
    window, wid = open_workshop
    window.workshop_view.select_kind("foundation")
    page = window.workshop_view.page
    assert isinstance(page, FoundationPage)
    section = page.section_editor("Dialog")

    qtbot.keyClicks(page.introduction, "Vi skrev det sammen.")
    qtbot.keyClicks(section.heading, "Vi taler sammen")
    section.principles.setFocus()
    qtbot.keyClicks(section.principles, "Vi lytter")
    assert page.flush()
    assert workspace.section(section.value.id).principles == ("Vi lytter",)

    window.undo_action.trigger()
    assert section.principles.toPlainText() == ""
    assert workspace.section(section.value.id).principles == ()
    window.undo_action.trigger()
    assert section.heading.text() == ""
    window.undo_action.trigger()
    assert page.introduction.toPlainText() == ""
    assert workspace.foundation(wid).introduction == ""
    assert not page.autosaver.has_pending()

    window.redo_action.trigger()
    assert page.introduction.toPlainText() == "Vi skrev det sammen."
    assert window.undo_action.text() == undo_text(_("editing the foundation"))


# ------------------------------------------------------------- commitments
def commitments_page(window) -> CommitmentsPage:
    window.workshop_view.select_kind("commitments")
    page = window.workshop_view.page
    assert isinstance(page, CommitmentsPage)
    return page


def test_commitment_add_edit_and_delete_are_undone(open_workshop, workspace, monkeypatch):
    window, wid = open_workshop
    page = commitments_page(window)
    page.add_commitment()
    page.table.closePersistentEditor(page.table.currentIndex())
    [added] = workspace.commitments(wid)
    model = page.model
    assert model.setData(model.index(0, ACTION), "Tavlemøde hver morgen")
    assert model.setData(model.index(0, DUE), date(2026, 6, 1))
    assert model.setData(model.index(0, STATUS), CommitmentStatus.DONE.value)
    edited = workspace.commitment(added.id)

    page.table.selectRow(0)
    monkeypatch.setattr(page, "confirm_delete", lambda action: True)
    page.delete_commitment()
    assert workspace.commitments(wid) == []
    assert window.undo_action.text() == undo_text(_("deleting a commitment"))

    window.undo_action.trigger()
    assert workspace.commitments(wid) == [edited]
    assert model.rows == [edited]
    window.undo_action.trigger()  # the status
    assert workspace.commitment(added.id).status == CommitmentStatus.PLANNED
    window.undo_action.trigger()  # the date
    window.undo_action.trigger()  # the action
    assert workspace.commitment(added.id) == added
    assert model.data(model.index(0, ACTION)) == _("(describe the action)")
    window.undo_action.trigger()  # the new row
    assert workspace.commitments(wid) == [] and model.rowCount() == 0

    window.redo_action.trigger()
    assert [c.id for c in workspace.commitments(wid)] == [added.id]


# --------------------------------------------------------------- workshops
def test_a_deleted_workshop_comes_back_whole_until_the_app_closes(
    window, workspace, make_workshop, monkeypatch
):
    wid = make_workshop()
    step = workspace.steps(wid)[1]
    workspace.add_note(step.id, "vigtig note")
    workspace.add_commitment(wid, "Tavlemøde", "Bo Jensen")
    before = workspace.snapshot(wid)
    start = window.start_page
    start.refresh(wid)
    asked = []
    monkeypatch.setattr(start, "confirm_delete", lambda name: asked.append(name) or True)

    start.delete_selected()
    assert asked == ["Akutmodtagelsen"]
    assert workspace.list_workshops() == []
    assert start.stack.currentWidget() is start.empty

    window.undo_action.trigger()
    assert workspace.snapshot(wid) == before
    assert start.tree.topLevelItemCount() == 1
    assert start.tree.topLevelItem(0).text(3) == "1"  # its note is counted again

    window.redo_action.trigger()
    assert workspace.list_workshops() == []


def test_redoing_the_deletion_of_the_open_workshop_goes_back_to_the_list(
    window, workspace, make_workshop, monkeypatch
):
    wid = make_workshop()
    window.start_page.refresh(wid)
    monkeypatch.setattr(window.start_page, "confirm_delete", lambda name: True)
    window.start_page.delete_selected()
    window.undo_action.trigger()
    window.open_workshop(wid)
    assert window.stack.currentWidget() is window.workshop_view

    window.redo_action.trigger()

    assert workspace.list_workshops() == []
    assert window.stack.currentWidget() is window.start_page


def test_rename_is_undone(window, workspace, make_workshop, monkeypatch):
    wid = make_workshop()
    window.start_page.refresh(wid)
    monkeypatch.setattr(window.start_page, "ask_new_name", lambda current: "Hjertemedicin")
    window.start_page.rename_selected()
    assert window.start_page.selected_name() == "Hjertemedicin"
    window.undo_action.trigger()
    assert workspace.workshop(wid).unit_name == "Akutmodtagelsen"
    assert window.start_page.selected_name() == "Akutmodtagelsen"


# ------------------------------------------------------------------ faults
def test_a_failed_edit_is_not_kept_in_the_history(open_workshop, workspace, qtbot):
    window, wid = open_workshop
    window.workshop_view.select_kind("foundation")
    page = window.workshop_view.page
    page.title.selectAll()
    qtbot.keyClick(page.title, Qt.Key.Key_Delete)  # an empty title is refused
    assert not page.flush()
    assert window.message.text() == _("{field} must not be empty.").format(field=_("The title"))
    assert not window.undo_action.isEnabled()
    assert window.history.stack.count() == 0
    qtbot.keyClicks(page.title, "Vores grundlag")
    assert page.flush()


def test_an_undo_that_cannot_be_done_is_reported_and_dropped(open_workshop, workspace, qtbot):
    window, wid = open_workshop
    page = value_step(window)
    page.new_note()
    qtbot.keyClicks(page.editor, "tekst")
    assert page.flush()
    note = workspace.notes(wid)[0]
    workspace.delete_note(note.id)  # gone behind the history's back

    window.undo_action.trigger()

    assert "“" + _("typing in a note") + "”" in window.message.text()
    assert window.undo_action.text() == undo_text(_("adding a note"))
    assert window.history.stack.count() == 1


def test_menu_texts_without_history(window):
    assert window.undo_action.text() == _("Undo")
    assert not window.undo_action.isEnabled()
    assert window.redo_action.text() == _("Redo")
    shortcuts = {s.toString() for s in window.redo_action.shortcuts()}
    assert shortcuts == {"Ctrl+Shift+Z", "Ctrl+Y"}
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"


def test_details_edit_is_undone_from_the_edit_menu(open_workshop, workspace, monkeypatch):
    window, wid = open_workshop
    view = window.workshop_view
    before = [p.name for p in workspace.participants(wid)]

    def edit(dialog):
        dialog.unit_name.setText("Hjertemedicin")
        dialog.participants.setPlainText("Carl Nielsen")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(view, "exec_dialog", edit)
    window.details_action.trigger()
    assert workspace.workshop(wid).unit_name == "Hjertemedicin"
    assert window.undo_action.text() == undo_text(_("editing the workshop's details"))

    window.undo_action.trigger()

    assert workspace.workshop(wid).unit_name == "Akutmodtagelsen"
    assert [p.name for p in workspace.participants(wid)] == before
    assert view.unit_label.text() == "Akutmodtagelsen"
