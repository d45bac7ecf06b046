"""Running a workshop: the parts of the ``Workspace`` facade beyond notes, foundation and
commitments. Each module holds one mixin of ``Workspace`` (and the undoable commands for
its writes), so ``workspace.cast_vote(...)`` reads like every other facade call.

- plan.py      the step plan: reorder, skip, add, remove, timeboxes, per-step settings
- reveal.py    silent writing: hidden notes and revealing them to the room
- clusters.py  named clusters of notes
- votes.py     dot voting
- ratings.py   scores: competence ratings, polarity placements, follow-up re-rating
- rounds.py    1-2-4-all: pairs and foursomes from the participant list
- versions.py  the foundation's version, date, involvement line, logo and earlier versions
"""
