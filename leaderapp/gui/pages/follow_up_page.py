"""The "follow_up" step, months later: re-rate bør, kan, vil, må, tør (the radar shows the
earlier rating as "Before" beside "Now"), review each commitment (its status and a
note on what became of it), and write down what has changed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.facilitation.ratings import follow_up_key, follow_up_status
from leaderapp.core.facilitation.ratings_commands import EditReviewNote, SetReviewStatus
from leaderapp.core.i18n import _
from leaderapp.core.library import CompetenceRating, Exercise, FollowUp, load_library
from leaderapp.core.model import Commitment, Step
from leaderapp.gui import style
from leaderapp.gui.pages.page import Page, PageContext, column, scroll_column
from leaderapp.gui.pages.rating_page import RatingGrid, RatingPanel, SlotNotes
from leaderapp.gui.widgets import GrowingTextEdit, card, format_date, guarded, label, one_line


class CommitmentReview(QFrame):
    """One commitment: what was agreed, its status now and what became of it."""

    def __init__(self, page: FollowUpPage, commitment: Commitment, *, ruled: bool = False) -> None:
        super().__init__()
        self.page = page
        self.commitment_id = commitment.id
        self._loading = False
        self.ruled = ruled  # a quiet rule above: not the first commitment
        self.setObjectName("commitmentReview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 10)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(12)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.action = label("", "field")
        self.details = label("", "small")
        texts.addWidget(self.action)
        texts.addWidget(self.details)
        top.addLayout(texts, 1)
        self.status = QComboBox()
        for status in page.follow_up.statuses:
            self.status.addItem(status.label.text(), status.key)
        self.status.setMinimumWidth(170)
        self.status.activated.connect(self._on_status)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.review = GrowingTextEdit(2, 8)
        self.review.setPlaceholderText(
            _("What became of it? If it was not kept: what stood in the way, and what now?")
        )
        self.review.textChanged.connect(self._on_review)
        page.autosaver.flush_on_focus_out(self.review)
        layout.addWidget(self.review)
        self._restyle()
        self.show_commitment(commitment)

    def _restyle(self) -> None:
        # Built from the palette in use, again when the colour scheme changes.
        sheet = (
            f"QFrame#commitmentReview {{ border-top: 1px solid {style.BORDER}; }}"
            if self.ruled
            else ""
        )
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._restyle()

    def show_commitment(self, c: Commitment) -> None:
        self._loading = True
        try:
            self.action.setText(c.action or _("(no action written)"))
            what = one_line(c.action, 80) or _("(no action written)")
            self.status.setAccessibleName(_("Status of “{action}”").format(action=what))
            self.review.setAccessibleName(_("What became of “{action}”").format(action=what))
            bits = []
            if c.owner:
                bits.append(_("Owner: {name}").format(name=c.owner))
            if c.due_date:
                bits.append(_("Due: {date}").format(date=format_date(c.due_date)))
            self.details.setText("  ·  ".join(bits))
            self.details.setVisible(bool(bits))
            index = self.status.findData(follow_up_key(c.status))
            if index < 0:  # a stored status the follow-up does not name: show it as is
                self.status.addItem(c.status.label, c.status.value)
                index = self.status.count() - 1
            self.status.setCurrentIndex(index)
            if self.review.toPlainText() != c.review_note:
                self.review.setPlainText(c.review_note)
        finally:
            self._loading = False

    @guarded
    def _on_status(self, _index: int = 0) -> None:
        if self._loading:
            return
        status = follow_up_status(self.status.currentData())
        if self.page.workspace.commitment(self.commitment_id).status is status:
            return
        self.page.push(SetReviewStatus(self.commitment_id, status))
        self.page.ctx.reporter.saved()

    def _on_review(self) -> None:
        if self._loading:
            return
        text = self.review.toPlainText()
        cid = self.commitment_id
        self.page.autosaver.schedule(
            f"review:{cid}", lambda: self.page.push(EditReviewNote(cid, text))
        )

    def show_error(self, message: str) -> None:
        self.page.show_error(message)

    def refresh(self) -> None:
        self.page.refresh()


class FollowUpPage(Page):
    kind = "follow_up"

    def __init__(
        self, ctx: PageContext, step: Step, exercise: Exercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, step, exercise, parent)
        data = exercise.data
        assert isinstance(data, FollowUp)
        self.follow_up = data
        rating_data = load_library().exercise(data.rating_exercise).data
        assert isinstance(rating_data, CompetenceRating)
        parts = {p.key: p for p in data.parts}
        self.baseline = self.workspace.rating_baseline(step.id)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        content, layout = column((28, 18, 28, 22), spacing=16)

        # Re-rating
        rerate = parts["rerate"]
        head, head_layout = card(spacing=6)
        head_layout.addWidget(label(rerate.title.text(), "heading", wrap=False))
        head_layout.addWidget(label(rerate.prompt.text(), "prompt"))
        self.baseline_change = label("", "muted")
        head_layout.addWidget(self.baseline_change)
        layout.addWidget(head)
        self.panel = RatingPanel(self, rating_data, baseline=self.baseline)
        layout.addWidget(self.panel)

        # Commitments
        review = parts["commitment_review"]
        review_card, review_layout = card(spacing=4)
        review_layout.addWidget(label(review.title.text(), "heading", wrap=False))
        review_layout.addWidget(label(review.prompt.text(), "prompt"))
        self.no_commitments = label(
            _("The workshop has no commitments yet. Add them in the commitments step."),
            "muted",
        )
        review_layout.addWidget(self.no_commitments)
        self.reviews_box = QVBoxLayout()
        self.reviews_box.setSpacing(0)
        review_layout.addLayout(self.reviews_box)
        layout.addWidget(review_card)
        self.reviews: list[CommitmentReview] = []

        # What changed
        changed = parts["what_changed"]
        changed_card, changed_layout = card(spacing=6)
        changed_layout.addWidget(label(changed.title.text(), "heading", wrap=False))
        changed_layout.addWidget(label(changed.prompt.text(), "prompt"))
        self.what_changed = SlotNotes(
            self, "what_changed", min_lines=3, max_lines=14, name=changed.title.text()
        )
        changed_layout.addWidget(self.what_changed)
        layout.addWidget(changed_card)

        layout.addWidget(self.exercise_card())
        layout.addStretch(1)
        root.addWidget(scroll_column(content))
        self.refresh()

    @property
    def grid(self) -> RatingGrid:
        return self.panel.grid

    def refresh(self) -> None:
        self.step = self.workspace.step(self.step.id)
        self.baseline = self.workspace.rating_baseline(self.step.id)
        self.panel.baseline = self.baseline
        self.panel.refresh()
        self._show_baseline()
        self._refresh_reviews()
        self.what_changed.reload()

    def _show_baseline(self) -> None:
        if self.baseline is None:
            self.baseline_change.setText(
                _("This workshop has no earlier rating, so the radar shows today's scores only.")
            )
            return
        change = next(
            (
                n.text
                for n in self.workspace.notes(self.workshop_id, self.baseline.id)
                if n.slot == "change" and n.text.strip()
            ),
            "",
        )
        text = _("“Before” is the group's average from the earlier rating.")
        if change:
            text += " " + _("The change then: {change}").format(change=one_line(change, 300))
        self.baseline_change.setText(text)

    def _refresh_reviews(self) -> None:
        commitments = self.workspace.commitments(self.workshop_id)
        if [c.id for c in commitments] != [r.commitment_id for r in self.reviews]:
            for r in self.reviews:
                self.reviews_box.removeWidget(r)
                r.deleteLater()
            self.reviews = []
            for n, c in enumerate(commitments):
                review = CommitmentReview(self, c, ruled=n > 0)
                self.reviews_box.addWidget(review)
                self.reviews.append(review)
        else:
            for review, c in zip(self.reviews, commitments, strict=True):
                review.show_commitment(c)
        self.no_commitments.setVisible(not commitments)

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        if (
            changes.ratings
            or changes.notes
            or changes.participants
            or changes.steps
            or changes.commitments
        ):
            self.refresh()
