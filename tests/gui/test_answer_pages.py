"""The structured exercises completed through their pages: type, add, delete, undo,
and what was stored (slot, parent, author, text as typed, hostile text included)."""

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from leaderapp.core.i18n import _ as tr
from leaderapp.core.model import WorkshopDraft
from leaderapp.core.workspace import load_library
from leaderapp.gui.pages.attitude_action_page import AttitudeActionPage
from leaderapp.gui.pages.dilemmas_page import DilemmasPage
from leaderapp.gui.pages.expectations_page import ExpectationsPage
from leaderapp.gui.pages.from_to_page import FromToPage
from leaderapp.gui.pages.triple_task_page import TripleTaskPage

HOSTILE = "<b>&</b> <img src=x> 🙂 Şükrü"


@pytest.fixture
def course(window, workspace):
    """A window showing a workshop on the full course (every structured exercise)."""
    draft = WorkshopDraft(
        unit_name="Akutmodtagelsen",
        organisation="Region Midtjylland",
        facilitator="Łukasz Nowak",
        dates=(date(2026, 3, 5),),
        participants=("Anna Østergaard", "Şükrü Yılmaz"),
        program_id="full_course",
    )
    workshop_id = workspace.create_workshop(draft).created_id
    window.open_workshop(workshop_id)
    return window, workshop_id


def open_kind(window, kind, cls, nth=0):
    window.workshop_view.select_kind(kind, nth)
    page = window.workshop_view.page
    assert isinstance(page, cls)
    qtbot_wait_visible(page)
    return page


def qtbot_wait_visible(page):
    """The view may show the page after a turn of the event loop."""
    from PySide6.QtWidgets import QApplication

    for _ in range(50):
        if page.isVisible():
            return
        QApplication.processEvents()
    assert page.isVisible()


def stored(workspace, page):
    return workspace.notes(page.workshop_id, page.step.id)


def saved(qtbot, page):
    """Wait for the debounced save (the user pauses), then check nothing is pending."""
    qtbot.waitUntil(lambda: not page.autosaver.has_pending(), timeout=3000)


def type_into(qtbot, editor, text):
    """Type as a user would; characters QTest cannot send as key presses (Ł, ü, emoji)
    arrive as an input method would insert them."""
    for char in text:
        if ord(char) > 0x7F and char not in "æøåÆØÅ":
            editor.insertPlainText(char)
        else:
            qtbot.keyClicks(editor, char)


def editor_of(page, note_id):
    return page.editors[note_id]


def choose_author(page, note_id, name):
    box: QComboBox = page.author_boxes[note_id]
    index = box.findText(name)
    assert index > 0
    box.setCurrentIndex(index)
    box.activated.emit(index)


def participant(workspace, workshop_id, name):
    return next(p.id for p in workspace.participants(workshop_id) if p.name == name)


