from PySide6.QtCore import Qt

from leaderapp.core.model import ValidationError
from leaderapp.gui.pages.notes_page import NotesPage

HOSTILE = '<b>x</b> <img src="/etc/passwd"> <a href="file:///x">link</a>'


def notes_in_db(workspace, page):
    return workspace.notes(page.workshop_id, page.step.id)


def go_to_value_step(window, nth=0):
    window.workshop_view.select_kind("notes", 1 + nth)  # step 0 is the check-in
    page = window.workshop_view.page
    assert isinstance(page, NotesPage)
    return page


def test_notes_page_shows_the_exercise_with_value_prompts(open_workshop):
    window, _ = open_workshop
    page = go_to_value_step(window)
    texts = " ".join(lbl.text() for lbl in page.findChildren(type(window.message)))
    assert window.workshop_view.step_title.text() == "Hvad betyder dialog for os?"
    assert "Troværdig" in texts  # a prompt only the dialogue value has
    assert "{value}" not in texts


def test_new_note_typed_is_saved_after_the_debounce(open_workshop, workspace, qtbot):
    window, _ = open_workshop
    page = go_to_value_step(window)
    assert window.new_note_action.isEnabled()

    window.new_note_action.trigger()  # Ctrl+N
    assert page.editor.hasFocus()
    qtbot.keyClicks(page.editor, "Vi lytter før vi beslutter")

    qtbot.waitUntil(
        lambda: [n.text for n in notes_in_db(workspace, page)] == ["Vi lytter før vi beslutter"],
        timeout=3000,
    )
    note = notes_in_db(workspace, page)[0]
    assert note.value_id == page.step.value_id
    assert page.list.item(0).text().startswith("Vi lytter før vi beslutter")
    assert window.save_state.text()


