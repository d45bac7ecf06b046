"""The step plan of a workshop (a mixin of ``Workspace``)."""

from __future__ import annotations


class PlanMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""
