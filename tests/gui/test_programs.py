"""Choosing a program in the New-workshop dialog, and the meetings in the sidebar."""

from PySide6.QtCore import Qt

from leaderapp.core.i18n import _
from leaderapp.core.library import load_library
from leaderapp.gui.workshop_view import SUBTITLE_ROLE


def create_with(program_id):
    def fill(dialog):
        dialog.unit_name.setText("Akutmodtagelsen")
        if program_id is not None:
            dialog.select_program(program_id)
        dialog.accept()
        return dialog.result()

    return fill


def test_the_dialog_offers_every_program_with_its_length_and_standard_first_chosen(window):
    from leaderapp.gui.workshop_dialog import WorkshopDialog

    dialog = WorkshopDialog(lambda draft: draft, window)
    combo = dialog.program
    ids = [combo.itemData(i) for i in range(combo.count())]
    assert sorted(ids) == sorted(load_library().programs)
    assert combo.currentData() == "standard"
    full = load_library().programs["full_course"]
    dialog.select_program("full_course")
    hours, minutes = divmod(full.total_minutes(3), 60)
    duration = _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    assert combo.currentText() == _("{name} · {duration}").format(
        name=full.name(), duration=duration
    )
    assert dialog.program_description.text() == full.description()
    dialog.close()


def test_choosing_the_full_course_shows_the_meetings_in_the_sidebar(
    window, workspace, monkeypatch, qtbot
):
    monkeypatch.setattr(window.start_page, "exec_dialog", create_with("full_course"))
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)

    [summary] = workspace.list_workshops()
    assert workspace.workshop(summary.id).program_id == "full_course"
    sidebar = window.workshop_view.sidebar
    steps = workspace.steps(summary.id)
    assert sidebar.count() == len(steps)
    subtitles = [sidebar.item(i).data(SUBTITLE_ROLE) for i in range(sidebar.count())]
    # The number in the subtitle, the program's own (Danish) title in the tooltip.
    step_1 = _("Step {n} · {minutes} min").format(n=1, minutes=20)
    assert subtitles[0] == _("Meeting {n} · {step}").format(n=1, step=step_1)
    meetings = [int(s.split(" ")[1]) for s in subtitles]
    assert meetings == [s.meeting for s in steps] and set(meetings) == {1, 2, 3}
    meeting = _("Meeting {n}: {title}")
    first = meeting.format(n=1, title="Værdierne i vores hverdag")
    last = sidebar.item(sidebar.count() - 1).toolTip()
    assert last == meeting.format(n=3, title="Fra ord til handling")
    assert sidebar.item(0).toolTip() == first


def test_the_default_program_has_no_meeting_labels(window, workspace, monkeypatch, qtbot):
    monkeypatch.setattr(window.start_page, "exec_dialog", create_with(None))
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)

    [summary] = workspace.list_workshops()
    assert workspace.workshop(summary.id).program_id == "standard"
    sidebar = window.workshop_view.sidebar
    subtitles = [sidebar.item(i).data(SUBTITLE_ROLE) for i in range(sidebar.count())]
    assert subtitles == [
        _("Step {n} · {minutes} min").format(n=n, minutes=s.timebox_minutes)
        for n, s in enumerate(workspace.steps(summary.id), start=1)
    ]
    assert not sidebar.item(0).toolTip()


def test_the_new_workshop_dialog_rows_do_not_overlap(window, qtbot, qapp):
    from leaderapp.gui.style import apply_style
    from leaderapp.gui.workshop_dialog import WorkshopDialog

    # The overlap showed only with the app's real look (font size, style sheet).
    old = (qapp.style().name(), qapp.font(), qapp.styleSheet())
    apply_style(qapp)
    try:
        dialog = WorkshopDialog(lambda draft: draft, window)
        dialog.show()
        qtbot.waitExposed(dialog)
        rows = [dialog.unit_name, dialog.organisation, dialog.facilitator, dialog.date]
        rows += [dialog.participants, dialog.program]
        for upper, lower in zip(rows, rows[1:], strict=False):
            assert upper.geometry().bottom() < lower.geometry().top(), (upper, lower)
        dialog.close()
    finally:
        qapp.setStyle(old[0])
        qapp.setFont(old[1])
        qapp.setStyleSheet(old[2])
