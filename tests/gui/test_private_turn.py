"""A private turn at the shared laptop: one participant writes, nobody else's notes show."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit

from leaderapp.gui.facilitation.private_turn import PrivateTurnView
from leaderapp.gui.pages.notes_page import NotesPage

HOSTILE = "<b>mit</b> <img src=x> & Şükrü 🙂"


def value_page(window) -> NotesPage:
    window.workshop_view.select_kind("notes", 1)
    page = window.workshop_view.page
    assert isinstance(page, NotesPage)
    return page


def everything_shown(widget) -> str:
    """All text a person at the screen could read in ``widget``."""
    texts = [lbl.text() for lbl in widget.findChildren(QLabel) if lbl.isVisibleTo(widget)]
    for lst in widget.findChildren(QListWidget):
        texts += [lst.item(i).text() for i in range(lst.count())]
    texts += [e.toPlainText() for e in widget.findChildren(QPlainTextEdit)]
    return "\n".join(texts)


def pass_keyboard_to(page: NotesPage, name: str) -> PrivateTurnView:
    [action] = [a for a in page.pass_menu.actions() if a.text() == name]
    action.trigger()
    assert isinstance(page.private_view, PrivateTurnView)
    return page.private_view


def test_private_turn_stores_hidden_notes_with_the_author(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = value_page(window)
    anna, bo = workspace.participants(workshop_id)
    workspace.add_note(page.step.id, "Annas hemmelige tanke", author_id=anna.id, hidden=True)
    workspace.add_note(page.step.id, "synlig for alle", author_id=anna.id)
    page.refresh()

    view = pass_keyboard_to(page, "Bo Jensen")
    assert page.stack.currentWidget() is view
    assert not page.list.isVisibleTo(page)  # the facilitator's list is out of sight
    assert view.editor.hasFocus()
    qtbot.keyClicks(view.editor, HOSTILE[:24])
    view.editor.insertPlainText(HOSTILE[24:])  # QTest types Latin-1 only
    qtbot.waitUntil(lambda: len(workspace.notes(workshop_id, page.step.id)) == 3, timeout=3000)
    qtbot.waitUntil(lambda: not page.autosaver.has_pending(), timeout=3000)

    mine = workspace.notes(workshop_id, page.step.id)[-1]
    assert (mine.text, mine.author_id, mine.hidden) == (HOSTILE, bo.id, True)
    shown = everything_shown(view)
    assert HOSTILE in shown and "Bo Jensen" in shown
    assert "Annas hemmelige tanke" not in shown and "synlig for alle" not in shown
    assert view.list.item(0).text() == HOSTILE  # plain text, as typed

    view.done_button.click()
    assert page.private_view is None and page.stack.currentWidget() is page.main_view
    assert page.list.count() == 3
    assert "(2)" in page.reveal_button.text()


def test_a_second_note_in_the_turn_and_nothing_for_an_empty_one(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = value_page(window)
    view = pass_keyboard_to(page, "Anna Østergaard")
    qtbot.waitUntil(view.editor.isVisible)  # shortcuts reach shown widgets only
    window.activateWindow()
    view.editor.setFocus()
    qtbot.keyClicks(view.editor, "første")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.toPlainText() == ""
    qtbot.keyClicks(view.editor, "anden")
    view.new_note()  # flushes "anden"; the empty third note is never stored
    view.finish()
    texts = [n.text for n in workspace.notes(workshop_id, page.step.id)]
    assert texts == ["første", "anden"]
    assert all(n.hidden for n in workspace.notes(workshop_id, page.step.id))


def test_typing_in_a_private_turn_is_saved_on_close(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = value_page(window)
    view = pass_keyboard_to(page, "Bo Jensen")
    qtbot.keyClicks(view.editor, "hurtig")
    qtbot.keyClicks(view.editor, " tanke lige før lukning")
    assert page.autosaver.has_pending()
    window.close()
    assert [n.text for n in workspace.notes(workshop_id, page.step.id)] == [
        "hurtig tanke lige før lukning"
    ]


def test_anonymous_step_stores_private_notes_without_author(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = value_page(window)
    workspace.db["step"].update(page.step.id, {"anonymous": 1})
    view = pass_keyboard_to(page, "Bo Jensen")
    qtbot.keyClicks(view.editor, "uden navn")
    view.finish()
    [note] = workspace.notes(workshop_id, page.step.id)
    assert note.author_id is None and note.hidden and note.text == "uden navn"


def test_undo_in_a_private_turn_takes_the_note_back(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = value_page(window)
    view = pass_keyboard_to(page, "Bo Jensen")
    qtbot.keyClicks(view.editor, "fortryd mig")
    assert page.flush()
    while window.undo_action.isEnabled():
        window.undo_action.trigger()
    assert workspace.notes(workshop_id, page.step.id) == []
    assert view.list.count() == 0 and view.editor.toPlainText() == ""


def test_pass_the_keyboard_needs_participants(window, make_workshop):
    window.open_workshop(make_workshop(participants=()))
    page = value_page(window)
    assert not page.pass_button.isEnabled()
    assert page.pass_menu.actions() == []


def test_during_a_private_turn_no_other_step_or_screen_can_be_reached(
    open_workshop, workspace, qtbot
):
    window, workshop_id = open_workshop
    page = value_page(window)
    view = window.workshop_view
    workspace.add_note(view.steps[0].id, "Check-in: Annas hemmelighed")
    pass_keyboard_to(page, "Bo Jensen")
    row = view.sidebar.currentRow()

    view.next_step()
    view.previous_step()
    view.sidebar.setCurrentRow(0)
    window.back_action.trigger()

    assert view.page is page and page.private_view is not None
    assert view.sidebar.currentRow() == row
    assert window.stack.currentWidget() is view
    assert "Bo Jensen har tastaturet" in window.message.text()
    assert "Annas hemmelighed" not in everything_shown(window)

    page.private_view.done_button.click()
    view.next_step()
    assert view.page is not page


def test_switching_language_waits_until_the_private_turn_is_over(open_workshop, qtbot):
    window, _workshop_id = open_workshop
    page = value_page(window)
    pass_keyboard_to(page, "Bo Jensen")
    assert window.retranslate("en") is False
    assert window.workshop_view.page is page and page.private_view is not None
    assert window.file_menu.title() == "&Filer"
