"""Dot voting through the window: whose dots, click / Enter / Backspace, result, undo."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from leaderapp.core.model import WorkshopDraft
from leaderapp.gui.pages.cluster_board import ClusterBoard
from leaderapp.gui.pages.voting_page import VotingPage

HOSTILE = '<b>fed</b> & <img src="/etc/passwd"> 🙂 Şükrü'
PEOPLE = ("Anna Østergaard", "Bo Jensen", "Łukasz Nowak")


@pytest.fixture
def voting(window, workspace):
    """A short course with three revealed notes and one hidden; the voting page shown."""
    wid = workspace.create_workshop(
        WorkshopDraft(
            unit_name="Akutmodtagelsen",
            dates=(date(2026, 12, 1),),
            participants=PEOPLE,
            program_id="short_course",
        )
    ).created_id
    value_step = next(s for s in workspace.steps(wid) if s.exercise_id == "value_meaning")
    notes = [
        workspace.add_note(value_step.id, text).created_id
        for text in ("Vi lytter før vi beslutter", HOSTILE, "Vi holder, hvad vi lover")
    ]
    workspace.add_note(value_step.id, "endnu skjult", hidden=True)
    window.open_workshop(wid)
    window.workshop_view.select_kind("dot_voting")
    page = window.workshop_view.page
    assert isinstance(page, VotingPage)
    return window, page, notes, [p.id for p in workspace.participants(wid)]


def _item(board: ClusterBoard, note_id: str):
    for column in board.columns:
        for row in range(column.count()):
            if column.item(row).data(Qt.ItemDataRole.UserRole) == note_id:
                return column, column.item(row)
    raise AssertionError("note not on the board")


def _click(qtbot, board, note_id, button=Qt.MouseButton.LeftButton):
    column, item = _item(board, note_id)
    column.scrollToItem(item)
    qtbot.mouseClick(column.viewport(), button, pos=column.visualItemRect(item).center())


def test_the_board_shows_the_revealed_notes_as_typed(voting):
    _window, page, notes, _people = voting
    shown = [_item(page.board, n)[1].text().split("\n")[0] for n in notes]
    assert shown[1] == " ".join(HOSTILE.split())  # plain text, nothing interpreted
    assert "endnu skjult" not in " ".join(
        page.board.columns[0].item(i).text() for i in range(page.board.columns[0].count())
    )
    assert [b.name.text() for b in page.voter_buttons.values()] == list(PEOPLE)


def test_complete_a_dot_vote_for_the_room(voting, workspace, qtbot):
    window, page, notes, (anna, bo, lukasz) = voting
    page.setFocus()
    # Anna (key 1, chosen at the start): two dots on the first note, one on the second.
    _click(qtbot, page.board, notes[0])
    _click(qtbot, page.board, notes[0])
    _click(qtbot, page.board, notes[1])
    # All three given: a tick, never three hollow dots that read as "none used".
    assert page.voter_buttons[anna].left.text() == "✓"
    assert "0" in page.voter_buttons[anna].accessibleName()
    # Key 2 chooses Bo; Enter on a note gives his dot.
    qtbot.keyClick(page, Qt.Key.Key_2)
    assert page.voter_id == bo
    column, item = _item(page.board, notes[2])
    column.setCurrentItem(item)
    column.setFocus()
    qtbot.keyClick(column, Qt.Key.Key_Return)
    qtbot.keyClick(column, Qt.Key.Key_Return)
    # Backspace takes one of Bo's dots back.
    qtbot.keyClick(column, Qt.Key.Key_Backspace)
    # Łukasz by his button; a right-click on a note without his dots takes nothing.
    page.voter_buttons[lukasz].click()
    _click(qtbot, page.board, notes[2])
    column, item = _item(page.board, notes[0])
    column.customContextMenuRequested.emit(column.visualItemRect(item).center())

    stored = {(v.note_id, v.participant_id): v.dots for v in workspace.votes(page.step.id)}
    assert stored == {
        (notes[0], anna): 2,
        (notes[1], anna): 1,
        (notes[2], bo): 1,
        (notes[2], lukasz): 1,
    }
    # The result ranks the notes by dots.
    first = page.ranking.item(0).text()
    assert "Vi lytter før vi beslutter" in first and first.startswith("1.")
    assert page.ranking.count() == 3
    assert page.voter_buttons[bo].left.text() == "●○○"  # one given, two still to give
    assert "●●" in _item(page.board, notes[2])[1].text()


def test_no_dots_left_is_refused_with_a_message(voting, workspace, qtbot):
    window, page, notes, (anna, _bo, _lukasz) = voting
    page.dots_spin.setValue(1)
    assert workspace.step(page.step.id).settings["dots"] == 1
    _click(qtbot, page.board, notes[0])
    _click(qtbot, page.board, notes[1])  # no dots left: refused, nothing stored
    assert workspace.tally(page.step.id) == {notes[0]: 1}
    assert "Anna Østergaard" in window.message.text()


def test_undo_and_redo_a_dot(voting, workspace, qtbot):
    window, page, notes, (anna, _bo, _lukasz) = voting
    _click(qtbot, page.board, notes[1])
    assert workspace.tally(page.step.id) == {notes[1]: 1}
    window.history.undo()
    assert workspace.tally(page.step.id) == {}
    page = window.workshop_view.page
    assert page.voter_buttons[anna].left.text() == "○○○"
    window.history.redo()
    assert workspace.tally(page.step.id) == {notes[1]: 1}
    assert page.voter_buttons[anna].left.text() == "●○○"


def test_dots_per_participant_is_undoable(voting, workspace):
    window, page, _notes, (anna, _bo, _lukasz) = voting
    page.dots_spin.setValue(5)
    assert workspace.dots_left(page.step.id, anna) == 5
    assert page.voter_buttons[anna].left.text() == "○○○○○"
    window.history.undo()
    assert workspace.dots_per_participant(page.step.id) == 3
    assert window.workshop_view.page.dots_spin.value() == 3


def test_anonymous_step_votes_for_the_room(window, workspace, qtbot, voting):
    window, page, notes, _people = voting
    workspace.db["step"].update(page.step.id, {"anonymous": 1})
    page.refresh()
    assert list(page.voter_buttons) == [None]
    assert page.voter_buttons[None].left.text() == "○" * 9  # 3 dots x 3 participants
    _click(qtbot, page.board, notes[0])
    assert [(v.participant_id, v.dots) for v in workspace.votes(page.step.id)] == [(None, 1)]


def test_voting_on_notes_within_clusters(voting, workspace, qtbot):
    _window, page, notes, (anna, _bo, _lukasz) = voting
    cluster = page.board.add_cluster("Tillid & mod")
    page.board.move_note(notes[2], cluster)
    assert page.board.note_ids_in(cluster) == [notes[2]]
    _click(qtbot, page.board, notes[2])
    assert workspace.tally(page.step.id) == {notes[2]: 1}


def test_the_notes_have_room_on_a_small_laptop_screen(voting, qtbot):
    window, page, _notes, _people = voting
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: page.board.columns[0].height() >= 300, timeout=2000)
    assert page.board.columns[0].width() >= 220


def test_typing_a_number_in_the_dots_box_does_not_switch_participant(voting, workspace, qtbot):
    _window, page, _notes, (anna, _bo, _lukasz) = voting
    page.dots_spin.setFocus()
    page.dots_spin.selectAll()
    qtbot.keyClick(page.dots_spin, Qt.Key.Key_2)
    qtbot.keyClick(page.dots_spin, Qt.Key.Key_Return)
    assert page.voter_id == anna
    assert workspace.dots_per_participant(page.step.id) == 2


def test_the_demo_vote_shows_every_participant_with_all_dots_given(window, workspace):
    """The demo casts three dots for each participant in its voting step: every chip
    says so (a tick), and the names and dots come from that step's votes."""
    from leaderapp.core.demo import create_demo_workshop

    wid = create_demo_workshop(workspace)
    window.open_workshop(wid)
    view = window.workshop_view
    view.select_kind("dot_voting")
    page = view.page
    assert isinstance(page, VotingPage)
    people = workspace.participants(wid)
    assert len(page.voter_buttons) == len(people) == 8
    for person in people:
        assert workspace.dots_left(page.step.id, person.id) == 0
        chip = page.voter_buttons[person.id]
        assert chip.left.text() == "✓", person.name
        assert chip.name.text() == person.name
    assert page.ranking.accessibleName()
