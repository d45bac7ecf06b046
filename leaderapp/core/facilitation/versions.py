"""The foundation's versions, cover details and logo (a mixin of ``Workspace``)."""

from __future__ import annotations


class VersionsMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""
