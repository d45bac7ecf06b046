"""Dot voting (a mixin of ``Workspace``)."""

from __future__ import annotations


class VotesMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""
