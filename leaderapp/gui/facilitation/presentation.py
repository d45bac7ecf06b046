"""Presentation mode: what the room sees on the projector.

``PresentationWindow`` shows, in type large enough for the back of the room, only the
current step's title and prompts, the notes the facilitator has revealed (never a hidden
one) as cards in a grid that reflows with the width, and the step's timer.

``PresentationController(workshop_view)`` opens and closes it (``toggle()``) and keeps it
in step with the workshop view: the shown step (``step_shown``), its timer
(``step_timer``) and every change in the undo history (a revealed note, a note typed on
the laptop), redrawn within a fraction of a second. With a second screen connected the
window goes full screen on the screen the main window is not on, so the facilitator keeps
the controls on the laptop; with one screen it covers the main window and F11 or Esc
leave it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from leaderapp import APP_NAME
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import load_library
from leaderapp.core.model import Note, Step
from leaderapp.core.workspace import NotFound, Workspace
from leaderapp.gui import style
from leaderapp.gui.widgets import label

REFRESH_MS = 80  # after a change in the undo history: quick, but one redraw per burst
TIME_UP_BACKGROUND = "#b3261e"


def _format_time(remaining: int) -> str:
    try:
        from leaderapp.gui.facilitation.timer_widget import format_time
    except ImportError:  # pragma: no cover - the timer module is part of the app
        seconds = abs(int(remaining))
        return f"{'+' if remaining < 0 else ''}{seconds // 60:02d}:{seconds % 60:02d}"
    return format_time(remaining)


def presentation_screen(screens: Sequence[QScreen], laptop: QScreen | None) -> QScreen | None:
    """The screen for the presentation: another screen than the laptop's when there is
    one, else None (cover the main window on its own screen)."""
    others = [s for s in screens if s is not laptop and s != laptop]
    return others[0] if len(screens) > 1 and others else None


class PresentationWindow(QWidget):
    """The projected view of one step. ``leave_requested`` on F11 or Esc."""

    leave_requested = Signal()
    closed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(_("Presentation"))
        self.workspace = workspace
        self.step: Step | None = None
        self.timer = None  # the StepTimer shown, if any
        self.cards: list[QFrame] = []
        self.headings: list[QLabel] = []  # cluster names over their cards
        self._layout: list[tuple[str, QWidget]] = []  # headings and cards, in order
        self._shown: tuple | None = None  # (id, text) of the notes on the cards
        self._columns = 0
        self._unit = 0.0
        self._note = 0.0  # the note type's factor in use (see _note_size)
        self._palette_name = ""  # the colour scheme the style sheet was built for

        root = QVBoxLayout(self)
        self._root = root
        top = QHBoxLayout()
        top.setSpacing(24)
        titles = QVBoxLayout()
        titles.setSpacing(6)
        self.title_label = self._label("title")
        titles.addWidget(self.title_label)
        self.prompts_box = QWidget()
        self.prompts_layout = QVBoxLayout(self.prompts_box)
        self.prompts_layout.setContentsMargins(0, 0, 0, 0)
        self.prompts_layout.setSpacing(4)
        titles.addWidget(self.prompts_box)
        top.addLayout(titles, 1)
        self.timer_label = QLabel("")
        self.timer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.timer_label.setProperty("pres", "timer")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top.addWidget(self.timer_label, 0, Qt.AlignmentFlag.AlignTop)
        root.addLayout(top)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("presentationScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.board = QWidget()
        self.board.setObjectName("presentationBoard")
        board_layout = QVBoxLayout(self.board)
        board_layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        board_layout.addLayout(self.grid)
        self.message_label = self._label("message")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        board_layout.addWidget(self.message_label)
        board_layout.addStretch(1)
        self.scroll.setWidget(self.board)
        root.addWidget(self.scroll, 1)

        self._restyle()
        self._show_time()
        self.show_step(None)

    # ------------------------------------------------------------------ show
    def _label(self, role: str, text: str = "") -> QLabel:
        widget = label(text, None)
        widget.setProperty("pres", role)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return widget

    def show_step(self, step: Step | None) -> None:
        """Show ``step`` (None: no step is open)."""
        self.step = step
        while self.prompts_layout.count():
            item = self.prompts_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # at once: deleteLater waits for the event loop
                item.widget().deleteLater()
        if step is None:
            self.title_label.setText(APP_NAME)
        else:
            self.title_label.setText(self.workspace.step_title(step))
            for prompt in self._prompts(step):
                self.prompts_layout.addWidget(self._prompt_row(prompt))
        self._shown = None  # draw the cards again, even when both steps have none
        self.refresh()

    def _prompt_row(self, prompt: str) -> QWidget:
        """A bullet with the prompt beside it, so a wrapped line keeps its indent."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(int(self._unit * 1.2))
        bullet = self._label("prompt", "•")
        bullet.setWordWrap(False)
        layout.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._label("prompt", prompt), 1)
        return row

    def _prompts(self, step: Step) -> tuple[str, ...]:
        exercise = load_library().exercise(step.exercise_id)
        value = next(
            (v for v in self.workspace.values(step.workshop_id) if v.id == step.value_id), None
        )
        name = value.name if value else None
        prompts = exercise.prompts(value.key if value else None, name)
        return prompts or (exercise.purpose(name),)

    def refresh(self) -> None:
        """Read the step's notes again; only revealed ones are shown."""
        notes: list[Note] = []
        hidden = 0
        dots: dict[str, int] | None = None  # a dot-voting step: the room sees the tally
        if self.step is not None:
            try:
                if self._is_voting(self.step):
                    dots = self.workspace.tally(self.step.id)
                    notes = sorted(
                        self.workspace.voting_notes(self.step.id),
                        key=lambda n: -dots.get(n.id, 0),
                    )
                else:
                    notes = self.workspace.revealed_notes(self.step.id)
                    hidden = self.workspace.hidden_count(self.step.id)
            except NotFound:  # the step was removed while shown
                self.step = None
                self.show_step(None)
                return

        def card_text(note: Note) -> str:
            if dots is None:
                return note.text
            n = dots.get(note.id, 0)
            return f"{note.text}\n{'●' * min(n, 12)} " + ngettext("{n} dot", "{n} dots", n).format(
                n=n
            )

        groups = self._grouped(notes)
        shown = tuple(
            (name, tuple((n.id, card_text(n)) for n in members)) for name, members in groups
        )
        if shown != self._shown:
            self._shown = shown
            self._fill_cards([(name, [card_text(n) for n in members]) for name, members in groups])
        if self.step is None:
            message = ""
        elif not notes and hidden:
            message = ngettext(
                "{n} note is waiting to be shown.", "{n} notes are waiting to be shown.", hidden
            ).format(n=hidden)
        elif not notes:
            message = _("No notes yet.")
        elif hidden:
            message = ngettext(
                "{n} more note is waiting to be shown.",
                "{n} more notes are waiting to be shown.",
                hidden,
            ).format(n=hidden)
        else:
            message = ""
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))

    @staticmethod
    def _is_voting(step: Step) -> bool:
        from leaderapp.core.library import load_library

        return load_library().exercise(step.exercise_id).kind == "dot_voting"

    def _grouped(self, notes: list[Note]) -> list[tuple[str | None, list[Note]]]:
        """The notes under their cluster's name, in the clusters' order; without
        clusters one group with no name."""
        clusters = self.workspace.clusters(self.step.id) if self.step is not None else []
        if not clusters:
            return [(None, notes)] if notes else []
        known = {c.id for c in clusters}
        groups = [(c.name, [n for n in notes if n.cluster_id == c.id]) for c in clusters]
        loose = [n for n in notes if n.cluster_id not in known]
        if loose:
            groups.append((_("Not grouped"), loose))
        return [(name, members) for name, members in groups if members]

    def shown_texts(self) -> list[str]:
        """The note texts on the cards, in order."""
        return [card.findChild(QLabel).text() for card in self.cards]

    def shown_headings(self) -> list[str]:
        """The cluster names over the cards, in order."""
        return [heading.text() for heading in self.headings]

    def _fill_cards(self, groups: list[tuple[str | None, list[str]]]) -> None:
        for widget in (*self.headings, *self.cards):
            self.grid.removeWidget(widget)
            widget.hide()  # at once: deleteLater waits for the event loop
            widget.deleteLater()
        self.cards, self.headings, self._layout = [], [], []
        for name, texts in groups:
            if name is not None:
                heading = self._label("group", name)
                self.headings.append(heading)
                self._layout.append(("heading", heading))
            for text in texts:
                card = QFrame()
                card.setProperty("pres", "card")
                layout = QVBoxLayout(card)
                pad = int(self._unit * 1.6)
                layout.setContentsMargins(pad, pad, pad, pad)
                layout.addWidget(self._label("note", text), 0, Qt.AlignmentFlag.AlignTop)
                self.cards.append(card)
                self._layout.append(("card", card))
        self._columns = 0
        self._restyle()  # fewer or more cards may change the type size
        self._place_cards()

    def _place_cards(self) -> None:
        columns = 3 if self.width() >= 1000 else 2 if self.width() >= 640 else 1
        if len(self.cards) > 12 and self.width() >= 1200:
            columns = 4  # a full board: smaller cards, more of them in sight
        if columns == self._columns:
            return
        self._columns = columns
        for _kind, widget in self._layout:
            self.grid.removeWidget(widget)
        row, col = 0, 0
        for kind, widget in self._layout:
            if kind == "heading":
                if col:  # a group starts on a row of its own
                    row, col = row + 1, 0
                self.grid.addWidget(widget, row, 0, 1, columns)
                row += 1
                continue
            self.grid.addWidget(widget, row, col)
            col += 1
            if col == columns:
                row, col = row + 1, 0
        for c in range(4):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    # ----------------------------------------------------------------- timer
    def set_timer(self, timer) -> None:  # noqa: ANN001 - a StepTimer or None
        """Show ``timer`` (a ``StepTimer``; None hides the clock)."""
        if timer is self.timer:
            self._show_time()
            return
        if self.timer is not None:
            try:
                self.timer.ticked.disconnect(self._show_time)
                self.timer.state_changed.disconnect(self._show_time)
            except (RuntimeError, TypeError):  # the old timer is gone already
                pass
        self.timer = timer
        if timer is not None:
            timer.ticked.connect(self._show_time)
            timer.state_changed.connect(self._show_time)
        self._show_time()

    def _show_time(self, *_args: object) -> None:
        timer = self.timer
        if timer is None:
            self.timer_label.hide()
            return
        self.timer_label.show()
        up = bool(timer.is_over and timer.touched)
        self.timer_label.setText(
            _("Time is up\n{time}").format(time=_format_time(timer.remaining))
            if up
            else _format_time(timer.remaining)
        )
        if self.timer_label.property("timeUp") != up:
            self.timer_label.setProperty("timeUp", up)
            self.timer_label.style().unpolish(self.timer_label)
            self.timer_label.style().polish(self.timer_label)

    # ----------------------------------------------------------------- style
    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().resizeEvent(event)
        self._restyle()
        self._place_cards()

    def _note_size(self) -> float:
        """The cards' type, as a share of the unit: smaller as the notes grow in number,
        so a full board still fits the projector without scrolling."""
        count = len(self.cards)
        return 3.4 if count <= 6 else 2.9 if count <= 12 else 2.4 if count <= 24 else 2.0

    def _restyle(self, force: bool = False) -> None:
        """Type sized from the window's height, so it reads from the back of the room
        on any projector."""
        unit = max(6.0, min(self.height(), self.width() * 0.62) / 100)
        note = self._note_size()
        palette = style.current_palette().name
        if (
            not force
            and abs(unit - self._unit) < 0.05
            and note == self._note
            and palette == self._palette_name
        ):
            return
        self._unit, self._note, self._palette_name = unit, note, palette
        margin = int(unit * 4)
        self._root.setContentsMargins(margin, int(unit * 3), margin, int(unit * 3))
        self._root.setSpacing(int(unit * 2.5))
        self.grid.setHorizontalSpacing(int(unit * 2))
        self.grid.setVerticalSpacing(int(unit * 2))
        for card in self.cards:
            pad = int(unit * 1.6)
            card.layout().setContentsMargins(pad, pad, pad, pad)

        def px(factor: float) -> str:
            return f"{unit * factor:.0f}px"

        # The accent as a text colour: readable in the dark palette too.
        accent = getattr(style, "ACCENT_TEXT", style.ACCENT_DARK)

        self.setStyleSheet(
            f"""
QWidget#presentation, QWidget#presentationBoard {{ background: {style.BACKGROUND}; }}
QScrollArea#presentationScroll {{ background: transparent; border: none; }}
QLabel[pres="title"] {{ font-size: {px(6.0)}; font-weight: 600; color: {accent}; }}
QLabel[pres="prompt"] {{ font-size: {px(3.3)}; color: {style.INK}; }}
QLabel[pres="message"] {{ font-size: {px(3.0)}; color: {style.MUTED}; padding: {px(3)}; }}
QLabel[pres="group"] {{
    font-size: {px(3.2)}; font-weight: 600; color: {accent}; padding-top: {px(1)};
}}
QLabel[pres="note"] {{ font-size: {px(note)}; color: {style.INK}; background: transparent; }}
QFrame[pres="card"] {{
    background: {style.SURFACE}; border: {max(1, int(unit * 0.25))}px solid {style.BORDER};
    border-radius: {px(1.2)};
}}
QLabel[pres="timer"] {{
    font-size: {px(7.5)}; font-weight: 600; color: {style.INK};
    background: {style.SURFACE}; border: 1px solid {style.BORDER};
    border-radius: {px(1.2)}; padding: {px(0.5)} {px(2.0)};
}}
QLabel[pres="timer"][timeUp="true"] {{
    font-size: {px(4.5)}; color: white; background: {TIME_UP_BACKGROUND};
    border-color: {TIME_UP_BACKGROUND};
}}
"""
        )

    def changeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._restyle()  # another colour scheme: redrawn only when it did change

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        # F11 and Esc leave, wherever the focus is in this window (no shortcut: the
        # main window's F11 action does not reach another top-level window).
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            event.accept()
            self.leave_requested.emit()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().closeEvent(event)
        self.closed.emit()


