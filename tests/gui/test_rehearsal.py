"""Rehearsal (try a program with sample content, nothing saved) and raw data export."""

import hashlib
import zipfile
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from leaderapp.core.paths import database_path
from leaderapp.gui.facilitation.rehearsal import RehearsalWindow, start_rehearsal
from leaderapp.gui.raw_data import export_raw_data

TABLES = ("workshop", "participant", "value", "step", "note", "vote", "rating", "commitment")


def fingerprint(workspace) -> tuple:
    """What a rehearsal must leave as it was: the database's files, byte for byte, and
    the number of rows in every table."""
    folder = workspace.path.parent
    files = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.name.startswith(database_path(folder).name)
    }
    counts = {
        t: workspace.conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES
    }
    return files, counts


@pytest.fixture
def rehearsal(window, monkeypatch, qtbot):
    """Start a rehearsal of the full course from the start page, as a user does."""
    monkeypatch.setattr(window.start_page, "ask_program", lambda: "full_course")
    qtbot.mouseClick(window.start_page.rehearse_button, Qt.MouseButton.LeftButton)
    opened = window.start_page.rehearsal
    assert isinstance(opened, RehearsalWindow)
    qtbot.waitExposed(opened)
    yield opened
    if shiboken6.isValid(opened):
        opened.close()


def gone(window) -> bool:
    """Closed (and, being a throwaway, deleted)."""
    return not shiboken6.isValid(window) or not window.isVisible()


def test_rehearsal_opens_the_program_with_sample_content_under_a_banner(rehearsal):
    assert rehearsal.isVisible() and rehearsal.isWindow()
    assert rehearsal.banner_title.text() in (
        "Prøvekørsel — intet gemmes",
        "Rehearsal — nothing is saved",
    )
    assert rehearsal.banner_title.textFormat() == Qt.TextFormat.PlainText
    view = rehearsal.view
    steps = rehearsal.workspace.steps(rehearsal.workshop_id)
    assert view.sidebar.count() == len(steps) > 15  # the full course, every step
    assert {s.meeting for s in steps} == {1, 2, 3}
    # Sample content: the notes a facilitator will see while stepping through.
    snapshot = rehearsal.workspace.snapshot(rehearsal.workshop_id)
    assert len(snapshot.notes) > 50 and snapshot.votes and snapshot.ratings
    assert view.page is not None


def test_a_rehearsal_with_edits_leaves_the_real_database_untouched(
    window, workspace, make_workshop, monkeypatch, qtbot
):
    make_workshop("Min rigtige workshop")
    window.start_page.refresh()
    qtbot.wait(50)
    before = fingerprint(workspace)

    monkeypatch.setattr(window.start_page, "ask_program", lambda: "full_course")
    window.start_page.rehearse_button.click()
    rehearsal = window.start_page.rehearsal
    view = rehearsal.view
    view.select_step(0)  # the check-in: a notes page
    page = view.page
    page.new_note()
    qtbot.keyClicks(page.editor, "Proevenote <b>& ")
    page.editor.insertPlainText("Łukasz 🙂")  # what QTest cannot type
    qtbot.waitUntil(
        lambda: any(
            n.text == "Proevenote <b>& Łukasz 🙂"
            for n in rehearsal.workspace.notes(rehearsal.workshop_id)
        ),
        timeout=3000,
    )
    # Undo and redo work inside the rehearsal, on its own history.
    rehearsal.undo_action.trigger()
    rehearsal.redo_action.trigger()
    assert window.history.stack.count() == 0
    rehearsal.close()
    qtbot.waitUntil(lambda: gone(rehearsal), timeout=3000)

    assert fingerprint(workspace) == before
    assert [w.unit_name for w in workspace.list_workshops()] == ["Min rigtige workshop"]
    assert window.stack.currentWidget() is window.start_page


def test_ending_the_rehearsal_from_its_back_button_closes_only_it(window, rehearsal, qtbot):
    assert "rehearsal" in rehearsal.view.back_button.text().lower() or "prøvekørsel" in (
        rehearsal.view.back_button.text().lower()
    )
    rehearsal.view.back_button.click()
    qtbot.waitUntil(lambda: gone(rehearsal), timeout=3000)
    assert window.isVisible()


