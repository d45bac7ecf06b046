"""What every step page shares: its context, autosaving, error reporting, and the
exercise's own text (purpose, questions, facilitator instructions)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.i18n import _
from leaderapp.core.library import Exercise
from leaderapp.core.model import Step, Value
from leaderapp.core.workspace import Workspace
from leaderapp.gui.autosave import Autosaver
from leaderapp.gui.undo import UndoHistory
from leaderapp.gui.widgets import Reporter, bullet_list, card, label


@dataclass(frozen=True)
class PageContext:
    workspace: Workspace
    workshop_id: str
    reporter: Reporter
    history: UndoHistory


class Page(QWidget):
    """Base of the step pages. Subclasses fill ``self.layout()``."""

    def __init__(
        self, ctx: PageContext, step: Step, exercise: Exercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self.step = step
        self.exercise = exercise
        self.value: Value | None = next(
            (v for v in ctx.workspace.values(ctx.workshop_id) if v.id == step.value_id), None
        )
        self.autosaver = Autosaver(self, editor_filter=ctx.history.keys)
        self.autosaver.state_changed.connect(ctx.reporter.show_save_state)
        self.autosaver.failed.connect(ctx.reporter.error)

    @property
    def workspace(self) -> Workspace:
        return self.ctx.workspace

    @property
    def workshop_id(self) -> str:
        return self.ctx.workshop_id

    @property
    def history(self) -> UndoHistory:
        return self.ctx.history

    def push(self, command: Command) -> Changes:
        """Do ``command`` as an undoable step; raises what the command raised."""
        return self.ctx.history.push(command)

    def show_error(self, message: str) -> None:
        self.ctx.reporter.error(message)

    def flush(self) -> bool:
        """Save pending edits now; False if something could not be saved."""
        return self.autosaver.flush()

    def blocks_leaving(self) -> str | None:
        """Why the user may not go to another step or screen now (None: they may)."""
        return None

    def unsaved_problem(self) -> str | None:
        if not self.autosaver.has_pending():
            return None
        return self.autosaver.last_error or _("A change has not been saved yet.")

    def refresh(self) -> None:
        """Reload from the workspace (after a stale record or outside change)."""

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        """Redraw after an undo or redo; ``command.subject`` names what it touched."""

    # ------------------------------------------------------------ helpers
    def exercise_card(self, *, with_prompts: bool = True, compact: bool = False) -> QFrame:
        name = self.value.name if self.value else None
        frame, layout = card(spacing=8)
        layout.addWidget(label(self.exercise.purpose(name), "muted" if compact else "lead"))
        prompts = self.exercise.prompts(self.value.key if self.value else None, name)
        if with_prompts and prompts:
            layout.addSpacing(6)
            layout.addWidget(label(_("Questions to talk about"), "field"))
            layout.addWidget(bullet_list(list(prompts)))
        layout.addSpacing(6)
        layout.addWidget(label(_("For the facilitator"), "field"))
        layout.addWidget(label(self.exercise.instructions(name), "muted"))
        return frame


def scroll_column(content: QWidget) -> QScrollArea:
    """Wrap a column of cards so it scrolls vertically only."""
    area = QScrollArea()
    area.setObjectName("pageScroll")
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def column(margins: tuple[int, int, int, int] = (0, 0, 0, 0), spacing: int = 16):
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(*margins)
    layout.setSpacing(spacing)
    return widget, layout