# ------------------------------------------------------------ attitude → action
def test_attitude_action_example_then_own_attitude_with_actions(course, workspace, qtbot):
    window, workshop_id = course
    page = open_kind(window, "attitude_action", AttitudeActionPage)
    assert page.example_button.isVisible()

    qtbot.mouseClick(page.example_button, Qt.MouseButton.LeftButton)
    notes = stored(workspace, page)
    example = page.example
    assert [n.text for n in notes] == [example.attitude.text()] + [
        a.text() for a in example.actions
    ]
    attitude = notes[0]
    assert attitude.slot == "attitude" and attitude.parent_id is None
    assert all(n.slot == "action" and n.parent_id == attitude.id for n in notes[1:])
    assert not page.example_button.isVisible()  # only for an empty step

    window.undo_action.trigger()  # the example is one undo step
    assert stored(workspace, page) == []
    page = window.workshop_view.page
    assert page.example_button.isVisible()

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    [attitude] = stored(workspace, page)
    assert attitude.slot == "attitude"
    editor = editor_of(page, attitude.id)
    assert window.focusWidget() is editor  # the cursor is in the new attitude
    type_into(qtbot, editor, f"Hos os {HOSTILE}")
    choose_author(page, attitude.id, "Şükrü Yılmaz")
    actions = page.action_lists[attitude.id]
    assert actions.hint is not None and "2" in actions.hint.text()  # fewer than min_actions

    qtbot.mouseClick(actions.add_button, Qt.MouseButton.LeftButton)
    [_, action] = stored(workspace, page)
    type_into(qtbot, editor_of(page, action.id), "Vi svarer inden for to dage")
    # Ctrl+Return in an action adds the next action under the same attitude.
    qtbot.keyClick(
        editor_of(page, action.id), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: len(stored(workspace, page)) == 3, timeout=3000)
    third = stored(workspace, page)[2]
    type_into(qtbot, editor_of(page, third.id), "Vi siger det højt")
    saved(qtbot, page)

    sukru = participant(workspace, workshop_id, "Şükrü Yılmaz")
    notes = stored(workspace, page)
    assert [(n.slot, n.parent_id, n.author_id, n.text) for n in notes] == [
        ("attitude", None, sukru, f"Hos os {HOSTILE}"),
        ("action", attitude.id, sukru, "Vi svarer inden for to dage"),
        ("action", attitude.id, sukru, "Vi siger det højt"),
    ]
    assert all(n.value_id == page.step.value_id for n in notes)
    page.rebuild()
    assert page.action_lists[attitude.id].hint is None  # two actions: no more hint
    assert editor_of(page, attitude.id).toPlainText() == f"Hos os {HOSTILE}"


def test_deleting_an_attitude_takes_its_actions_and_undo_brings_them_back(
    course, workspace, qtbot, monkeypatch
):
    window, _ = course
    page = open_kind(window, "attitude_action", AttitudeActionPage)
    qtbot.mouseClick(page.example_button, Qt.MouseButton.LeftButton)
    before = stored(workspace, page)
    asked = []
    monkeypatch.setattr(
        AttitudeActionPage, "confirm_delete", lambda self, text, n: asked.append(n) or True
    )
    delete = next(
        b
        for b in page.findChildren(type(page.example_button))
        if b.property("note_id") == before[0].id
    )
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert asked == [len(before) - 1]
    assert stored(workspace, page) == []
    window.undo_action.trigger()
    assert stored(workspace, page) == before
    page = window.workshop_view.page
    assert set(page.editors) == {n.id for n in before}


def test_typing_is_undone_in_the_editor(course, workspace, qtbot):
    window, _ = course
    page = open_kind(window, "attitude_action", AttitudeActionPage)
    page.new_note()
    [attitude] = stored(workspace, page)
    type_into(qtbot, editor_of(page, attitude.id), "Hos os lytter vi")
    window.undo_action.trigger()  # saves the typing first, then takes it back
    assert workspace.note(attitude.id).text == ""
    assert editor_of(window.workshop_view.page, attitude.id).toPlainText() == ""
    window.redo_action.trigger()
    assert workspace.note(attitude.id).text == "Hos os lytter vi"
    assert editor_of(window.workshop_view.page, attitude.id).toPlainText() == "Hos os lytter vi"


# --------------------------------------------------------------- expectations
def test_expectations_both_voices(course, workspace, qtbot):
    window, workshop_id = course
    page = open_kind(window, "expectations", ExpectationsPage)
    titles = [lbl.text() for lbl in page.findChildren(QLabel)]
    assert "Det kan du forvente af os" in titles and "Det forventer vi af dig" in titles

    us, you = page.voices["of_us"], page.voices["of_you"]
    qtbot.mouseClick(us.add_button, Qt.MouseButton.LeftButton)
    [first] = stored(workspace, page)
    choose_author(page, first.id, "Anna Østergaard")
    type_into(qtbot, editor_of(page, first.id), "Vi svarer inden for to dage")
    page.new_note()  # Ctrl+N: the column the cursor is in
    second = stored(workspace, page)[1]
    assert second.slot == "of_us"
    assert second.author_id == participant(workspace, workshop_id, "Anna Østergaard")
    type_into(qtbot, editor_of(page, second.id), "Łukasz 🙂 <img src=x>")
    qtbot.mouseClick(page.voices["of_you"].add_button, Qt.MouseButton.LeftButton)
    third = stored(workspace, page)[2]
    type_into(qtbot, editor_of(page, third.id), "Vi forventer, at du siger til")
    saved(qtbot, page)

    notes = stored(workspace, page)
    assert [(n.slot, n.text) for n in notes] == [
        ("of_us", "Vi svarer inden for to dage"),
        ("of_us", "Łukasz 🙂 <img src=x>"),
        ("of_you", "Vi forventer, at du siger til"),
    ]
    assert all(n.parent_id is None for n in notes)
    assert you is not page.voices["of_you"]  # the lists were built again with the new notes
    assert len(page.voices["of_you"].notes) == 1


