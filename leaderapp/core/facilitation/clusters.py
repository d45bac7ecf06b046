"""Named clusters of notes (a mixin of ``Workspace``)."""

from __future__ import annotations


class ClustersMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""
