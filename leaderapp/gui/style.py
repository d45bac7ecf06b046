"""The calm, projector-friendly look: a palette and a stylesheet scaled from a base size.

The stylesheet is generated from a point size so "Larger text" (Ctrl++) can rescale
everything at once when the room is big or the projector small.

Three palettes: light (the default), dark (when the system is in dark mode, or chosen in
Settings) and high contrast (chosen in Settings, or asked for by the system through
``QStyleHints.accessibility().contrastPreference()``, Qt 6.10+), each in a light and a
dark form. Every text colour reaches at least 4.5:1 against the backgrounds it is drawn
on (WCAG AA; tests/gui/test_settings.py measures them). The colours are module globals
(``style.INK``…) that ``apply_style`` replaces, so painters that read them at paint time
(the sidebar's delegate) follow the scheme.
"""

from __future__ import annotations

import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QStandardPaths, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication

DEFAULT_POINT_SIZE = 13.0
MIN_POINT_SIZE = 9.0
MAX_POINT_SIZE = 24.0

SCHEME_SYSTEM = "system"
SCHEME_LIGHT = "light"
SCHEME_DARK = "dark"
SCHEMES = (SCHEME_SYSTEM, SCHEME_LIGHT, SCHEME_DARK)


@dataclass(frozen=True)
class Palette:
    name: str
    INK: str  # body text
    MUTED: str  # secondary text, also on SURFACE and SIDEBAR
    BACKGROUND: str
    SURFACE: str  # cards, fields, lists
    BORDER: str
    SIDEBAR: str  # sidebar, menu bar, status bar
    ACCENT: str  # primary buttons, selected sidebar row (white text on it)
    ACCENT_DARK: str  # primary button hover (white text on it)
    ACCENT_TEXT: str  # titles and link-like buttons: accent used as a text colour
    ACCENT_SOFT: str  # selection in lists and menus (INK on it)
    ON_ACCENT: str  # text on ACCENT
    HINT: str
    ERROR: str
    DISABLED: str  # disabled button text
    DISABLED_ACCENT: str
    ALTERNATE: str  # alternate list rows
    GRID: str
    HOVER: str  # sidebar row under the mouse
    SCROLL: str
    SCROLL_HOVER: str
    FOCUS_WIDTH: int  # px of the focus border of fields


LIGHT = Palette(
    name="light",
    INK="#1f2b2e",
    MUTED="#4f5d61",
    BACKGROUND="#f5f3ee",
    SURFACE="#ffffff",
    BORDER="#c9c3b4",
    SIDEBAR="#e9e5da",
    ACCENT="#2c6b70",
    ACCENT_DARK="#1f5357",
    ACCENT_TEXT="#1f5357",
    ACCENT_SOFT="#dcebea",
    ON_ACCENT="#ffffff",
    HINT="#7a4900",
    ERROR="#a4262c",
    DISABLED="#8a9194",
    DISABLED_ACCENT="#9fb8ba",
    ALTERNATE="#faf9f5",
    GRID="#ebe7dd",
    HOVER="#dfdacd",
    SCROLL="#c8c2b4",
    SCROLL_HOVER="#a9a293",
    FOCUS_WIDTH=2,
)

DARK = Palette(
    name="dark",
    INK="#e6ebea",
    MUTED="#aab7b9",
    BACKGROUND="#171d1f",
    SURFACE="#212a2d",
    BORDER="#3f4d51",
    SIDEBAR="#1d2528",
    ACCENT="#2c6b70",
    ACCENT_DARK="#245a5e",
    ACCENT_TEXT="#8fd3d7",
    ACCENT_SOFT="#2c4548",
    ON_ACCENT="#ffffff",
    HINT="#e8b45c",
    ERROR="#ff9a9a",
    DISABLED="#7d8a8d",
    DISABLED_ACCENT="#3b5456",
    ALTERNATE="#252f32",
    GRID="#34403f",
    HOVER="#2a3437",
    SCROLL="#4a585c",
    SCROLL_HOVER="#62727a",
    FOCUS_WIDTH=2,
)

