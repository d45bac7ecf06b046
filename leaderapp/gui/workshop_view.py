"""One open workshop: a header, the program's steps in a sidebar, and the page of
the selected step (chosen by the exercise's kind)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
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
from leaderapp.gui.export_page import ExportPage
from leaderapp.gui.exporter import PdfExporter, suggested_pdf_name
from leaderapp.gui.kind_pages import page_class
from leaderapp.gui.page import Page, PageContext
from leaderapp.gui.undo import UndoHistory
from leaderapp.gui.widgets import ElidedLabel, Reporter, ask, button, format_date, guarded, label
from leaderapp.gui.workshop_dialog import WorkshopDialog

SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole


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
        width = widget.viewport().width() if widget is not None else option.rect.width()
        return max(60, width - 2 * self.PAD_X)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        title_font, sub_font = self._fonts(option)
        width = self._text_width(option)
        title_h = (
            QFontMetrics(title_font)
            .boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, index.data() or "")
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
        title_font, sub_font = self._fonts(option)
        rect = option.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        painter.save()
        painter.setFont(title_font)
        painter.setPen(QColor("white" if selected else style.INK))
        title_rect = painter.boundingRect(rect, Qt.TextFlag.TextWordWrap, index.data() or "")
        painter.drawText(rect, Qt.TextFlag.TextWordWrap, index.data() or "")
        painter.setFont(sub_font)
        painter.setPen(QColor("#d8ebea" if selected else style.MUTED))
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


class WorkshopView(QWidget):
    back_requested = Signal()
    page_changed = Signal()
    title_changed = Signal(str)

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
        self.exporter = PdfExporter(self)
        self.exporter.succeeded.connect(
            lambda path: reporter.info(_("The PDF was saved as {path}").format(path=path))
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
        self.sidebar.setItemDelegate(StepDelegate(self.sidebar))
        self.sidebar.setFixedWidth(300)
        self.sidebar.setResizeMode(QListView.ResizeMode.Adjust)
        self.sidebar.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.currentRowChanged.connect(self._on_row_changed)
        body.addWidget(self.sidebar)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        step_head = QHBoxLayout()
        step_head.setContentsMargins(28, 18, 28, 0)
        self.step_title = label("", "title")
        self.step_time = label("", "muted", wrap=False)
        step_head.addWidget(self.step_title, 1)
        step_head.addWidget(self.step_time, 0, Qt.AlignmentFlag.AlignBottom)
        right.addLayout(step_head)
        self.page_area = QVBoxLayout()
        self.page_area.setContentsMargins(0, 0, 0, 0)
        right.addLayout(self.page_area, 1)
        body.addLayout(right, 1)

    # ------------------------------------------------------------ open/close
    def show_error(self, message: str) -> None:
        self.reporter.error(message)

    def open_workshop(self, workshop_id: str) -> None:
        workshop = self.workspace.workshop(workshop_id)
        self.workshop_id = workshop_id
        self._fill_header()
        self.steps = self.workspace.steps(workshop_id)
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
                self.sidebar.addItem(item)
        finally:
            self._switching = False
        self._row = -1
        row = next((i for i, s in enumerate(self.steps) if s.id == workshop.current_step_id), 0)
        self.sidebar.setCurrentRow(row)
        if self.sidebar.currentRow() == row and self._row != row:
            self._on_row_changed(row)
        self.sidebar.setFocus()

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

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        """Redraw after an undo or redo in this workshop, showing the step it touched."""
        if self.workshop_id is None or changes.workshop_id != self.workshop_id:
            return
        if changes.workshops or changes.participants:
            self._fill_header()
        self._show_subject(command)
        if self.page is not None:
            self.page.apply_changes(changes, command)

    def _show_subject(self, command: Command | None) -> None:
        """Go to the step where the undone change can be seen."""
        subject = command.subject if command is not None else None
        if not subject:
            return
        kind, record_id = subject
        if kind == "note":
            try:
                step_id = self.workspace.note(record_id).step_id
            except NotFound:  # an undone "new note": stay where the user is
                return
            row = next((i for i, s in enumerate(self.steps) if s.id == step_id), -1)
            if row >= 0 and row != self._row:
                self.select_step(row)
        elif kind in ("foundation", "section") and getattr(self.page, "kind", "") != "foundation":
            self.select_kind("foundation")
        elif kind == "commitment" and getattr(self.page, "kind", "") != "commitments":
            self.select_kind("commitments")

    def _leave_page(self) -> bool:
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
        self.select_step(self._row + 1)

    def previous_step(self) -> None:
        self.select_step(self._row - 1)

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
        step = self.steps[row]
        self.step_title.setText(self.workspace.step_title(step))
        self.step_time.setText(_("{minutes} min").format(minutes=step.timebox_minutes))
        self.page = self._build_page(step)
        self.page_area.addWidget(self.page)
        self.workspace.set_current_step(self.workshop_id, step.id)
        self.page_changed.emit()

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
