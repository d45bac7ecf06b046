"""One open workshop: a header with the step timer, the program's steps in a sidebar,
and the page of the selected step (chosen by the exercise's kind).

The plan can change while the workshop runs (``edit_plan()``: reorder, skip, add,
remove, timeboxes); skipped steps stay in the sidebar, dimmed, and next/previous
jump over them. Every step has its own ``StepTimer``, kept while the workshop is open,
so going back to a step finds its timer as it was left.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import load_library
from leaderapp.core.model import Step, WorkshopDraft
from leaderapp.core.workspace import NotFound, Workspace
from leaderapp.gui import style
from leaderapp.gui.exporter import PdfExporter, suggested_pdf_name
from leaderapp.gui.facilitation.timer_widget import StepTimer, TimerWidget
from leaderapp.gui.pages.export_page import ExportPage
from leaderapp.gui.pages.kind_pages import page_class
from leaderapp.gui.pages.page import Page, PageContext
from leaderapp.gui.undo import UndoHistory
from leaderapp.gui.widgets import ElidedLabel, Reporter, ask, button, format_date, guarded, label
from leaderapp.gui.workshop_dialog import WorkshopDialog

SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole
SKIPPED_ROLE = Qt.ItemDataRole.UserRole + 2
SIDEBAR_WIDTH = 300  # at the normal text size; wider when the plan button needs it
TITLE_EMS = 9  # the step title keeps this many ems beside the timer, else the timer wraps


def with_shortcut(text: str, keys: str) -> str:
    """ "Back to workshops (Ctrl+W)": a tooltip naming the menu's shortcut for a button,
    in the keyboard's own names (Danish "Skift")."""
    native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text.rstrip('…')} ({native})"


def dimmed(colour: str, background: str | None = None) -> QColor:
    """``colour`` halfway to the background: still readable, clearly set aside.
    Computed from the scheme's colours, so it follows light, dark and high contrast."""
    ink, base = QColor(colour), QColor(background or style.SIDEBAR)
    return QColor(
        (ink.red() + base.red()) // 2,
        (ink.green() + base.green()) // 2,
        (ink.blue() + base.blue()) // 2,
    )


