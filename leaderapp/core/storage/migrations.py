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
