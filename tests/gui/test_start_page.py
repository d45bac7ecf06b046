from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from leaderapp import APP_NAME


def fill_and_accept(dialog, *, unit="Akutmodtagelsen", participants="Anna\nBo\n\nCecilie"):
    dialog.unit_name.setText(unit)
    dialog.organisation.setText("Region Midtjylland")
    dialog.facilitator.setText("Mette")
    dialog.participants.setPlainText(participants)
    dialog.accept()
    return dialog.result()


def test_window_title_and_empty_state(window):
    assert APP_NAME in window.windowTitle()
    page = window.start_page
    assert page.stack.currentWidget() is page.empty
    assert "Ingen workshops" in page.empty.text() or "No workshops" in page.empty.text()
    assert not page.open_button.isEnabled()
    assert window.width() <= 1366 and window.height() <= 768


def test_new_workshop_is_created_and_opened(window, workspace, monkeypatch, qtbot):
    monkeypatch.setattr(window.start_page, "exec_dialog", fill_and_accept)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)

    [summary] = workspace.list_workshops()
    assert summary.unit_name == "Akutmodtagelsen"
    names = [p.name for p in workspace.participants(summary.id)]
    assert names == ["Anna", "Bo", "Cecilie"]
    assert window.stack.currentWidget() is window.workshop_view
    assert window.workshop_view.unit_label.text() == "Akutmodtagelsen"
    assert "Akutmodtagelsen" in window.windowTitle()


def test_new_workshop_dialog_shows_validation_inline(window, workspace, monkeypatch):
    seen = {}

    def empty_name(dialog):
        seen["result"] = fill_and_accept(dialog, unit="   ")
        seen["error"] = dialog.error.text()
        seen["visible"] = not dialog.error.isHidden()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(window.start_page, "exec_dialog", empty_name)
    window.start_page.new_workshop()

    assert seen["visible"] and seen["error"]
    assert seen["result"] != QDialog.DialogCode.Accepted
    assert workspace.list_workshops() == []


def test_list_shows_workshops_with_note_counts(window, workspace, make_workshop):
    first = make_workshop("Hjertemedicin")
    make_workshop("Akutmodtagelsen")
    step = workspace.steps(first)[0]
    workspace.add_note(step.id, "en note")  # touching it makes it the most recent
    window.start_page.refresh()

    tree = window.start_page.tree
    assert tree.topLevelItemCount() == 2
    top = tree.topLevelItem(0)
    assert top.text(0) == "Hjertemedicin"
    assert top.text(1) == "Region Midtjylland"
    assert top.text(2) == "5. marts 2026"
    assert top.text(3) == "1"


def test_rename_workshop(window, workspace, make_workshop, monkeypatch):
    workshop_id = make_workshop("Gammelt navn")
    page = window.start_page
    page.refresh(workshop_id)
    asked = []
    monkeypatch.setattr(page, "ask_new_name", lambda current: asked.append(current) or "Nyt navn")

    page.rename_button.click()

    assert asked == ["Gammelt navn"]
    assert workspace.workshop(workshop_id).unit_name == "Nyt navn"
    assert page.tree.topLevelItem(0).text(0) == "Nyt navn"


def test_rename_to_empty_shows_message_and_keeps_name(
    window, workspace, make_workshop, monkeypatch
):
    workshop_id = make_workshop("Behold mig")
    page = window.start_page
    page.refresh(workshop_id)
    monkeypatch.setattr(page, "ask_new_name", lambda current: "  ")

    page.rename_button.click()

    assert workspace.workshop(workshop_id).unit_name == "Behold mig"
    assert window.message.text()  # the validation message is in the status bar


def test_delete_asks_with_the_name_and_respects_no(window, workspace, make_workshop, monkeypatch):
    workshop_id = make_workshop("Slet mig")
    page = window.start_page
    page.refresh(workshop_id)
    asked = []

    monkeypatch.setattr(page, "confirm_delete", lambda name: asked.append(name) or False)
    page.delete_button.click()
    assert asked == ["Slet mig"]
    assert len(workspace.list_workshops()) == 1

    monkeypatch.setattr(page, "confirm_delete", lambda name: True)
    page.delete_button.click()
    assert workspace.list_workshops() == []
    assert page.stack.currentWidget() is page.empty


def test_enter_on_a_workshop_opens_it(window, make_workshop, qtbot):
    make_workshop("Enter-afdelingen")
    window.start_page.refresh()
    tree = window.start_page.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.workshop_view
    assert window.workshop_view.unit_label.text() == "Enter-afdelingen"


def test_back_to_workshops_returns_to_the_list(open_workshop):
    window, _ = open_workshop
    window.back_action.trigger()
    assert window.stack.currentWidget() is window.start_page
    assert window.windowTitle() == APP_NAME


def test_demo_workshop_opens_with_content(window, workspace):
    window.start_page.demo_button.click()
    assert window.stack.currentWidget() is window.workshop_view
    [summary] = workspace.list_workshops()
    assert summary.note_count > 0
    assert window.workshop_view.unit_label.text() == summary.unit_name


def test_the_new_button_tells_its_shortcut(window, qapp):
    from leaderapp.gui.app import set_ui_language

    # The same words and key names as the File menu, so the two agree.
    assert window.start_page.new_button.toolTip() == window.new_workshop_action.toolTip()
    set_ui_language(qapp, "da")  # Qt's Danish key names, as when the app starts
    for _ in range(3):
        qapp.processEvents()
    assert window.start_page.new_button.toolTip() == "Ny workshop (Ctrl+Skift+N)"


def test_a_long_organisation_never_squeezes_the_unit_out_of_sight(
    window, workspace, make_workshop, qapp
):
    from leaderapp.gui import style

    workshop_id = make_workshop("Akutafdelingen, Regionshospitalet Kildebæk")
    workspace.update_workshop(
        workshop_id, organisation="Eksempel: fiktiv afdeling i Region Midtjylland, Vest"
    )
    window.resize(1366, 768)
    page = window.start_page
    try:
        for percent in (100, 185):
            style.apply_style(qapp, style.DEFAULT_POINT_SIZE * percent / 100)
            page.refresh()
            for _ in range(8):
                qapp.processEvents()
            tree = page.tree
            # At least a dozen characters of the unit stay in view beside the organisation.
            assert tree.columnWidth(0) >= 12 * tree.fontMetrics().averageCharWidth(), percent
            assert tree.columnWidth(1) > 0
            item = tree.topLevelItem(0)
            assert item.toolTip(0) == "Akutafdelingen, Regionshospitalet Kildebæk"
            assert item.toolTip(1).startswith("Eksempel: fiktiv")
    finally:
        style.apply_style(qapp, style.DEFAULT_POINT_SIZE)
