"""Workshop files: round trip, idempotent import, merging laptops, refusing bad files."""

import json
import os
import time
import uuid
from datetime import date
from pathlib import Path

import pytest

from leaderapp.core.i18n import current_language, set_language
from leaderapp.core.model import CommitmentStatus, WorkshopDraft
from leaderapp.core.transfer import (
    MAX_FILE_BYTES,
    WorkshopFileError,
    export_workshop_file,
    import_workshop_file,
    suggested_file_name,
)
from leaderapp.core.transfer.schema import validate, workshop_file_schema
from leaderapp.core.workspace import Workspace


@pytest.fixture
def english():
    before = current_language()
    set_language("en")
    yield
    set_language(before)


def dump(ws: Workspace) -> str:
    return "\n".join(ws.db.conn.iterdump())


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256))


def full_workshop(ws: Workspace) -> str:
    """A workshop that uses every part of the format."""
    draft = WorkshopDraft(
        unit_name="Akutmodtagelsen",
        organisation="Regionshospitalet",
        facilitator="Łukasz Nowak",
        dates=(date(2026, 12, 1), date(2026, 11, 3)),
        participants=("Şükrü Yılmaz", "Anna Østergaard"),
    )
    wid = ws.create_workshop(draft).created_id
    ws.add_value(wid, "Tillid", "Vi regner med hinanden")
    values = ws.values(wid)
    author = ws.participants(wid)[1]
    steps = ws.steps(wid)
    ws.add_note(steps[1].id, "Vi spørger før vi antager", author_id=author.id)
    ws.add_note(steps[2].id, "Fejl er til at lære af", value_id=values[1].id)
    ws.add_note(steps[-1].id, "Flere linjer\nmed “citater” & <tegn>")
    ws.update_foundation(wid, introduction="Sådan arbejder vi sammen.")
    ws.update_section(
        values[0].id,
        heading="Vi taler sammen",
        principles=["Vi lytter", "Vi siger det højt", "Vi følger op"],
        expect_of_us="Vi svarer hurtigt.",
        expect_of_you="I siger til.",
    )
    cid = ws.add_commitment(wid, "Ugentligt tavlemøde", "Anna", date(2027, 1, 15)).created_id
    ws.update_commitment(cid, status=CommitmentStatus.IN_PROGRESS, value_id=values[0].id)
    ws.set_current_step(wid, steps[2].id)
    facilitation(ws, wid)
    return wid


def facilitation(ws: Workspace, wid: str) -> None:
    """What running a workshop adds (format version 2). Written straight into the tables,
    so these tests do not depend on the facilitation mixins' own validation."""
    steps = ws.steps(wid)
    people = ws.participants(wid)
    step = steps[1]
    stamp = "2026-12-01T10:00:00.000+00:00"
    ws.db["step"].update(
        step.id, {"skipped": 1, "anonymous": 0, "settings": '{"rounds": true, "dots": 3}'}
    )
    ws.db["step"].update(steps[2].id, {"anonymous": 1, "settings": '{"pair": ["a", "b"]}'})
    cluster = str(uuid.uuid4())
    ws.db["cluster"].insert(
        {"id": cluster, "workshop_id": wid, "step_id": step.id, "name": "Tavlemødet", "position": 0}
    )
    attitude = ws.add_note(
        step.id, "Vi taler med hinanden <b>&", slot="attitude", round=2, cluster_id=cluster
    ).created_id
    action = ws.add_note(
        step.id, "Vi holder tavlemøde 🙂", slot="action", parent_id=attitude, hidden=True
    ).created_id
    ws.add_note(step.id, "Skjult af Şükrü", author_id=people[0].id, hidden=True, round=0)
    ws.db["vote"].insert_all(
        [
            {
                "id": str(uuid.uuid4()),
                "workshop_id": wid,
                "step_id": step.id,
                "note_id": action,
                "participant_id": people[0].id,
                "dots": 2,
            },
            {
                "id": str(uuid.uuid4()),
                "workshop_id": wid,
                "step_id": step.id,
                "note_id": attitude,
                "participant_id": None,
                "dots": 1,
            },
        ]
    )
    ws.db["rating"].insert_all(
        [
            {
                "id": str(uuid.uuid4()),
                "workshop_id": wid,
                "step_id": steps[2].id,
                "participant_id": people[1].id,
                "item": "kan",
                "score": 4.0,
                "updated_at": stamp,
            },
            {
                "id": str(uuid.uuid4()),
                "workshop_id": wid,
                "step_id": steps[2].id,
                "participant_id": None,
                "item": "now",
                "score": 2.5,
                "updated_at": stamp,
            },
        ]
    )
    ws.update_commitment(ws.commitments(wid)[0].id, review_note="Halvvejs – «godt» i gang")
    ws.db["foundation"].update(
        wid,
        {
            "version": "2.0",
            "version_date": "2026-12-15",
            "involvement": "Drøftet i LokalMED",
            "logo": PNG,
            "logo_type": "image/png",
        },
    )
    ws.db["foundation_version"].insert(
        {
            "id": str(uuid.uuid4()),
            "workshop_id": wid,
            "version": "1.0",
            "version_date": "2025-12-01",
            "created_at": stamp,
            "content": '{"title": "Ledelsesgrundlag 1.0"}',
        }
    )


