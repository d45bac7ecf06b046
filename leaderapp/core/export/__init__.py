"""Export of a workshop's foundation: PDF, Word and Markdown.

``document.build_outline`` decides what the foundation says and in which order;
``pdf``, ``docx`` and ``markdown`` only lay that outline out, each writing
through ``atomic.atomic_output``. This package import stays cheap: reportlab
and python-docx are only loaded when an export runs.
"""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """An export failed; ``str(error)`` is a translated sentence naming the file."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