HIGH_CONTRAST = Palette(
    name="high_contrast",
    INK="#000000",
    MUTED="#1a1a1a",
    BACKGROUND="#ffffff",
    SURFACE="#ffffff",
    BORDER="#000000",
    SIDEBAR="#ffffff",
    ACCENT="#003a8c",
    ACCENT_DARK="#002664",
    ACCENT_TEXT="#002664",
    ACCENT_SOFT="#ffe45c",
    ON_ACCENT="#ffffff",
    HINT="#4d2e00",
    ERROR="#8b0000",
    DISABLED="#575757",
    DISABLED_ACCENT="#5d6b80",
    ALTERNATE="#f2f2f2",
    GRID="#000000",
    HOVER="#d9e4ff",
    SCROLL="#595959",
    SCROLL_HOVER="#000000",
    FOCUS_WIDTH=3,
)

HIGH_CONTRAST_DARK = Palette(
    name="high_contrast_dark",
    INK="#ffffff",
    MUTED="#f0f0f0",
    BACKGROUND="#000000",
    SURFACE="#000000",
    BORDER="#ffffff",
    SIDEBAR="#000000",
    ACCENT="#0047b3",
    ACCENT_DARK="#003080",
    ACCENT_TEXT="#ffe45c",
    ACCENT_SOFT="#4d3f00",
    ON_ACCENT="#ffffff",
    HINT="#ffd27a",
    ERROR="#ffb3b3",
    DISABLED="#b0b0b0",
    DISABLED_ACCENT="#3a4a66",
    ALTERNATE="#141414",
    GRID="#ffffff",
    HOVER="#1f2d4d",
    SCROLL="#a6a6a6",
    SCROLL_HOVER="#ffffff",
    FOCUS_WIDTH=3,
)

_current_size = DEFAULT_POINT_SIZE
_scheme = SCHEME_SYSTEM
_high_contrast: bool | None = None  # None: as the system asks
_palette = LIGHT
_following = False  # follow_system_changes() connected

# The colours of the palette in use, as module globals (see the module docstring).
INK = LIGHT.INK
MUTED = LIGHT.MUTED
BACKGROUND = LIGHT.BACKGROUND
SURFACE = LIGHT.SURFACE
BORDER = LIGHT.BORDER
SIDEBAR = LIGHT.SIDEBAR
ACCENT = LIGHT.ACCENT
ACCENT_DARK = LIGHT.ACCENT_DARK
ACCENT_TEXT = LIGHT.ACCENT_TEXT
ACCENT_SOFT = LIGHT.ACCENT_SOFT
ON_ACCENT = LIGHT.ON_ACCENT
HINT = LIGHT.HINT
ERROR = LIGHT.ERROR


def current_point_size() -> float:
    return _current_size


def current_palette() -> Palette:
    return _palette


def system_prefers_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def system_prefers_high_contrast() -> bool:
    app = QGuiApplication.instance()
    hints = QGuiApplication.styleHints() if app is not None else None
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+
    if accessibility is None:
        return False
    return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def choose_palette(scheme: str, high_contrast: bool | None) -> Palette:
    """The palette for a colour scheme setting and a contrast setting (None: the system's)."""
    dark = scheme == SCHEME_DARK or (scheme != SCHEME_LIGHT and system_prefers_dark())
    contrast = system_prefers_high_contrast() if high_contrast is None else high_contrast
    if contrast:
        return HIGH_CONTRAST_DARK if dark else HIGH_CONTRAST
    return DARK if dark else LIGHT


_glyph_folder: Path | None = None


