"""The competence rating, polarity map and follow-up pages, completed through the window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from leaderapp.core.i18n import _
from leaderapp.core.model import CommitmentStatus, WorkshopDraft, new_id
from leaderapp.gui.pages.follow_up_page import FollowUpPage
from leaderapp.gui.pages.polarity_page import PolarityPage
from leaderapp.gui.pages.rating_page import RatingPage

HOSTILE = "<b>Łukasz & Şükrü</b> <img src=x> 🙂"


@pytest.fixture
def course(workspace):
    """A full-course workshop with a follow-up step added at the end."""
    draft = WorkshopDraft(
        unit_name="Akutmodtagelsen",
        facilitator="Mette Holm",
        dates=(date(2026, 3, 5),),
        participants=("Anna Østergaard", "Bo Jensen", "Łukasz Nowak"),
        program_id="full_course",
    )
    workshop_id = workspace.create_workshop(draft).created_id
    workspace.db["step"].insert(
        {
            "id": new_id(),
            "workshop_id": workshop_id,
            "exercise_id": "follow_up",
            "position": len(workspace.steps(workshop_id)),
            "timebox_minutes": 40,
        }
    )
    return workshop_id


def step_of(workspace, workshop_id, exercise_id):
    return next(s for s in workspace.steps(workshop_id) if s.exercise_id == exercise_id)


def open_step(window, workshop_id, kind, page_type):
    window.open_workshop(workshop_id)
    window.workshop_view.select_kind(kind)
    page = window.workshop_view.page
    assert isinstance(page, page_type)
    return page


def people(workspace, workshop_id):
    return [p.id for p in workspace.participants(workshop_id)]


def scores(workspace, step_id):
    return {(r.participant_id, r.item): r.score for r in workspace.ratings(step_id)}


# ------------------------------------------------------------------ rating
def test_typing_digits_fills_the_grid_row_by_row_and_the_radar_follows(
    window, workspace, course, qtbot
):
    page = open_step(window, course, "competence_rating", RatingPage)
    step = step_of(workspace, course, "competence_rating")
    anna, bo, _lukasz = people(workspace, course)
    grid = page.grid
    assert [grid.verticalHeaderItem(r).text() for r in range(grid.rowCount())] == [
        "Anna Østergaard",
        "Bo Jensen",
        "Łukasz Nowak",
        _("Average"),
    ]
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    qtbot.keyClicks(grid, "34253")  # Anna's row, then on to Bo's first cell
    qtbot.keyClicks(grid, "5")
    qtbot.keyClicks(grid, "9")  # not on the scale: nothing happens
    assert scores(workspace, step.id) == {
        (anna, "bor"): 3,
        (anna, "kan"): 4,
        (anna, "vil"): 2,
        (anna, "ma"): 5,
        (anna, "tor"): 3,
        (bo, "bor"): 5,
    }
    assert grid.item(0, 3).text() == "5"
    assert grid.item(grid.average_row, 0).text() == "4,0"  # (3 + 5) / 2
    average = next(s for s in page.panel.radar.series if s.label)
    assert average.scores == {"bor": 4.0, "kan": 4.0, "vil": 2.0, "ma": 5.0, "tor": 3.0}
    assert len(page.panel.radar.series) == 3  # two faint participants and the average

    # The mouse scale scores the current cell; Delete clears it.
    grid.setCurrentCell(1, 1)
    page.panel.scale_buttons[1].click()
    assert workspace.rating(step.id, "kan", bo).score == 2
    grid.setCurrentCell(0, 1)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert workspace.rating(step.id, "kan", anna) is None
    assert grid.item(0, 1).text() == ""

    window.undo_action.trigger()  # the deleted score comes back
    assert workspace.rating(step.id, "kan", anna).score == 4
    assert grid.item(0, 1).text() == "4"
    window.undo_action.trigger()  # Bo's mouse score goes
    assert workspace.rating(step.id, "kan", bo) is None
    window.redo_action.trigger()
    assert workspace.rating(step.id, "kan", bo).score == 2


def test_the_change_is_a_note_with_its_slot_and_shown_as_typed(window, workspace, course, qtbot):
    page = open_step(window, course, "competence_rating", RatingPage)
    step = step_of(workspace, course, "competence_rating")
    editor = page.change.editors[0]
    editor.setFocus()
    qtbot.keyClicks(editor, "Ny visitation")
    editor.insertPlainText(" " + HOSTILE)
    assert page.flush()
    [note] = workspace.notes(course, step.id)
    assert (note.slot, note.text) == ("change", "Ny visitation " + HOSTILE)

    window.undo_action.trigger()  # the typing, then the note itself
    window.undo_action.trigger()
    assert workspace.notes(course, step.id) == []
    assert page.change.editors[0].toPlainText() == ""


def test_an_anonymous_rating_has_one_row_for_the_group(window, workspace, course, qtbot):
    step = step_of(workspace, course, "competence_rating")
    workspace.db["step"].update(step.id, {"anonymous": 1})
    page = open_step(window, course, "competence_rating", RatingPage)
    grid = page.grid
    assert grid.rowCount() == 2
    assert grid.verticalHeaderItem(0).text() == _("The group")
    grid.setCurrentCell(0, 0)
    qtbot.keyClicks(grid, "12345")
    assert scores(workspace, step.id) == {
        (None, "bor"): 1,
        (None, "kan"): 2,
        (None, "vil"): 3,
        (None, "ma"): 4,
        (None, "tor"): 5,
    }


# ---------------------------------------------------------------- polarity
def test_polarity_map_pair_quadrants_and_placements(window, workspace, course, qtbot):
    page = open_step(window, course, "polarity_map", PolarityPage)
    step = step_of(workspace, course, "polarity_map")
    anna, bo, _lukasz = people(workspace, course)

    page.left_box.setCurrentIndex(page.left_box.findData("malopfyldelse"))
    page.left_box.activated.emit(page.left_box.currentIndex())
    right = page.right_box.currentData()
    assert workspace.step(step.id).settings["pair"] == ["malopfyldelse", right]
    assert page.pole_titles[0].text() == "Målopfyldelse"
    assert "målopfyldelse" in page.prompts["left_upside"].text()

    typed = {
        "left_upside": "Vi når målene",
        "right_downside": HOSTILE,
        "warning:left": "Ventetiden stiger",
        "action:right": "Fast evaluering hver måned",
    }
    for slot, text in typed.items():
        editor = page.fields[slot].editors[0]
        editor.setFocus()
        editor.insertPlainText(text)
    assert page.flush()
    stored = {n.slot: n.text for n in workspace.notes(course, step.id)}
    assert stored == typed

    page.now_pickers[anna].buttons[1].click()
    page.target_pickers[anna].buttons[5].click()
    page.now_pickers[bo].buttons[3].click()
    assert scores(workspace, step.id) == {(anna, "now"): 2, (anna, "target"): 6, (bo, "now"): 4}
    assert page.now_pickers[anna].buttons[1].isChecked()
    now_track = page.line.tracks[0]
    assert sorted(now_track[2]) == [2, 4]
    page.now_pickers[bo].buttons[3].click()  # the chosen number again: the mark goes
    assert workspace.rating(step.id, "now", bo) is None
    window.undo_action.trigger()
    assert workspace.rating(step.id, "now", bo).score == 4
    assert page.now_pickers[bo].buttons[3].isChecked()

    # Swapping the sides moves the notes with their area and mirrors the marks.
    page.swap_button.click()
    assert workspace.polarity_pair(step.id) == (right, "malopfyldelse")
    assert page.fields["right_upside"].editors[0].toPlainText() == "Vi når målene"
    assert workspace.rating(step.id, "now", anna).score == 6
    window.undo_action.trigger()
    assert workspace.polarity_pair(step.id) == ("malopfyldelse", right)
    assert page.fields["left_upside"].editors[0].toPlainText() == "Vi når målene"


# ---------------------------------------------------------------- follow-up
def test_follow_up_re_rating_commitment_review_and_what_changed(window, workspace, course, qtbot):
    rating_step = step_of(workspace, course, "competence_rating")
    anna, bo, _lukasz = people(workspace, course)
    for item, score in zip(("bor", "kan", "vil", "ma", "tor"), (2, 2, 3, 1, 2), strict=True):
        workspace.set_rating(rating_step.id, item, score, anna)
    kept = workspace.add_commitment(course, "Fast punkt på tavlemødet", "Anna").created_id
    changed = workspace.add_commitment(course, HOSTILE, "Bo").created_id
    page = open_step(window, course, "follow_up", FollowUpPage)
    step = step_of(workspace, course, "follow_up")

    before = next(s for s in page.panel.radar.series if s.label == _("Before"))
    assert before.scores == {"bor": 2, "kan": 2, "vil": 3, "ma": 1, "tor": 2}

    grid = page.grid
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    qtbot.keyClicks(grid, "44343")
    assert scores(workspace, step.id) == {
        (anna, "bor"): 4,
        (anna, "kan"): 4,
        (anna, "vil"): 3,
        (anna, "ma"): 4,
        (anna, "tor"): 3,
    }
    assert workspace.average_ratings(rating_step.id)["bor"] == 2  # the earlier one stays
    now = next(s for s in page.panel.radar.series if s.label == _("Now"))
    assert now.scores["bor"] == 4

    [first, second] = page.reviews
    assert second.action.text() == HOSTILE
    assert second.action.textFormat() == Qt.TextFormat.PlainText
    second.status.setCurrentIndex(second.status.findData("adjusted"))
    second.status.activated.emit(second.status.currentIndex())
    first.status.setCurrentIndex(first.status.findData("done"))
    first.status.activated.emit(first.status.currentIndex())
    second.review.setFocus()
    second.review.insertPlainText("Hver anden uge i stedet 🙂")
    assert page.flush()
    assert workspace.commitment(changed).status is CommitmentStatus.ADJUSTED
    assert workspace.commitment(changed).review_note == "Hver anden uge i stedet 🙂"
    assert workspace.commitment(kept).status is CommitmentStatus.DONE

    editor = page.what_changed.editors[0]
    editor.setFocus()
    qtbot.keyClicks(editor, "Vi spørger før vi beslutter")
    assert page.flush()
    [note] = workspace.notes(course, step.id)
    assert (note.slot, note.text) == ("what_changed", "Vi spørger før vi beslutter")

    window.undo_action.trigger()  # the typing
    window.undo_action.trigger()  # the new note
    window.undo_action.trigger()  # the review note
    assert workspace.commitment(changed).review_note == ""
    assert second.review.toPlainText() == ""
    window.undo_action.trigger()  # "done"
    assert workspace.commitment(kept).status is CommitmentStatus.PLANNED
    assert first.status.currentData() == "not_started"
    assert isinstance(window.workshop_view.page, FollowUpPage)  # undo stays on the page


def test_follow_up_without_an_earlier_rating_says_so(window, workspace):
    workshop_id = workspace.create_workshop(
        WorkshopDraft(unit_name="Opfølgning", participants=("Anna",), program_id="follow_up")
    ).created_id
    page = open_step(window, workshop_id, "follow_up", FollowUpPage)
    assert page.baseline is None
    assert not any(s.label == _("Before") for s in page.panel.radar.series)
    shown = [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
    assert page.baseline_change.text() in shown
    assert page.no_commitments.isVisibleTo(page)


def test_charts_draw_half_filled_and_empty_data(qtbot):
    from leaderapp.gui.pages.polarity_page import PlacementLine
    from leaderapp.gui.pages.radar_chart import RadarChart, Series

    radar = RadarChart()
    qtbot.addWidget(radar)
    radar.resize(360, 360)
    radar.set_axes([("bor", "Bør"), ("kan", "Kan"), ("vil", "Vil"), ("ma", "Må"), ("tor", "Tør")])
    for series in (
        [],
        [Series({}, "#2c6b70", label="Nu")],
        [Series({"bor": 3}, "#2c6b70", label="Nu")],
        [Series({"bor": 3, "kan": 4.5}, "#2c6b70", faint=True), Series({"vil": 1}, "#b0793a")],
    ):
        radar.set_series(series, "Ingen tal endnu")
        assert not radar.grab().isNull()  # an error while painting fails the test
    line = PlacementLine()
    qtbot.addWidget(line)
    line.resize(600, 190)
    line.show_placements(
        7, "Nytænkning", "Ordentlighed", [("Nu", "#b0793a", []), ("Mål", "#2c6b70", [1, 7, 7, 4])]
    )
    assert not line.grab().isNull()


# ------------------------------------------------- screen readers, text size, dark mode
@pytest.fixture
def restyle(qapp):
    """Set the text size (percent) and colour scheme as Settings would; put back after."""
    from leaderapp.gui import style

    def apply(percent: int = 100, scheme: str = "light") -> None:
        style.apply_style(qapp, style.DEFAULT_POINT_SIZE * percent / 100, scheme=scheme)
        for _turn in range(8):
            qapp.processEvents()

    yield apply
    style.apply_style(qapp, style.DEFAULT_POINT_SIZE, scheme="system", high_contrast=None)


def test_every_field_of_the_rating_and_polarity_pages_has_a_name(window, workspace, course, qtbot):
    page = open_step(window, course, "competence_rating", RatingPage)
    assert page.grid.accessibleName() == _("Scores")
    assert page.change.editors[0].accessibleName() == _("The change we face")

    page = open_step(window, course, "polarity_map", PolarityPage)
    page.left_box.setCurrentIndex(page.left_box.findData("malopfyldelse"))
    page.left_box.activated.emit(page.left_box.currentIndex())
    upside = page.fields["left_upside"].editors[0].accessibleName()
    assert upside == _("The upside of {area}").format(area="målopfyldelse")
    warning = page.fields["warning:right"].editors[0].accessibleName()
    assert page.right_box.currentText().lower() in warning
    # Several notes in one field: each is numbered, so they can be told apart.
    step = step_of(workspace, course, "polarity_map")
    workspace.add_note(step.id, "Ventetiden stiger", slot="warning:left")
    workspace.add_note(step.id, HOSTILE, slot="warning:left")
    page.refresh()
    names = [e.accessibleName() for e in page.fields["warning:left"].editors]
    assert len(names) == 2 and len(set(names)) == 2
    assert all(_("Early warning signs for {area}").format(area="målopfyldelse") in n for n in names)
    assert page.fields["warning:left"].editors[1].toPlainText() == HOSTILE


def test_with_large_text_the_radar_goes_below_a_grid_that_shows_every_column(
    window, course, restyle
):
    from PySide6.QtWidgets import QBoxLayout

    window.resize(1366, 768)
    page = open_step(window, course, "competence_rating", RatingPage)
    panel = page.panel
    restyle(100)
    assert panel.columns.direction() == QBoxLayout.Direction.LeftToRight
    restyle(185)
    assert panel.columns.direction() == QBoxLayout.Direction.TopToBottom
    grid = page.grid
    # No column cut off at the right edge, and the page does not run past the window.
    assert grid.width() >= grid.minimumSizeHint().width()
    right_edge = panel.mapTo(page, panel.rect().topRight()).x()
    assert right_edge <= page.width()
    assert page.panel.radar.width() >= page.panel.radar.minimumSizeHint().width()
    restyle(100)
    assert panel.columns.direction() == QBoxLayout.Direction.LeftToRight


def test_charts_and_marks_take_the_dark_palette_when_it_is_chosen(
    window, workspace, course, restyle
):
    from leaderapp.gui import style
    from leaderapp.gui.pages.radar_chart import NOW, chart_colour

    page = open_step(window, course, "polarity_map", PolarityPage)
    anna = people(workspace, course)[0]
    page.target_pickers[anna].buttons[2].click()
    restyle(100, "light")
    light_sheet = page.pickers_box.styleSheet()
    restyle(100, "dark")
    assert style.current_palette() is style.DARK
    # The accent is too dark to see on a dark card; the chart uses its light form.
    assert chart_colour(NOW) == style.DARK.ACCENT_TEXT
    assert style.contrast_ratio(chart_colour(NOW), style.SURFACE) >= 3
    dark_sheet = page.pickers_box.styleSheet()
    assert dark_sheet != light_sheet and style.DARK.ACCENT_TEXT in dark_sheet
    image = page.line.grab().toImage()
    assert image.pixelColor(2, 2).lightness() < 80  # drawn on the dark card, not white