def test_an_empty_note_is_reused_instead_of_adding_blanks(course, workspace, qtbot):
    window, _ = course
    page = open_kind(window, "expectations", ExpectationsPage)
    page.voices["of_us"].add()
    page.voices["of_us"].add()
    assert len(stored(workspace, page)) == 1


def test_anonymous_step_has_no_author_choice(course, workspace):
    window, workshop_id = course
    library = load_library()
    step = next(
        s
        for s in workspace.steps(workshop_id)
        if library.exercise(s.exercise_id).kind == "expectations"
    )
    workspace.db["step"].update(step.id, {"anonymous": 1})
    window.workshop_view.open_workshop(workshop_id)
    page = open_kind(window, "expectations", ExpectationsPage)
    page.last_author = participant(workspace, workshop_id, "Anna Østergaard")
    page.voices["of_you"].add()
    [note] = stored(workspace, page)
    assert note.author_id is None
    assert page.author_boxes == {}


# ------------------------------------------------------------------ from → to
def test_from_to_rows_with_behaviours(course, workspace, qtbot):
    window, workshop_id = course
    page = open_kind(window, "from_to", FromToPage)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    row, to = stored(workspace, page)
    assert (row.slot, to.slot, to.parent_id) == ("from", "to", row.id)
    type_into(qtbot, editor_of(page, row.id), "Opslag i personalestuen")
    type_into(qtbot, editor_of(page, to.id), f"Morgenmødet {HOSTILE}")
    choose_author(page, row.id, "Anna Østergaard")  # the row's author is both notes'
    behaviours = page.behaviours[row.id]
    qtbot.mouseClick(behaviours.add_button, Qt.MouseButton.LeftButton)
    behaviour = stored(workspace, page)[2]
    type_into(qtbot, editor_of(page, behaviour.id), "møder op i uge 1 og 3")
    saved(qtbot, page)

    anna = participant(workspace, workshop_id, "Anna Østergaard")
    notes = stored(workspace, page)
    assert [(n.slot, n.parent_id, n.author_id, n.text) for n in notes] == [
        ("from", None, anna, "Opslag i personalestuen"),
        ("to", row.id, anna, f"Morgenmødet {HOSTILE}"),
        ("behaviour", row.id, anna, "møder op i uge 1 og 3"),
    ]

    window.undo_action.trigger()  # the behaviour's typing
    window.undo_action.trigger()  # the behaviour itself
    assert [n.slot for n in stored(workspace, page)] == ["from", "to"]
    window.undo_action.trigger()  # the author of the row
    assert {n.author_id for n in stored(workspace, page)} == {None}


def test_new_row_reuses_an_empty_row(course, workspace):
    window, _ = course
    page = open_kind(window, "from_to", FromToPage)
    page.new_note()
    page.new_note()
    assert len(stored(workspace, page)) == 2  # one from, one to


