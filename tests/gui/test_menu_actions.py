"""The facilitator's keys in the menus: timer, plan, presentation mode and raw data."""

import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from leaderapp.gui.facilitation.presentation import PresentationController


def menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_workshop_and_view_menus_offer_timer_plan_and_presentation(open_workshop):
    window, _ = open_workshop
    assert "Start eller sæt tiden på pause" in menu_texts(window.workshop_menu)
    assert "Tilpas forløbet…" in menu_texts(window.workshop_menu)
    assert "Præsentationstilstand" in menu_texts(window.view_menu)
    assert window.timer_action.shortcut().toString() == "Ctrl+T"
    assert window.presentation_action.shortcut().toString() == "F11"


def test_ctrl_t_starts_and_pauses_the_step_timer(open_workshop, qtbot):
    window, _ = open_workshop
    timer = window.workshop_view.step_timer
    assert not timer.running
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.workshop_view.step_timer.running
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not window.workshop_view.step_timer.running


def test_f11_opens_and_closes_the_presentation(open_workshop, qtbot):
    window, _ = open_workshop
    window.presentation_action.trigger()
    controller = PresentationController.of(window.workshop_view)
    assert controller.is_active
    qtbot.waitExposed(controller.window)
    window.presentation_action.trigger()
    assert not controller.is_active


def test_the_plan_action_opens_the_plan_dialog(open_workshop, qtbot, monkeypatch):
    window, _ = open_workshop
    opened = []
    monkeypatch.setattr(QDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.plan_action.trigger()
    assert opened and opened[0].windowTitle()


def test_raw_data_from_the_file_menu_writes_the_notes(open_workshop, workspace, tmp_path):
    window, workshop_id = open_workshop
    step = workspace.steps(workshop_id)[0]
    workspace.add_note(step.id, "Şükrü: =SUM(A1) <b>&</b>")
    target = tmp_path / "rådata.zip"
    import leaderapp.gui.raw_data as raw_data

    shown = []
    original = raw_data.export_raw_data

    def export(parent, ws, wid, **kwargs):
        return original(
            parent,
            ws,
            wid,
            flush=kwargs.get("flush"),
            ask=lambda parent, suggested: target,
            show=lambda *args: shown.append(args),
        )

    raw_data.export_raw_data, saved = export, raw_data.export_raw_data
    try:
        window.raw_data_action.trigger()
    finally:
        raw_data.export_raw_data = saved
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        notes = next(n for n in names if n.startswith("not"))
        text = archive.read(notes).decode("utf-8-sig")
    assert "'=SUM(A1) <b>&</b>" in text or "Şükrü: =SUM(A1) <b>&</b>" in text
    assert shown


def test_raw_data_is_written_off_the_gui_thread(open_workshop, workspace, tmp_path, monkeypatch):
    import threading

    import leaderapp.gui.raw_data as raw_data

    window, workshop_id = open_workshop
    threads = []
    original = raw_data.write_raw_csv

    def recording(snapshot, target):
        threads.append(threading.current_thread())
        return original(snapshot, target)

    monkeypatch.setattr(raw_data, "write_raw_csv", recording)
    shown = []
    written = raw_data.export_raw_data(
        window,
        workspace,
        workshop_id,
        ask=lambda parent, suggested: tmp_path / "rå.zip",
        show=lambda *args: shown.append(args),
    )
    assert written == tmp_path / "rå.zip" and written.is_file()
    assert threads and threads[0] is not threading.main_thread()


def test_raw_data_to_a_folder_that_cannot_be_written_says_so(open_workshop, workspace, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    import leaderapp.gui.raw_data as raw_data

    window, workshop_id = open_workshop
    missing = tmp_path / "findes-ikke" / "rå.zip"
    shown = []
    written = raw_data.export_raw_data(
        window,
        workspace,
        workshop_id,
        ask=lambda parent, suggested: missing,
        show=lambda *args: shown.append(args),
    )
    assert written is None and not missing.exists()
    [(_parent, icon, _title, message)] = shown
    assert icon == QMessageBox.Icon.Warning and "findes ikke" in message
