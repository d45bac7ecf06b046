"""The start page's search: type, see where the notes are, open one at its step."""

from PySide6.QtCore import Qt

from leaderapp.core.i18n import _, ngettext

# Expected texts go through the catalogue, so they hold in any language (and
# before the Danish drafts are merged).


def place(workshop, n, title):
    return _("{workshop} · Step {n}: {title}").format(workshop=workshop, n=n, title=title)


def note_in_step(workspace, workshop_id, index, text):
    step = workspace.steps(workshop_id)[index]
    workspace.add_note(step.id, text)
    return step


def search_for(qtbot, panel, text):
    panel.field.clear()
    qtbot.keyClicks(panel.field, text)
    # Results appear once typing pauses (debounced), without pressing anything.
    qtbot.waitUntil(lambda: panel.status.isVisible() and panel.field.text() == text)
    qtbot.waitUntil(lambda: not panel._timer.isActive())


def test_typing_shows_hits_in_place_of_the_list_and_escape_brings_it_back(
    window, workspace, make_workshop, qtbot
):
    first = make_workshop("Akutmodtagelsen")
    second = make_workshop("Hjertemedicin")
    note_in_step(workspace, first, 1, "Vi taler åbent om fejl ved tavlemødet")
    note_in_step(workspace, second, 0, "Tavlemødet kl. 8 er vores faste dialog")
    window.start_page.refresh()
    page = window.start_page
    panel = page.search

    search_for(qtbot, panel, "tavlemød")
    assert panel.results.isVisible() and not page.stack.isVisible()
    assert panel.results.count() == 2
    shown = [panel.results.item(i).text() for i in range(2)]
    assert any(
        t.startswith("Vi taler åbent om fejl ved tavlemødet")
        and t.endswith(place("Akutmodtagelsen", 2, "Hvad betyder dialog for os?"))
        for t in shown
    )
    assert any(t.endswith(place("Hjertemedicin", 1, "Check-in")) for t in shown)
    assert panel.status.text() == ngettext("{n} note found", "{n} notes found", 2).format(n=2)

    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert panel.field.text() == ""
    assert page.stack.isVisible() and not panel.results.isVisible()


def test_nothing_found_says_so(window, workspace, make_workshop, qtbot):
    note_in_step(workspace, make_workshop(), 0, "Noget andet")
    panel = window.start_page.search
    search_for(qtbot, panel, 'mod "NEAR(')
    assert not panel.results.isVisible()
    assert panel.status.text() == _("No notes contain “{query}”.").format(query='mod "NEAR(')


def test_markup_in_a_note_is_shown_as_typed(window, workspace, make_workshop, qtbot):
    note_in_step(workspace, make_workshop(), 0, '<b>Dristig</b> <img src="x.png"> idé')
    panel = window.start_page.search
    search_for(qtbot, panel, "dristig")
    assert panel.results.item(0).text().startswith('<b>Dristig</b> <img src="x.png"> idé')


def test_enter_opens_the_workshop_at_the_step_of_the_hit(window, workspace, make_workshop, qtbot):
    workshop_id = make_workshop("Akutmodtagelsen")
    make_workshop("Hjertemedicin")
    step = note_in_step(workspace, workshop_id, 3, "Dristighed må aldrig skabe tvivl om driften")
    panel = window.start_page.search
    qtbot.keyClicks(panel.field, "tvivl")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)  # at once, without waiting for the pause

    view = window.workshop_view
    assert window.stack.currentWidget() is view
    assert view.workshop_id == workshop_id
    assert view.current_step().id == step.id
    assert view.page.list.currentItem().text().startswith("Dristighed må aldrig")


def test_arrow_down_and_activation_open_the_chosen_hit(window, workspace, make_workshop, qtbot):
    first = make_workshop("Akutmodtagelsen")
    second = make_workshop("Hjertemedicin")
    note_in_step(workspace, first, 0, "Nysgerrighed på hinandens fag")
    wanted = note_in_step(workspace, second, 2, "Nysgerrighed og læring")
    panel = window.start_page.search
    search_for(qtbot, panel, "nysgerrighed")
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    row = next(i for i in range(2) if "Hjertemedicin" in panel.results.item(i).text())
    panel.results.setCurrentRow(row)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)

    assert window.workshop_view.workshop_id == second
    assert window.workshop_view.current_step().id == wanted.id


def test_results_are_fresh_after_coming_back_from_a_workshop(
    window, workspace, make_workshop, qtbot
):
    workshop_id = make_workshop()
    note_in_step(workspace, workshop_id, 0, "Læring af succes")
    panel = window.start_page.search
    search_for(qtbot, panel, "læring")
    assert panel.results.count() == 1
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.workshop_view

    note_in_step(workspace, workshop_id, 1, "Læring af fiasko")
    window.show_start()
    assert panel.field.text() == "læring"
    assert panel.results.count() == 2