# ----------------------------------------------------------------- triple task
def test_triple_task_one_list_per_level(course, workspace, qtbot):
    window, _ = course
    page = open_kind(window, "triple_task", TripleTaskPage)
    texts = {
        "own_area": "Sygefraværet på nattevagten",
        "across_organisation": "Overflytning til medicinsk",
        "across_sectors": f"Hjemmeplejen efter kl. 15 {HOSTILE}",
    }
    for key, text in texts.items():
        qtbot.mouseClick(page.levels[key].add_button, Qt.MouseButton.LeftButton)
        note = stored(workspace, page)[-1]
        type_into(qtbot, editor_of(page, note.id), text)
    saved(qtbot, page)
    assert {n.slot: n.text for n in stored(workspace, page)} == texts
    shown = {
        key: [editor_of(page, n.id).toPlainText() for n in lst.notes]
        for key, lst in page.levels.items()
    }
    assert shown == {key: [text] for key, text in texts.items()}


# ------------------------------------------------------------------- dilemmas
def test_dilemma_cards_one_at_a_time_with_notes_per_card(course, workspace, qtbot):
    window, _ = course
    page = open_kind(window, "dilemmas", DilemmasPage)
    cards = page.cards
    assert 8 <= len(cards) <= 12
    assert page.position_label.text() == tr("Card {i} of {n}").format(i=1, n=len(cards))
    assert page.title_label.text() == cards[0].title.text()
    assert "↔" in page.tension_label.text() and "_" not in page.tension_label.text()
    assert not page.previous_button.isEnabled()

    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.position_label.text() == tr("Card {i} of {n}").format(i=2, n=len(cards))
    assert page.situation_label.text() == cards[1].situation.text()
    qtbot.mouseClick(page.card_notes.add_button, Qt.MouseButton.LeftButton)
    [note] = stored(workspace, page)
    type_into(qtbot, editor_of(page, note.id), f"Vi venter ikke {HOSTILE}")
    saved(qtbot, page)
    assert workspace.note(note.id).slot == cards[1].key
    assert workspace.note(note.id).text == f"Vi venter ikke {HOSTILE}"

    page.show_card(0)
    assert "✓" in page.card_buttons[1].text()
    assert "✓" not in page.card_buttons[0].text()
    assert page.card_notes.notes == []
    page.turn(-1)  # stays on the first card
    assert page.index == 0

    window.undo_action.trigger()  # the typing
    window.undo_action.trigger()  # the note: the page turns to its card
    assert stored(workspace, page) == []
    window.redo_action.trigger()
    assert window.workshop_view.page.index == 1


def test_dilemma_card_order_from_the_step_settings(course, workspace):
    window, workshop_id = course
    library = load_library()
    step = next(
        s
        for s in workspace.steps(workshop_id)
        if library.exercise(s.exercise_id).kind == "dilemmas"
    )
    keys = [c.key for c in library.exercise(step.exercise_id).data.cards]
    workspace.db["step"].update(
        step.id, {"settings": json.dumps({"card_order": [keys[3], "unknown", keys[1]]})}
    )
    window.workshop_view.open_workshop(workshop_id)
    page = open_kind(window, "dilemmas", DilemmasPage)
    assert [c.key for c in page.cards][:3] == [keys[3], keys[1], keys[0]]
    assert len(page.cards) == len(keys)


def test_with_large_text_the_card_goes_above_the_answers_instead_of_cutting_them(course, qapp):
    from leaderapp.gui import style

    window, _workshop_id = course
    window.resize(1366, 768)
    page = open_kind(window, "dilemmas", DilemmasPage)
    try:
        for percent, wanted in ((100, Qt.Orientation.Horizontal), (185, Qt.Orientation.Vertical)):
            style.apply_style(qapp, style.DEFAULT_POINT_SIZE * percent / 100)
            for _ in range(8):
                qapp.processEvents()
            assert page.splitter.orientation() == wanted, percent
            # Nothing wider than what shows: no line or button runs past the right edge.
            for scroll in (page.info_scroll, page.answer_scroll):
                need = scroll.widget().minimumSizeHint().width()
                assert need <= scroll.viewport().width(), (percent, need)
    finally:
        style.apply_style(qapp, style.DEFAULT_POINT_SIZE)
    for _ in range(8):
        qapp.processEvents()
    assert page.splitter.orientation() == Qt.Orientation.Horizontal
