"""The step timer: counts down on a monotonic clock, pauses, extends, says when time is up
(without sound) and keeps each step's time while the workshop is open."""

from PySide6.QtCore import Qt

from leaderapp.core.i18n import _
from leaderapp.gui.facilitation.timer_widget import StepTimer, TimerWidget, format_time


class FakeClock:
    """Milliseconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000_000

    def __call__(self) -> int:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += int(seconds * 1000)


def test_counts_down_by_the_clock_not_by_ticks(qtbot):
    clock = FakeClock()
    timer = StepTimer(60, clock=clock)
    seen = []
    timer.ticked.connect(seen.append)
    assert timer.remaining == 60 and not timer.running
    timer.start()
    assert timer.running
    for _tick in range(50):  # many ticks, no time passed: nothing is counted
        timer._tick()
    assert timer.remaining == 60
    clock.advance(0.4)
    assert timer.remaining == 60  # rounded up: 10:00 shows until a whole second passed
    clock.advance(10)
    timer._tick()  # one tick after a long pause in the event loop
    assert timer.remaining == 50
    assert seen[-1] == 50


def test_pause_stops_the_time_and_start_goes_on(qtbot):
    clock = FakeClock()
    timer = StepTimer(120, clock=clock)
    changes = []
    timer.state_changed.connect(lambda: changes.append(timer.running))
    timer.toggle()
    clock.advance(30)
    timer.pause()
    assert timer.remaining == 90 and not timer.running
    clock.advance(600)  # a long coffee break while paused
    assert timer.remaining == 90
    timer.toggle()
    clock.advance(5)
    assert timer.remaining == 85
    assert changes == [True, False, True]


def test_finished_once_then_overtime_counts_up_and_extend_gives_time_back(qtbot):
    clock = FakeClock()
    timer = StepTimer(10, clock=clock)
    finished = []
    timer.finished.connect(lambda: finished.append(timer.remaining))
    timer.start()
    clock.advance(9)
    timer._tick()
    assert not finished and not timer.is_over
    clock.advance(1)
    timer._tick()
    clock.advance(5)
    timer._tick()
    assert finished == [0]  # announced once, at the end
    assert timer.remaining == -5 and timer.overtime == 5 and timer.is_over
    assert format_time(timer.remaining) == "+0:05"
    timer.extend(1)
    assert timer.remaining == 55 and not timer.is_over
    clock.advance(56)
    timer._tick()
    assert len(finished) == 2  # ran out again after the extension


def test_reset_goes_back_to_the_timebox_paused(qtbot):
    clock = FakeClock()
    timer = StepTimer(300, clock=clock)
    timer.start()
    timer.extend(5)
    clock.advance(42)
    timer.reset()
    assert timer.remaining == 300 and not timer.running and not timer.touched
    timer.reset(90)
    assert timer.remaining == 90 and timer.duration == 90


def test_the_real_clock_moves(qtbot):
    timer = StepTimer(60)
    timer.start()
    qtbot.waitUntil(lambda: timer.elapsed_ms() > 0, timeout=2000)
    assert timer.remaining <= 60
    timer.pause()


def test_format_time():
    assert format_time(600) == "10:00"
    assert format_time(61) == "01:01"
    assert format_time(0) == "00:00"
    assert format_time(-75) == "+1:15"
    assert format_time(7200) == "120:00"


def test_widget_shows_time_controls_and_time_up(qtbot):
    clock = FakeClock()
    timer = StepTimer(60, clock=clock)
    widget = TimerWidget()
    qtbot.addWidget(widget)
    widget.set_timer(timer)
    widget.show()
    assert widget.display.text() == "01:00"
    assert widget.start_button.text() == _("Start")

    qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
    assert timer.running and widget.start_button.text() == _("Pause")
    clock.advance(2)
    timer._tick()
    assert widget.display.text() == "00:58"
    assert not widget.time_up

    clock.advance(63)
    timer._tick()
    assert widget.display.text() == "+0:05"
    assert widget.status.text() == _("Time is up")
    assert widget.face.property("timeUp") is True
    assert "timerFace" in widget.styleSheet() and "#b3261e" in widget.styleSheet()

    qtbot.mouseClick(widget.plus_one, Qt.MouseButton.LeftButton)
    assert widget.display.text() == "00:55"
    assert not widget.time_up and widget.status.text() != _("Time is up")
    qtbot.mouseClick(widget.plus_five, Qt.MouseButton.LeftButton)
    assert widget.display.text() == "05:55"

    qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
    assert not timer.running and widget.start_button.text() == _("Continue")
    qtbot.mouseClick(widget.reset_button, Qt.MouseButton.LeftButton)
    assert widget.display.text() == "01:00" and widget.start_button.text() == _("Start")

    widget.set_timer(None)
    assert not widget.start_button.isEnabled()
    timer.start()
    clock.advance(10)
    timer._tick()
    assert widget.display.text() == "--:--"  # no longer following that timer


def test_each_step_keeps_its_own_timer_while_the_workshop_is_open(open_workshop, qtbot):
    window, workshop_id = open_workshop
    view = window.workshop_view
    clock = FakeClock()
    view.timer_clock = clock
    view.abandon()  # timers made from now on use the fake clock
    view.open_workshop(workshop_id)
    shown = []
    view.step_shown.connect(shown.append)

    view.select_step(0)
    first = view.step_timer
    assert view.timer_widget.timer is first
    assert first.remaining == view.steps[0].timebox_minutes * 60  # 15 min check-in
    view.toggle_timer()
    assert first.running
    clock.advance(125)
    first._tick()
    assert view.timer_widget.display.text() == "12:55"

    view.next_step()
    assert shown and shown[-1].id == view.steps[1].id
    second = view.step_timer
    assert second is not first and not second.running
    assert view.timer_widget.display.text() == format_time(view.steps[1].timebox_minutes * 60)
    clock.advance(60)  # the check-in's timer keeps running unseen

    view.previous_step()
    assert view.step_timer is first and first.running
    assert first.remaining == 15 * 60 - 185
    assert view.timer_widget.display.text() == "11:55"
    view.toggle_timer()
    assert not first.running

    view.leave()
    assert shown[-1] is None and view.step_timer is None


def test_a_round_that_is_not_whole_minutes_says_its_time_in_minutes_and_seconds(qtbot):
    """A 1-2-4-all round of 1:45 says "af 1:45", not "af 1 min"."""
    from leaderapp.gui.facilitation.timer_widget import format_duration

    widget = TimerWidget()
    qtbot.addWidget(widget)
    widget.set_timer(StepTimer(105, clock=FakeClock()))
    assert widget.status.text() == _("of {time}").format(time="1:45")
    widget.set_timer(StepTimer(300, clock=FakeClock()))
    assert widget.status.text() == _("of {minutes} min").format(minutes=5)
    assert format_duration(59) == _("of {time}").format(time="0:59")


def test_the_buttons_wrap_instead_of_shrinking_below_their_text(qtbot):
    """Squeezed, the timer's buttons go onto a second row, each as wide as its text."""
    widget = TimerWidget()
    qtbot.addWidget(widget)
    widget.set_timer(StepTimer(600, clock=FakeClock()))
    widget.show()
    buttons = (widget.start_button, widget.plus_one, widget.plus_five, widget.reset_button)
    narrow = widget.minimumSizeHint().width()
    widget.resize(narrow, widget.heightForWidth(narrow))
    qtbot.waitUntil(lambda: widget.start_button.y() != widget.reset_button.y(), timeout=2000)
    for b in buttons:
        assert b.width() >= b.sizeHint().width(), b.text()
    rows = {b.y() for b in buttons}
    assert len(rows) >= 2
    bottom = max(b.geometry().bottom() for b in buttons)
    assert bottom <= widget.height()  # the second row is inside the widget, not cut off