def test_ctrl_n_shortcut_adds_a_note(open_workshop, workspace, qtbot):
    window, _ = open_workshop
    page = go_to_value_step(window)
    window.activateWindow()
    qtbot.keyClick(page.list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(notes_in_db(workspace, page)) == 1


def test_switching_notes_saves_at_once(open_workshop, workspace, qtbot):
    window, _ = open_workshop
    page = go_to_value_step(window)
    page.new_note()
    qtbot.keyClicks(page.editor, "første")
    page.new_note()  # no waiting: switching must flush the first note
    texts = [n.text for n in notes_in_db(workspace, page)]
    assert texts == ["første", ""]
    assert page.editor.toPlainText() == ""


def test_empty_current_note_is_reused(open_workshop, workspace):
    window, _ = open_workshop
    page = go_to_value_step(window)
    page.new_note()
    page.new_note()
    assert len(notes_in_db(workspace, page)) == 1


def test_edit_an_existing_note(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = go_to_value_step(window)
    workspace.add_note(page.step.id, "gammel tekst")
    page.refresh()
    page.list.setCurrentRow(0)
    assert page.editor.toPlainText() == "gammel tekst"

    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "ny tekst")
    qtbot.waitUntil(lambda: notes_in_db(workspace, page)[0].text == "ny tekst", timeout=3000)


def test_pending_text_is_flushed_on_close(open_workshop, workspace, qtbot):
    window, _ = open_workshop
    page = go_to_value_step(window)
    page.new_note()
    qtbot.keyClicks(page.editor, "skrevet lige før lukning")
    assert page.autosaver.has_pending()
    window.close()
    assert [n.text for n in notes_in_db(workspace, page)] == ["skrevet lige før lukning"]


def test_pending_text_is_flushed_when_changing_step(open_workshop, workspace, qtbot):
    window, _ = open_workshop
    page = go_to_value_step(window)
    step_id = page.step.id
    page.new_note()
    qtbot.keyClicks(page.editor, "skiftet trin")
    window.next_action.trigger()
    assert window.workshop_view.page is not page
    assert [n.text for n in workspace.notes(page.workshop_id, step_id)] == ["skiftet trin"]


def test_author_is_chosen_from_the_participants(open_workshop, workspace):
    window, _ = open_workshop
    page = go_to_value_step(window)
    page.new_note()
    names = [page.author.itemText(i) for i in range(page.author.count())]
    assert names[0] in ("Anonym", "Anonymous")
    assert names[1:] == ["Anna Østergaard", "Bo Jensen"]

    page.author.setCurrentIndex(2)
    page.author.activated.emit(2)

    [note] = notes_in_db(workspace, page)
    assert workspace.participants(page.workshop_id)[1].id == note.author_id
    assert page.list.item(0).text().endswith("Bo Jensen")


def test_delete_note_with_confirmation(open_workshop, workspace, qtbot, monkeypatch):
    window, _ = open_workshop
    page = go_to_value_step(window)
    workspace.add_note(page.step.id, "behold")
    workspace.add_note(page.step.id, "slet")
    page.refresh()
    page.list.setCurrentRow(1)

    asked = []
    monkeypatch.setattr(page, "confirm_delete", lambda text: asked.append(text) or True)
    page.delete_button.click()

    assert asked == ["slet"]
    assert [n.text for n in notes_in_db(workspace, page)] == ["behold"]
    assert page.list.count() == 1
    assert page.list.item(0).text() == "behold"
    assert page.editor.toPlainText() == "behold"


def test_delete_refused_keeps_the_note(open_workshop, workspace, monkeypatch):
    window, _ = open_workshop
    page = go_to_value_step(window)
    workspace.add_note(page.step.id, "vigtig")
    page.refresh()
    monkeypatch.setattr(page, "confirm_delete", lambda text: False)
    page.delete_button.click()
    assert len(notes_in_db(workspace, page)) == 1


def test_hostile_note_text_is_shown_literally(open_workshop, workspace, qtbot):
    window, _ = open_workshop
    page = go_to_value_step(window)
    page.new_note()
    page.editor.setPlainText(HOSTILE)
    qtbot.waitUntil(lambda: notes_in_db(workspace, page)[0].text == HOSTILE, timeout=3000)
    assert page.list.item(0).text() == HOSTILE

    # The foundation shows the value's notes as inspiration: as characters, not markup.
    window.workshop_view.select_kind("foundation")
    labels = window.workshop_view.page.findChildren(type(window.message))
    shown = [lbl for lbl in labels if HOSTILE in lbl.text()]
    assert shown
    assert all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in shown)


def test_hostile_unit_name_is_plain_text_in_the_header(window, make_workshop):
    workshop_id = make_workshop(name="<b>Fed</b> afdeling")
    window.open_workshop(workshop_id)
    header = window.workshop_view.unit_label
    assert header.text() == "<b>Fed</b> afdeling"
    assert header.textFormat() == Qt.TextFormat.PlainText


def test_validation_error_is_shown_and_text_kept(open_workshop, workspace, qtbot, monkeypatch):
    window, _ = open_workshop
    page = go_to_value_step(window)
    page.new_note()
    real_update = workspace.update_note

    def too_long(*args, **kwargs):
        raise ValidationError("Noten er for lang.")

    monkeypatch.setattr(workspace, "update_note", too_long)
    qtbot.keyClicks(page.editor, "tekst der ikke kan gemmes")
    qtbot.waitUntil(lambda: window.message.text() == "Noten er for lang.", timeout=3000)
    assert page.editor.toPlainText() == "tekst der ikke kan gemmes"
    assert page.autosaver.has_pending()

    # Once saving works again, the kept text is written.
    monkeypatch.setattr(workspace, "update_note", real_update)
    assert page.flush()
    assert notes_in_db(workspace, page)[0].text == "tekst der ikke kan gemmes"


