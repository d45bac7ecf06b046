"""Preview the exported PDF inside the app, print it, or save it.

The pages shown and printed are the PDF's own pages, rendered by PDFium
(``pypdfium2``, a 4 MB wheel) rather than a second layout: what the group sees
is what the printer gets. Qt's own PDF module would need PySide6-Addons
(175 MB download, ~440 MB installed) for the same job.

PDFium renders onto white here, so pages never show through as transparent.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.i18n import _, ngettext
from leaderapp.gui import style
from leaderapp.gui.widgets import button, guarded, label

PREVIEW_WIDTH = 640  # pixels of a page on screen at 100 %


def renderer_available() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def render_pages(path: Path, width: int) -> list[QImage]:
    """Every page of the PDF at ``path`` as an image ``width`` pixels wide, on white."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        images = []
        for page in document:
            scale = width / page.get_width()
            bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
            image = bitmap.to_pil().convert("RGB")
            data = image.tobytes("raw", "RGB")
            qimage = QImage(
                data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
            )
            images.append(qimage.copy())  # own the pixels; ``data`` goes away
            page.close()
        return images
    finally:
        document.close()


def page_count(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Print every page of the PDF on ``printer`` at its resolution; returns the pages."""
    import pypdfium2

    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_("The printer could not be started."))
    document = pypdfium2.PdfDocument(str(path))
    try:
        printed = 0
        for index, page in enumerate(document):
            if index > 0:
                printer.newPage()
            target = painter.viewport()
            # Rendered at the printer's resolution (at most 300 dpi: enough for text).
            dpi = min(300, max(72, printer.resolution()))
            bitmap = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
            image = bitmap.to_pil().convert("RGB")
            qimage = QImage(
                image.tobytes("raw", "RGB"),
                image.width,
                image.height,
                image.width * 3,
                QImage.Format.Format_RGB888,
            )
            size = qimage.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(
                target.x() + (target.width() - size.width()) // 2,
                target.y() + (target.height() - size.height()) // 2,
                qimage.scaled(size, Qt.AspectRatioMode.KeepAspectRatio),
            )
            page.close()
            printed += 1
        return printed
    finally:
        document.close()
        painter.end()


class PreviewDialog(QDialog):
    """The PDF's pages one under the other, with Print… and Save as PDF…"""

    def __init__(
        self,
        pdf: Path,
        suggested: Path,
        parent: QWidget | None = None,
        *,
        reporter=None,
    ) -> None:
        super().__init__(parent)
        self.pdf = Path(pdf)
        self.suggested = suggested
        self.reporter = reporter
        self.saved_path: Path | None = None
        self.setWindowTitle(_("Preview of the foundation"))
        self.resize(820, 700)
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 12)
        root.setSpacing(10)
        # Sharp on a high-resolution screen: render at its pixel density.
        ratio = max(1.0, self.devicePixelRatioF())
        self.pages = render_pages(self.pdf, int(PREVIEW_WIDTH * ratio))
        top = QHBoxLayout()
        self.info = label(
            ngettext(
                "{n} page, as it will be printed",
                "{n} pages, as they will be printed",
                len(self.pages),
            ).format(n=len(self.pages)),
            "muted",
        )
        top.addWidget(self.info, 1)
        self.print_button = button(_("Print…"))
        self.save_button = button(_("Save as PDF…"), "primary")
        self.close_button = button(_("Close"))
        for widget in (self.print_button, self.save_button, self.close_button):
            top.addWidget(widget)
        root.addLayout(top)

        column = QWidget()
        column.setObjectName("previewPages")
        # A grey desk under the white pages; a darker one in a dark colour scheme.
        desk = "#8a9399" if style.relative_luminance(style.BACKGROUND) >= 0.2 else "#3a4246"
        column.setStyleSheet(f"#previewPages {{ background: {desk}; }}")
        pages = QVBoxLayout(column)
        pages.setContentsMargins(16, 16, 16, 16)
        pages.setSpacing(16)
        self.page_labels: list[QLabel] = []
        for image in self.pages:
            page = QLabel()
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            page.setPixmap(pixmap)
            page.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            pages.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(page)
        pages.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setAccessibleName(_("The pages of the foundation"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(column)
        root.addWidget(self.scroll, 1)

        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.close_button.clicked.connect(self.reject)

    def show_error(self, message: str) -> None:
        if self.reporter is not None:
            self.reporter.error(message)
        self.info.setText(message)
        self.info.setProperty("role", "error")
        self.info.style().polish(self.info)

    # ----------------------------------------------------------- printing
    def ask_printer(self) -> QPrinter | None:
        """Qt's print dialog; None when the user cancels."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Print the foundation"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    @guarded
    def print_document(self) -> None:
        printer = self.ask_printer()
        if printer is None:
            return
        pages = print_pdf(self.pdf, printer)
        message = ngettext(
            "Sent {n} page to the printer.", "Sent {n} pages to the printer.", pages
        ).format(n=pages)
        self.info.setText(message)
        if self.reporter is not None:
            self.reporter.info(message)

    # ------------------------------------------------------------- saving
    def ask_save_path(self) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), str(self.suggested), _("PDF documents (*.pdf)")
        )
        return Path(path) if path else None

    @guarded
    def save_document(self) -> None:
        from leaderapp.core.export import ExportError
        from leaderapp.core.export.atomic import atomic_output

        target = self.ask_save_path()
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            with atomic_output(target) as temp:
                shutil.copyfile(self.pdf, temp)
        except ExportError as exc:
            self.show_error(str(exc))
            return
        self.saved_path = target
        message = _("The PDF was saved as {path}").format(path=str(target))
        self.info.setText(message)
        if self.reporter is not None:
            self.reporter.info(message)
