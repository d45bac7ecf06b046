from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QLineEdit

from leaderapp.core.model import CommitmentStatus
from leaderapp.gui.pages.commitments_page import ACTION, DUE, OWNER, STATUS, VALUE, CommitmentsPage


def open_commitments(window):
    window.workshop_view.select_kind("commitments")
    page = window.workshop_view.page
    assert isinstance(page, CommitmentsPage)
    return page


def test_add_commitment_and_type_the_action(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    page = open_commitments(window)
    page.add_button.click()

    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the action cell is open for typing
    qtbot.keyClicks(editor, "Fast punkt på tavlemødet")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next event-loop turn

    qtbot.waitUntil(
        lambda: workspace.commitments(workshop_id)[0].action == "Fast punkt på tavlemødet"
    )
    assert page.model.index(0, ACTION).data() == "Fast punkt på tavlemødet"


def test_edit_owner_date_status_and_value_through_the_editors(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    workspace.add_commitment(workshop_id, "Ugentlig opfølgning")
    page = open_commitments(window)
    table = page.table

    def edit(column):
        index = page.model.index(0, column)
        table.setCurrentIndex(index)
        table.edit(index)
        return table.indexWidget(index) or QApplication.focusWidget()

    owner = edit(OWNER)
    assert isinstance(owner, QComboBox) and owner.isEditable()
    assert [owner.itemText(i) for i in range(owner.count())] == ["Anna Østergaard", "Bo Jensen"]
    owner.setCurrentIndex(1)
    owner.activated.emit(1)

    due = edit(DUE)
    assert isinstance(due, QDateEdit)
    due.setDate(QDate(2026, 6, 1))
    table.commitData(due)

    status = edit(STATUS)
    status.setCurrentIndex(status.findData(CommitmentStatus.IN_PROGRESS.value))
    status.activated.emit(status.currentIndex())

    value = edit(VALUE)
    value.setCurrentIndex(2)
    value.activated.emit(2)

    [c] = workspace.commitments(workshop_id)
    assert c.owner == "Bo Jensen"
    assert c.due_date == date(2026, 6, 1)
    assert c.status is CommitmentStatus.IN_PROGRESS
    assert c.value_id == workspace.values(workshop_id)[1].id
    assert page.model.index(0, STATUS).data() == CommitmentStatus.IN_PROGRESS.label
    assert page.model.index(0, DUE).data() == "1. jun. 2026"


def test_owner_may_be_someone_outside_the_group(open_workshop, workspace):
    window, workshop_id = open_workshop
    workspace.add_commitment(workshop_id, "Ny vagtplan")
    page = open_commitments(window)
    assert page.model.setData(page.model.index(0, OWNER), "HR-partneren")
    assert workspace.commitments(workshop_id)[0].owner == "HR-partneren"


def test_delete_key_clears_the_date(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    workspace.add_commitment(workshop_id, "Med dato", due_date=date(2026, 1, 2))
    page = open_commitments(window)
    page.table.setCurrentIndex(page.model.index(0, DUE))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert workspace.commitments(workshop_id)[0].due_date is None


def test_invalid_edit_shows_message_and_keeps_value(open_workshop, workspace):
    window, workshop_id = open_workshop
    workspace.add_commitment(workshop_id, "Noget", owner="Anna")
    page = open_commitments(window)
    assert not page.model.setData(page.model.index(0, OWNER), "x" * 500)
    assert window.message.text()
    assert workspace.commitments(workshop_id)[0].owner == "Anna"


def test_delete_commitment(open_workshop, workspace, monkeypatch):
    window, workshop_id = open_workshop
    workspace.add_commitment(workshop_id, "Behold")
    workspace.add_commitment(workshop_id, "Slet")
    page = open_commitments(window)
    page.table.selectRow(1)
    asked = []
    monkeypatch.setattr(page, "confirm_delete", lambda action: asked.append(action) or True)
    page.delete_button.click()
    assert asked == ["Slet"]
    assert [c.action for c in workspace.commitments(workshop_id)] == ["Behold"]
    assert page.model.rowCount() == 1


def test_the_table_has_a_name_and_owners_are_offered_in_danish_order(window, workspace, qtbot):
    from leaderapp.core.model import WorkshopDraft

    workshop_id = workspace.create_workshop(
        WorkshopDraft(unit_name="Akutmodtagelsen", participants=("Åse", "Zenia", "Øjvind", "Bo"))
    ).created_id
    window.open_workshop(workshop_id)
    page = open_commitments(window)
    assert page.table.accessibleName() == "Aftaler"
    # Æ, Ø and Å come after Z in Danish.
    assert [name for name, _data in page._owner_choices()] == ["Bo", "Zenia", "Øjvind", "Åse"]


def test_with_large_text_the_page_scrolls_and_the_action_keeps_its_room(
    open_workshop, workspace, qapp
):
    from PySide6.QtWidgets import QLabel

    from leaderapp.gui import style

    window, workshop_id = open_workshop
    workspace.add_commitment(
        workshop_id, "Et fast punkt på tavlemødet, hvor alle kan nævne en bekymring"
    )
    window.resize(1366, 768)
    page = open_commitments(window)
    try:
        style.apply_style(qapp, style.DEFAULT_POINT_SIZE * 1.85)
        for _ in range(8):
            qapp.processEvents()
        for text in page.findChildren(QLabel):
            if text.isVisible() and text.wordWrap() and text.text():
                assert text.height() >= text.heightForWidth(text.width()), text.text()
        table = page.table
        others = sum(table.columnWidth(c) for c in (VALUE, OWNER, DUE, STATUS))
        assert table.columnWidth(ACTION) >= table.viewport().width() * 0.35
        assert others <= table.viewport().width() * 0.65
    finally:
        style.apply_style(qapp, style.DEFAULT_POINT_SIZE)
