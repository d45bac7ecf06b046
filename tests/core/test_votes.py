"""Dot voting: what is voted on, the limits, anonymous steps, tallies and undo."""

import json
from datetime import date

import pytest

from leaderapp.core.commands import AddNote
from leaderapp.core.facilitation.votes_commands import (
    CastVote,
    SetDotsPerParticipant,
    WithdrawVote,
)
from leaderapp.core.library import load_library
from leaderapp.core.model import ValidationError, WorkshopDraft

HOSTILE = "<b>&</b> <img src=x> 🙂 Łukasz Şükrü"


def _workshop(workspace, program="short_course", people=("Şükrü Yılmaz", "Anna Østergaard")):
    draft = WorkshopDraft(
        unit_name="Akutmodtagelsen",
        dates=(date(2026, 12, 1),),
        participants=people,
        program_id=program,
    )
    return workspace.create_workshop(draft).created_id


def _kind(workspace, step):
    return load_library().exercise(step.exercise_id).kind


def _steps(workspace, workshop_id, exercise_id):
    return [s for s in workspace.steps(workshop_id) if s.exercise_id == exercise_id]


@pytest.fixture
def voting(workspace):
    """A short course with notes in the check-in and a value step; returns
    (workshop_id, voting step, [note ids], [participant ids])."""
    wid = _workshop(workspace)
    checkin = _steps(workspace, wid, "checkin")[0]
    value_step = _steps(workspace, wid, "value_meaning")[0]
    workspace.add_note(checkin.id, "en episode fra hverdagen")
    ids = [
        workspace.add_note(value_step.id, text).created_id
        for text in ("Vi lytter før vi beslutter", HOSTILE, "Vi siger det højt")
    ]
    workspace.add_note(value_step.id, "   ")  # empty: nothing to vote on
    workspace.add_note(value_step.id, "skjult", hidden=True)  # not yet revealed
    step = _steps(workspace, wid, "dot_voting")[0]
    people = [p.id for p in workspace.participants(wid)]
    return wid, step, ids, people


def test_voting_notes_are_the_revealed_statements_of_earlier_steps(workspace, voting):
    _wid, step, ids, _people = voting
    notes = workspace.voting_notes(step.id)
    assert [n.id for n in notes] == ids
    assert notes[1].text == HOSTILE  # stored intact


def test_source_steps_setting_overrides_the_default(workspace, voting):
    wid, step, _ids, _people = voting
    checkin = _steps(workspace, wid, "checkin")[0]
    workspace.set_dots_per_participant(step.id, 3)
    settings = json.dumps({"source_steps": [checkin.id]})
    workspace.db["step"].update(step.id, {"settings": settings})
    assert [n.text for n in workspace.voting_notes(step.id)] == ["en episode fra hverdagen"]


def test_voting_notes_stay_within_the_meeting(workspace):
    wid = _workshop(workspace, program="full_course")
    steps = workspace.steps(wid)
    voting_step = next(s for s in steps if _kind(workspace, s) == "dot_voting")
    same = next(s for s in steps if s.exercise_id == "value_meaning")
    later = next(s for s in steps if s.meeting == 3 and _kind(workspace, s) == "expectations")
    attitude = next(s for s in steps if s.exercise_id == "attitude_action")
    kept = workspace.add_note(same.id, "i mødet").created_id
    workspace.add_note(later.id, "et senere møde", slot="of_us")
    statement = workspace.add_note(attitude.id, "Vi tror på tillid", slot="attitude").created_id
    workspace.add_note(attitude.id, "en handling", slot="action", parent_id=statement)
    assert {n.id for n in workspace.voting_notes(voting_step.id)} == {kept, statement}


def test_each_participant_has_their_dots_and_a_limit_per_note(workspace, voting):
    _wid, step, ids, (anna_or_sukru, other) = voting
    assert workspace.dots_per_participant(step.id) == 3  # the exercise's default
    workspace.cast_vote(step.id, ids[0], anna_or_sukru)
    workspace.cast_vote(step.id, ids[0], anna_or_sukru)
    with pytest.raises(ValidationError, match="2"):
        workspace.cast_vote(step.id, ids[0], anna_or_sukru)  # at most 2 on one note
    workspace.cast_vote(step.id, ids[1], anna_or_sukru)
    assert workspace.dots_left(step.id, anna_or_sukru) == 0
    with pytest.raises(ValidationError):
        workspace.cast_vote(step.id, ids[2], anna_or_sukru)
    assert workspace.dots_left(step.id, other) == 3
    workspace.cast_vote(step.id, ids[2], other)
    assert workspace.tally(step.id) == {ids[0]: 2, ids[1]: 1, ids[2]: 1}
    stored = {(v.note_id, v.participant_id): v.dots for v in workspace.votes(step.id)}
    assert stored == {
        (ids[0], anna_or_sukru): 2,
        (ids[1], anna_or_sukru): 1,
        (ids[2], other): 1,
    }


def test_a_refusal_names_who_has_no_dots_left(workspace, voting):
    _wid, step, ids, (first, _other) = voting
    workspace.set_dots_per_participant(step.id, 1)
    workspace.cast_vote(step.id, ids[0], first)
    with pytest.raises(ValidationError, match="Şükrü Yılmaz"):
        workspace.cast_vote(step.id, ids[1], first)


