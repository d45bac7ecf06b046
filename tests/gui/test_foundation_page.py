from leaderapp.gui.foundation_page import FoundationPage


def open_foundation(window):
    window.workshop_view.select_kind("foundation")
    page = window.workshop_view.page
    assert isinstance(page, FoundationPage)
    return page


def test_foundation_edits_are_saved(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = open_foundation(window)
    assert len(page.sections) == 3

    page.title.selectAll()
    qtbot.keyClicks(page.title, "Vores grundlag")
    qtbot.keyClicks(page.introduction, "Vi er en afdeling med 120 medarbejdere.")
    dialog = page.section_editor("Dialog")
    qtbot.keyClicks(dialog.heading, "Vi taler sammen i tide")
    dialog.principles.setPlainText("Vi lytter\nVi svarer\n\nVi siger det, vi mener\n")
    qtbot.keyClicks(dialog.expect_of_us, "At vi lytter.")
    qtbot.keyClicks(dialog.expect_of_you, "At du siger til.")

    def saved():
        foundation = workspace.foundation(workshop_id)
        section = workspace.section(dialog.value.id)
        return (
            foundation.title == "Vores grundlag"
            and foundation.introduction == "Vi er en afdeling med 120 medarbejdere."
            and section.heading == "Vi taler sammen i tide"
            and section.principles == ("Vi lytter", "Vi svarer", "Vi siger det, vi mener")
            and section.expect_of_us == "At vi lytter."
            and section.expect_of_you == "At du siger til."
        )

    qtbot.waitUntil(saved, timeout=3000)


def test_principle_hint_follows_the_count(open_workshop):
    window, _ = open_workshop
    section = open_foundation(window).section_editor("Dygtighed")
    section.principles.setPlainText("En\nTo")
    assert "3" in section.principle_hint.text()
    assert section.principle_hint.property("role") == "hint"
    section.principles.setPlainText("En\nTo\nTre\nFire")
    assert section.principle_hint.text().startswith("4")
    assert section.principle_hint.property("role") == "ok"
    section.principles.setPlainText("\n".join(str(i) for i in range(7)))
    assert "6" in section.principle_hint.text()


def test_foundation_edit_is_flushed_when_leaving_the_workshop(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = open_foundation(window)
    qtbot.keyClicks(page.introduction, "lige nu")
    window.back_action.trigger()
    assert workspace.foundation(workshop_id).introduction == "lige nu"


def test_empty_title_shows_the_message(open_workshop, workspace, qtbot, monkeypatch):
    window, workshop_id = open_workshop
    page = open_foundation(window)
    before = workspace.foundation(workshop_id).title
    page.title.selectAll()
    qtbot.keyClick(page.title, "a")
    qtbot.keyClick(page.title, "\b")
    assert not page.flush()
    assert window.message.text()
    assert workspace.foundation(workshop_id).title == before

    # Closing with the unsavable title asks first; here the user accepts losing it.
    asked = []
    monkeypatch.setattr(
        window.workshop_view, "confirm_discard", lambda problem: asked.append(problem) or True
    )
    window.close()
    assert asked and not window.isVisible()


def test_value_notes_are_shown_as_inspiration(open_workshop, workspace):
    window, workshop_id = open_workshop
    steps = workspace.steps(workshop_id)
    value = workspace.values(workshop_id)[2]
    step = next(s for s in steps if s.value_id == value.id)
    workspace.add_note(step.id, "Vi tør prøve noget nyt")
    page = open_foundation(window)
    section = page.sections[value.id]
    texts = [lbl.text() for lbl in section.findChildren(type(window.message))]
    assert any("Vi tør prøve noget nyt" in t for t in texts)
