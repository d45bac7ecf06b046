from PySide6.QtCore import Qt

from leaderapp.gui.pages.foundation_page import FoundationPage


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


# ------------------------------------------------------------ promoting notes
HOSTILE = "<b>&</b> <img src=x> 🙂 Şükrü"


def value_step(workspace, workshop_id, value):
    return next(s for s in workspace.steps(workshop_id) if s.value_id == value.id)


def use(section, note_id, field):
    """Choose the note's "Use" menu entry for ``field``."""
    from PySide6.QtWidgets import QPushButton

    button = section.use_buttons[note_id]
    assert isinstance(button, QPushButton) and button.menu() is not None
    index = {"principles": 0, "expect_of_us": 1, "expect_of_you": 2}[field]
    action = button.menu().actions()[index]
    assert action.isEnabled()
    action.trigger()


def test_a_note_is_promoted_into_principles_and_prose_and_undo_takes_it_out(
    open_workshop, workspace
):
    window, workshop_id = open_workshop
    value = workspace.values(workshop_id)[0]
    step = value_step(workspace, workshop_id, value)
    note_id = workspace.add_note(step.id, f"Vi svarer\ninden for to dage {HOSTILE}").created_id
    page = open_foundation(window)
    section = page.sections[value.id]
    section.principles.setPlainText("Vi lytter")
    page.flush()

    use(section, note_id, "principles")
    assert workspace.section(value.id).principles == (
        "Vi lytter",
        f"Vi svarer inden for to dage {HOSTILE}",
    )
    assert section.principles.toPlainText() == f"Vi lytter\nVi svarer inden for to dage {HOSTILE}"
    assert not page.autosaver.has_pending()  # showing it is not a new edit

    use(section, note_id, "expect_of_us")
    assert workspace.section(value.id).expect_of_us == f"Vi svarer\ninden for to dage {HOSTILE}"
    assert section.expect_of_us.toPlainText() == f"Vi svarer\ninden for to dage {HOSTILE}"

    window.undo_action.trigger()
    assert workspace.section(value.id).expect_of_us == ""
    assert section.expect_of_us.toPlainText() == ""
    window.undo_action.trigger()
    assert workspace.section(value.id).principles == ("Vi lytter",)
    assert section.principles.toPlainText() == "Vi lytter"
    window.redo_action.trigger()
    assert workspace.section(value.id).principles[-1].startswith("Vi svarer")

    # Then edited in place like any principle.
    section.principles.setPlainText("Vi lytter\nVi svarer inden for to dage")
    page.flush()
    assert workspace.section(value.id).principles == ("Vi lytter", "Vi svarer inden for to dage")


def test_notes_are_filtered_by_value_and_searched(open_workshop, workspace):
    window, workshop_id = open_workshop
    dialog, other = workspace.values(workshop_id)[:2]
    mine = workspace.add_note(value_step(workspace, workshop_id, dialog).id, "Vi lytter").created_id
    theirs = workspace.add_note(
        value_step(workspace, workshop_id, other).id, f"Vi deler viden {HOSTILE}"
    ).created_id
    hidden = workspace.add_note(
        value_step(workspace, workshop_id, dialog).id, "skjult indtil videre"
    ).created_id
    workspace.update_note(hidden, hidden=True)
    page = open_foundation(window)
    section = page.sections[dialog.id]
    assert set(section.use_buttons) == {mine}  # this value's notes; silent writing stays hidden

    section.scope.setCurrentIndex(section.scope.findData(other.id))
    assert set(section.use_buttons) == {theirs}
    section.scope.setCurrentIndex(section.scope.count() - 1)  # all notes
    assert set(section.use_buttons) == {mine, theirs}
    section.search.setText("VIDEN")
    assert set(section.use_buttons) == {theirs}
    shown = [lbl for lbl in section.findChildren(type(window.message)) if HOSTILE in lbl.text()]
    assert shown and all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in shown)

    use(section, theirs, "expect_of_you")  # a note of another value, into this section
    assert workspace.section(dialog.id).expect_of_you == f"Vi deler viden {HOSTILE}"
