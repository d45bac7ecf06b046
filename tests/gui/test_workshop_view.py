from PySide6.QtWidgets import QApplication

from leaderapp.gui import style
from leaderapp.gui.commitments_page import CommitmentsPage
from leaderapp.gui.notes_page import NotesPage
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