def _icon_folder() -> Path:
    """The user's cache folder for the drawn glyphs (a private temporary one if that
    cannot be written)."""
    global _glyph_folder
    if _glyph_folder is None:
        cache = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.GenericCacheLocation
        )
        folder = Path(cache) / "vaerdidialog" / "style" if cache else None
        try:
            assert folder is not None
            folder.mkdir(parents=True, exist_ok=True)
        except (AssertionError, OSError):
            folder = Path(tempfile.mkdtemp(prefix="vaerdidialog-style-"))
        _glyph_folder = folder
    return _glyph_folder


def _glyph(name: str, colour: str) -> str:
    """A small PNG (arrow or check mark) in ``colour`` for the style sheet: Qt's own
    arrows are black, invisible on a dark field. Drawn once per colour, cached on disk."""
    path = _icon_folder() / f"{name}-{colour.lstrip('#')}.png"
    if not path.exists():
        image = QImage(32, 32, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(colour), 4.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        points = {
            "down": [(7, 11), (16, 21), (25, 11)],
            "up": [(7, 21), (16, 11), (25, 21)],
            "check": [(6, 17), (13, 24), (26, 9)],
        }[name]
        painter.drawPolyline([QPointF(x, y) for x, y in points])
        painter.end()
        image.save(str(path), "PNG")
    return path.as_posix()


def stylesheet(size: float, p: Palette | None = None) -> str:
    p = p or _palette

    def pt(factor: float) -> str:
        return f"{size * factor:.1f}pt"

    focus = p.FOCUS_WIDTH
    box = round(size * 1.35)  # check box side in px, grows with the text
    down, up, check = _glyph("down", p.INK), _glyph("up", p.INK), _glyph("check", p.ON_ACCENT)
    return f"""
QWidget {{ font-size: {pt(1)}; color: {p.INK}; }}
QMainWindow, QDialog, QWidget#page, QScrollArea#pageScroll > QWidget > QWidget {{
    background: {p.BACKGROUND};
}}
QStatusBar {{ background: {p.SIDEBAR}; font-size: {pt(0.85)}; }}
QStatusBar QLabel {{ font-size: {pt(0.85)}; color: {p.MUTED}; padding: 3px 14px; }}
QStatusBar::item {{ border: none; }}
QMenuBar {{ background: {p.SIDEBAR}; color: {p.INK}; }}
QMenuBar::item {{ padding: 4px 10px; background: transparent; }}
QMenuBar::item:selected {{ background: {p.ACCENT_SOFT}; color: {p.INK}; }}
QMenu {{ background: {p.SURFACE}; color: {p.INK}; border: 1px solid {p.BORDER}; }}
QMenu::item {{ padding: 5px 24px 5px 20px; }}
QMenu::item:selected {{ background: {p.ACCENT_SOFT}; color: {p.INK}; }}
QMenu::item:disabled {{ color: {p.DISABLED}; }}
QMenu::separator {{ height: 1px; background: {p.BORDER}; margin: 4px 8px; }}
QToolTip {{
    background: {p.SURFACE}; color: {p.INK}; border: 1px solid {p.BORDER}; padding: 4px;
}}
QScrollArea {{ border: none; background: transparent; }}
QWidget#startActions {{ background: transparent; }}
QFrame[role="card"] {{
    background: {p.SURFACE}; border: 1px solid {p.BORDER}; border-radius: 10px;
}}
QFrame[role="card"] QLabel {{ background: transparent; }}
QFrame[role="header"] {{ background: {p.SURFACE}; border-bottom: 1px solid {p.BORDER}; }}
QLabel[role="apptitle"] {{ font-size: {pt(2.2)}; font-weight: 600; color: {p.ACCENT_TEXT}; }}
QLabel[role="title"] {{ font-size: {pt(1.7)}; font-weight: 600; color: {p.ACCENT_TEXT}; }}
QLabel[role="heading"] {{ font-size: {pt(1.25)}; font-weight: 600; color: {p.INK}; }}
QLabel[role="lead"] {{ font-size: {pt(1.1)}; color: {p.INK}; }}
QLabel[role="field"] {{ font-weight: 600; color: {p.INK}; }}
QLabel[role="muted"] {{ color: {p.MUTED}; }}
QLabel[role="small"] {{ color: {p.MUTED}; font-size: {pt(0.85)}; }}
QLabel[role="hint"] {{ color: {p.HINT}; font-size: {pt(0.9)}; }}
QLabel[role="ok"] {{ color: {p.MUTED}; font-size: {pt(0.9)}; }}
QLabel[role="error"] {{ color: {p.ERROR}; font-weight: 600; }}
QLabel[role="prompt"] {{ font-size: {pt(1.05)}; color: {p.INK}; padding: 2px 0; }}
QLabel[role="empty"] {{
    font-size: {pt(1.15)}; color: {p.MUTED}; padding: 40px;
    background: {p.SURFACE}; border: 1px solid {p.BORDER}; border-radius: 10px;
}}
QPushButton, QToolButton {{
    padding: 7px 16px; border: 1px solid {p.BORDER}; border-radius: 7px;
    background: {p.SURFACE}; color: {p.INK}; min-height: 1.4em;
}}
QPushButton:hover, QToolButton:hover {{ background: {p.ACCENT_SOFT}; }}
QPushButton:pressed, QToolButton:pressed {{ background: {p.SIDEBAR}; }}
QPushButton:focus, QToolButton:focus {{ border: {focus}px solid {p.ACCENT_TEXT}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {p.DISABLED}; background: {p.BACKGROUND}; }}
QPushButton[role="primary"] {{
    background: {p.ACCENT}; color: {p.ON_ACCENT}; border-color: {p.ACCENT}; font-weight: 600;
}}
QPushButton[role="primary"]:hover {{ background: {p.ACCENT_DARK}; }}
QPushButton[role="primary"]:focus {{ border: {focus}px solid {p.INK}; }}
QPushButton[role="primary"]:disabled {{
    background: {p.DISABLED_ACCENT}; border-color: {p.DISABLED_ACCENT}; color: {p.ON_ACCENT};
}}
QPushButton[role="flat"] {{ border: none; background: transparent; color: {p.ACCENT_TEXT}; }}
QPushButton[role="flat"]:hover {{ text-decoration: underline; background: transparent; }}
QPushButton[role="flat"]:focus {{ text-decoration: underline; border: none; }}
QCheckBox, QRadioButton {{ color: {p.INK}; spacing: 8px; }}
QCheckBox::indicator {{
    width: {box}px; height: {box}px; border: {max(1, focus - 1)}px solid {p.MUTED};
    border-radius: 4px; background: {p.SURFACE};
}}
QCheckBox::indicator:focus {{ border: {focus}px solid {p.ACCENT_TEXT}; }}
QCheckBox::indicator:checked {{
    background: {p.ACCENT}; border-color: {p.ACCENT}; image: url({check});
}}
QCheckBox::indicator:disabled {{ background: {p.BACKGROUND}; border-color: {p.DISABLED}; }}
QRadioButton::indicator {{
    width: {box}px; height: {box}px; border: {max(1, focus - 1)}px solid {p.MUTED};
    border-radius: {box // 2}px; background: {p.SURFACE};
}}
QRadioButton::indicator:focus {{ border: {focus}px solid {p.ACCENT_TEXT}; }}
QRadioButton::indicator:checked {{
    background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
        stop: 0 {p.ACCENT}, stop: 0.45 {p.ACCENT}, stop: 0.55 {p.SURFACE}, stop: 1 {p.SURFACE});
    border-color: {p.ACCENT};
}}
QRadioButton::indicator:disabled {{ background: {p.BACKGROUND}; border-color: {p.DISABLED}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QDateEdit, QComboBox, QSpinBox, QDoubleSpinBox {{
    background: {p.SURFACE}; color: {p.INK}; border: 1px solid {p.BORDER}; border-radius: 6px;
    padding: 5px 7px;
    selection-background-color: {p.ACCENT}; selection-color: {p.ON_ACCENT};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QDateEdit:focus, QComboBox:focus,
QSpinBox:focus, QDoubleSpinBox:focus {{
    border: {focus}px solid {p.ACCENT_TEXT}; padding: {6 - focus}px {8 - focus}px;
}}
QComboBox::drop-down, QDateEdit::drop-down {{ border: none; width: 26px; }}
QComboBox::down-arrow, QDateEdit::down-arrow, QSpinBox::down-arrow {{
    image: url({down}); width: 12px; height: 12px;
}}
QSpinBox::up-arrow {{ image: url({up}); width: 12px; height: 12px; }}
QSpinBox::up-button, QSpinBox::down-button {{
    subcontrol-origin: border; width: 26px; border: none; background: transparent;
}}
QSpinBox::up-button {{ subcontrol-position: top right; }}
QSpinBox::down-button {{ subcontrol-position: bottom right; }}
QSpinBox {{ padding-right: 28px; }}
QScrollBar:vertical {{ background: transparent; width: 12px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 2px; }}
QScrollBar::handle {{
    background: {p.SCROLL}; border-radius: 4px; min-height: 32px; min-width: 32px;
}}
QScrollBar::handle:hover {{ background: {p.SCROLL_HOVER}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QPlainTextEdit[role="editor"] {{ font-size: {pt(1.15)}; }}
QComboBox QAbstractItemView {{
    background: {p.SURFACE}; color: {p.INK};
    selection-background-color: {p.ACCENT_SOFT}; selection-color: {p.INK};
}}
QListWidget, QListView, QTreeWidget, QTreeView, QTableView, QTableWidget {{
    background: {p.SURFACE}; color: {p.INK}; border: 1px solid {p.BORDER}; border-radius: 8px;
    alternate-background-color: {p.ALTERNATE}; outline: none;
}}
QListWidget:focus, QTreeWidget:focus, QTableView:focus {{
    border: {focus}px solid {p.ACCENT_TEXT};
}}
QListWidget::item, QTreeWidget::item {{ padding: 8px 6px; }}
QListWidget::item:selected, QTreeWidget::item:selected, QTableView::item:selected {{
    background: {p.ACCENT_SOFT}; color: {p.INK};
}}
QTableView {{ gridline-color: {p.GRID}; }}
QTableView::item {{ padding: 6px 8px; }}
QHeaderView::section {{
    background: {p.BACKGROUND}; border: none; border-bottom: 1px solid {p.BORDER};
    padding: 6px 8px; font-weight: 600; color: {p.MUTED};
}}
QTableCornerButton::section {{ background: {p.BACKGROUND}; border: none; }}
QListWidget#sidebar {{
    background: {p.SIDEBAR}; border: none; border-radius: 0; border-right: 1px solid {p.BORDER};
}}
QListWidget#sidebar::item {{ padding: 0; border: none; }}
QListWidget#sidebar::item:selected {{ background: {p.ACCENT}; color: {p.ON_ACCENT}; }}
QListWidget#sidebar::item:hover:!selected {{ background: {p.HOVER}; }}
QProgressBar {{
    border: 1px solid {p.BORDER}; border-radius: 6px; background: {p.SURFACE};
    text-align: center; min-height: 1.3em;
}}
QProgressBar::chunk {{ background: {p.ACCENT}; border-radius: 5px; }}
QSplitter::handle {{ background: transparent; }}
QGroupBox {{ color: {p.INK}; font-weight: 600; }}
"""


def qpalette(p: Palette) -> QPalette:
    """Qt's own palette to match: Fusion paints what the stylesheet does not name
    (message boxes, file dialogs, check box indicators) from it."""
    pal = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, p.BACKGROUND),
        (role.WindowText, p.INK),
        (role.Base, p.SURFACE),
        (role.AlternateBase, p.ALTERNATE),
        (role.Text, p.INK),
        (role.Button, p.SURFACE),
        (role.ButtonText, p.INK),
        (role.ToolTipBase, p.SURFACE),
        (role.ToolTipText, p.INK),
        (role.PlaceholderText, p.MUTED),
        (role.Highlight, p.ACCENT),
        (role.HighlightedText, p.ON_ACCENT),
        (role.Link, p.ACCENT_TEXT),
        (role.Mid, p.BORDER),
        (role.Dark, p.BORDER),
        (role.Light, p.SURFACE),
        (role.Midlight, p.SIDEBAR),
        (role.Shadow, p.BORDER),
        (role.BrightText, p.ERROR),
    ):
        pal.setColor(r, QColor(colour))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, QColor(p.DISABLED))
    return pal


