"""Full-text search over every workshop's notes (SQLite FTS5).

The index is ``note_fts`` (migration ``m002_note_search``): the unicode61
tokenizer folds case (Æ finds æ) but keeps diacritics (å is not a), and
triggers keep it in step with the ``note`` table. What the user types is never
FTS syntax: each word becomes a quoted prefix term, so ``AND``, ``NEAR(``, ``*``
or an odd ``"`` are just characters to look for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leaderapp.core.library import Library
    from leaderapp.core.workspace import Workspace

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# A search box is for a few words; more only makes the query slower.
MAX_TERMS = 12
MAX_TERM_LENGTH = 64
SNIPPET_TOKENS = 14
ELLIPSIS = "…"

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchHit:
    """One note that matches, with where it is and a plain-text excerpt."""

    workshop_id: str
    workshop_name: str
    step_id: str
    step_number: int  # 1-based, as in the workshop's sidebar
    step_title: str
    note_id: str
    snippet: str  # plain text around the match, never markup


def fts_query(text: str) -> str:
    """The user's words as a safe FTS5 query: every word a quoted prefix term
    (a single letter a whole word), all of them required. Empty when there is
    nothing to look for."""
    terms = []
    for word in _SPACE.split(text or ""):
        # Quotes cannot be part of a token anyway, and a NUL would end the query
        # string early: dropping them (and other unprintables) keeps quoting simple.
        word = "".join(ch for ch in word if ch.isprintable() and ch != '"')[:MAX_TERM_LENGTH]
        if any(ch.isalnum() for ch in word):
            # One letter as a prefix matches nearly every note and costs the most
            # to rank; alone it is a word ("i", "å"), so it is matched as one.
            terms.append(f'"{word}"' if len(word) == 1 else f'"{word}"*')
        if len(terms) == MAX_TERMS:
            break
    return " ".join(terms)


def search(workspace: Workspace, query: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Notes in all workshops that contain every word of ``query`` (as a word or
    the start of one), best matches first."""
    match = fts_query(query)
    if not match:
        return []
    limit = max(1, min(int(limit), MAX_LIMIT))
    db = workspace.db
    # Ranking and snippets come from the index alone; ``ORDER BY rank LIMIT``
    # lets FTS5 stop early, so snippets are only made for the rows returned.
    ranked = db.execute(
        f"""SELECT rowid, snippet(note_fts, 0, '', '', '{ELLIPSIS}', {SNIPPET_TOKENS})
            FROM note_fts WHERE note_fts MATCH ? ORDER BY rank LIMIT ?""",
        [match, limit],
    ).fetchall()
    if not ranked:
        return []
    rowids = [row[0] for row in ranked]
    marks = ",".join("?" * len(rowids))
    details = {
        row[0]: row[1:]
        for row in db.execute(
            f"""SELECT n.rowid, n.id, n.workshop_id, w.unit_name, n.step_id, s.exercise_id,
                       v.name,
                       (SELECT count(*) FROM step p
                         WHERE p.workshop_id = s.workshop_id AND p.position < s.position)
                FROM note n
                JOIN workshop w ON w.id = n.workshop_id
                JOIN step s ON s.id = n.step_id
                LEFT JOIN "value" v ON v.id = s.value_id
                WHERE n.rowid IN ({marks})""",
            rowids,
        ).fetchall()
    }
    from leaderapp.core.library import load_library

    library = load_library()
    hits = []
    for rowid, snippet in ranked:
        found = details.get(rowid)
        if found is None:  # deleted between the two reads
            continue
        note_id, workshop_id, unit_name, step_id, exercise_id, value_name, earlier = found
        hits.append(
            SearchHit(
                workshop_id=workshop_id,
                workshop_name=unit_name,
                step_id=step_id,
                step_number=earlier + 1,
                step_title=_step_title(library, exercise_id, value_name),
                note_id=note_id,
                snippet=" ".join((snippet or "").split()),
            )
        )
    return hits


def _step_title(library: Library, exercise_id: str, value_name: str | None) -> str:
    exercise = library.exercises.get(exercise_id)
    # An exercise this version does not know (a newer laptop's workshop): show its id.
    return exercise.title(value_name) if exercise is not None else exercise_id
