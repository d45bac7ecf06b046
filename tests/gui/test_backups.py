"""Backups while the app runs: at opening (when due), at closing, and File › Restore from
backup…, which lists them with date and contents and restores one after confirmation."""

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QDialog

from leaderapp.core.i18n import _
from leaderapp.core.model import WorkshopDraft
from leaderapp.core.storage.backup import list_backups, make_backup
from leaderapp.gui.backups import BackupKeeper, when_label
from leaderapp.gui.main_window import MainWindow
from leaderapp.gui.restore_dialog import RestoreDialog


def add_workshop(workspace, name: str, notes: int = 0) -> str:
    wid = workspace.create_workshop(WorkshopDraft(unit_name=name)).created_id
    for n in range(notes):
        workspace.add_note(workspace.steps(wid)[1].id, f"note {n}")
    return wid


def test_a_backup_is_made_at_opening_when_none_is_recent(window, workspace, qtbot):
    keeper = window.backups
    assert list_backups(keeper.backup_dir) == []
    keeper.at_open()
    qtbot.waitUntil(lambda: len(list_backups(keeper.backup_dir)) == 1, timeout=5000)
    qtbot.waitUntil(lambda: not keeper.is_running())
    [backup] = list_backups(keeper.backup_dir)
    assert backup.reason == "open" and backup.usable

    keeper.at_open()  # within the hour: nothing new
    assert keeper.is_running()
    qtbot.waitUntil(lambda: not keeper.is_running())
    assert len(list_backups(keeper.backup_dir)) == 1


def test_closing_the_window_makes_a_backup(qtbot, workspace):
    add_workshop(workspace, "Akutmodtagelsen", notes=2)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.close()
    [backup] = list_backups(window.backups.backup_dir)
    assert (backup.reason, backup.workshops, backup.notes) == ("close", 1, 2)


def test_no_backups_for_a_database_in_memory(qtbot):
    keeper = BackupKeeper(None)
    assert not keeper.enabled
    keeper.at_open()
    assert keeper.at_close() is None


def fill_dialog(qtbot, dialog: RestoreDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.task.is_running(), timeout=5000)


def test_the_restore_dialog_lists_date_occasion_and_contents(window, workspace, qtbot):
    backup_dir = window.backups.backup_dir
    add_workshop(workspace, "Akutmodtagelsen", notes=3)
    first = make_backup(workspace.path, backup_dir, "open")
    add_workshop(workspace, "Hjertemedicin", notes=1)
    make_backup(workspace.path, backup_dir, "close")
    broken = backup_dir / "backup-2020-01-01T00-00-00.000000Z-close.sqlite3"
    broken.write_bytes(b"not a database" * 100)

    dialog = RestoreDialog(backup_dir, window)
    qtbot.addWidget(dialog)
    fill_dialog(qtbot, dialog)

    rows = [
        [dialog.tree.topLevelItem(i).text(c) for c in range(4)]
        for i in range(dialog.tree.topLevelItemCount())
    ]
    assert rows[0][1:] == [_("When the app closed"), "2", "4"]
    assert rows[1] == [
        when_label(list_backups(backup_dir)[1].created),
        _("When the app opened"),
        "1",
        "3",
    ]
    assert list_backups(backup_dir)[1].path == first
    assert rows[2][1] == _("Damaged")
    assert (
        not dialog.tree.topLevelItem(2).flags() & dialog.tree.topLevelItem(2).flags().ItemIsEnabled
    )
    assert dialog.restore_button.isEnabled()  # the newest usable one is chosen


def test_an_empty_backup_folder_says_so(window, qtbot):
    dialog = RestoreDialog(window.backups.backup_dir, window)
    qtbot.addWidget(dialog)
    fill_dialog(qtbot, dialog)
    assert dialog.tree.topLevelItemCount() == 0
    assert not dialog.restore_button.isEnabled()
    assert dialog.status.text()


def test_restoring_a_backup_through_the_menu(window, workspace, qtbot, monkeypatch):
    kept = add_workshop(workspace, "Akutmodtagelsen", notes=2)
    make_backup(workspace.path, window.backups.backup_dir, "close")
    later = add_workshop(workspace, "Hjertemedicin")
    window.open_workshop(later)
    window.workshop_view.select_kind("notes", 1)
    page = window.workshop_view.page
    page.new_note()
    page.editor.setPlainText("skrevet efter sikkerhedskopien")  # still pending
    confirmed = []

    def choose_the_backup(dialog):
        fill_dialog(qtbot, dialog)
        dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
        monkeypatch.setattr(dialog, "confirm_restore", lambda info: confirmed.append(info) or True)
        dialog.restore_button.click()
        return dialog.result()

    monkeypatch.setattr(window, "exec_dialog", choose_the_backup)
    window.restore_action.trigger()

    assert confirmed and confirmed[0].workshops == 1
    assert [w.id for w in workspace.list_workshops()] == [kept]
    assert len(workspace.notes(kept)) == 2
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.tree.topLevelItemCount() == 1
    assert not window.undo_action.isEnabled()  # the history was about the replaced data
    when = when_label(confirmed[0].created)
    assert when in window.message.text()

    # What was there before is itself a backup now, with the note typed last.
    before = [b for b in list_backups(window.backups.backup_dir) if b.reason == "before_restore"]
    assert len(before) == 1 and (before[0].workshops, before[0].notes) == (2, 3)


def test_cancelling_the_restore_changes_nothing(window, workspace, qtbot, monkeypatch):
    add_workshop(workspace, "Akutmodtagelsen")
    make_backup(workspace.path, window.backups.backup_dir, "close")
    add_workshop(workspace, "Hjertemedicin")

    def cancel(dialog):
        fill_dialog(qtbot, dialog)
        monkeypatch.setattr(dialog, "confirm_restore", lambda info: False)
        dialog.restore_button.click()
        assert dialog.chosen is None
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(window, "exec_dialog", cancel)
    window.restore_action.trigger()
    assert len(workspace.list_workshops()) == 2
    assert len(list_backups(window.backups.backup_dir)) == 1


def test_backup_times_are_shown_in_local_time():
    moment = datetime(2026, 3, 5, 12, 30, tzinfo=UTC)
    local = moment.astimezone()
    assert when_label(moment).endswith(local.strftime("%H:%M"))
    assert when_label(moment + timedelta(days=1)) != when_label(moment)


def test_a_backup_that_vanished_is_reported_and_the_data_stays(window, workspace, qtbot):
    wid = add_workshop(workspace, "Akutmodtagelsen", notes=1)
    path = make_backup(workspace.path, window.backups.backup_dir, "close")
    [info] = list_backups(window.backups.backup_dir)
    path.unlink()  # e.g. removed by hand while the dialog was open

    assert not window.restore(info)

    assert str(path) in window.message.text()
    assert [w.id for w in workspace.list_workshops()] == [wid]  # reopened, unchanged
    workspace.add_note(workspace.steps(wid)[1].id, "skriver videre")  # and writable
