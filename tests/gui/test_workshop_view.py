from PySide6.QtWidgets import QApplication

from leaderapp.core.i18n import _
from leaderapp.gui import style
from leaderapp.gui.pages.commitments_page import CommitmentsPage
from leaderapp.gui.pages.notes_page import NotesPage
from leaderapp.gui.workshop_view import SUBTITLE_ROLE


def test_sidebar_lists_the_program_steps_with_timeboxes(open_workshop, workspace):
    window, workshop_id = open_workshop
    sidebar = window.workshop_view.sidebar
    steps = workspace.steps(workshop_id)
    assert sidebar.count() == len(steps) == 7
    titles = [sidebar.item(i).text() for i in range(sidebar.count())]
    assert titles[1] == workspace.step_title(steps[1])
    assert titles[1] == "Hvad betyder dialog for os?"
    assert "15 min" in sidebar.item(0).data(SUBTITLE_ROLE)


def test_the_workshop_remembers_its_step(open_workshop, workspace):
    window, workshop_id = open_workshop
    window.workshop_view.select_kind("commitments")
    window.back_action.trigger()
    step = workspace.step(workspace.workshop(workshop_id).current_step_id)
    assert step.exercise_id == "commitments"

    window.open_workshop(workshop_id)
    assert isinstance(window.workshop_view.page, CommitmentsPage)
    assert window.workshop_view.current_step().id == step.id


def test_details_dialog_updates_participants_and_author_choices(
    open_workshop, workspace, monkeypatch
):
    window, workshop_id = open_workshop
    view = window.workshop_view
    view.select_kind("notes")

    def edit(dialog):
        assert dialog.unit_name.text() == "Akutmodtagelsen"
        dialog.participants.setPlainText("Anna Østergaard\nCarl Nielsen")
        dialog.facilitator.setText("Ny facilitator")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(view, "exec_dialog", edit)
    window.details_action.trigger()

    assert [p.name for p in workspace.participants(workshop_id)] == [
        "Anna Østergaard",
        "Carl Nielsen",
    ]
    assert "Ny facilitator" in view.subtitle.text()
    page = view.page
    assert isinstance(page, NotesPage)
    names = [page.author.itemText(i) for i in range(page.author.count())]
    assert names[1:] == ["Anna Østergaard", "Carl Nielsen"]


def test_larger_text_for_the_projector(window):
    app = QApplication.instance()
    before = style.current_point_size()
    try:
        window.larger_action.trigger()
        assert style.current_point_size() == before + 1
        assert app.font().pointSizeF() == before + 1
        assert f"{before + 1:.1f}pt" in app.styleSheet()
    finally:
        window.normal_size_action.trigger()
    assert style.current_point_size() == style.DEFAULT_POINT_SIZE


def test_next_and_previous_step_actions(open_workshop):
    window, _ = open_workshop
    view = window.workshop_view
    view.select_step(0)
    window.next_action.trigger()
    assert view.current_step() is view.steps[1]
    window.previous_action.trigger()
    assert view.current_step() is view.steps[0]
    window.previous_action.trigger()  # stays on the first step
    assert view.current_step() is view.steps[0]


# ------------------------------------------------------------ the step plan
def test_skipped_steps_stay_listed_dimmed_and_next_previous_pass_them(open_workshop, workspace):
    from leaderapp.gui.workshop_view import SKIPPED_ROLE, StepDelegate

    window, workshop_id = open_workshop
    steps = workspace.steps(workshop_id)
    workspace.set_step_skipped(steps[1].id, True)
    workspace.set_step_skipped(steps[2].id, True)
    window.open_workshop(workshop_id)
    view = window.workshop_view
    assert view.sidebar.count() == 7
    item = view.sidebar.item(1)
    assert item.data(SKIPPED_ROLE) is True
    marked = StepDelegate._title(view.sidebar.model().index(1, 0))
    assert marked == _("{title} (skipped)").format(title=item.text())

    view.select_step(0)
    window.next_action.trigger()
    assert view.current_step().id == steps[3].id
    window.previous_action.trigger()
    assert view.current_step().id == steps[0].id

    # A skipped step can still be opened, and the workshop remembers it.
    view.select_step(2)
    window.back_action.trigger()
    window.open_workshop(workshop_id)
    assert view.current_step().id == steps[2].id
    assert _("{time} · skipped").format(time=_("{minutes} min").format(minutes=30)) == (
        view.step_time.text()
    )


