from datetime import date

import pytest

from leaderapp.core.model import CommitmentStatus, ValidationError, WorkshopDraft
from leaderapp.core.workspace import NotFound, Workspace


def test_new_workshop_has_the_regions_values_and_the_program(workspace, workshop_id):
    values = workspace.values(workshop_id)
    assert [v.name for v in values] == ["Dialog", "Dygtighed", "Dristighed"]
    assert [v.key for v in values] == ["dialog", "dygtighed", "dristighed"]
    steps = workspace.steps(workshop_id)
    assert [s.exercise_id for s in steps] == [
        "checkin",
        "value_meaning",
        "value_meaning",
        "value_meaning",
        "write_foundation",
        "commitments",
        "export",
    ]
    # One reflection step per value, in value order.
    assert [s.value_id for s in steps if s.value_id] == [v.id for v in values]
    assert workspace.step_title(steps[2]) == "Hvad betyder dygtighed for os?"
    assert workspace.workshop(workshop_id).current_step_id == steps[0].id
    assert [p.name for p in workspace.participants(workshop_id)] == [
        "Şükrü Yılmaz",
        "Anna Østergaard",
        "Sigrún Ólafsdóttir",
    ]


def test_unit_name_is_required_and_bounded(workspace):
    with pytest.raises(ValidationError, match="udfyldes|empty"):
        workspace.create_workshop(WorkshopDraft(unit_name="   "))
    with pytest.raises(ValidationError):
        workspace.create_workshop(WorkshopDraft(unit_name="x" * 500))
    assert workspace.list_workshops() == []


def test_notes_round_trip_exactly(workspace, workshop_id):
    step = workspace.steps(workshop_id)[1]
    hostile = '<b>fed</b> & <img src="/etc/passwd"/> 😀 Łukasz שלום\x07'
    note_id = workspace.add_note(step.id, hostile).created_id
    note = workspace.note(note_id)
    assert note.text == hostile
    assert note.value_id == step.value_id  # a value step tags its notes
    big = "æøå " * 250_000  # a 1 MB paste
    workspace.update_note(note_id, text=big)
    assert workspace.note(note_id).text == big
    author = workspace.participants(workshop_id)[0]
    workspace.update_note(note_id, author_id=author.id)
    assert workspace.note(note_id).author_id == author.id
    workspace.delete_note(note_id)
    assert workspace.notes(workshop_id) == []


def test_a_too_long_note_is_refused_and_the_old_text_kept(workspace, workshop_id):
    step = workspace.steps(workshop_id)[0]
    note_id = workspace.add_note(step.id, "første udkast").created_id
    with pytest.raises(ValidationError):
        workspace.update_note(note_id, text="x" * 3_000_000)
    assert workspace.note(note_id).text == "første udkast"


def test_list_and_find_workshops(workspace, workshop_id):
    other = workspace.create_workshop(WorkshopDraft(unit_name="Psykiatrien")).created_id
    listed = workspace.list_workshops()
    assert {w.id for w in listed} == {workshop_id, other}
    assert workspace.find_workshop("Akutmodtagelsen").id == workshop_id
    assert workspace.find_workshop(other).unit_name == "Psykiatrien"
    with pytest.raises(NotFound):
        workspace.find_workshop("Findes ikke")
    workspace.create_workshop(WorkshopDraft(unit_name="Psykiatrien"))
    with pytest.raises(NotFound, match="id"):
        workspace.find_workshop("Psykiatrien")


def test_rename_and_delete_cascade(workspace, workshop_id):
    workspace.rename_workshop(workshop_id, "  Akut   og Traume ")
    assert workspace.workshop(workshop_id).unit_name == "Akut og Traume"
    step = workspace.steps(workshop_id)[0]
    workspace.add_note(step.id, "hej")
    workspace.add_commitment(workshop_id, "Handling", "Anna")
    workspace.delete_workshop(workshop_id)
    assert workspace.list_workshops() == []
    for table in ("note", "step", "value", "foundation_section", "commitment", "participant"):
        assert workspace.db[table].count == 0, table


def test_own_value_gets_a_section_and_a_step_and_can_be_reordered(workspace, workshop_id):
    changes = workspace.add_value(workshop_id, "Ordentlighed")
    assert changes.values and changes.steps and changes.foundation
    value_id = changes.created_id
    titles = [workspace.step_title(s) for s in workspace.steps(workshop_id)]
    assert titles[4] == "Hvad betyder ordentlighed for os?"
    assert workspace.section(value_id).heading == ""
    workspace.move_value(value_id, 0)
    assert [v.name for v in workspace.values(workshop_id)][0] == "Ordentlighed"
    assert (
        workspace.step_title(workspace.steps(workshop_id)[1]) == "Hvad betyder ordentlighed for os?"
    )
    assert workspace.foundation(workshop_id).sections[0].value_id == value_id
    with pytest.raises(ValidationError):
        workspace.add_value(workshop_id, "dialog")
    workspace.update_value(value_id, name="Ordentlighed og ansvar")
    assert workspace.values(workshop_id)[0].name == "Ordentlighed og ansvar"