def _use(p: Palette) -> None:
    global _palette
    _palette = p
    names = {k: v for k, v in asdict(p).items() if k.isupper() and k in globals()}
    globals().update(names)


def apply_style(
    app: QApplication,
    size: float | None = None,
    *,
    scheme: str | None = None,
    high_contrast: bool | None | str = "keep",
) -> float:
    """Style the whole application at ``size`` points in the palette for ``scheme``
    ("system", "light", "dark") and ``high_contrast`` (True, False, None = as the
    system asks); arguments left out keep their last value. Returns the size used."""
    global _current_size, _scheme, _high_contrast
    size = _current_size if size is None else max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
    _current_size = size
    if scheme is not None:
        _scheme = scheme if scheme in SCHEMES else SCHEME_SYSTEM
    if high_contrast != "keep":
        _high_contrast = high_contrast  # type: ignore[assignment]
    if app.style().name().lower() != "fusion":
        # Fusion looks the same on every platform, so screenshots and manuals hold.
        app.setStyle("Fusion")
    palette = choose_palette(_scheme, _high_contrast)
    changed = palette is not _palette
    _use(palette)
    if changed or app.property("leaderapp_palette") != palette.name:
        app.setPalette(qpalette(palette))
        app.setProperty("leaderapp_palette", palette.name)
    font = app.font()
    font.setPointSizeF(size)
    app.setFont(font)
    app.setStyleSheet(stylesheet(size, palette))
    return size