def test_step_shown_follows_the_shown_step(open_workshop):
    window, _workshop_id = open_workshop
    view = window.workshop_view
    shown = []
    view.step_shown.connect(shown.append)
    view.select_step(3)
    assert shown[-1].id == view.steps[3].id
    window.back_action.trigger()
    assert shown[-1] is None


def test_edit_menu_undo_of_a_plan_change_redraws_the_sidebar(open_workshop, workspace):
    from leaderapp.core.facilitation.plan_commands import AddStep, RemoveStep

    window, workshop_id = open_workshop
    view = window.workshop_view
    command = AddStep(workshop_id, "dilemmas", index=1)
    view.history.push(command)
    view.reload_plan()
    assert view.sidebar.count() == 8
    view.select_step(1)
    assert view.current_step().id == command.step_id

    window.undo_action.trigger()  # the shown step goes away
    assert view.sidebar.count() == 7
    assert view.current_step() is not None and view.page is not None
    assert command.step_id not in {s.id for s in view.steps}
    window.redo_action.trigger()
    assert view.sidebar.item(1).text() == workspace.step_title(workspace.step(command.step_id))

    first = view.steps[0]
    workspace.add_note(first.id, "Et øjeblik")
    view.history.push(RemoveStep(first.id))
    view.reload_plan()
    assert view.sidebar.count() == 7
    window.undo_action.trigger()
    assert view.sidebar.count() == 8 and view.steps[0].id == first.id
    assert [n.text for n in workspace.notes(workshop_id, first.id)] == ["Et øjeblik"]


def test_the_sidebar_and_header_buttons_are_named_with_their_shortcuts(open_workshop):
    from PySide6.QtGui import QKeySequence

    window, _wid = open_workshop
    view = window.workshop_view
    assert view.sidebar.accessibleName() == _("Steps")
    native = QKeySequence.SequenceFormat.NativeText
    assert f"({QKeySequence('Ctrl+W').toString(native)})" in view.back_button.toolTip()
    assert f"({QKeySequence('Ctrl+Shift+D').toString(native)})" in view.details_button.toolTip()
    # Once Qt's Danish translation is in (as the app installs it), the key names are
    # the keyboard's and the menus' own.
    from leaderapp.gui.app import set_ui_language

    set_ui_language(QApplication.instance(), "da")
    QApplication.processEvents()
    assert view.details_button.toolTip().endswith("(Ctrl+Skift+D)")


def test_at_large_text_the_timer_goes_under_the_title_and_the_plan_button_fits(
    open_workshop, qtbot
):
    window, _wid = open_workshop
    view = window.workshop_view
    window.resize(1366, 768)
    app = QApplication.instance()
    # At the normal size the timer sits beside the title.
    qtbot.waitUntil(
        lambda: view.timer_widget.geometry().top() < view.step_title.geometry().bottom(),
        timeout=2000,
    )
    assert not view._timer_wrapped
    try:
        style.apply_style(app, style.DEFAULT_POINT_SIZE * 1.85)
        qtbot.waitUntil(lambda: view._timer_wrapped, timeout=2000)
        qtbot.waitUntil(
            lambda: view.plan_button.width() >= view.plan_button.sizeHint().width(), timeout=2000
        )
        qtbot.waitUntil(
            lambda: view.timer_widget.geometry().top() >= view.step_title.geometry().bottom(),
            timeout=2000,
        )
        for b in (view.timer_widget.start_button, view.timer_widget.reset_button):
            assert b.width() >= b.sizeHint().width()
    finally:
        style.apply_style(app, style.DEFAULT_POINT_SIZE)
    qtbot.waitUntil(lambda: view._timer_wrapped is False, timeout=2000)
