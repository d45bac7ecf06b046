"""The first frame shows the start page; the rest of the window is made right after it
(docs/performance.md), so everything works as if it had been there from the start."""

from leaderapp.gui.main_window import MainWindow


def test_after_the_first_frame_the_workshop_view_and_the_opening_backup_follow(
    qtbot, workspace, make_workshop
):
    make_workshop()
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    started = []
    win.when_shown(lambda: started.append(win.stack.count()))
    assert started == []  # nothing runs before the window has painted
    win.show()
    qtbot.waitUntil(lambda: started != [])
    # The start page and the (built) workshop view are both in the stack by then.
    assert started == [2]
    assert win.stack.currentWidget() is win.start_page
    assert win.start_page.tree.topLevelItemCount() == 1
    called = []
    win.when_shown(lambda: called.append(True))  # after the first frame: at once
    assert called == [True]
    win.close()


def test_a_window_closed_before_its_first_frame_starts_no_work(qtbot, workspace):
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    ran = []
    win.when_shown(lambda: ran.append(True))
    win.show()
    win.close()  # e.g. quit at once; the backup at close is made, none at open
    qtbot.wait(50)
    assert ran == []
    assert not win.backups.is_running()


def test_the_workshop_menu_moves_through_the_steps(qtbot, window, make_workshop):
    window.open_workshop(make_workshop())
    before = window.workshop_view.current_step()
    window.next_action.trigger()
    assert window.workshop_view.current_step().position == before.position + 1