class StepDelegate(QStyledItemDelegate):
    """Sidebar entries: the step's title (wrapped) over "Step 2 · 30 min"."""

    PAD_X, PAD_Y, GAP = 18, 10, 3

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        # One weight for all rows: measuring and drawing agree, so heights never jump.
        title = QFont(option.font)
        sub = QFont(option.font)
        sub.setPointSizeF(option.font.pointSizeF() * 0.82)
        return title, sub

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        widget = option.widget
        if widget is None:
            return max(60, option.rect.width() - 2 * self.PAD_X)
        width = widget.viewport().width()
        bar = widget.verticalScrollBar()
        if not bar.isVisible():
            # Measured as if the scroll bar were there: rows keep their height when it
            # comes or goes (the view does not measure them again then).
            width -= bar.sizeHint().width()
        return max(60, width - 2 * self.PAD_X)

    @staticmethod
    def _title(index) -> str:
        title = index.data() or ""
        if index.data(SKIPPED_ROLE):
            return _("{title} (skipped)").format(title=title)
        return title

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        title_font, sub_font = self._fonts(option)
        width = self._text_width(option)
        title_h = (
            QFontMetrics(title_font)
            .boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, self._title(index))
            .height()
        )
        sub_h = QFontMetrics(sub_font).height()
        return QSize(width, title_h + sub_h + self.GAP + 2 * self.PAD_Y)

    def paint(self, painter: QPainter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        (widget.style() if widget else None).drawControl(
            QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        skipped = bool(index.data(SKIPPED_ROLE))
        title_font, sub_font = self._fonts(option)
        rect = option.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        painter.save()
        painter.setFont(title_font)
        # A skipped step is drawn dimmed: there, but not for today.
        painter.setPen(
            QColor(style.ON_ACCENT)
            if selected
            else (dimmed(style.INK) if skipped else QColor(style.INK))
        )
        title = self._title(index)
        title_rect = painter.boundingRect(rect, Qt.TextFlag.TextWordWrap, title)
        painter.drawText(rect, Qt.TextFlag.TextWordWrap, title)
        painter.setFont(sub_font)
        painter.setPen(
            dimmed(style.ON_ACCENT, style.ACCENT)
            if selected
            else (dimmed(style.MUTED) if skipped else QColor(style.MUTED))
        )
        sub_rect = QRect(
            rect.left(),
            title_rect.bottom() + self.GAP,
            rect.width(),
            QFontMetrics(sub_font).height(),
        )
        subtitle = QFontMetrics(sub_font).elidedText(
            index.data(SUBTITLE_ROLE) or "", Qt.TextElideMode.ElideRight, sub_rect.width()
        )
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignLeft, subtitle)
        painter.restore()


class StepList(QListWidget):
    """The sidebar. No type-ahead: a facilitator typing a note while the sidebar
    has focus must not be sent jumping between steps."""

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - Qt API
        return

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Larger text: measure the rows again, or wrapped titles overlap.
            QTimer.singleShot(0, self, self.doItemsLayout)


class WorkshopView(QWidget):
    back_requested = Signal()
    page_changed = Signal()
    title_changed = Signal(str)
    # The Step shown (None: none) whenever another step is shown or the shown step's
    # record changed (timebox, skipped, anonymous); the presentation mode follows it.
    step_shown = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        reporter: Reporter,
        parent: QWidget | None = None,
        *,
        history: UndoHistory | None = None,
    ):
        super().__init__(parent)
        self.workspace = workspace
        self.reporter = reporter
        self.history = history or UndoHistory(workspace, self)
        self.workshop_id: str | None = None
        self.steps: list[Step] = []
        self.page: Page | None = None
        self._row = -1
        self._switching = False
        self._timers: dict[str, StepTimer] = {}  # step id -> its timer, while open
        self.timer_clock = None  # milliseconds for new timers; None: Qt's monotonic clock
        self.exporter = PdfExporter(self)
        self.exporter.succeeded.connect(
            lambda path: reporter.info(_("The foundation was saved as {path}").format(path=path))
        )
        self.exporter.failed.connect(
            lambda msg: reporter.error(_("The export failed: {error}").format(error=msg))
        )

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        header = QFrame()
        header.setProperty("role", "header")
        head = QHBoxLayout(header)
        head.setContentsMargins(24, 12, 20, 12)
        head.setSpacing(12)
        self.back_button = button(_("← Back to workshops"), "flat")
        self.back_button.clicked.connect(self.back_requested)
        head.addWidget(self.back_button)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.unit_label = ElidedLabel("", "title")
        self.subtitle = ElidedLabel("", "muted")
        titles.addWidget(self.unit_label)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.details_button = button(_("Details and participants…"))
        self.details_button.clicked.connect(self.edit_details)
        head.addWidget(self.details_button)
        root.addWidget(header)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        root.addLayout(body, 1)

        self.sidebar = StepList()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(_("Steps"))
        self.sidebar.setItemDelegate(StepDelegate(self.sidebar))
        self.sidebar.setResizeMode(QListView.ResizeMode.Adjust)
        self.sidebar.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.currentRowChanged.connect(self._on_row_changed)
        side = QFrame()
        side.setObjectName("sidebarColumn")
        side.setFixedWidth(SIDEBAR_WIDTH)
        self.side_column = side
        self._restyle_side()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.sidebar, 1)
        foot = QHBoxLayout()
        foot.setContentsMargins(14, 10, 14, 12)
        self.side_foot = foot
        self.plan_button = button(_("Adjust the plan…"))
        self.plan_button.clicked.connect(self.edit_plan)
        foot.addWidget(self.plan_button)
        side_layout.addLayout(foot)
        body.addWidget(side)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        # The step's title, its timebox and its timer, large enough to read across the
        # room: on one row, or the timer on a row of its own when the text is large.
        self.step_head = QWidget()
        self.step_head_layout = QGridLayout(self.step_head)
        self.step_head_layout.setContentsMargins(28, 18, 28, 0)
        self.step_head_layout.setHorizontalSpacing(16)
        self.step_head_layout.setVerticalSpacing(10)
        self.step_title = label("", "title")
        self.step_time = label("", "muted", wrap=False)
        self.timer_widget = TimerWidget()
        self._timer_wrapped: bool | None = None
        self._arrange_step_head()
        right.addWidget(self.step_head)
        self.page_area = QVBoxLayout()
        self.page_area.setContentsMargins(0, 0, 0, 0)
        right.addLayout(self.page_area, 1)
        body.addLayout(right, 1)
        self._set_tooltips()
        self._relayout()

    def _set_tooltips(self) -> None:
        """Tooltips naming the menus' shortcuts, in the keyboard's names of the current
        language (again when Qt's translation arrives: Danish "Skift")."""
        self.back_button.setToolTip(with_shortcut(_("Back to workshops"), "Ctrl+W"))
        self.details_button.setToolTip(
            with_shortcut(_("Details and participants…"), "Ctrl+Shift+D")
        )
        self.plan_button.setToolTip(
            with_shortcut(
                _("Reorder, skip, add or remove steps and change their timeboxes"), "Ctrl+Shift+P"
            )
        )

    def _arrange_step_head(self) -> None:
        """The timer beside the title while the title keeps room to breathe; below it
        (its buttons free to wrap) when larger text makes the row too narrow."""
        grid = self.step_head_layout
        margins = grid.contentsMargins()
        width = (self.step_head.width() or self.width()) - margins.left() - margins.right()
        self.step_title.ensurePolished()
        title_room = self.step_title.fontMetrics().horizontalAdvance("M") * TITLE_EMS
        needed = (
            title_room
            + self.step_time.sizeHint().width()
            + self.timer_widget.sizeHint().width()
            + 2 * grid.horizontalSpacing()
        )
        wrapped = width < needed
        if wrapped == self._timer_wrapped:
            return
        self._timer_wrapped = wrapped
        for widget in (self.step_title, self.step_time, self.timer_widget):
            grid.removeWidget(widget)
        centre = Qt.AlignmentFlag.AlignVCenter
        grid.addWidget(self.step_title, 0, 0)
        grid.addWidget(self.step_time, 0, 1, centre)
        if wrapped:
            self.timer_widget.setMinimumWidth(0)  # its own row: its buttons may wrap
            grid.addWidget(self.timer_widget, 1, 0, 1, 2)
        else:
            # Beside the title the timer keeps its one-row width, and a long title wraps
            # instead: wrapped buttons would need a taller row than the title gives them.
            self.timer_widget.setMinimumWidth(self.timer_widget.sizeHint().width())
            grid.addWidget(self.timer_widget, 0, 2, centre)
        grid.setColumnStretch(0, 1)

    def _fit_side(self) -> None:
        """The sidebar as wide as its plan button needs at the current text size."""
        self.plan_button.ensurePolished()
        margins = self.side_foot.contentsMargins()
        wanted = self.plan_button.sizeHint().width() + margins.left() + margins.right()
        width = max(SIDEBAR_WIDTH, wanted)
        if self.side_column.width() != width or self.side_column.minimumWidth() != width:
            self.side_column.setFixedWidth(width)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().resizeEvent(event)
        self._arrange_step_head()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        self._relayout()

    def _restyle_side(self) -> None:
        # The sidebar's colours, also under its plan button; read again when the
        # colour scheme changes (style.apply_style replaces style.SIDEBAR …).
        sheet = (
            f"QFrame#sidebarColumn {{ background: {style.SIDEBAR};"
            f" border-right: 1px solid {style.BORDER}; }}"
        )
        if self.side_column.styleSheet() != sheet:
            self.side_column.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._restyle_side()
        if event.type() == QEvent.Type.LanguageChange:
            self._set_tooltips()
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            # Larger or smaller text: the widgets' new sizes are known once polished.
            QTimer.singleShot(0, self, self._relayout)

    def _relayout(self) -> None:
        self._fit_side()
        self._arrange_step_head()

    # ------------------------------------------------------------ open/close
    def show_error(self, message: str) -> None:
        self.reporter.error(message)

    def open_workshop(self, workshop_id: str) -> None:
        workshop = self.workspace.workshop(workshop_id)
        if workshop_id != self.workshop_id:
            self._drop_timers()
        self.workshop_id = workshop_id
        self._fill_header()
        self.steps = self.workspace.steps(workshop_id)
        self._fill_sidebar()
        self._row = -1
        row = next((i for i, s in enumerate(self.steps) if s.id == workshop.current_step_id), 0)
        self.sidebar.setCurrentRow(row)
        if self.sidebar.currentRow() == row and self._row != row:
            self._on_row_changed(row)
        self.sidebar.setFocus()

    def _fill_sidebar(self) -> None:
        """One entry per step of ``self.steps``; the current row is left to the caller."""
        workshop = self.workspace.workshop(self.workshop_id)
        self._switching = True
        try:
            self.sidebar.clear()
            for n, step in enumerate(self.steps, start=1):
                item = QListWidgetItem(self.workspace.step_title(step))
                item.setData(ID_ROLE, step.id)
                subtitle = _("Step {n} · {minutes} min").format(n=n, minutes=step.timebox_minutes)
                meeting = self.workspace.meeting_title(workshop, step.meeting)
                if meeting is not None:
                    # Only the number fits the sidebar's width; the title is the tooltip.
                    subtitle = _("Meeting {n} · {step}").format(n=step.meeting, step=subtitle)
                    item.setToolTip(_("Meeting {n}: {title}").format(n=step.meeting, title=meeting))
                item.setData(SUBTITLE_ROLE, subtitle)
                item.setData(SKIPPED_ROLE, step.skipped)
                self.sidebar.addItem(item)
        finally:
            self._switching = False

    def _fill_header(self) -> None:
        workshop = self.workspace.workshop(self.workshop_id)
        participants = self.workspace.participants(self.workshop_id)
        self.unit_label.setText(workshop.unit_name)
        bits = [workshop.organisation, format_date(workshop.first_date)]
        if workshop.facilitator:
            bits.append(_("Facilitator: {name}").format(name=workshop.facilitator))
        bits.append(
            ngettext("{n} participant", "{n} participants", len(participants)).format(
                n=len(participants)
            )
        )
        self.subtitle.setText("  ·  ".join(b for b in bits if b))
        self.title_changed.emit(workshop.unit_name)

    def leave(self) -> bool:
        """Save the open page before leaving the workshop; False to stay."""
        if not self._leave_page():
            return False
        self._drop_page()
        self.workshop_id = None
        self.sidebar.clear()
        self.steps = []
        self._row = -1
        self._drop_timers()
        self.step_shown.emit(None)
        return True

    def flush(self) -> bool:
        return self.page.flush() if self.page is not None else True

    def abandon(self) -> None:
        """Close the workshop without saving: its data is gone (an undone creation,
        a redone deletion, a restored backup)."""
        self._drop_page()
        self.workshop_id = None
        self.sidebar.clear()
        self.steps = []
        self._row = -1
        self._drop_timers()
        self.step_shown.emit(None)

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        """Redraw after an undo or redo in this workshop, showing the step it touched."""
        if self.workshop_id is None or changes.workshop_id != self.workshop_id:
            return
        if changes.workshops or changes.participants:
            self._fill_header()
        if changes.steps:
            self.reload_plan()
        self._show_subject(command)
        if self.page is not None:
            self.page.apply_changes(changes, command)

    def _show_subject(self, command: Command | None) -> None:
        """Go to the step where the undone change can be seen."""
        subject = command.subject if command is not None else None
        if not subject:
            return
        kind, record_id = subject
        if kind in ("note", "step", "vote", "cluster"):
            try:
                if kind == "note":
                    step_id = self.workspace.note(record_id).step_id
                elif kind == "cluster":
                    step_id = self.workspace.cluster(record_id).step_id
                else:
                    step_id = record_id
            except NotFound:  # an undone "new …": stay where the user is
                return
            row = next((i for i, s in enumerate(self.steps) if s.id == step_id), -1)
            if row >= 0 and row != self._row:
                self.select_step(row)
        elif kind == "cover" and getattr(self.page, "kind", "") != "export":
            self.select_kind("export")
        elif kind == "commitment-review" and getattr(self.page, "kind", "") != "follow_up":
            self.select_kind("follow_up")
        elif kind in ("foundation", "section") and getattr(self.page, "kind", "") != "foundation":
            self.select_kind("foundation")
        elif kind == "commitment" and getattr(self.page, "kind", "") != "commitments":
            self.select_kind("commitments")

    def _leave_page(self) -> bool:
        blocked = self.page.blocks_leaving() if self.page is not None else None
        if blocked:
            # A participant's private turn: other steps would show the room's notes.
            self.reporter.info(blocked)
            return False
        if self.page is None or self.page.flush():
            return True
        return self.confirm_discard(self.page.unsaved_problem() or "")

    def confirm_discard(self, problem: str) -> bool:
        answer = ask(
            self,
            QMessageBox.Icon.Warning,
            _("Unsaved change"),
            _("{problem}\n\nLeave anyway? The unsaved change will be lost.").format(
                problem=problem
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _drop_page(self) -> None:
        if self.page is not None:
            self.page_area.removeWidget(self.page)
            self.page.hide()
            self.page.deleteLater()
            self.page = None

    # ---------------------------------------------------------------- steps
    def current_step(self) -> Step | None:
        return self.steps[self._row] if 0 <= self._row < len(self.steps) else None

    def select_step(self, row: int) -> None:
        if 0 <= row < len(self.steps):
            self.sidebar.setCurrentRow(row)

    def select_kind(self, kind: str, nth: int = 0) -> None:
        """Go to the ``nth`` step whose exercise is of ``kind``."""
        library = load_library()
        rows = [i for i, s in enumerate(self.steps) if library.exercise(s.exercise_id).kind == kind]
        if nth < len(rows):
            self.select_step(rows[nth])

    def next_step(self) -> None:
        """The next step that is not skipped (stays put after the last one)."""
        rows = [i for i in range(self._row + 1, len(self.steps)) if not self.steps[i].skipped]
        if rows:
            self.select_step(rows[0])

    def previous_step(self) -> None:
        rows = [i for i in range(self._row) if not self.steps[i].skipped]
        if rows:
            self.select_step(rows[-1])

    @guarded
    def _on_row_changed(self, row: int) -> None:
        if self._switching or row < 0 or row == self._row or self.workshop_id is None:
            return
        if not self._leave_page():
            self._switching = True
            self.sidebar.setCurrentRow(self._row)
            self._switching = False
            return
        self._drop_page()
        self._row = row
        self._show_step(self.steps[row])

    def _show_step(self, step: Step) -> None:
        """Build the page of ``step`` (the page area is empty) and remember it."""
        self._show_step_head(step)
        self.page = self._build_page(step)
        self.page_area.addWidget(self.page)
        self.workspace.set_current_step(self.workshop_id, step.id)
        self.page_changed.emit()
        self.step_shown.emit(step)

    def _show_step_head(self, step: Step) -> None:
        self.step_title.setText(self.workspace.step_title(step))
        text = _("{minutes} min").format(minutes=step.timebox_minutes)
        if step.skipped:
            text = _("{time} · skipped").format(time=text)
        if step.anonymous:
            text = _("{time} · anonymous").format(time=text)
        self.step_time.setText(text)
        self.timer_widget.set_timer(self._timer_for(step))

    # ------------------------------------------------------------------ plan
    @guarded
    def edit_plan(self) -> None:
        """The "Adjust the plan" dialog; every change in it is undoable and shows here
        at once."""
        if self.workshop_id is None or not self.flush():
            return
        from leaderapp.gui.facilitation.plan_dialog import PlanDialog

        dialog = PlanDialog(
            self.workspace,
            self.workshop_id,
            self.history,
            self,
            on_change=self.reload_plan,
            current_step_id=(self.current_step().id if self.current_step() else None),
        )
        self.exec_dialog(dialog)

    def reload_plan(self, *_args: object) -> None:
        """Re-read the steps after the plan changed, staying on the shown step when it
        is still there (else on the step that took its place)."""
        if self.workshop_id is None:
            return
        shown = self.current_step()
        self.steps = self.workspace.steps(self.workshop_id)
        for step in self.steps:
            timer = self._timers.get(step.id)
            if (
                timer is not None
                and not timer.touched
                and timer.duration != step.timebox_minutes * 60
            ):
                timer.reset(step.timebox_minutes * 60)  # not started yet: follow the plan
        self._fill_sidebar()
        ids = [s.id for s in self.steps]
        if shown is not None and shown.id in ids:
            row = ids.index(shown.id)
            self._row = row
            self._set_sidebar_row(row)
            step = self.steps[row]
            if step.anonymous != shown.anonymous:
                # Author choices depend on it: build the page again (nothing is pending).
                if self._leave_page():
                    self._drop_page()
                    self._show_step(step)
                    return
            self._show_step_head(step)
            if (step.timebox_minutes, step.skipped) != (shown.timebox_minutes, shown.skipped):
                self.step_shown.emit(step)
            return
        # The shown step was removed: its page has nothing left to save.
        self._drop_page()
        self._row = -1
        if not self.steps:
            self.step_title.setText("")
            self.step_time.setText("")
            self.timer_widget.set_timer(None)
            self.page_changed.emit()
            self.step_shown.emit(None)
            return
        current = self.workspace.workshop(self.workshop_id).current_step_id
        row = ids.index(current) if current in ids else 0
        self._row = row
        self._set_sidebar_row(row)
        self._show_step(self.steps[row])

    def _set_sidebar_row(self, row: int) -> None:
        self._switching = True
        try:
            self.sidebar.setCurrentRow(row)
        finally:
            self._switching = False

    # ----------------------------------------------------------------- timer
    @property
    def step_timer(self) -> StepTimer | None:
        """The shown step's timer (None when no step is shown)."""
        step = self.current_step()
        return self._timer_for(step) if step is not None else None

    def timer_of(self, step_id: str) -> StepTimer | None:
        """The timer of any step of the open workshop."""
        step = next((s for s in self.steps if s.id == step_id), None)
        return self._timer_for(step) if step is not None else None

    def toggle_timer(self) -> None:
        """Start or pause the shown step's timer."""
        timer = self.step_timer
        if timer is not None:
            timer.toggle()

    def _timer_for(self, step: Step) -> StepTimer:
        timer = self._timers.get(step.id)
        if timer is None:
            timer = StepTimer(step.timebox_minutes * 60, self, clock=self.timer_clock)
            self._timers[step.id] = timer
        return timer

    def _drop_timers(self) -> None:
        self.timer_widget.set_timer(None)
        for timer in self._timers.values():
            timer.pause()
            timer.deleteLater()
        self._timers.clear()

    def _build_page(self, step: Step) -> Page:
        exercise = load_library().exercise(step.exercise_id)
        ctx = PageContext(self.workspace, self.workshop_id, self.reporter, self.history)
        if exercise.kind == "export":
            return ExportPage(ctx, step, exercise, self.exporter, self.export_pdf)
        return page_class(exercise.kind)(ctx, step, exercise)

    # --------------------------------------------------------------- details
    @guarded
    def edit_details(self) -> None:
        if self.workshop_id is None or not self.flush():
            return
        workshop = self.workspace.workshop(self.workshop_id)
        names = tuple(p.name for p in self.workspace.participants(self.workshop_id))
        dialog = WorkshopDialog(self._save_details, self, workshop=workshop, participants=names)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._fill_header()
            if self.page is not None:
                self.page.refresh()

    def exec_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def _save_details(self, draft: WorkshopDraft) -> None:
        from leaderapp.core.commands import EditWorkshopDetails

        self.history.push(
            EditWorkshopDetails(
                self.workshop_id,
                unit_name=draft.unit_name,
                organisation=draft.organisation,
                facilitator=draft.facilitator,
                dates=draft.dates,
                participants=draft.participants,
            )
        )

    # ---------------------------------------------------------------- export
    def ask_pdf_path(self, suggested: Path) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export PDF"), str(suggested), _("PDF documents (*.pdf)")
        )
        return Path(path) if path else None

    @guarded
    def export_pdf(self) -> None:
        if self.workshop_id is None:
            return
        if self.exporter.is_running():
            self.reporter.info(_("An export is already running."))
            return
        if not self.flush():
            self.reporter.error(
                _("Export stopped: {problem}").format(problem=self.page.unsaved_problem())
            )
            return
        self.select_kind("export")
        workshop = self.workspace.workshop(self.workshop_id)
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        target = self.ask_pdf_path(Path(folder) / suggested_pdf_name(workshop.unit_name))
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        # The snapshot is taken here, on the thread that owns the database.
        self.exporter.start(self.workspace.snapshot(self.workshop_id), target)
