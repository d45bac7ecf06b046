"""The calm, projector-friendly look: one palette and a stylesheet scaled from a base size.

The stylesheet is generated from a point size so "Larger text" (Ctrl++) can rescale
everything at once when the room is big or the projector small.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

DEFAULT_POINT_SIZE = 13.0
MIN_POINT_SIZE = 9.0
MAX_POINT_SIZE = 24.0

INK = "#1f2b2e"
MUTED = "#5b6a6e"
BACKGROUND = "#f5f3ee"
SURFACE = "#ffffff"
BORDER = "#d9d4c7"
SIDEBAR = "#e9e5da"
ACCENT = "#2c6b70"
ACCENT_DARK = "#1f5357"
ACCENT_SOFT = "#dcebea"
HINT = "#8a5300"
ERROR = "#a4262c"

_current_size = DEFAULT_POINT_SIZE


def current_point_size() -> float:
    return _current_size


def stylesheet(size: float) -> str:
    def pt(factor: float) -> str:
        return f"{size * factor:.1f}pt"

    return f"""
QWidget {{ font-size: {pt(1)}; color: {INK}; }}
QMainWindow, QDialog, QWidget#page, QScrollArea#pageScroll > QWidget > QWidget {{
    background: {BACKGROUND};
}}
QStatusBar {{ background: {SIDEBAR}; font-size: {pt(0.85)}; }}
QStatusBar QLabel {{ font-size: {pt(0.85)}; color: {MUTED}; padding: 3px 14px; }}
QStatusBar::item {{ border: none; }}
QMenuBar {{ background: {SIDEBAR}; }}
QMenuBar::item {{ padding: 4px 10px; }}
QMenu::item {{ padding: 5px 24px 5px 20px; }}
QMenu::item:selected {{ background: {ACCENT_SOFT}; color: {INK}; }}
QScrollArea {{ border: none; background: transparent; }}
QFrame[role="card"] {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px;
}}
QFrame[role="card"] QLabel {{ background: transparent; }}
QFrame[role="header"] {{ background: {SURFACE}; border-bottom: 1px solid {BORDER}; }}
QLabel[role="apptitle"] {{ font-size: {pt(2.2)}; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel[role="title"] {{ font-size: {pt(1.7)}; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel[role="heading"] {{ font-size: {pt(1.25)}; font-weight: 600; color: {INK}; }}
QLabel[role="lead"] {{ font-size: {pt(1.1)}; color: {INK}; }}
QLabel[role="field"] {{ font-weight: 600; color: {INK}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="small"] {{ color: {MUTED}; font-size: {pt(0.85)}; }}
QLabel[role="hint"] {{ color: {HINT}; font-size: {pt(0.9)}; }}
QLabel[role="ok"] {{ color: {MUTED}; font-size: {pt(0.9)}; }}
QLabel[role="error"] {{ color: {ERROR}; font-weight: 600; }}
QLabel[role="prompt"] {{ font-size: {pt(1.05)}; color: {INK}; padding: 2px 0; }}
QLabel[role="empty"] {{
    font-size: {pt(1.15)}; color: {MUTED}; padding: 40px;
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px;
}}
QPushButton {{
    padding: 7px 16px; border: 1px solid {BORDER}; border-radius: 7px;
    background: {SURFACE}; min-height: 1.4em;
}}
QPushButton:hover {{ background: {ACCENT_SOFT}; }}
QPushButton:pressed {{ background: {SIDEBAR}; }}
QPushButton:disabled {{ color: #a8aeb0; background: {BACKGROUND}; }}
QPushButton[role="primary"] {{
    background: {ACCENT}; color: white; border-color: {ACCENT}; font-weight: 600;
}}
QPushButton[role="primary"]:hover {{ background: {ACCENT_DARK}; }}
QPushButton[role="primary"]:disabled {{ background: #9fb8ba; border-color: #9fb8ba; }}
QPushButton[role="flat"] {{ border: none; background: transparent; color: {ACCENT_DARK}; }}
QPushButton[role="flat"]:hover {{ text-decoration: underline; background: transparent; }}
QLineEdit, QPlainTextEdit, QDateEdit, QComboBox {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; padding: 5px 7px;
    selection-background-color: {ACCENT}; selection-color: white;
}}
QLineEdit:focus, QPlainTextEdit:focus, QDateEdit:focus, QComboBox:focus {{
    border: 2px solid {ACCENT}; padding: 4px 6px;
}}
QComboBox::drop-down, QDateEdit::drop-down {{ border: none; width: 26px; }}
QComboBox::down-arrow, QDateEdit::down-arrow {{
    image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png);
    width: 12px; height: 12px;
}}
QScrollBar:vertical {{ background: transparent; width: 12px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 2px; }}
QScrollBar::handle {{ background: #c8c2b4; border-radius: 4px; min-height: 32px; min-width: 32px; }}
QScrollBar::handle:hover {{ background: #a9a293; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QPlainTextEdit[role="editor"] {{ font-size: {pt(1.15)}; }}
QComboBox QAbstractItemView {{
    background: {SURFACE}; selection-background-color: {ACCENT_SOFT}; selection-color: {INK};
}}
QListWidget, QTreeWidget, QTableView {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px;
    alternate-background-color: #faf9f5; outline: none;
}}
QListWidget::item, QTreeWidget::item {{ padding: 8px 6px; }}
QListWidget::item:selected, QTreeWidget::item:selected, QTableView::item:selected {{
    background: {ACCENT_SOFT}; color: {INK};
}}
QTableView {{ gridline-color: #ebe7dd; }}
QTableView::item {{ padding: 6px 8px; }}
QHeaderView::section {{
    background: {BACKGROUND}; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 8px; font-weight: 600; color: {MUTED};
}}
QListWidget#sidebar {{
    background: {SIDEBAR}; border: none; border-radius: 0; border-right: 1px solid {BORDER};
}}
QListWidget#sidebar::item {{ padding: 0; border: none; }}
QListWidget#sidebar::item:selected {{ background: {ACCENT}; color: white; }}
QListWidget#sidebar::item:hover:!selected {{ background: #dfdacd; }}
QProgressBar {{
    border: 1px solid {BORDER}; border-radius: 6px; background: {SURFACE};
    text-align: center; min-height: 1.3em;
}}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 5px; }}
QSplitter::handle {{ background: transparent; }}
"""


def apply_style(app: QApplication, size: float | None = None) -> float:
    """Style the whole application at ``size`` points; returns the size used."""
    global _current_size
    size = _current_size if size is None else max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
    _current_size = size
    if app.style().name().lower() != "fusion":
        # Fusion looks the same on every platform, so screenshots and manuals hold.
        app.setStyle("Fusion")
    font = app.font()
    font.setPointSizeF(size)
    app.setFont(font)
    app.setStyleSheet(stylesheet(size))
    return size