def follow_system_changes(app: QApplication) -> None:
    """Restyle when the system switches between light and dark (or contrast) while the
    app runs, as long as the settings say to follow the system."""
    global _following
    if _following:
        return  # once per process, however often the application is set up
    _following = True
    hints = QGuiApplication.styleHints()

    def restyle(*_args) -> None:
        apply_style(app)

    hints.colorSchemeChanged.connect(restyle)
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None and hasattr(accessibility(), "contrastPreferenceChanged"):
        accessibility().contrastPreferenceChanged.connect(restyle)


def relative_luminance(colour: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


# (text, background) pairs of every palette that carry text; used by the tests.
TEXT_PAIRS = (
    ("INK", "BACKGROUND"),
    ("INK", "SURFACE"),
    ("INK", "SIDEBAR"),
    ("INK", "ACCENT_SOFT"),
    ("INK", "ALTERNATE"),
    ("MUTED", "BACKGROUND"),
    ("MUTED", "SURFACE"),
    ("MUTED", "SIDEBAR"),
    ("ACCENT_TEXT", "BACKGROUND"),
    ("ACCENT_TEXT", "SURFACE"),
    ("ON_ACCENT", "ACCENT"),
    ("ON_ACCENT", "ACCENT_DARK"),
    ("HINT", "BACKGROUND"),
    ("HINT", "SURFACE"),
    ("ERROR", "BACKGROUND"),
    ("ERROR", "SURFACE"),
    ("ERROR", "SIDEBAR"),
)
PALETTES = (LIGHT, DARK, HIGH_CONTRAST, HIGH_CONTRAST_DARK)
