"""The "polarity_map" step: two result areas that pull against each other yet need each
other (målopfyldelse, ordentlighed, nytænkning, bæredygtighed), mapped as a polarity.

The facilitator chooses the pair, the group fills the four quadrants (the upside of
each pole and the downside of overdoing it), early warning signs and action steps for
each pole, and finally each participant marks where the group is now and where it
should be on a scale between the two areas.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.facilitation.ratings_commands import SetPolarityPair, SetRating
from leaderapp.core.i18n import _
from leaderapp.core.library import Exercise, PolarityMap
from leaderapp.core.model import Rating, Step
from leaderapp.gui import style
from leaderapp.gui.pages.page import Page, PageContext, column, scroll_column
from leaderapp.gui.pages.radar_chart import BEFORE, NOW, chart_colour, text_on
from leaderapp.gui.pages.rating_page import GridRow, SlotNotes, grid_people
from leaderapp.gui.widgets import button, card, guarded, label, ui_locale

# Colour names, looked up in the palette in use when painted (radar_chart.chart_colour).
NOW_COLOUR = BEFORE
TARGET_COLOUR = NOW
ROWS = (
    # row title, the prompt's source, the slot of each pole
    ("upside", ("left_upside", "right_upside")),
    ("downside", ("left_downside", "right_downside")),
    ("warning", ("warning:left", "warning:right")),
    ("action", ("action:left", "action:right")),
)


def _row_titles() -> dict[str, str]:
    return {
        "upside": _("The upside of each area"),
        "downside": _("The downside when it takes over"),
        "warning": _("Early warning signs"),
        "action": _("Action steps"),
    }


def _field_names() -> dict[str, str]:
    """What a screen reader calls each field of the map, with the area it is about."""
    return {
        "upside": _("The upside of {area}"),
        "downside": _("The downside of {area}"),
        "warning": _("Early warning signs for {area}"),
        "action": _("Action steps for {area}"),
    }


def _pickers_style() -> str:
    """The chosen marks in the colours of the line above them, in the current palette."""
    sheet = "QPushButton { padding: 4px 0; }"
    for track, name in (("now", NOW_COLOUR), ("target", TARGET_COLOUR)):
        colour = chart_colour(name)
        sheet += (
            f'QPushButton[track="{track}"]:checked {{ background: {colour};'
            f" color: {text_on(colour)}; border-color: {colour}; font-weight: 600; }}"
        )
    return sheet


class PlacementLine(QWidget):
    """Dots on a line between the two areas: everyone's "now" and "where we should be",
    with each average as a larger marker. Its sizes follow the text size (Ctrl++)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.positions = 7
        self.left = self.right = ""
        self.tracks: list[tuple[str, str, list[float]]] = []  # label, colour, scores
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _geometry(self) -> tuple[float, float, float, float]:
        """The area names' height, a counted dot's radius, a single dot's, a track's
        height: a dot above the line, the average's marker and text below it."""
        h = QFontMetricsF(self.font()).height()
        big, small = max(11.0, h * 0.62), max(7.0, h * 0.38)
        return h + 6, big, small, 2 * big + 6 + 16 + h + 14

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        top, _big, _small, track_h = self._geometry()
        return QSize(600, int(top + max(len(self.tracks), 2) * track_h) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(300, self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # taller or lower with the text

    def show_placements(
        self, positions: int, left: str, right: str, tracks: list[tuple[str, str, list[float]]]
    ) -> None:
        self.positions, self.left, self.right, self.tracks = positions, left, right, tracks
        self.updateGeometry()
        self.update()

    def _x(self, score: float, x0: float, x1: float) -> float:
        return x0 + (x1 - x0) * (score - 1) / max(self.positions - 1, 1)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetricsF(self.font())
        bold = QFont(self.font())
        bold.setBold(True)
        top, big, single, track_h = self._geometry()
        label_w = max((fm.horizontalAdvance(t) for t, _c, _s in self.tracks), default=0) + 16
        x0, x1 = label_w + 24, self.width() - 24
        # The area names above both ends of the scale.
        painter.setFont(bold)
        painter.setPen(QColor(style.INK))
        half = (x1 - x0) / 2
        painter.drawText(QRectF(x0 - 12, 0, half, top), Qt.AlignmentFlag.AlignLeft, self.left)
        painter.drawText(
            QRectF(x0 + half, 0, half + 12, top), Qt.AlignmentFlag.AlignRight, self.right
        )
        locale = ui_locale()
        ring = QColor(style.SURFACE)  # the card behind the line
        for n, (title, colour, scores) in enumerate(self.tracks):
            y = top + track_h * n + 2 * big + 6
            painter.setFont(self.font())
            painter.setPen(QColor(style.INK))
            painter.drawText(
                QRectF(0, y - fm.height() / 2, label_w, fm.height()),
                Qt.AlignmentFlag.AlignRight,
                title,
            )
            painter.setPen(QPen(QColor(style.BORDER), 2))
            painter.drawLine(QPointF(x0, y), QPointF(x1, y))
            for p in range(1, self.positions + 1):
                x = self._x(p, x0, x1)
                painter.drawLine(QPointF(x, y - 5), QPointF(x, y + 5))
            # One mark per position, with the number of people who chose it.
            counts: dict[float, int] = {}
            for score in scores:
                counts[score] = counts.get(score, 0) + 1
            colour_q = QColor(chart_colour(colour))
            small = QFont(self.font())
            small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.8))
            small.setBold(True)
            painter.setFont(small)
            for score, count in counts.items():
                r = big if count > 1 else single
                centre = QPointF(self._x(score, x0, x1), y - 4 - r)
                painter.setPen(QPen(ring, 1.5))
                painter.setBrush(colour_q)
                painter.drawEllipse(centre, r, r)
                if count > 1:
                    painter.setPen(QColor(text_on(colour_q.name())))
                    box = QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
                    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(count))
            painter.setFont(self.font())
            if scores:
                mean = sum(scores) / len(scores)
                x = self._x(mean, x0, x1)
                marker = QPolygonF(
                    [QPointF(x, y + 3), QPointF(x - 8, y + 16), QPointF(x + 8, y + 16)]
                )
                painter.setPen(QPen(colour_q.darker(130), 1))
                painter.setBrush(colour_q)
                painter.drawPolygon(marker)
                painter.setPen(QColor(style.INK))
                text = _("average {value}").format(value=locale.toString(float(mean), "f", 1))
                w = fm.horizontalAdvance(text) + 4
                tx = min(max(x - w / 2, x0 - 10), x1 - w + 10)
                painter.drawText(QRectF(tx, y + 17, w, fm.height()), text)