def test_a_note_outside_the_vote_is_refused(workspace, voting):
    wid, step, _ids, (first, _other) = voting
    checkin_note = workspace.notes(wid, _steps(workspace, wid, "checkin")[0].id)[0]
    with pytest.raises(ValidationError):
        workspace.cast_vote(step.id, checkin_note.id, first)


def test_withdraw_gives_the_dot_back(workspace, voting):
    _wid, step, ids, (first, _other) = voting
    workspace.cast_vote(step.id, ids[0], first)
    workspace.cast_vote(step.id, ids[0], first)
    workspace.withdraw_vote(step.id, ids[0], first)
    assert workspace.tally(step.id) == {ids[0]: 1}
    workspace.withdraw_vote(step.id, ids[0], first)
    assert workspace.votes(step.id) == []
    with pytest.raises(ValidationError):
        workspace.withdraw_vote(step.id, ids[0], first)


def test_anonymous_step_votes_for_the_room(workspace, voting):
    _wid, step, ids, (first, _other) = voting
    workspace.db["step"].update(step.id, {"anonymous": 1})
    assert workspace.dots_left(step.id, None) == 6  # 3 dots x 2 participants
    workspace.cast_vote(step.id, ids[0], first)  # the author is dropped
    assert [v.participant_id for v in workspace.votes(step.id)] == [None]
    for _ in range(3):
        workspace.cast_vote(step.id, ids[0], None)  # the room may put 2 x 2 on one note
    with pytest.raises(ValidationError):
        workspace.cast_vote(step.id, ids[0], None)
    workspace.cast_vote(step.id, ids[1], None)
    workspace.cast_vote(step.id, ids[2], None)
    assert workspace.dots_left(step.id, None) == 0
    with pytest.raises(ValidationError):
        workspace.cast_vote(step.id, ids[1], None)


def test_ranking_sorts_by_dots_and_keeps_notes_without_dots(workspace, voting):
    _wid, step, ids, (first, other) = voting
    workspace.cast_vote(step.id, ids[2], first)
    workspace.cast_vote(step.id, ids[2], other)
    workspace.cast_vote(step.id, ids[1], other)
    ranking = [(n.id, dots) for n, dots in workspace.ranking(step.id)]
    assert ranking == [(ids[2], 2), (ids[1], 1), (ids[0], 0)]


def test_dots_per_participant_is_stored_in_the_step(workspace, voting):
    _wid, step, ids, (first, _other) = voting
    workspace.set_dots_per_participant(step.id, 5)
    assert workspace.step(step.id).settings["dots"] == 5
    assert workspace.dots_left(step.id, first) == 5
    with pytest.raises(ValidationError):
        workspace.set_dots_per_participant(step.id, 0)
    workspace.set_dots_per_participant(step.id, None)
    assert "dots" not in workspace.step(step.id).settings
    assert workspace.dots_per_participant(step.id) == 3


def test_deleting_a_note_removes_its_votes(workspace, voting):
    _wid, step, ids, (first, _other) = voting
    workspace.cast_vote(step.id, ids[0], first)
    workspace.delete_note(ids[0])
    assert workspace.votes(step.id) == []
    assert workspace.dots_left(step.id, first) == 3


def test_votes_of_a_deleted_note_can_be_put_back(workspace, voting):
    _wid, step, ids, (first, other) = voting
    workspace.cast_vote(step.id, ids[0], first)
    workspace.cast_vote(step.id, ids[0], first)
    workspace.cast_vote(step.id, ids[0], other)
    note = workspace.note(ids[0])
    kept = workspace.votes_on_note(ids[0])
    workspace.delete_note(ids[0])
    workspace.restore_note(note)
    changes = workspace.restore_votes(kept)
    assert changes.votes
    assert workspace.votes(step.id) == kept
    assert workspace.dots_left(step.id, first) == 1


def test_vote_commands_undo_and_redo(workspace, voting):
    _wid, step, ids, (first, _other) = voting
    cast = CastVote(step.id, ids[0], first)
    cast.apply(workspace)
    assert workspace.tally(step.id) == {ids[0]: 1}
    back = WithdrawVote(step.id, ids[0], first)
    back.apply(workspace)
    assert workspace.tally(step.id) == {}
    back.revert(workspace)
    cast.revert(workspace)
    assert workspace.tally(step.id) == {}
    dots = SetDotsPerParticipant(step.id, 7)
    dots.apply(workspace)
    assert workspace.dots_per_participant(step.id) == 7
    dots.revert(workspace)
    assert workspace.dots_per_participant(step.id) == 3


def test_a_new_note_in_an_earlier_step_can_be_voted_on(workspace, voting):
    wid, step, _ids, (first, _other) = voting
    value_step = _steps(workspace, wid, "value_meaning")[1]
    add = AddNote(value_step.id, "ny tanke")
    add.apply(workspace)
    workspace.cast_vote(step.id, add.note_id, first)
    assert workspace.tally(step.id) == {add.note_id: 1}
