"""Which page shows a step, by its exercise's kind.

Pages are imported when a step of their kind is first shown, so the first screen does
not pay for every page. The export page is built by the workshop view itself (it needs
the exporter).
"""

from __future__ import annotations

import importlib

# kind -> (module, class) of its page under leaderapp.gui.pages
PAGES: dict[str, tuple[str, str]] = {
    "notes": ("notes_page", "NotesPage"),
    "attitude_action": ("attitude_action_page", "AttitudeActionPage"),
    "expectations": ("expectations_page", "ExpectationsPage"),
    "polarity_map": ("polarity_page", "PolarityPage"),
    "from_to": ("from_to_page", "FromToPage"),
    "triple_task": ("triple_task_page", "TripleTaskPage"),
    "competence_rating": ("rating_page", "RatingPage"),
    "dilemmas": ("dilemmas_page", "DilemmasPage"),
    "dot_voting": ("voting_page", "VotingPage"),
    "foundation": ("foundation_page", "FoundationPage"),
    "commitments": ("commitments_page", "CommitmentsPage"),
    "follow_up": ("follow_up_page", "FollowUpPage"),
}


def page_class(kind: str) -> type:
    """The page class for ``kind`` (an unknown kind, say from a newer app: the notes page)."""
    module_name, class_name = PAGES.get(kind, PAGES["notes"])
    module = importlib.import_module(f"leaderapp.gui.pages.{module_name}")
    return getattr(module, class_name)