def test_unexpected_error_keeps_text_and_asks_before_leaving(
    open_workshop, workspace, qtbot, monkeypatch
):
    window, _ = open_workshop
    page = go_to_value_step(window)
    page.new_note()

    def broken(*args, **kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr(workspace, "update_note", broken)
    qtbot.keyClicks(page.editor, "vigtig tanke")
    assert not page.flush()
    assert "disk I/O error" in window.message.text()

    asked = []
    monkeypatch.setattr(
        window.workshop_view, "confirm_discard", lambda problem: asked.append(problem) or False
    )
    window.next_action.trigger()
    assert asked and window.workshop_view.page is page  # stayed, text still there
    assert page.editor.toPlainText() == "vigtig tanke"


def test_delete_confirmation_shows_a_hostile_note_as_typed(open_workshop, monkeypatch):
    from PySide6.QtWidgets import QLabel, QMessageBox

    window, _ = open_workshop
    page = go_to_value_step(window)
    shown = []

    def capture(box):
        shown.append([lbl.textFormat() for lbl in box.findChildren(QLabel) if lbl.text()])
        shown.append(box.text())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", capture)
    assert page.confirm_delete('<b>fed</b> <img src="/etc/passwd">') is False
    formats, text = shown
    assert '<img src="/etc/passwd">' in text
    assert formats and all(f == Qt.TextFormat.PlainText for f in formats)


# ------------------------------------------------------------ silent writing
def test_silent_writing_stores_new_notes_hidden_and_marks_them(open_workshop, workspace, qtbot):
    from leaderapp.core.i18n import _
    from leaderapp.gui.pages.notes_page import HIDDEN_ROLE

    window, _id = open_workshop
    page = go_to_value_step(window)
    workspace.add_note(page.step.id, "allerede synlig")
    page.refresh()
    assert not page.reveal_bar.isVisibleTo(page)  # nothing hidden: no reveal button

    page.silent_toggle.click()
    assert workspace.step(page.step.id).settings["silent"] is True
    page.new_button.click()
    qtbot.keyClicks(page.editor, HOSTILE)
    qtbot.waitUntil(lambda: notes_in_db(workspace, page)[-1].text == HOSTILE, timeout=3000)

    visible, hidden = notes_in_db(workspace, page)
    assert not visible.hidden and hidden.hidden
    item = page.list.item(1)
    assert item.data(HIDDEN_ROLE) and not item.icon().isNull()
    assert item.text() == f"{HOSTILE}\n{_('hidden from the room')}"  # as typed, marked
    assert _("hidden from the room") not in page.list.item(0).text()
    assert page.reveal_bar.isVisibleTo(page)
    assert "(1)" in page.reveal_button.text()


def test_reveal_shows_the_notes_and_undo_hides_them_again(open_workshop, workspace, qtbot):
    window, _id = open_workshop
    page = go_to_value_step(window)
    workspace.add_note(page.step.id, "stille 1", hidden=True)
    workspace.add_note(page.step.id, "stille 2", hidden=True)
    page.refresh()
    assert "(2)" in page.reveal_button.text()

    page.reveal_button.click()
    assert workspace.hidden_count(page.step.id) == 0
    assert not page.reveal_bar.isVisibleTo(page)
    assert [page.list.item(i).text() for i in range(2)] == ["stille 1", "stille 2"]

    window.undo_action.trigger()
    assert workspace.hidden_count(page.step.id) == 2
    assert page.reveal_bar.isVisibleTo(page)
    window.redo_action.trigger()
    assert workspace.hidden_count(page.step.id) == 0


def test_undo_turns_silent_writing_off_again(open_workshop, workspace):
    window, _id = open_workshop
    page = go_to_value_step(window)
    page.silent_toggle.click()
    assert page.silent_toggle.isChecked()
    window.undo_action.trigger()
    assert not workspace.silent_writing(page.step.id)
    assert not window.workshop_view.page.silent_toggle.isChecked()
    # Off again: a new note is shown to the room at once.
    window.workshop_view.page.new_note()
    assert not notes_in_db(workspace, page)[0].hidden


def test_silent_writing_is_remembered_per_step(open_workshop, workspace):
    window, _id = open_workshop
    page = go_to_value_step(window)
    page.silent_toggle.click()
    window.next_action.trigger()
    window.previous_action.trigger()
    again = window.workshop_view.page
    assert again is not page and again.silent_toggle.isChecked()


# ------------------------------------------------------ 1-2-4-all and groups
def test_rounds_panel_appears_and_new_notes_get_the_round(open_workshop, workspace):
    from leaderapp.core.facilitation.rounds import round_name
    from leaderapp.gui.pages.rounds_panel import RoundsPanel

    window, _id = open_workshop
    page = go_to_value_step(window)
    assert page.rounds_panel is None  # an ordinary step: no rounds panel
    page.rounds_toggle.click()
    assert workspace.step(page.step.id).settings["rounds"] is True
    assert isinstance(page.rounds_panel, RoundsPanel)
    assert page.rounds_panel.isVisibleTo(page)

    page.rounds_panel.next_button.click()  # alone -> in pairs
    page.new_note()
    [note] = notes_in_db(workspace, page)
    assert note.round == 2
    assert page.list.item(0).text().endswith(round_name(2))

    page.rounds_panel.switch.click()  # off again in the panel itself
    assert not page.rounds_toggle.isChecked()
    assert not page.vsplit.widget(0).isVisibleTo(page)


def test_group_the_revealed_notes_on_the_board(open_workshop, workspace):
    window, _id = open_workshop
    page = go_to_value_step(window)
    seen = workspace.add_note(page.step.id, "set af rummet").created_id
    workspace.add_note(page.step.id, "endnu skjult", hidden=True)
    page.refresh()

    page.group_button.click()
    assert page.stack.currentWidget() is page.cluster_view
    board = page.cluster_board
    assert board.note_count() == 1  # the hidden note waits for the reveal
    cluster_id = board.add_cluster("Lytning")
    board.move_note(seen, cluster_id)
    assert workspace.note(seen).cluster_id == cluster_id

    window.undo_action.trigger()
    assert workspace.note(seen).cluster_id is None
    page.hide_clusters()
    assert page.stack.currentWidget() is page.main_view


def test_authors_and_the_keyboard_menu_are_in_danish_alphabetical_order(window, make_workshop):
    """Æ, Ø and Å come last in Danish; the author box and the "pass the keyboard"
    menu list the participants in that order, whatever order they were added in."""
    wid = make_workshop(participants=("Åse Holm", "Øjvind Berg", "Bo Jensen", "Ærø Nielsen"))
    window.open_workshop(wid)
    page = go_to_value_step(window)
    authors = [page.author.itemText(i) for i in range(1, page.author.count())]
    assert authors == ["Bo Jensen", "Ærø Nielsen", "Øjvind Berg", "Åse Holm"]
    assert [a.text() for a in page.pass_menu.actions()] == authors


def test_at_large_text_the_buttons_wrap_and_never_overlap(open_workshop, qtbot):
    from PySide6.QtWidgets import QApplication

    from leaderapp.gui import style

    window, _ = open_workshop
    window.resize(1366, 768)
    page = go_to_value_step(window)
    app = QApplication.instance()
    buttons = (page.group_button, page.new_button, page.delete_button, page.pass_button)
    try:
        style.apply_style(app, style.DEFAULT_POINT_SIZE * 1.85)
        qtbot.waitUntil(
            lambda: all(b.width() >= b.sizeHint().width() for b in buttons), timeout=2000
        )
        qtbot.waitUntil(lambda: page.pass_button.y() > page.new_button.y(), timeout=2000)
        shown = [page.list, page.editor, *buttons, page.silent_toggle, page.rounds_toggle]
        boxes = [
            w.geometry().translated(w.parentWidget().mapTo(page, w.pos()) - w.pos()) for w in shown
        ]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.intersects(b), (a, b)
    finally:
        style.apply_style(app, style.DEFAULT_POINT_SIZE)
