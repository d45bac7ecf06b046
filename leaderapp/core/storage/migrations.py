"""The schema, built and upgraded with sqlite-utils ``Migrations``.

Never edit an applied migration: add a new one. Ids are UUID text so that
workshops can later move between laptops without clashes.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations
from sqlite_utils.db import ForeignKey

migrations = Migrations("leaderapp")


def _fk(table: str, column: str, other: str, on_delete: str = "CASCADE") -> ForeignKey:
    return ForeignKey(
        table=table, column=column, other_table=other, other_column="id", on_delete=on_delete
    )


@migrations()
def m001_initial(db: Database) -> None:
    db["workshop"].create(
        {
            "id": str,
            "unit_name": str,
            "organisation": str,
            "facilitator": str,
            "dates": str,  # JSON list of ISO dates
            "current_step_id": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"unit_name", "created_at", "updated_at"},
    )
    db["participant"].create(
        {"id": str, "workshop_id": str, "name": str, "position": int},
        pk="id",
        not_null={"workshop_id", "name"},
        foreign_keys=[_fk("participant", "workshop_id", "workshop")],
    )
    db["value"].create(
        {
            "id": str,
            "workshop_id": str,
            "key": str,
            "name": str,
            "description": str,
            "position": int,
        },
        pk="id",
        not_null={"workshop_id", "name"},
        foreign_keys=[_fk("value", "workshop_id", "workshop")],
    )
    db["step"].create(
        {
            "id": str,
            "workshop_id": str,
            "exercise_id": str,
            "value_id": str,
            "position": int,
            "timebox_minutes": int,
        },
        pk="id",
        not_null={"workshop_id", "exercise_id"},
        foreign_keys=[
            _fk("step", "workshop_id", "workshop"),
            _fk("step", "value_id", "value"),
        ],
    )
    db["note"].create(
        {
            "id": str,
            "workshop_id": str,
            "step_id": str,
            "value_id": str,
            "author_id": str,
            "text": str,
            "position": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"workshop_id", "step_id", "text"},
        foreign_keys=[
            _fk("note", "workshop_id", "workshop"),
            _fk("note", "step_id", "step"),
            _fk("note", "value_id", "value", on_delete="SET NULL"),
            _fk("note", "author_id", "participant", on_delete="SET NULL"),
        ],
    )
    db["foundation"].create(
        {"id": str, "title": str, "introduction": str},
        pk="id",
        foreign_keys=[_fk("foundation", "id", "workshop")],
    )
    db["foundation_section"].create(
        {
            "id": str,  # the value's id: one section per value
            "workshop_id": str,
            "heading": str,
            "principles": str,  # JSON list of strings
            "expect_of_us": str,
            "expect_of_you": str,
        },
        pk="id",
        not_null={"workshop_id"},
        foreign_keys=[
            _fk("foundation_section", "id", "value"),
            _fk("foundation_section", "workshop_id", "workshop"),
        ],
    )
    db["commitment"].create(
        {
            "id": str,
            "workshop_id": str,
            "value_id": str,
            "action": str,
            "owner": str,
            "due_date": str,
            "status": str,
            "position": int,
        },
        pk="id",
        not_null={"workshop_id", "action", "status"},
        foreign_keys=[
            _fk("commitment", "workshop_id", "workshop"),
            _fk("commitment", "value_id", "value", on_delete="SET NULL"),
        ],
    )
    for table, columns in {
        "participant": ["workshop_id"],
        "value": ["workshop_id"],
        "step": ["workshop_id"],
        "note": ["workshop_id", "step_id"],
        "foundation_section": ["workshop_id"],
        "commitment": ["workshop_id"],
    }.items():
        for column in columns:
            db[table].create_index([column])


@migrations()
def m002_note_search(db: Database) -> None:
    # Full-text search over notes (leaderapp/core/search.py). unicode61 folds case
    # (Æ = æ); remove_diacritics 0 keeps "å" apart from "a" (gå, ga). Triggers keep
    # the index in step with every insert, update and delete of a note.
    db["note"].enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 0")


@migrations()
def m003_programs(db: Database) -> None:
    # Which built-in program a workshop was created from (resources/programs/<id>.toml),
    # and the meeting (1, 2, 3 …) a step belongs to in a program that runs over several
    # meetings. Both are null for workshops created before programs had meetings.
    db["workshop"].add_column("program_id", str)
    db["step"].add_column("meeting", int)


@migrations()
def m004_facilitation(db: Database) -> None:
    # Running a workshop (issue 3). A step can be skipped, run anonymously, and carries
    # kind-specific settings as JSON (dots per participant, 1-2-4-all, the polarity pair …).
    db["step"].add_column("skipped", int, not_null_default=0)
    db["step"].add_column("anonymous", int, not_null_default=0)
    db["step"].add_column("settings", str)
    db["cluster"].create(
        {"id": str, "workshop_id": str, "step_id": str, "name": str, "position": int},
        pk="id",
        not_null={"workshop_id", "step_id", "name"},
        foreign_keys=[_fk("cluster", "workshop_id", "workshop"), _fk("cluster", "step_id", "step")],
    )
    # slot: which field of a structured exercise a note answers ("from", "to", a level, a
    # dilemma card, a polarity quadrant …); parent_id: an action under an attitude; hidden:
    # silent writing not yet revealed; round: 1, 2, 4 or 0 (all) in a 1-2-4-all step.
    # Plain ALTER TABLE: add_column cannot say ON DELETE, and a table rebuild would drop
    # the search index triggers of m002.
    for column in (
        "slot TEXT",
        'parent_id TEXT REFERENCES "note"("id") ON DELETE CASCADE',
        "hidden INTEGER NOT NULL DEFAULT 0",
        'cluster_id TEXT REFERENCES "cluster"("id") ON DELETE SET NULL',
        "round INTEGER",
    ):
        db.execute(f'ALTER TABLE "note" ADD COLUMN {column}')
    # A participant's dots on a note; participant_id null = cast for the room, anonymously.
    db["vote"].create(
        {
            "id": str,
            "workshop_id": str,
            "step_id": str,
            "note_id": str,
            "participant_id": str,
            "dots": int,
        },
        pk="id",
        not_null={"workshop_id", "step_id", "note_id", "dots"},
        foreign_keys=[
            _fk("vote", "workshop_id", "workshop"),
            _fk("vote", "step_id", "step"),
            _fk("vote", "note_id", "note"),
            _fk("vote", "participant_id", "participant", on_delete="SET NULL"),
        ],
    )
    # A score for an item of a step: a competence dimension ("bør" … "tør", 1-5) or a
    # placement on a polarity ("now" / "target"); participant_id null = the group's.
    db["rating"].create(
        {
            "id": str,
            "workshop_id": str,
            "step_id": str,
            "participant_id": str,
            "item": str,
            "score": float,
            "updated_at": str,
        },
        pk="id",
        not_null={"workshop_id", "step_id", "item", "score"},
        foreign_keys=[
            _fk("rating", "workshop_id", "workshop"),
            _fk("rating", "step_id", "step"),
            _fk("rating", "participant_id", "participant", on_delete="SET NULL"),
        ],
    )
    # Follow-up months later: what became of a commitment.
    db["commitment"].add_column("review_note", str)
    for table, columns in {
        "cluster": ["step_id"],
        "vote": ["step_id", "note_id"],
        "rating": ["step_id"],
    }.items():
        for column in columns:
            db[table].create_index([column])


@migrations()
def m005_foundation_versions(db: Database) -> None:
    # The printed foundation (issue 4): a version and its date, how employees were
    # involved, an optional logo (PNG/JPEG bytes, validated before they are stored),
    # and earlier versions kept whole as JSON so that two can be compared.
    db["foundation"].add_column("version", str)
    db["foundation"].add_column("version_date", str)
    db["foundation"].add_column("involvement", str)
    db["foundation"].add_column("logo", bytes)
    db["foundation"].add_column("logo_type", str)
    db["foundation_version"].create(
        {
            "id": str,
            "workshop_id": str,
            "version": str,
            "version_date": str,
            "created_at": str,
            "content": str,
        },
        pk="id",
        not_null={"workshop_id", "created_at", "content"},
        foreign_keys=[_fk("foundation_version", "workshop_id", "workshop")],
    )
    db["foundation_version"].create_index(["workshop_id"])