def everything(ws: Workspace, wid: str) -> tuple:
    """What a round trip must keep: the snapshot, the step settings (not compared by a
    Step's equality) and the kept foundation versions."""
    return (
        ws.snapshot(wid),
        [s.settings for s in ws.steps(wid)],
        ws._rows("SELECT * FROM foundation_version WHERE workshop_id = ? ORDER BY id", [wid]),
    )


def test_round_trip_gives_an_identical_workshop(workspace, tmp_path):
    wid = full_workshop(workspace)
    path = export_workshop_file(workspace, wid, tmp_path / "akut.vaerdidialog.json")
    other = Workspace.open(None)
    summary = import_workshop_file(other, path)
    assert everything(other, wid) == everything(workspace, wid)
    assert summary.created and summary.workshop_id == wid
    assert (summary.notes_added, summary.commitments_added, summary.values_added) == (6, 1, 4)
    assert (summary.votes_added, summary.ratings_added, summary.clusters_added) == (2, 2, 1)
    assert summary.versions_added == 1
    # The parts a user sees, spelled out.
    snapshot = other.snapshot(wid)
    assert snapshot.foundation.logo == PNG and snapshot.foundation.version == "2.0"
    assert snapshot.commitments[0].review_note == "Halvvejs – «godt» i gang"
    action = next(n for n in snapshot.notes if n.slot == "action")
    assert action.hidden and action.parent_id is not None
    assert other.note(action.parent_id).round == 2
    assert other.steps(wid)[1].skipped and other.steps(wid)[1].settings["dots"] == 3
    assert summary.changes.workshops and summary.changes.notes and summary.changes.created_id == wid
    other.close()