def test_a_short_program_rehearses_with_the_content_it_has_room_for(window, qtbot):
    rehearsal = start_rehearsal(window, "short_course")
    qtbot.waitExposed(rehearsal)
    try:
        steps = rehearsal.workspace.steps(rehearsal.workshop_id)
        assert [s.exercise_id for s in steps][:2] == ["checkin", "value_meaning"]
        notes = rehearsal.workspace.notes(rehearsal.workshop_id)
        assert notes and all(n.step_id in {s.id for s in steps} for n in notes)
        for row in range(len(steps)):  # every page of the program opens
            rehearsal.view.select_step(row)
            assert rehearsal.view.page is not None
    finally:
        if shiboken6.isValid(rehearsal):
            rehearsal.close()


def test_cancelling_the_program_choice_opens_nothing(window, monkeypatch):
    monkeypatch.setattr(window.start_page, "ask_program", lambda: None)
    window.start_page.rehearse_button.click()
    assert window.start_page.rehearsal is None


# ------------------------------------------------------------------ raw data
def test_raw_data_is_exported_to_the_chosen_zip_and_reported(
    window, workspace, make_workshop, tmp_path
):
    workshop_id = make_workshop()
    step = workspace.steps(workshop_id)[1]
    workspace.add_note(
        step.id, '=HYPERLINK("x")\nanden linje', author_id=workspace.participants(workshop_id)[0].id
    )
    asked, shown = [], []
    flushed = []

    def ask(parent, suggested: Path):
        asked.append(suggested)
        return tmp_path / "rådata"  # without the suffix: it is added

    def show(parent, icon, title, text):
        shown.append((icon, text))

    written = export_raw_data(
        window, workspace, workshop_id, flush=lambda: flushed.append(1) or True, ask=ask, show=show
    )
    assert flushed == [1]
    assert asked[0].name.startswith("Akutmodtagelsen") and asked[0].suffix == ".zip"
    assert written == tmp_path / "rådata.zip"
    with zipfile.ZipFile(written) as archive:
        assert len(archive.namelist()) == 3
    assert shown[0][0] == QMessageBox.Icon.Information and str(written) in shown[0][1]


def test_raw_data_is_not_written_while_an_edit_cannot_be_saved(
    window, workspace, make_workshop, tmp_path
):
    workshop_id = make_workshop()
    shown = []
    written = export_raw_data(
        window,
        workspace,
        workshop_id,
        flush=lambda: False,
        ask=lambda parent, suggested: pytest.fail("must not ask for a file"),
        show=lambda parent, icon, title, text: shown.append(icon),
    )
    assert written is None and shown == [QMessageBox.Icon.Warning]
    assert list(tmp_path.glob("*.zip")) == []


def test_a_failed_raw_data_export_says_why(window, workspace, make_workshop, tmp_path):
    workshop_id = make_workshop()
    shown = []
    written = export_raw_data(
        window,
        workspace,
        workshop_id,
        ask=lambda parent, suggested: tmp_path / "mangler" / "rå.zip",
        show=lambda parent, icon, title, text: shown.append((icon, text)),
    )
    assert written is None
    assert shown[0][0] == QMessageBox.Icon.Warning and "rå.zip" in shown[0][1]


def test_the_banner_stands_out_and_stays_readable_in_light_and_dark(rehearsal, qapp):
    from PySide6.QtGui import QColor

    from leaderapp.gui import style

    def banner_colours() -> tuple[str, str]:
        for _ in range(4):
            qapp.processEvents()
        image = rehearsal.banner.grab().toImage()
        background = image.pixelColor(4, 4).name()
        ink = rehearsal.banner_title.palette().color(rehearsal.banner_title.foregroundRole())
        return background, ink.name()

    try:
        style.apply_style(qapp, scheme="light")
        light_bg, light_ink = banner_colours()
        style.apply_style(qapp, scheme="dark")
        dark_bg, dark_ink = banner_colours()
    finally:
        style.apply_style(qapp, scheme="system")
    assert QColor(light_bg).lightness() > 200 and QColor(dark_bg).lightness() < 80
    for background, ink in ((light_bg, light_ink), (dark_bg, dark_ink)):
        assert style.contrast_ratio(ink, background) >= 4.5, (ink, background)
