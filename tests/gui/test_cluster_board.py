"""The cluster board: drop a note onto a group and out again, keyboard moves, rename,
delete, undo; names and notes are shown as typed."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from leaderapp.gui.pages.cluster_board import ClusterBoard, note_mime

HOSTILE = '<b>Tillid</b> & <img src="/etc/passwd"> 🙂 Łukasz'


@pytest.fixture
def board(open_workshop, workspace, qtbot):
    window, _wid = open_workshop
    window.workshop_view.select_kind("notes", 1)  # a value step
    page = window.workshop_view.page
    notes = [
        workspace.add_note(page.step.id, text).created_id
        for text in ("Vi lytter", "Vi tør", HOSTILE)
    ]
    workspace.add_note(page.step.id, "skjult", hidden=True)
    widget = ClusterBoard(page)
    qtbot.addWidget(widget)
    widget.resize(1100, 420)
    widget.show()
    return window, widget, notes


def _drop(column, note_id):
    """What Qt calls when a dragged note is let go over ``column``."""
    mime = note_mime(note_id)  # the event does not own it: keep it alive
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    column.dropEvent(event)
    return event, mime


def test_notes_start_ungrouped_and_hidden_ones_are_left_out(board):
    _window, widget, notes = board
    assert widget.note_ids_in(None) == notes
    assert widget.column_for(None).item(2).text() == " ".join(HOSTILE.split())


def test_drop_a_note_onto_a_cluster_and_undo(board, workspace):
    window, widget, notes = board
    cluster = widget.add_cluster("Tillid")
    event, _mime = _drop(widget.column_for(cluster), notes[1])
    assert event.isAccepted()
    assert workspace.note(notes[1]).cluster_id == cluster
    assert widget.note_ids_in(cluster) == [notes[1]]
    assert widget.note_ids_in(None) == [notes[0], notes[2]]
    window.history.undo()
    assert workspace.note(notes[1]).cluster_id is None
    widget.refresh()
    assert widget.note_ids_in(cluster) == []
    window.history.redo()
    assert workspace.note(notes[1]).cluster_id == cluster


def test_drop_back_to_not_grouped(board, workspace):
    _window, widget, notes = board
    cluster = widget.add_cluster("Mod")
    _drop(widget.column_for(cluster), notes[0])
    _drop(widget.column_for(None), notes[0])
    assert workspace.note(notes[0]).cluster_id is None
    assert widget.note_ids_in(None)[0] == notes[0]


def test_something_else_dropped_is_ignored(board, workspace):
    from PySide6.QtCore import QMimeData

    _window, widget, notes = board
    cluster = widget.add_cluster("Mod")
    mime = QMimeData()
    mime.setText(notes[0])
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.column_for(cluster).dropEvent(event)
    assert workspace.note(notes[0]).cluster_id is None


def test_move_to_group_menu_is_the_keyboard_way(board, workspace):
    _window, widget, notes = board
    cluster = widget.add_cluster(HOSTILE)
    assert widget.select_note(notes[2])
    assert widget.move_button.isEnabled()
    menu = widget.move_menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[1] == HOSTILE.replace("&", "&&")  # shown as typed, "&" kept
    menu.actions()[1].trigger()
    assert workspace.note(notes[2]).cluster_id == cluster
    # The name is plain text on the column.
    header = widget.findChildren(type(widget.hint))
    assert HOSTILE in [h.text() for h in header]


def test_rename_and_delete_a_cluster_with_undo(board, workspace, monkeypatch):
    window, widget, notes = board
    monkeypatch.setattr(widget, "ask_name", lambda title, text: "  Tillid og mod  ")
    cluster = widget.add_cluster()
    assert workspace.cluster(cluster).name == "Tillid og mod"
    monkeypatch.setattr(widget, "ask_name", lambda title, text: "Åbenhed")
    widget.rename_cluster(cluster)
    assert workspace.cluster(cluster).name == "Åbenhed"
    widget.move_note(notes[0], cluster)
    widget.delete_cluster(cluster)
    assert workspace.clusters(widget.step_id) == []
    assert workspace.note(notes[0]).cluster_id is None
    assert widget.column_for(cluster) is None
    window.history.undo()
    widget.refresh()
    assert widget.note_ids_in(cluster) == [notes[0]]
    assert workspace.cluster(cluster).name == "Åbenhed"


def test_cancelled_name_adds_nothing(board, workspace, monkeypatch):
    _window, widget, _notes = board
    monkeypatch.setattr(widget, "ask_name", lambda title, text: None)
    assert widget.add_cluster() is None
    assert workspace.clusters(widget.step_id) == []


def test_an_empty_name_is_refused_with_a_message(board, workspace):
    window, widget, _notes = board
    assert widget.add_cluster("   ") is None
    assert workspace.clusters(widget.step_id) == []
    assert window.message.text()


def test_cards_follow_the_dark_palette_and_a_long_selected_card_is_not_cut(board, workspace, qtbot):
    from PySide6.QtWidgets import QApplication

    from leaderapp.gui import style

    window, widget, notes = board
    long_text = " ".join(["Vi taler sammen, før vi beslutter, og vi lytter til svaret."] * 3)
    workspace.update_note(notes[0], text=long_text)
    widget.refresh()
    app = QApplication.instance()
    try:
        style.apply_style(app, scheme="dark")
        qtbot.waitUntil(lambda: style.DARK.SURFACE in widget.columns[0].styleSheet(), timeout=2000)
        assert "#fffdf5" not in widget.columns[0].styleSheet()
    finally:
        style.apply_style(app, scheme="light")
    qtbot.waitUntil(lambda: style.LIGHT.SURFACE in widget.columns[0].styleSheet(), timeout=2000)
    assert widget.select_note(notes[0])
    column = widget.column_for(None)
    item = column.currentItem()
    rect = column.visualItemRect(item)
    # The card is measured for the selected frame: all its lines fit inside.
    metrics = column.fontMetrics()
    from PySide6.QtCore import QRect

    from leaderapp.gui.pages.cluster_board import CardDelegate

    text_width = column.viewport().width() - CardDelegate.CHROME_W
    needed = metrics.boundingRect(
        QRect(0, 0, text_width, 100_000), int(Qt.TextFlag.TextWordWrap), item.text()
    ).height()
    assert rect.height() >= needed + CardDelegate.CHROME_H - 4
    assert item.text().startswith("Vi taler sammen")