def test_exported_file_is_versioned_json_that_matches_the_shipped_schema(workspace, tmp_path):
    wid = full_workshop(workspace)
    path = export_workshop_file(workspace, wid, tmp_path / "akut.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "vaerdidialog-workshop" and document["version"] == 2
    assert document["app_version"] and document["exported_at"].endswith("+00:00")
    assert document["workshop"]["id"] == wid
    assert document["workshop"]["dates"] == ["2026-11-03", "2026-12-01"]
    validate(document, workshop_file_schema())  # also proves the walker knows every keyword
    assert "Łukasz Nowak" in path.read_text(encoding="utf-8")  # readable, not \u-escaped


def test_export_replaces_the_target_whole_and_leaves_no_temporary_file(workspace, tmp_path):
    wid = full_workshop(workspace)
    target = tmp_path / "akut.json"
    target.write_text("an older export")
    export_workshop_file(workspace, wid, target)
    assert json.loads(target.read_text(encoding="utf-8"))["workshop"]["id"] == wid
    assert [p.name for p in tmp_path.iterdir()] == ["akut.json"]


def test_export_into_a_missing_folder_is_a_clear_error(workspace, workshop_id, tmp_path, english):
    with pytest.raises(WorkshopFileError, match="could not be written"):
        export_workshop_file(workspace, workshop_id, tmp_path / "missing" / "x.json")
    assert list(tmp_path.iterdir()) == []


def test_suggested_file_name_is_safe(workspace):
    wid = workspace.create_workshop(
        WorkshopDraft(unit_name='Akut/Medicin: "B"?', dates=(date(2026, 12, 1),))
    ).created_id
    name = suggested_file_name(workspace.snapshot(wid))
    assert name == "Akut Medicin B 2026-12-01.vaerdidialog.json"


def test_importing_the_same_file_twice_changes_nothing(workspace, tmp_path, english):
    wid = full_workshop(workspace)
    path = export_workshop_file(workspace, wid, tmp_path / "akut.json")
    other = Workspace.open(None)
    import_workshop_file(other, path)
    before = dump(other)
    again = import_workshop_file(other, path)
    assert dump(other) == before
    assert not again.changed and not again.created
    assert (again.notes_added, again.notes_updated) == (0, 0)
    assert again.describe().startswith("Nothing new")
    # Importing into the laptop it came from is just as harmless.
    before = dump(workspace)
    assert not import_workshop_file(workspace, path).changed
    assert dump(workspace) == before
    other.close()


def test_two_laptops_merge_without_duplicates(tmp_path, english):
    laptop_a = Workspace.open(None)
    laptop_b = Workspace.open(None)
    wid = full_workshop(laptop_a)
    start = export_workshop_file(laptop_a, wid, tmp_path / "start.json")
    import_workshop_file(laptop_b, start)
    shared = laptop_a.notes(wid)
    step = laptop_a.steps(wid)[1].id

    laptop_a.add_note(step, "Fra bord A")
    laptop_a.add_commitment(wid, "Aftale fra A")
    time.sleep(0.005)  # timestamps have millisecond resolution
    laptop_b.add_note(step, "Fra bord B")
    laptop_b.add_note(step, "Også fra bord B")
    laptop_b.update_note(shared[0].id, text="Rettet på B")
    time.sleep(0.005)
    laptop_a.update_note(shared[1].id, text="Rettet på A, senest")
    time.sleep(0.005)
    laptop_b.update_note(shared[2].id, text="Rettet på B, senest")
    time.sleep(0.005)
    laptop_a.update_note(shared[2].id, text="Rettet på A, før B's rettelse?")  # newest: A wins

    file_a = export_workshop_file(laptop_a, wid, tmp_path / "a.json")
    file_b = export_workshop_file(laptop_b, wid, tmp_path / "b.json")

    summary = import_workshop_file(laptop_a, file_b)
    assert (summary.notes_added, summary.notes_updated) == (2, 1)
    assert summary.describe() == "Merged into “Akutmodtagelsen”: 2 new notes, 1 updated note."
    texts = [n.text for n in laptop_a.notes(wid)]
    assert len(texts) == len(set(n.id for n in laptop_a.notes(wid))) == len(shared) + 3
    assert texts.count("Fra bord B") == 1 and "Fra bord A" in texts
    by_id = {n.id: n.text for n in laptop_a.notes(wid)}
    assert by_id[shared[0].id] == "Rettet på B"  # B's edit was newer
    assert by_id[shared[1].id] == "Rettet på A, senest"  # A's own newer edit stays
    assert by_id[shared[2].id] == "Rettet på A, før B's rettelse?"
    # B's new notes come after A's, in B's order.
    assert texts[-2:] == ["Fra bord B", "Også fra bord B"]

    # A third laptop gets the same result from both files, in either order.
    laptop_c = Workspace.open(None)
    import_workshop_file(laptop_c, file_b)
    import_workshop_file(laptop_c, file_a)
    assert {n.id: n.text for n in laptop_c.notes(wid)} == by_id
    assert [c.action for c in laptop_c.commitments(wid)] == [
        c.action for c in laptop_a.commitments(wid)
    ]
    # And merging is idempotent.
    before = dump(laptop_a)
    import_workshop_file(laptop_a, file_b)
    import_workshop_file(laptop_a, file_a)
    assert dump(laptop_a) == before
    for ws in (laptop_a, laptop_b, laptop_c):
        ws.close()


def test_merge_brings_a_value_added_on_the_other_laptop(tmp_path):
    laptop_a = Workspace.open(None)
    laptop_b = Workspace.open(None)
    wid = full_workshop(laptop_a)
    import_workshop_file(laptop_b, export_workshop_file(laptop_a, wid, tmp_path / "s.json"))
    laptop_b.add_value(wid, "Mod")
    laptop_b.set_participants(wid, ["Şükrü Yılmaz", "Anna Østergaard", "Mette"])
    summary = import_workshop_file(
        laptop_a, export_workshop_file(laptop_b, wid, tmp_path / "b.json")
    )
    assert (summary.values_added, summary.steps_added, summary.participants_added) == (1, 1, 1)
    assert "Mod" in [v.name for v in laptop_a.values(wid)]
    assert laptop_a.foundation(wid).sections[-1].value_id == laptop_a.values(wid)[-1].id
    assert summary.changes.values and summary.changes.steps and summary.changes.participants


# ------------------------------------------------------------ refused files
def valid_document(workspace, workshop_id, tmp_path) -> dict:
    path = export_workshop_file(workspace, workshop_id, tmp_path / "valid.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _with(change):
    def build(doc):
        change(doc)
        return json.dumps(doc).encode()

    return build


def _set(path, value):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return _with(change)


def _delete(path):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return _with(change)


STRANGER = str(uuid.uuid4())

MALFORMED = {
    "empty": (lambda doc: b"", "it is empty"),
    "only whitespace": (lambda doc: b"  \n\t ", "it is empty"),
    "not JSON": (lambda doc: b"Workshop: Akut {", "not valid JSON (error at line 1, column 1)"),
    "cut off JSON": (lambda doc: json.dumps(doc).encode()[:-40], "not valid JSON"),
    "invalid UTF-8": (
        lambda doc: json.dumps(doc).encode().replace(b"Akut", b"Ak\xff\xfet"),
        "not UTF-8 text",
    ),
    "JSON array": (lambda doc: b"[]", "expected a JSON object, found a list"),
    "JSON string": (lambda doc: b'"workshop"', "expected a JSON object, found text"),
    "other format": (_set(["format"], "something-else"), "not a Værdidialog workshop file"),
    "no format": (_delete(["format"]), "not a Værdidialog workshop file"),
    "newer version": (_set(["version"], 3), "newer Værdidialog"),
    "older version": (_set(["version"], 0), "file version 0"),
    "version as text": (_set(["version"], "2"), "the field “version” must be 2"),
    "missing workshop": (_delete(["workshop"]), "the file is missing the field “workshop”"),
    "text is a number": (
        _set(["workshop", "notes", 0, "text"], 5),
        "the field “workshop.notes[0].text” must be text, not a whole number",
    ),
    "position is true": (
        _set(["workshop", "notes", 0, "position"], True),
        "the field “workshop.notes[0].position” must be a whole number, not true or false",
    ),
    "position far too large": (
        _set(["workshop", "notes", 0, "position"], 10**30),
        "“workshop.notes[0].position” must be between 0 and 1000000",
    ),
    "notes is an object": (
        _set(["workshop", "notes"], {}),
        "“workshop.notes” must be a list, not an object",
    ),
    "missing note id": (
        _delete(["workshop", "notes", 0, "id"]),
        "the field “workshop.notes[0]” is missing the field “id”",
    ),
    "missing workshop id": (
        _delete(["workshop", "id"]),
        "the field “workshop” is missing the field “id”",
    ),
    "id is not a UUID": (
        _set(["workshop", "participants", 0, "id"], "anna"),
        "“workshop.participants[0].id” is not a valid id",
    ),
    "dangling step": (
        _set(["workshop", "notes", 0, "step_id"], STRANGER),
        "“workshop.notes[0].step_id” points to a step that is not in the file",
    ),
    "dangling author": (
        _set(["workshop", "notes", 0, "author_id"], STRANGER),
        "“workshop.notes[0].author_id” points to a participant that is not in the file",
    ),
    "dangling value": (
        _set(["workshop", "commitments", 0, "value_id"], STRANGER),
        "“workshop.commitments[0].value_id” points to a value that is not in the file",
    ),
    "dangling current step": (
        _set(["workshop", "current_step_id"], STRANGER),
        "“workshop.current_step_id” points to a step",
    ),
    "duplicate note": (
        _with(lambda doc: doc["workshop"]["notes"].append(dict(doc["workshop"]["notes"][0]))),
        "appears twice in the field “workshop.notes”",
    ),
    "value without section": (
        _with(lambda doc: doc["workshop"]["foundation"]["sections"].pop()),
        "has no section in the field “workshop.foundation.sections”",
    ),
    "unknown field": (
        _set(["workshop", "notes", 0, "colour"], "red"),
        "“workshop.notes[0]” has an unknown field “colour”",
    ),
    "unknown status": (
        _set(["workshop", "commitments", 0, "status"], "maybe"),
        "“workshop.commitments[0].status” must be one of",
    ),
    "bad date": (
        _set(["workshop", "dates"], ["2026-02-30"]),
        "“workshop.dates[0]” is not a date",
    ),
    "timestamp without zone": (
        _set(["workshop", "notes", 0, "updated_at"], "2026-12-01T10:00:00"),
        "“workshop.notes[0].updated_at” is not a timestamp with a time zone",
    ),
    "unknown exercise": (
        _set(["workshop", "steps", 0, "exercise_id"], "future_exercise"),
        "names the exercise “future_exercise”",
    ),
    "empty unit name": (
        _set(["workshop", "unit_name"], ""),
        "“workshop.unit_name” must not be empty",
    ),
    "lone surrogate": (
        lambda doc: json.dumps(doc).replace("Akutmodtagelsen", "Akut\\ud800").encode(),
        "“workshop.unit_name” contains characters that are not valid text",
    ),
    "duplicate key": (
        lambda doc: json.dumps(doc).replace('"version": 2', '"version": 2, "version": 2').encode(),
        "the field “version” appears twice in one object",
    ),
    "NaN": (
        _set(["workshop", "notes", 0, "position"], float("nan")),
        "it contains NaN, which is not a number JSON allows",
    ),
    "nested too deeply": (lambda doc: b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
}


def _note_where(doc, slot):
    return next(i for i, n in enumerate(doc["workshop"]["notes"]) if n["slot"] == slot)


def _set_note(slot, field, value):
    def change(doc):
        doc["workshop"]["notes"][_note_where(doc, slot)][field] = value

    return _with(change)


def _parent_loop(doc):
    notes = doc["workshop"]["notes"]
    attitude, action = notes[_note_where(doc, "attitude")], notes[_note_where(doc, "action")]
    attitude["parent_id"] = action["id"]


def _parent_in_other_step(doc):
    notes = doc["workshop"]["notes"]
    other = next(n for n in notes if n["step_id"] != notes[_note_where(doc, "action")]["step_id"])
    notes[_note_where(doc, "action")]["parent_id"] = other["id"]


def _as_version_1_with(field):
    def change(doc):
        doc["version"] = 1
        for key in ("clusters", "votes", "ratings", "foundation_versions"):
            del doc["workshop"][key]
        for step in doc["workshop"]["steps"]:
            for key in ("skipped", "anonymous", "settings"):
                del step[key]
        for note in doc["workshop"]["notes"]:
            for key in ("slot", "parent_id", "hidden", "cluster_id", "round"):
                if key != field:
                    del note[key]
        for key in ("version", "version_date", "involvement", "logo", "logo_type"):
            del doc["workshop"]["foundation"][key]
        for commitment in doc["workshop"]["commitments"]:
            del commitment["review_note"]

    return _with(change)


FACILITATION_MALFORMED = {
    "dangling parent": (
        _set_note("action", "parent_id", STRANGER),
        ".parent_id” points to a note that is not in the file",
    ),
    "parent in another step": (_with(_parent_in_other_step), "points to a note of another step"),
    "notes under each other": (_with(_parent_loop), "a loop of notes that belong under each other"),
    "dangling cluster": (
        _set_note("attitude", "cluster_id", STRANGER),
        ".cluster_id” points to a cluster that is not in the file",
    ),
    "unknown round": (_set_note("attitude", "round", 3), ".round” must be one of null, 0, 1, 2, 4"),
    "hidden as text": (
        _set_note("action", "hidden", "yes"),
        ".hidden” must be true or false, not text",
    ),
    "vote on a missing note": (
        _set(["workshop", "votes", 0, "note_id"], STRANGER),
        "“workshop.votes[0].note_id” points to a note that is not in the file",
    ),
    "vote by a stranger": (
        _set(["workshop", "votes", 0, "participant_id"], STRANGER),
        "“workshop.votes[0].participant_id” points to a participant that is not in the file",
    ),
    "no dots": (_set(["workshop", "votes", 0, "dots"], 0), "“workshop.votes[0].dots” must be"),
    "rating in a missing step": (
        _set(["workshop", "ratings", 0, "step_id"], STRANGER),
        "“workshop.ratings[0].step_id” points to a step that is not in the file",
    ),
    "score as text": (
        _set(["workshop", "ratings", 0, "score"], "4"),
        "“workshop.ratings[0].score” must be a decimal number or a whole number, not text",
    ),
    "score out of range": (
        _set(["workshop", "ratings", 0, "score"], 1e9),
        "“workshop.ratings[0].score” must be between 0 and 100",
    ),
    "cluster in a missing step": (
        _set(["workshop", "clusters", 0, "step_id"], STRANGER),
        "“workshop.clusters[0].step_id” points to a step that is not in the file",
    ),
    "settings as a list": (
        _set(["workshop", "steps", 0, "settings"], [1]),
        "“workshop.steps[0].settings” must be an object, not a list",
    ),
    "logo not base64": (
        _set(["workshop", "foundation", "logo"], "not base64!"),
        "“workshop.foundation.logo” is not base64-encoded data",
    ),
    "logo not a PNG": (
        _set(["workshop", "foundation", "logo"], "R0lGODlh"),  # a GIF
        "“workshop.foundation.logo” is not a PNG image",
    ),
    "logo without type": (
        _set(["workshop", "foundation", "logo_type"], None),
        "“workshop.foundation.logo” and its type must both be given",
    ),
    "missing review note": (
        _delete(["workshop", "commitments", 0, "review_note"]),
        "“workshop.commitments[0]” is missing the field “review_note”",
    ),
    "version 1 with a version 2 field": (
        _as_version_1_with("slot"),
        "“workshop.notes[0]” has an unknown field “slot”",
    ),
}


@pytest.mark.parametrize("case", sorted(FACILITATION_MALFORMED))
def test_malformed_facilitation_data_is_refused_and_nothing_changes(
    case, workspace, tmp_path, english
):
    wid = full_workshop(workspace)
    document = valid_document(workspace, wid, tmp_path)
    build, message = FACILITATION_MALFORMED[case]
    path = tmp_path / "bad.json"
    path.write_bytes(build(document))
    other = Workspace.open(None)
    before = dump(other)
    with pytest.raises(WorkshopFileError) as info:
        import_workshop_file(other, path)
    assert str(info.value).startswith("The workshop file bad.json cannot be imported: ")
    assert message in str(info.value)
    assert dump(other) == before
    other.close()


def test_a_version_1_file_still_imports_with_the_defaults(workspace, tmp_path):
    wid = full_workshop(workspace)
    path = tmp_path / "old.json"
    path.write_bytes(_as_version_1_with(None)(valid_document(workspace, wid, tmp_path)))
    other = Workspace.open(None)
    summary = import_workshop_file(other, path)
    assert summary.created and summary.notes_added == 6
    snapshot = other.snapshot(wid)
    assert [n.text for n in snapshot.notes] == [n.text for n in workspace.notes(wid)]
    assert not any(n.hidden or n.slot or n.parent_id or n.cluster_id for n in snapshot.notes)
    assert not any(s.skipped or s.anonymous or s.settings for s in other.steps(wid))
    assert (snapshot.clusters, snapshot.votes, snapshot.ratings) == ((), (), ())
    assert snapshot.foundation.logo is None and snapshot.foundation.version == ""
    assert snapshot.commitments[0].review_note == ""
    other.close()


def test_merging_a_version_1_file_keeps_the_local_facilitation_data(workspace, tmp_path):
    wid = full_workshop(workspace)
    document = json.loads(
        _as_version_1_with(None)(valid_document(workspace, wid, tmp_path)).decode()
    )
    for note in document["workshop"]["notes"]:
        note["updated_at"] = "2999-01-01T00:00:00.000+00:00"  # the file's notes win
        note["text"] += " (rettet)"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = workspace.snapshot(wid)
    summary = import_workshop_file(workspace, path)
    assert summary.notes_updated == 6
    after = workspace.snapshot(wid)
    assert all(n.text.endswith(" (rettet)") for n in after.notes)
    keep = [(n.slot, n.parent_id, n.hidden, n.cluster_id, n.round) for n in before.notes]
    assert [(n.slot, n.parent_id, n.hidden, n.cluster_id, n.round) for n in after.notes] == keep
    assert (after.votes, after.ratings, after.foundation) == (
        before.votes,
        before.ratings,
        before.foundation,
    )


def test_ratings_and_votes_from_two_laptops_merge(tmp_path, english):
    laptop_a = Workspace.open(None)
    laptop_b = Workspace.open(None)
    wid = full_workshop(laptop_a)
    import_workshop_file(laptop_b, export_workshop_file(laptop_a, wid, tmp_path / "s.json"))
    step = laptop_a.steps(wid)[2].id
    anna = laptop_a.participants(wid)[1].id
    note = laptop_a.notes(wid)[0].id

    def rate(ws, score, stamp):
        ws.db["rating"].insert(
            {
                "id": str(uuid.uuid4()),
                "workshop_id": wid,
                "step_id": step,
                "participant_id": anna,
                "item": "tor",
                "score": score,
                "updated_at": stamp,
            }
        )

    # The same person rated "tør" on both laptops; B's rating is the newer one.
    rate(laptop_a, 2.0, "2026-12-01T11:00:00.000+00:00")
    rate(laptop_b, 5.0, "2026-12-01T11:05:00.000+00:00")
    laptop_b.db["vote"].insert(
        {
            "id": str(uuid.uuid4()),
            "workshop_id": wid,
            "step_id": step,
            "note_id": note,
            "participant_id": anna,
            "dots": 1,
        }
    )
    summary = import_workshop_file(
        laptop_a, export_workshop_file(laptop_b, wid, tmp_path / "b.json")
    )
    assert (summary.votes_added, summary.ratings_updated, summary.ratings_added) == (1, 1, 0)
    assert "1 new vote" in summary.describe() and "1 new or changed rating" in summary.describe()
    tor = [r for r in laptop_a.snapshot(wid).ratings if r.item == "tor"]
    assert [(r.participant_id, r.score) for r in tor] == [(anna, 5.0)]  # one, the newest
    assert len(laptop_a.snapshot(wid).votes) == 3
    # Importing A's file into B keeps B's newer rating, and again changes nothing.
    import_workshop_file(laptop_b, export_workshop_file(laptop_a, wid, tmp_path / "a.json"))
    assert [r.score for r in laptop_b.snapshot(wid).ratings if r.item == "tor"] == [5.0]
    before = dump(laptop_a)
    assert not import_workshop_file(laptop_a, tmp_path / "b.json").changed
    assert dump(laptop_a) == before
    laptop_a.close()
    laptop_b.close()


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_file_is_refused_and_nothing_changes(
    case, workspace, workshop_id, tmp_path, english
):
    step = workspace.steps(workshop_id)[1]
    workspace.add_note(step.id, "Eksisterende note")
    workspace.add_commitment(workshop_id, "Eksisterende aftale")
    document = valid_document(workspace, workshop_id, tmp_path)
    # A new workshop id, so that only the file's faults can stop the import.
    raw = json.dumps(document).replace(workshop_id, str(uuid.uuid4()))
    build, message = MALFORMED[case]
    path = tmp_path / "bad.json"
    path.write_bytes(build(json.loads(raw)))
    before = dump(workspace)
    with pytest.raises(WorkshopFileError) as info:
        import_workshop_file(workspace, path)
    assert str(info.value).startswith("The workshop file bad.json cannot be imported: ")
    assert message in str(info.value)
    assert dump(workspace) == before


def test_file_over_50_mb_is_refused_without_reading_it(workspace, workshop_id, tmp_path, english):
    path = tmp_path / "huge.json"
    with path.open("wb") as fp:
        fp.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk space or time
    before = dump(workspace)
    with pytest.raises(WorkshopFileError, match="at most 50 MB"):
        import_workshop_file(workspace, path)
    assert dump(workspace) == before


def test_missing_file_is_refused(workspace, tmp_path, english):
    with pytest.raises(WorkshopFileError, match="does not exist"):
        import_workshop_file(workspace, tmp_path / "nowhere.json")


def test_file_that_reuses_ids_of_another_workshop_is_refused(
    workspace, workshop_id, tmp_path, english
):
    """A hand-made file must not overwrite or adopt another workshop's records."""
    document = valid_document(workspace, workshop_id, tmp_path)
    document["workshop"]["id"] = str(uuid.uuid4())  # a "new" workshop, with old notes' ids
    step = workspace.steps(workshop_id)[1]
    workspace.add_note(step.id, "Min note")
    note = workspace.notes(workshop_id)[0]
    document["workshop"]["notes"] = [
        {
            "id": note.id,
            "step_id": document["workshop"]["steps"][0]["id"],
            "value_id": None,
            "author_id": None,
            "text": "overskrevet",
            "position": 0,
            "created_at": note.created_at,
            "updated_at": "2999-01-01T00:00:00.000+00:00",
            "slot": None,
            "parent_id": None,
            "hidden": False,
            "cluster_id": None,
            "round": None,
        }
    ]
    path = tmp_path / "clash.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = dump(workspace)
    with pytest.raises(WorkshopFileError, match="another workshop"):
        import_workshop_file(workspace, path)
    assert dump(workspace) == before


def test_a_failure_while_writing_rolls_the_whole_import_back(workspace, tmp_path, english):
    wid = full_workshop(workspace)
    path = export_workshop_file(workspace, wid, tmp_path / "akut.json")
    other = Workspace.open(None)
    # The last table written refuses: everything written before it must vanish too.
    other.db.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON commitment "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    before = dump(other)
    with pytest.raises(WorkshopFileError, match="could not be imported: disk full"):
        import_workshop_file(other, path)
    assert dump(other) == before
    assert other.list_workshops() == []
    other.close()


def test_byte_order_mark_is_accepted(workspace, workshop_id, tmp_path):
    document = valid_document(workspace, workshop_id, tmp_path)
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode())
    other = Workspace.open(None)
    assert import_workshop_file(other, path).created
    other.close()


def test_export_refuses_a_workshop_too_big_to_import(workspace, workshop_id, tmp_path, english):
    step = workspace.steps(workshop_id)[1]
    for _ in range(27):
        workspace.add_note(step.id, "x" * 2_000_000)
    with pytest.raises(WorkshopFileError, match="too large"):
        export_workshop_file(workspace, workshop_id, tmp_path / "big.json")
    assert not os.listdir(tmp_path)


def test_the_example_in_the_documentation_imports(tmp_path):
    """docs/workshop-file.md must show a file the app accepts."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "workshop-file.md").read_text("utf-8")
    example = doc.split("```json\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.vaerdidialog.json"
    path.write_text(example, encoding="utf-8")
    ws = Workspace.open(None)
    summary = import_workshop_file(ws, path)
    assert summary.created and summary.notes_added == 1 and summary.commitments_added == 1
    note = ws.notes(summary.workshop_id)[0]
    assert note.text == "Vi spørger, før vi antager."
    assert note.round == 2 and note.cluster_id is not None  # read as version 2
    ws.close()
