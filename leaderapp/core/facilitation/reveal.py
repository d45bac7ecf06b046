"""Silent writing and revealing notes (a mixin of ``Workspace``)."""

from __future__ import annotations


class RevealMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""
