"""1-2-4-all rounds (a mixin of ``Workspace``)."""

from __future__ import annotations


class RoundsMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""