class PresentationController(QObject):
    """Presentation mode for a ``WorkshopView``: ``PresentationController(view).toggle()``.

    Build one per view (it is a child of the view); a second controller's ``toggle()``
    closes a presentation the first one opened instead of opening another window.
    """

    def __init__(self, workshop_view: QWidget) -> None:
        super().__init__(workshop_view)
        self.view = workshop_view
        self.window: PresentationWindow | None = None
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_notes)
        shown = getattr(workshop_view, "step_shown", None)
        if shown is not None:
            shown.connect(self._on_step_shown)
        else:  # an older view: follow its page instead
            workshop_view.page_changed.connect(lambda: self._on_step_shown(self._current_step()))
        history = workshop_view.history
        history.stack.indexChanged.connect(self._schedule)
        history.applied.connect(self._schedule)

    @classmethod
    def of(cls, workshop_view: QWidget) -> PresentationController:
        """The view's controller, made on first use: ``PresentationController.of(view)``."""
        found = workshop_view.findChild(cls)
        return found if found is not None else cls(workshop_view)

    # ----------------------------------------------------------------- state
    @property
    def is_active(self) -> bool:
        return self.window is not None and self.window.isVisible()

    def toggle(self) -> None:
        """Open the presentation, or leave it when one is showing."""
        active = [c for c in self.view.findChildren(PresentationController) if c.is_active]
        if active:
            for controller in active:
                controller.close()
        else:
            self.open()

    def open(self) -> None:
        if self.is_active:
            return
        main = self.view.window()
        window = PresentationWindow(self.view.workspace, main)
        window.leave_requested.connect(self.close)
        window.closed.connect(self._forget)
        self.window = window
        window.show_step(self._current_step())
        window.set_timer(getattr(self.view, "step_timer", None))
        if main is not None:
            main.installEventFilter(self)  # the presentation ends with the main window
        laptop = main.screen() if main is not None else None
        target = presentation_screen(QGuiApplication.screens(), laptop)
        if target is not None:
            # A second screen: the room sees this one, the laptop keeps the controls.
            window.setScreen(target)
            window.setGeometry(target.geometry())
            window.showFullScreen()
            if main is not None:
                main.activateWindow()
        else:
            if laptop is not None:
                window.setScreen(laptop)
                window.setGeometry(laptop.geometry())
            window.showFullScreen()
            window.raise_()
            window.activateWindow()

    def close(self) -> None:
        window = self.window
        if window is None:
            return
        self._forget()
        window.hide()
        window.deleteLater()
        main = self.view.window()
        if main is not None:
            main.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Hide and watched is self.view.window():
            self.close()
        return False

    def _forget(self) -> None:
        self.window = None
        self._refresh.stop()

    # ---------------------------------------------------------------- follow
    def _current_step(self) -> Step | None:
        current = getattr(self.view, "current_step", None)
        step = current() if callable(current) else None
        if step is None:
            return None
        try:
            return self.view.workspace.step(step.id)
        except NotFound:
            return None

    def _on_step_shown(self, step: Step | None) -> None:
        if self.window is None:
            return
        self.window.show_step(step)
        self.window.set_timer(getattr(self.view, "step_timer", None) if step else None)

    def _schedule(self, *_args: object) -> None:
        if self.window is not None:
            self._refresh.start()

    def _refresh_notes(self) -> None:
        if self.window is not None:
            self.window.refresh()
