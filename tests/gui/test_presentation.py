"""Presentation mode: the projected view shows the prompt, revealed notes and the timer,
in large type, and never a hidden note."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

from leaderapp.gui.facilitation.presentation import (
    PresentationController,
    PresentationWindow,
    presentation_screen,
)
from leaderapp.gui.pages.notes_page import NotesPage

HOSTILE = "<b>fed</b> <img src=x> & Łukasz"


def value_page(window) -> NotesPage:
    window.workshop_view.select_kind("notes", 1)
    page = window.workshop_view.page
    assert isinstance(page, NotesPage)
    return page


def all_text(widget) -> str:
    """Every text a person in the room can read on the window."""
    return "\n".join(lbl.text() for lbl in widget.findChildren(QLabel) if lbl.isVisibleTo(widget))


def open_presentation(window, qtbot) -> PresentationController:
    controller = PresentationController(window.workshop_view)
    controller.toggle()
    assert controller.is_active
    qtbot.waitExposed(controller.window)
    return controller


def test_silent_notes_stay_off_the_projector_until_revealed(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = value_page(window)
    controller = open_presentation(window, qtbot)
    shown = controller.window
    assert shown.title_label.text() == window.workshop_view.step_title.text()

    page.silent_toggle.click()
    page.new_note()
    qtbot.keyClicks(page.editor, "hemmelig ide")
    assert page.flush()
    qtbot.wait(300)  # well past the redraw after a change
    assert "hemmelig ide" not in all_text(shown)
    assert "1" in shown.message_label.text()  # "1 note is waiting to be shown."

    page.reveal_button.click()
    qtbot.waitUntil(lambda: shown.shown_texts() == ["hemmelig ide"], timeout=2000)
    assert shown.message_label.isHidden()

    window.undo_action.trigger()  # hides it again
    qtbot.waitUntil(lambda: shown.shown_texts() == [], timeout=2000)
    assert "hemmelig ide" not in all_text(shown)


def test_typing_a_visible_note_reaches_the_projector(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = value_page(window)
    shown = open_presentation(window, qtbot).window
    page.new_note()
    page.editor.setPlainText(HOSTILE)
    qtbot.waitUntil(lambda: shown.shown_texts() == [HOSTILE], timeout=3000)
    [card_label] = [lbl for lbl in shown.findChildren(QLabel) if lbl.text() == HOSTILE]
    assert card_label.textFormat() == Qt.TextFormat.PlainText


def test_the_projector_type_is_large(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = value_page(window)
    workspace.add_note(page.step.id, "stor tekst")
    shown = open_presentation(window, qtbot).window
    shown.resize(1366, 768)
    qtbot.waitUntil(lambda: shown.shown_texts() == ["stor tekst"], timeout=2000)
    [note] = [lbl for lbl in shown.findChildren(QLabel) if lbl.text() == "stor tekst"]
    for widget in (note, shown.title_label):
        widget.ensurePolished()
    body = QFontInfo(QApplication.font()).pixelSize()
    assert QFontInfo(note.font()).pixelSize() >= 1.3 * body
    assert QFontInfo(shown.title_label.font()).pixelSize() >= 2 * body


def test_presentation_follows_the_step_shown(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = value_page(window)
    workspace.add_note(page.step.id, "kun i trin 2")
    shown = open_presentation(window, qtbot).window
    qtbot.waitUntil(lambda: shown.shown_texts() == ["kun i trin 2"], timeout=2000)
    window.next_action.trigger()
    assert shown.title_label.text() == window.workshop_view.step_title.text()
    assert shown.shown_texts() == []


def test_presentation_shows_the_step_timer(open_workshop, qtbot):
    window, _id = open_workshop
    value_page(window)
    shown = open_presentation(window, qtbot).window
    timer = window.workshop_view.step_timer
    assert shown.timer_label.text() == "30:00"
    timer.extend(5)
    assert shown.timer_label.text() == "35:00"


def test_one_screen_covers_the_main_window_and_esc_leaves(open_workshop, qtbot):
    window, _id = open_workshop
    controller = open_presentation(window, qtbot)
    shown = controller.window
    assert isinstance(shown, PresentationWindow)
    assert shown.isFullScreen() or shown.windowState() & Qt.WindowState.WindowFullScreen
    assert shown.screen() is window.screen()

    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert not controller.is_active
    controller.toggle()
    assert controller.is_active
    # A second controller (a menu action made anew) leaves the running presentation.
    PresentationController(window.workshop_view).toggle()
    assert not controller.is_active


def test_second_screen_is_chosen_for_the_room():
    laptop, projector = object(), object()
    assert presentation_screen([laptop, projector], laptop) is projector
    assert presentation_screen([projector, laptop], laptop) is projector
    assert presentation_screen([laptop], laptop) is None


def test_presentation_closes_with_the_workshop(open_workshop, qtbot):
    window, _id = open_workshop
    value_page(window)
    shown = open_presentation(window, qtbot).window
    window.show_start()
    assert shown.step is None
    assert shown.shown_texts() == []


def test_grouped_notes_are_shown_under_their_group(open_workshop, workspace, qtbot):
    from leaderapp.core.i18n import _

    window, _id = open_workshop
    page = value_page(window)
    first = workspace.add_note(page.step.id, "løs").created_id
    grouped = workspace.add_note(page.step.id, "i gruppen").created_id
    workspace.add_note(page.step.id, "skjult i gruppen", hidden=True)
    cluster_id = workspace.add_cluster(page.step.id, "<i>Lytning</i>").created_id
    workspace.move_note_to_cluster(grouped, cluster_id)
    assert first
    shown = open_presentation(window, qtbot).window
    assert shown.shown_headings() == ["<i>Lytning</i>", _("Not grouped")]
    assert shown.shown_texts() == ["i gruppen", "løs"]
    assert all(h.textFormat() == Qt.TextFormat.PlainText for h in shown.headings)


def test_of_gives_the_one_controller_of_the_view(open_workshop, qtbot):
    window, _id = open_workshop
    view = window.workshop_view
    controller = PresentationController.of(view)
    assert PresentationController.of(view) is controller
    controller.toggle()
    assert PresentationController.of(view).is_active
    window.hide()  # the main window goes: so does the presentation
    assert not controller.is_active


def test_a_dot_voting_step_shows_the_room_its_ranking(window, workspace, qtbot):
    from leaderapp.core.demo import create_demo_workshop

    workshop_id = create_demo_workshop(workspace)
    window.open_workshop(workshop_id)
    window.workshop_view.select_kind("dot_voting")
    step = window.workshop_view.current_step()
    tally = workspace.tally(step.id)
    best = max(workspace.voting_notes(step.id), key=lambda n: tally.get(n.id, 0))
    controller = open_presentation(window, qtbot)
    try:
        texts = controller.window.shown_texts()
        assert texts[0].startswith(best.text)
        n = tally[best.id]
        assert texts[0].endswith(f"{'●' * min(n, 12)} {n} prikker")
        assert len(texts) == len(workspace.voting_notes(step.id))
    finally:
        controller.toggle()
