""" "Adjust the plan": reorder, skip, add, remove and timeboxes through the window; the
stored plan and the sidebar change at once, and undo takes each change back."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QSpinBox

from leaderapp.core.i18n import ngettext
from leaderapp.gui.facilitation import plan_dialog
from leaderapp.gui.facilitation.plan_dialog import (
    COL_ANON,
    COL_SKIP,
    COL_TIME,
    COL_TITLE,
    PlanDialog,
)
from leaderapp.gui.pages.notes_page import NotesPage
from leaderapp.gui.workshop_view import SKIPPED_ROLE, SUBTITLE_ROLE

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def plan(open_workshop, monkeypatch, qtbot):
    """The plan dialog opened from the sidebar button, shown (not modal) for the test."""
    window, workshop_id = open_workshop
    view = window.workshop_view
    opened = []

    def show(dialog):
        opened.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(view, "exec_dialog", show)
    qtbot.mouseClick(view.plan_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and isinstance(opened[0], PlanDialog)
    dialog = opened[0]
    yield window, workshop_id, dialog
    dialog.close()


def stored(workspace, workshop_id):
    return [s.exercise_id for s in workspace.steps(workshop_id)]


def sidebar_titles(view):
    return [view.sidebar.item(i).text() for i in range(view.sidebar.count())]


def test_the_dialog_lists_the_steps_with_timebox_skip_and_anonymous(plan, workspace):
    window, workshop_id, dialog = plan
    steps = workspace.steps(workshop_id)
    table = dialog.table
    assert table.rowCount() == len(steps) == 7
    assert table.item(1, COL_TITLE).text() == "2. " + workspace.step_title(steps[1])
    spin = table.indexWidget(table.model().index(0, COL_TIME))
    assert isinstance(spin, QSpinBox) and spin.value() == 15
    assert table.item(0, COL_SKIP).checkState() == Qt.CheckState.Unchecked
    assert table.item(0, COL_ANON).checkState() == Qt.CheckState.Unchecked
    # The step shown in the window is the one selected in the dialog.
    assert dialog.selected_step_id() == window.workshop_view.current_step().id


def test_move_buttons_and_alt_arrows_reorder_and_undo_restores(plan, workspace, qtbot):
    window, workshop_id, dialog = plan
    view = window.workshop_view
    before = stored(workspace, workshop_id)
    dialog.table.setCurrentCell(0, COL_TITLE)

    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    assert stored(workspace, workshop_id)[:2] == [before[1], before[0]]
    assert dialog.table.currentRow() == 1  # the moved step stays selected
    assert sidebar_titles(view)[1] == "Check-in"  # the sidebar followed at once

    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down, ALT)
    assert stored(workspace, workshop_id)[2] == "checkin"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up, ALT)
    assert stored(workspace, workshop_id) == before
    assert not dialog.up_button.isEnabled()  # first row: nowhere further up

    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    assert stored(workspace, workshop_id)[1] == "checkin"
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert stored(workspace, workshop_id) == before
    assert sidebar_titles(view)[0] == "Check-in"
    assert dialog.table.item(0, COL_TITLE).text() == "1. Check-in"


def test_skipping_with_the_keyboard_dims_the_step_and_next_jumps_over_it(plan, workspace, qtbot):
    window, workshop_id, dialog = plan
    view = window.workshop_view
    steps = workspace.steps(workshop_id)
    dialog.table.setFocus()
    dialog.table.setCurrentCell(1, COL_SKIP)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)

    assert workspace.step(steps[1].id).skipped
    item = view.sidebar.item(1)
    assert item.data(SKIPPED_ROLE) is True
    assert view.sidebar.count() == 7  # still listed
    assert item.text() == workspace.step_title(steps[1])
    counted = sum(s.timebox_minutes for s in steps) - steps[1].timebox_minutes
    assert dialog.total.text().startswith(
        ngettext("{n} step · {time}", "{n} steps · {time}", 6).format(
            n=6, time=plan_dialog.format_duration(counted)
        )
    )

    view.select_step(0)
    view.next_step()
    assert view.current_step().id == steps[2].id  # jumped over the skipped step
    view.previous_step()
    assert view.current_step().id == steps[0].id

    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)
    assert not workspace.step(steps[1].id).skipped
    assert view.sidebar.item(1).data(SKIPPED_ROLE) is False


def test_changing_a_timebox_updates_sidebar_header_and_an_unstarted_timer(plan, workspace, qtbot):
    window, workshop_id, dialog = plan
    view = window.workshop_view
    view.select_step(0)
    dialog.table.setCurrentCell(0, COL_TITLE)
    step_id = workspace.steps(workshop_id)[0].id
    spin = dialog.table.indexWidget(dialog.table.model().index(0, COL_TIME))
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert workspace.step(step_id).timebox_minutes == 17
    qtbot.keyClick(spin, Qt.Key.Key_Delete)  # edits the box, never removes the step
    assert len(workspace.steps(workshop_id)) == 7
    spin.setValue(40)
    assert workspace.step(step_id).timebox_minutes == 40
    assert "40" in view.sidebar.item(0).data(SUBTITLE_ROLE)
    assert "40" in view.step_time.text()
    assert view.step_timer.remaining == 40 * 60
    assert view.timer_widget.display.text() == "40:00"

    # The clicks and the typed value are one undo step.
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert workspace.step(step_id).timebox_minutes == 15
    spin = dialog.table.indexWidget(dialog.table.model().index(0, COL_TIME))
    assert spin.value() == 15
    assert view.timer_widget.display.text() == "15:00"


def test_anonymous_checkbox_is_stored_and_the_page_drops_authors(plan, workspace):
    window, workshop_id, dialog = plan
    view = window.workshop_view
    view.select_kind("notes", 1)
    row = view.sidebar.currentRow()
    step_id = view.current_step().id
    dialog.table.item(row, COL_ANON).setCheckState(Qt.CheckState.Checked)
    assert workspace.step(step_id).anonymous
    page = view.page
    assert isinstance(page, NotesPage) and page.step.anonymous  # rebuilt for the new rule


def test_add_a_per_value_step_after_the_selected_one(plan, workspace, qtbot, monkeypatch):
    window, workshop_id, dialog = plan
    view = window.workshop_view
    boldness = workspace.values(workshop_id)[2]

    def fill(add):
        add.choose("from_to")
        assert add.value_box.isEnabled()
        assert add.minutes.value() == 20  # the exercise's own timebox
        add.value_box.setCurrentIndex(add.value_box.findData(boldness.id))
        add.minutes.setValue(25)
        add.accept()
        return add.result()

    monkeypatch.setattr(dialog, "exec_dialog", fill)
    dialog.table.setCurrentCell(3, COL_TITLE)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    steps = workspace.steps(workshop_id)
    assert len(steps) == 8
    added = steps[4]
    assert (added.exercise_id, added.value_id, added.timebox_minutes) == (
        "from_to",
        boldness.id,
        25,
    )
    assert sidebar_titles(view)[4] == workspace.step_title(added)
    assert dialog.selected_step_id() == added.id

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert len(workspace.steps(workshop_id)) == 7
    assert view.sidebar.count() == 7


def test_add_a_step_that_is_not_about_a_value(plan, workspace, qtbot, monkeypatch):
    window, workshop_id, dialog = plan

    def fill(add):
        add.choose("polarity_map")
        assert not add.value_box.isEnabled()
        add.accept()
        return add.result()

    monkeypatch.setattr(dialog, "exec_dialog", fill)
    dialog.table.setCurrentCell(6, COL_TITLE)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    last = workspace.steps(workshop_id)[-1]
    assert (last.exercise_id, last.value_id, last.timebox_minutes) == ("polarity_map", None, 45)
    assert window.workshop_view.sidebar.count() == 8


def test_remove_a_step_with_notes_asks_and_undo_brings_the_notes_back(
    plan, workspace, qtbot, monkeypatch
):
    window, workshop_id, dialog = plan
    view = window.workshop_view
    step = workspace.steps(workshop_id)[1]
    texts = ["<b>Łukasz</b> & <img src=x>", "Şükrü 😀"]
    for text in texts:
        workspace.add_note(step.id, text)
    view.select_step(1)
    asked = []

    def answer(*args):
        asked.append(args[3])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(plan_dialog, "ask", answer)
    dialog.table.setCurrentCell(1, COL_TITLE)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "2" in asked[0] and workspace.step_title(step) in asked[0]
    assert len(workspace.steps(workshop_id)) == 7  # cancelled: nothing removed

    monkeypatch.setattr(plan_dialog, "ask", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert step.id not in {s.id for s in workspace.steps(workshop_id)}
    assert not workspace.notes(workshop_id, step.id)
    assert view.sidebar.count() == 6
    # The window shows the step that took its place.
    assert view.current_step().id == workspace.steps(workshop_id)[1].id
    assert view.page is not None and view.page.step.id == view.current_step().id

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in workspace.steps(workshop_id)][1] == step.id
    assert [n.text for n in workspace.notes(workshop_id, step.id)] == texts
    assert view.sidebar.count() == 7


def test_remove_an_empty_step_needs_no_question(plan, workspace, qtbot, monkeypatch):
    window, workshop_id, dialog = plan

    def refuse(*args):
        raise AssertionError("no question for an empty step")

    monkeypatch.setattr(plan_dialog, "ask", refuse)
    dialog.table.setCurrentCell(6, COL_TITLE)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert stored(workspace, workshop_id)[-1] == "commitments"
    assert dialog.table.rowCount() == 6


def test_hostile_value_names_show_as_typed(open_workshop, workspace, qtbot, monkeypatch):
    window, workshop_id = open_workshop
    name = "<b>Mod</b> & <img src=x> Łukasz 😀"
    workspace.add_value(workshop_id, name)
    view = window.workshop_view
    view.open_workshop(workshop_id)
    opened = []
    monkeypatch.setattr(view, "exec_dialog", lambda d: opened.append(d) or 0)
    view.edit_plan()
    dialog = opened[0]
    titles = [dialog.table.item(r, COL_TITLE).text() for r in range(dialog.table.rowCount())]
    assert any(name in t for t in titles)
    assert any(name in t for t in sidebar_titles(view))
    dialog.close()
