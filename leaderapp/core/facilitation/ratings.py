"""Ratings and placements (a mixin of ``Workspace``)."""

from __future__ import annotations


class RatingsMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""
