"""Help → About: the version, where the data is, that nothing leaves the machine, and the
licences of the app, its bundled fonts and the libraries a standalone build carries."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from leaderapp import APP_NAME, __version__
from leaderapp.core.i18n import _
from leaderapp.core.resources import licence_path, resource_path
from leaderapp.gui import style
from leaderapp.gui.icon import app_icon
from leaderapp.gui.widgets import label


@dataclass(frozen=True)
class Licence:
    component: str
    licence: str
    text_file: Path | None = None  # the full text, shown on the licences tab


def app_licences() -> list[Licence]:
    """The app's own licence and the fonts it embeds in every PDF."""
    return [
        Licence(APP_NAME, "MIT License", licence_path()),
        Licence(
            "DejaVu Sans", "Bitstream Vera License", resource_path("fonts", "LICENSE-DejaVu.txt")
        ),
        Licence("Symbola", _("free for any use"), resource_path("fonts", "LICENSE-Symbola.txt")),
    ]


# The libraries a standalone build carries (names and licences as their packages declare).
LIBRARIES = (
    ("Qt, Qt for Python (PySide6)", "LGPL-3.0"),
    ("Python", "PSF-2.0"),
    ("ReportLab", "BSD"),
    ("sqlite-utils", "Apache-2.0"),
    ("SQLite", "Public Domain"),
    ("Babel", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
    ("Pillow", "MIT-CMU"),
    ("python-docx", "MIT"),
    ("lxml", "BSD-3-Clause"),
    ("Pyphen", "LGPL-2.1+ / GPL-2.0+ / MPL-1.1"),
    ("pypdfium2", "Apache-2.0 / BSD-3-Clause"),
    ("PDFium", "BSD-3-Clause"),
)


def _read(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return _("(The licence text is missing: {path})").format(path=path)


class AboutDialog(QDialog):
    def __init__(self, data_file: PurePath | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About {app}").format(app=APP_NAME))
        self.setMinimumSize(640, 480)
        self.resize(780, 640)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)

        head = QHBoxLayout()
        head.setSpacing(16)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        head.addWidget(icon)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(label(APP_NAME, "title"))
        self.version_label = label(_("Version {version}").format(version=__version__), "muted")
        titles.addWidget(self.version_label)
        head.addLayout(titles, 1)
        layout.addLayout(head)

        self.tabs = QTabWidget()
        about = QScrollArea()
        about.setWidgetResizable(True)  # wrapped text gets the height it needs, never clipped
        about.setWidget(self._about_tab(data_file))
        self.tabs.addTab(about, _("About"))
        self.tabs.addTab(self._licence_tab(), _("Licences"))
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _about_tab(self, data_file: PurePath | None) -> QWidget:
        tab = QWidget()
        tab.setObjectName("page")
        box = QVBoxLayout(tab)
        box.setContentsMargins(16, 16, 16, 16)
        box.setSpacing(12)
        box.addWidget(
            label(
                _(
                    "A guide for leader groups reflecting on the values dialogue, skill and "
                    "boldness, ending in a printable leadership and values foundation."
                ),
                "lead",
            )
        )
        box.addWidget(label(_("Nothing leaves this computer"), "heading"))
        box.addWidget(
            label(
                _(
                    "Everything you write is stored on this computer only. The app never "
                    "connects to the internet and sends nothing anywhere; a file leaves the "
                    "computer only when you export it and move it yourself."
                )
            )
        )
        if data_file is not None:
            box.addWidget(label(_("Your workshops are stored in:"), "field"))
            box.addWidget(label(str(data_file), "muted"))
        box.addWidget(label(_("Licences"), "heading"))
        self.licence_lines = [f"{item.component}: {item.licence}" for item in app_licences()]
        box.addWidget(label("\n".join(self.licence_lines)))
        box.addStretch(1)
        return tab

    def _licence_tab(self) -> QWidget:
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.setContentsMargins(16, 16, 16, 16)
        parts = []
        for item in app_licences():
            title = f"{item.component} – {item.licence}"
            parts.append(f"{title}\n{'=' * len(title)}\n\n{_read(item.text_file).strip()}\n")
        libraries = "\n".join(f"  {name}: {licence}" for name, licence in LIBRARIES)
        parts.append(_("The standalone app also contains these libraries:") + f"\n\n{libraries}\n")
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setPlainText("\n\n".join(parts))
        # Licence texts are laid out in lines for a fixed-width font: keep their lines.
        self.licence_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self.licence_text.setStyleSheet(
            f'font-family: "{family}"; font-size: {style.current_point_size() * 0.8:.1f}pt;'
        )
        box.addWidget(self.licence_text)
        return tab
