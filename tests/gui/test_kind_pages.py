"""Every kind of exercise has its own page, and every page opens on the demo workshop."""

from leaderapp.core.demo import create_demo_workshop
from leaderapp.core.library import KINDS, load_library
from leaderapp.gui.pages.kind_pages import PAGES, page_class
from leaderapp.gui.pages.notes_page import NotesPage


def test_every_kind_but_export_has_a_page_of_its_own():
    for kind in KINDS:
        if kind == "export":
            continue
        assert kind in PAGES, kind
        cls = page_class(kind)
        assert cls.__name__ == PAGES[kind][1]
        if kind != "notes":
            assert cls is not NotesPage, kind


def test_every_step_of_the_full_course_demo_opens_on_its_kinds_page(window, workspace):
    workshop_id = create_demo_workshop(workspace)
    window.open_workshop(workshop_id)
    view = window.workshop_view
    library = load_library()
    for row, step in enumerate(view.steps):
        view.select_step(row)
        kind = library.exercise(step.exercise_id).kind
        if kind != "export":
            assert type(view.page) is page_class(kind), (row, step.exercise_id)
        assert view.current_step().id == step.id
