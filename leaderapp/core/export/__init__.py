"""Export of a workshop's foundation (PDF).

This package import stays cheap: reportlab is only loaded when an export runs,
inside ``leaderapp.core.export.pdf.export_pdf``.
"""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """An export failed; ``str(error)`` is a translated sentence naming the file."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