def test_removing_a_value_removes_its_step_and_section(workspace, workshop_id):
    value = workspace.values(workshop_id)[2]
    step = next(s for s in workspace.steps(workshop_id) if s.value_id == value.id)
    workspace.add_note(step.id, "forsvinder med trinnet")
    checkin = workspace.steps(workshop_id)[0]
    kept = workspace.add_note(checkin.id, "bliver", value_id=value.id).created_id
    workspace.remove_value(value.id)
    assert len(workspace.values(workshop_id)) == 2
    assert all(s.value_id != value.id for s in workspace.steps(workshop_id))
    assert [s.position for s in workspace.steps(workshop_id)] == list(range(6))
    assert workspace.note(kept).value_id is None
    assert len(workspace.foundation(workshop_id).sections) == 2


def test_foundation_sections_follow_the_values(workspace, workshop_id):
    values = workspace.values(workshop_id)
    workspace.update_foundation(workshop_id, introduction="Indledning med æøå")
    workspace.update_section(
        values[0].id,
        heading="Åben og ligeværdig dialog",
        principles=["Ærlighed", "  ", "Gensidig tillid", "Respektfuld feedback"],
        expect_of_us="Vi lytter.",
        expect_of_you="Du siger til.",
    )
    foundation = workspace.foundation(workshop_id)
    assert foundation.introduction == "Indledning med æøå"
    first = foundation.sections[0]
    assert first.heading == "Åben og ligeværdig dialog"
    assert first.principles == ("Ærlighed", "Gensidig tillid", "Respektfuld feedback")
    assert first.principle_problem() is None
    assert "3" in foundation.sections[1].principle_problem()


def test_commitments(workspace, workshop_id):
    cid = workspace.add_commitment(workshop_id, "Fast feedbackrunde", "Anna", date(2027, 3, 1))
    cid = cid.created_id
    workspace.update_commitment(cid, status=CommitmentStatus.IN_PROGRESS, due_date=None)
    c = workspace.commitment(cid)
    assert (c.action, c.owner, c.due_date, c.status) == (
        "Fast feedbackrunde",
        "Anna",
        None,
        CommitmentStatus.IN_PROGRESS,
    )
    assert c.status.label == "I gang"
    workspace.delete_commitment(cid)
    assert workspace.commitments(workshop_id) == []


def test_renaming_participants_keeps_authors_of_those_who_stay(workspace, workshop_id):
    anna = next(p for p in workspace.participants(workshop_id) if p.name == "Anna Østergaard")
    step = workspace.steps(workshop_id)[0]
    note_id = workspace.add_note(step.id, "x", author_id=anna.id).created_id
    workspace.set_participants(workshop_id, ["Anna Østergaard", "Ny Deltager"])
    assert workspace.note(note_id).author_id == anna.id
    assert [p.name for p in workspace.participants(workshop_id)] == [
        "Anna Østergaard",
        "Ny Deltager",
    ]


def test_snapshot_is_complete(workspace, workshop_id):
    step = workspace.steps(workshop_id)[0]
    workspace.add_note(step.id, "en note")
    workspace.add_commitment(workshop_id, "gør noget")
    snap = workspace.snapshot(workshop_id)
    assert snap.workshop.unit_name == "Akutmodtagelsen"
    assert len(snap.values) == 3 and len(snap.foundation.sections) == 3
    assert snap.notes_in_step(step.id)[0].text == "en note"
    assert snap.commitments[0].action == "gør noget"


def test_a_failed_write_changes_nothing(workspace, workshop_id, monkeypatch):
    step = workspace.steps(workshop_id)[0]
    before = workspace.workshop(workshop_id).updated_at

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(workspace, "_touch", boom)
    with pytest.raises(RuntimeError):
        workspace.add_note(step.id, "halvt skrevet")
    assert workspace.notes(workshop_id) == []
    assert workspace.workshop(workshop_id).updated_at == before


def test_data_survives_reopening(tmp_path):
    path = tmp_path / "data" / "db.sqlite3"
    ws = Workspace.open(path)
    wid = ws.create_workshop(WorkshopDraft(unit_name="Ældreområdet")).created_id
    ws.add_note(ws.steps(wid)[0].id, "gemt")
    ws.close()
    ws = Workspace.open(path)
    assert ws.notes(wid)[0].text == "gemt"
    ws.close()


def test_a_lone_surrogate_is_stored_as_a_replacement_character(workspace, workshop_id):
    step = workspace.steps(workshop_id)[0]
    note_id = workspace.add_note(step.id, "før \ud800 efter 😀").created_id
    assert workspace.note(note_id).text == "før \ufffd efter 😀"


def test_details_and_participants_change_together_or_not_at_all(workspace, workshop_id):
    with pytest.raises(ValidationError):
        workspace.update_workshop(
            workshop_id, unit_name="Nyt navn", participants=["Anna Østergaard", "x" * 500]
        )
    assert workspace.workshop(workshop_id).unit_name == "Akutmodtagelsen"
    assert len(workspace.participants(workshop_id)) == 3
    workspace.update_workshop(workshop_id, unit_name="Nyt navn", participants=["Bo"])
    assert workspace.workshop(workshop_id).unit_name == "Nyt navn"
    assert [p.name for p in workspace.participants(workshop_id)] == ["Bo"]
