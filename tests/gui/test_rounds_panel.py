"""1-2-4-all: the panel switches rounds on, steps through them with their groups and
time, and undo goes back."""

import pytest

from leaderapp.core.facilitation.rounds import round_seconds
from leaderapp.gui.pages.rounds_panel import RoundsPanel
from leaderapp.gui.widgets import label

PEOPLE = ("Anna Østergaard", "Bo Jensen", "Łukasz Nowak", "Şükrü Yılmaz", "<b>Ida</b> & co")


@pytest.fixture
def panel(window, make_workshop, qtbot):
    wid = make_workshop(participants=PEOPLE)
    window.open_workshop(wid)
    page = window.workshop_view.page
    widget = RoundsPanel(page)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    return window, page, widget


def _texts(widget):
    return [w.text() for w in widget.findChildren(type(label()))]


def test_off_until_switched_on(panel, workspace):
    _window, page, widget = panel
    assert widget.current_round is None
    assert not widget.body.isVisibleTo(widget)
    widget.switch.setChecked(True)
    assert workspace.step(page.step.id).settings["rounds"] is True
    assert widget.current_round == 1
    assert widget.body.isVisibleTo(widget)


def test_rounds_advance_with_groups_and_time(panel, workspace):
    _window, page, widget = panel
    seen = []
    widget.round_changed.connect(seen.append)
    widget.switch.setChecked(True)
    assert not widget.previous_button.isEnabled()
    assert widget.timer.remaining == round_seconds(page.step.timebox_minutes, 1)

    widget.next_button.click()
    assert widget.current_round == 2
    assert workspace.step(page.step.id).settings["round"] == 2
    assert widget.timer.remaining == round_seconds(page.step.timebox_minutes, 2)
    texts = _texts(widget)
    assert "<b>Ida</b> & co" in texts  # names as typed
    pairs = [t for t in texts if t.startswith(("Pair ", "Par "))]
    assert len(pairs) == 2  # five people: a pair and a trio

    widget.next_button.click()
    assert widget.current_round == 4
    widget.next_button.click()
    assert widget.current_round == 0
    assert not widget.next_button.isEnabled()
    widget.previous_button.click()
    assert widget.current_round == 4
    assert seen == [1, 2, 4, 0, 4]


def test_notes_per_round_are_counted(panel, workspace):
    _window, page, widget = panel
    widget.switch.setChecked(True)
    workspace.add_note(page.step.id, "alene", round=widget.current_round)
    widget.next_round()
    workspace.add_note(page.step.id, "i par", round=widget.current_round)
    widget.refresh()
    assert {n.round for n in workspace.notes(page.workshop_id, page.step.id)} == {1, 2}
    assert "1" in widget.notes_line.text() and "0" in widget.notes_line.text()


def test_undo_goes_back_a_round(panel, workspace):
    window, _page, widget = panel
    widget.switch.setChecked(True)
    widget.next_round()
    widget.next_round()
    window.history.undo()
    widget.refresh()
    assert widget.current_round == 2
    window.history.undo()
    window.history.undo()
    widget.refresh()
    assert widget.current_round is None
    assert not widget.switch.isChecked()


def test_the_current_round_chip_uses_the_palette_in_dark_mode(panel, qtbot):
    from PySide6.QtWidgets import QApplication

    from leaderapp.gui import style

    _window, _page, widget = panel
    widget.set_enabled_rounds(True)
    app = QApplication.instance()
    try:
        style.apply_style(app, scheme="dark")
        chip = next(c for c in widget.chips.values() if c.property("round") == "current")
        qtbot.waitUntil(lambda: style.DARK.ACCENT in chip.styleSheet(), timeout=2000)
        assert style.DARK.ON_ACCENT in chip.styleSheet()
        qtbot.waitUntil(lambda: style.DARK.SURFACE in widget.styleSheet(), timeout=2000)
    finally:
        style.apply_style(app, scheme="light")
    qtbot.waitUntil(lambda: style.LIGHT.SURFACE in widget.styleSheet(), timeout=2000)
