"""The quiet save status in the status bar, and a full disk: text kept, retried, saved."""

from PySide6.QtGui import QTextCursor

from leaderapp.core.i18n import _
from leaderapp.gui.autosave import SaveState
from leaderapp.gui.pages.notes_page import NotesPage

SAVED, SAVING, FAILED = (_("Saved"), _("Saving…"), _("Could not save"))


def value_step(window) -> NotesPage:
    window.workshop_view.select_kind("notes", 1)
    page = window.workshop_view.page
    assert isinstance(page, NotesPage)
    return page


def fill_the_disk(workspace) -> None:
    """Let SQLite grow no further: every write that needs a page fails with SQLITE_FULL,
    exactly as on a full disk."""
    pages = workspace.db.execute("PRAGMA page_count").fetchone()[0]
    workspace.db.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(workspace) -> None:
    workspace.db.execute("PRAGMA max_page_count = 1073741823")


def test_status_goes_from_saving_to_saved(open_workshop, workspace, qtbot):
    window, _wid = open_workshop
    assert window.save_state.text() == SAVED
    page = value_step(window)
    page.new_note()
    qtbot.keyClicks(page.editor, "Vi lytter")
    assert window.save_state.text() == SAVING
    qtbot.waitUntil(lambda: window.save_state.text() == SAVED, timeout=3000)
    assert workspace.notes(page.workshop_id)[0].text == "Vi lytter"


def test_a_full_disk_keeps_the_text_says_so_and_saves_it_later(open_workshop, workspace, qtbot):
    window, _wid = open_workshop
    page = value_step(window)
    page.new_note()
    page.autosaver.retry_timer.setInterval(50)  # the app waits 5 s between tries
    fill_the_disk(workspace)
    words = "Vi lytter før vi beslutter. " * 2000  # needs new pages

    page.editor.setPlainText(words)
    qtbot.waitUntil(lambda: window.save_state.text() == FAILED, timeout=3000)

    assert _("the disk is full") in window.message.text()
    assert page.editor.toPlainText() == words
    assert page.autosaver.has_pending()
    assert workspace.notes(page.workshop_id)[0].text == ""
    assert page.autosaver.retry_timer.isActive()

    free_the_disk(workspace)
    qtbot.waitUntil(lambda: window.save_state.text() == SAVED, timeout=3000)
    assert workspace.notes(page.workshop_id)[0].text == words
    assert not page.autosaver.retry_timer.isActive()
    assert window.message.text() == ""  # the error went with the problem


def test_the_next_edit_retries_at_once(open_workshop, workspace, qtbot):
    window, _wid = open_workshop
    page = value_step(window)
    page.new_note()
    fill_the_disk(workspace)
    page.editor.setPlainText("x" * 50_000)
    qtbot.waitUntil(lambda: window.save_state.text() == FAILED, timeout=3000)
    assert page.autosaver.retry_timer.interval() == 5000

    free_the_disk(workspace)
    page.editor.setFocus()
    page.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.editor, "!")
    assert window.save_state.text() == FAILED  # until it really is written
    qtbot.waitUntil(lambda: window.save_state.text() == SAVED, timeout=3000)
    assert workspace.notes(page.workshop_id)[0].text == "x" * 50_000 + "!"


def test_a_full_disk_while_editing_a_commitment_keeps_the_edit(open_workshop, workspace, qtbot):
    from leaderapp.gui.pages.commitments_page import ACTION, CommitmentsPage

    window, wid = open_workshop
    window.workshop_view.select_kind("commitments")
    page = window.workshop_view.page
    assert isinstance(page, CommitmentsPage)
    page.add_commitment()
    page.table.closePersistentEditor(page.table.currentIndex())
    page.autosaver.retry_timer.setInterval(50)
    fill_the_disk(workspace)
    action = "Tavlemøde " * 5000

    assert page.model.setData(page.model.index(0, ACTION), action)
    assert window.save_state.text() == FAILED
    assert page.model.data(page.model.index(0, ACTION)) == action  # still on screen

    free_the_disk(workspace)
    qtbot.waitUntil(lambda: window.save_state.text() == SAVED, timeout=3000)
    assert workspace.commitments(wid)[0].action == action


def test_leaving_with_an_unsaved_note_asks_first(open_workshop, workspace, qtbot, monkeypatch):
    window, _wid = open_workshop
    page = value_step(window)
    page.new_note()
    fill_the_disk(workspace)
    page.editor.setPlainText("y" * 50_000)
    asked = []
    monkeypatch.setattr(
        window.workshop_view, "confirm_discard", lambda problem: asked.append(problem) or False
    )
    window.close()
    assert asked and _("the disk is full") in asked[0]
    assert window.isVisible()  # stayed open, text on screen
    free_the_disk(workspace)
    assert page.flush()


def test_state_labels_are_the_three_quiet_words():
    assert [s.label for s in SaveState] == [SAVED, SAVING, FAILED]