class PlacementPicker(QWidget):
    """One row of ``positions`` buttons; clicking the chosen one again takes it back."""

    def __init__(self, positions: int, on_pick, track: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        for p in range(1, positions + 1):
            b = QPushButton(str(p))
            b.setCheckable(True)
            b.setFixedWidth(38)
            b.setProperty("track", track)
            b.clicked.connect(lambda _c=False, p=p: on_pick(p))
            self.group.addButton(b, p)
            row.addWidget(b)
            self.buttons.append(b)

    def show_score(self, score: float | None) -> None:
        for p, b in enumerate(self.buttons, start=1):
            b.setChecked(score is not None and round(score) == p)


class PolarityPage(Page):
    kind = "polarity_map"

    def __init__(
        self, ctx: PageContext, step: Step, exercise: Exercise, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, step, exercise, parent)
        data = exercise.data
        assert isinstance(data, PolarityMap)
        self.data = data
        self._loading = False
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        content, layout = column((28, 18, 28, 22), spacing=16)

        # The pair
        pair_card, pair_layout = card(spacing=10)
        pair_layout.addWidget(label(_("The two result areas"), "heading", wrap=False))
        choose = QHBoxLayout()
        choose.setSpacing(10)
        self.left_box, self.right_box = QComboBox(), QComboBox()
        for box in (self.left_box, self.right_box):
            for area in data.areas:
                box.addItem(area.name.text(), area.key)
            box.setMinimumWidth(200)
            box.activated.connect(self._on_pair_chosen)
        self.swap_button = button(_("⇄ Swap sides"))
        self.swap_button.setToolTip(_("The notes and marks move with their area."))
        self.swap_button.clicked.connect(self._swap)
        choose.addWidget(label(_("Left"), "field", wrap=False))
        choose.addWidget(self.left_box)
        choose.addWidget(self.swap_button)
        choose.addWidget(label(_("Right"), "field", wrap=False))
        choose.addWidget(self.right_box)
        choose.addStretch(1)
        pair_layout.addLayout(choose)
        descriptions = QHBoxLayout()
        descriptions.setSpacing(24)
        self.left_description = label("", "muted")
        self.right_description = label("", "muted")
        descriptions.addWidget(self.left_description, 1)
        descriptions.addWidget(self.right_description, 1)
        pair_layout.addLayout(descriptions)
        layout.addWidget(pair_card)

        # The map
        map_card, map_layout = card(spacing=10)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.pole_titles = (label("", "heading"), label("", "heading"))
        grid.addWidget(self.pole_titles[0], 0, 0)
        grid.addWidget(self.pole_titles[1], 0, 1)
        self.prompts: dict[str, object] = {}
        self.fields: dict[str, SlotNotes] = {}
        titles = _row_titles()
        r = 1
        for row_key, slots in ROWS:
            title = label(titles[row_key], "field")
            title.setContentsMargins(0, 10, 0, 0)  # air between the rows of the map
            grid.addWidget(title, r, 0, 1, 2)
            r += 1
            for col, slot in enumerate(slots):
                cell = QVBoxLayout()
                cell.setSpacing(4)
                prompt = label("", "muted")
                self.prompts[slot] = prompt
                cell.addWidget(prompt)
                field = SlotNotes(self, slot, min_lines=2, max_lines=8)
                self.fields[slot] = field
                cell.addWidget(field)
                cell.addStretch(1)
                grid.addLayout(cell, r, col)
            r += 1
        map_layout.addLayout(grid)
        layout.addWidget(map_card)

        # The placement
        place_card, place_layout = card(spacing=10)
        place_layout.addWidget(label(_("Where are we, and where should we be?"), "heading"))
        place_layout.addWidget(label(data.placement.prompt.text(), "prompt"))
        self.line = PlacementLine()
        place_layout.addWidget(self.line)
        self.pickers_box = QWidget()
        self.pickers_box.setStyleSheet(_pickers_style())
        self.pickers = QGridLayout(self.pickers_box)
        self.pickers.setContentsMargins(0, 0, 0, 0)
        self.pickers.setHorizontalSpacing(18)
        self.pickers.setVerticalSpacing(6)
        place_layout.addWidget(self.pickers_box)
        self.scale_hint = label("", "small")
        place_layout.addWidget(self.scale_hint)
        layout.addWidget(place_card)

        layout.addWidget(self.exercise_card())
        layout.addStretch(1)
        root.addWidget(scroll_column(content))
        self.people: list[GridRow] = []
        self.now_pickers: dict[str | None, PlacementPicker] = {}
        self.target_pickers: dict[str | None, PlacementPicker] = {}
        self.refresh()

    # ------------------------------------------------------------- state
    def pair(self) -> tuple[str, str]:
        return self.workspace.polarity_pair(self.step.id)

    def refresh(self) -> None:
        self.step = self.workspace.step(self.step.id)
        left, right = self.pair()
        left_area, right_area = self.data.area(left), self.data.area(right)
        names = {left: left_area.name.text(), right: right_area.name.text()}
        self._loading = True
        try:
            self.left_box.setCurrentIndex(self.left_box.findData(left))
            self.right_box.setCurrentIndex(self.right_box.findData(right))
        finally:
            self._loading = False
        self.left_description.setText(f"{names[left]}: {left_area.description.text()}")
        self.right_description.setText(f"{names[right]}: {right_area.description.text()}")
        self.pole_titles[0].setText(names[left])
        self.pole_titles[1].setText(names[right])
        field_names = _field_names()
        texts = {
            "upside": self.data.quadrants,
            "downside": self.data.quadrants,
        }
        for row_key, slots in ROWS:
            for slot, (area, other) in zip(slots, ((left, right), (right, left)), strict=True):
                if row_key in texts:
                    source = texts[row_key][slot]
                elif row_key == "warning":
                    source = self.data.warning_signs
                else:
                    source = self.data.action_steps
                fmt = {"area": names[area].lower(), "other": names[other].lower()}
                self.prompts[slot].setText(source.format(**fmt))
                self.fields[slot].set_name(field_names[row_key].format(area=fmt["area"]))
        for field in self.fields.values():
            field.reload()
        self.scale_hint.setText(
            _(
                "1 is fully {left}, {n} fully {right}. Click a chosen number again to take "
                "the mark away."
            ).format(
                left=names[left].lower(),
                right=names[right].lower(),
                n=self.data.placement.positions,
            )
        )
        self._refresh_placements(names[left], names[right])

    def _refresh_placements(self, left_name: str, right_name: str) -> None:
        ratings = self.workspace.ratings(self.step.id)
        people = grid_people(self, self.step, ratings)
        if people != self.people:
            self._build_pickers(people)
        scores: dict[tuple[str | None, str], float] = {
            (r.participant_id, r.item): r.score for r in ratings
        }
        for person in people:
            self.now_pickers[person.participant_id].show_score(
                scores.get((person.participant_id, "now"))
            )
            self.target_pickers[person.participant_id].show_score(
                scores.get((person.participant_id, "target"))
            )
        placement = self.data.placement
        self.line.show_placements(
            placement.positions,
            left_name,
            right_name,
            [
                (placement.now_label.text(), NOW_COLOUR, _scores(ratings, "now")),
                (placement.target_label.text(), TARGET_COLOUR, _scores(ratings, "target")),
            ],
        )

    def _build_pickers(self, people: list[GridRow]) -> None:
        while self.pickers.count():
            item = self.pickers.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        placement = self.data.placement
        self.pickers.addWidget(label(placement.now_label.text(), "field", wrap=False), 0, 1)
        self.pickers.addWidget(label(placement.target_label.text(), "field", wrap=False), 0, 2)
        self.now_pickers, self.target_pickers = {}, {}
        for row, person in enumerate(people, start=1):
            self.pickers.addWidget(label(person.name, None, wrap=False), row, 0)
            pid = person.participant_id
            now = PlacementPicker(
                placement.positions, lambda p, pid=pid: self._pick(pid, "now", p), "now"
            )
            target = PlacementPicker(
                placement.positions, lambda p, pid=pid: self._pick(pid, "target", p), "target"
            )
            self.pickers.addWidget(now, row, 1)
            self.pickers.addWidget(target, row, 2)
            self.now_pickers[pid], self.target_pickers[pid] = now, target
        self.pickers.setColumnStretch(3, 1)
        self.people = people

    # ------------------------------------------------------------- actions
    @guarded
    def _pick(self, participant_id: str | None, item: str, position: int) -> None:
        current = next(
            (
                r.score
                for r in self.workspace.ratings(self.step.id)
                if r.participant_id == participant_id and r.item == item
            ),
            None,
        )
        score = None if current is not None and round(current) == position else position
        self.push(SetRating(self.step.id, item, score, participant_id))
        self.refresh()
        self.ctx.reporter.saved()

    @guarded
    def _on_pair_chosen(self, _index: int = 0) -> None:
        if self._loading:
            return
        left, right = self.left_box.currentData(), self.right_box.currentData()
        old_left, old_right = self.pair()
        if left == right:
            # Choosing the other side's area for this side: the two trade places.
            left, right = (left, old_left) if left != old_left else (old_right, right)
        if (left, right) == (old_left, old_right):
            self.refresh()
            return
        self.autosaver.flush()
        self.push(SetPolarityPair(self.step.id, left, right))
        self.refresh()
        self.ctx.reporter.saved()

    @guarded
    def _swap(self) -> None:
        left, right = self.pair()
        self.autosaver.flush()
        self.push(SetPolarityPair(self.step.id, right, left))
        self.refresh()
        self.ctx.reporter.saved()

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        if changes.ratings or changes.notes or changes.participants or changes.steps:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            # Another colour scheme: the chosen marks follow it (the line repaints itself).
            sheet = _pickers_style()
            if self.pickers_box.styleSheet() != sheet:
                self.pickers_box.setStyleSheet(sheet)


def _scores(ratings: list[Rating], item: str) -> list[float]:
    return [r.score for r in ratings if r.item == item]
