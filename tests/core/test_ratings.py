"""Ratings: competence scores, polarity placements and the pair, follow-up statuses."""

from __future__ import annotations

from datetime import date

import pytest

from leaderapp.core.commands import AddNote
from leaderapp.core.facilitation.ratings import follow_up_key, follow_up_status
from leaderapp.core.facilitation.ratings_commands import (
    EditReviewNote,
    SetPolarityPair,
    SetRating,
    SetReviewStatus,
)
from leaderapp.core.library import load_library
from leaderapp.core.model import CommitmentStatus, ValidationError, WorkshopDraft, new_id
from leaderapp.core.storage import rows


@pytest.fixture
def course(workspace):
    draft = WorkshopDraft(
        unit_name="Medicinsk afdeling",
        participants=("Şükrü Yılmaz", "Anna Østergaard", "Sigrún Ólafsdóttir"),
        program_id="full_course",
    )
    return workspace.create_workshop(draft).created_id


def step_of(workspace, workshop_id, exercise_id):
    return next(s for s in workspace.steps(workshop_id) if s.exercise_id == exercise_id)


def add_follow_up_step(workspace, workshop_id):
    """A follow-up step at the end of the plan (as the facilitator adds one months later)."""
    step_id = new_id()
    workspace.db["step"].insert(
        {
            "id": step_id,
            "workshop_id": workshop_id,
            "exercise_id": "follow_up",
            "position": len(workspace.steps(workshop_id)),
            "timebox_minutes": 40,
        }
    )
    return workspace.step(step_id)


def people(workspace, workshop_id):
    return [p.id for p in workspace.participants(workshop_id)]


def test_a_score_per_participant_and_dimension_and_the_average(workspace, course):
    step = step_of(workspace, course, "competence_rating")
    sukru, anna, sigrun = people(workspace, course)
    workspace.set_rating(step.id, "kan", 2, sukru)
    workspace.set_rating(step.id, "kan", 5, anna)
    workspace.set_rating(step.id, "tor", 3, sigrun)
    changes = workspace.set_rating(step.id, "kan", 4, sukru)  # replaces Şükrü's 2
    assert changes.ratings
    assert sorted((r.participant_id, r.item, r.score) for r in workspace.ratings(step.id)) == (
        sorted([(sukru, "kan", 4.0), (anna, "kan", 5.0), (sigrun, "tor", 3.0)])
    )
    assert workspace.average_ratings(step.id) == {"kan": 4.5, "tor": 3.0}


def test_scores_outside_the_scale_or_unknown_items_are_refused(workspace, course):
    step = step_of(workspace, course, "competence_rating")
    anna = people(workspace, course)[1]
    for bad in (0, 6, 5.5, float("nan"), True):
        with pytest.raises(ValidationError, match=r"\b1\b.*\b5\b"):
            workspace.set_rating(step.id, "vil", bad, anna)
    with pytest.raises(ValidationError):
        workspace.set_rating(step.id, "now", 3, anna)  # a placement item, not a dimension
    with pytest.raises(ValidationError):
        workspace.set_rating(step_of(workspace, course, "checkin").id, "vil", 3, anna)
    assert workspace.ratings(step.id) == []


def test_a_participant_of_another_workshop_cannot_rate(workspace, course):
    other = workspace.create_workshop(
        WorkshopDraft(unit_name="Psykiatrien", participants=("Bo",), program_id="full_course")
    ).created_id
    step = step_of(workspace, course, "competence_rating")
    with pytest.raises(ValidationError):
        workspace.set_rating(step.id, "bor", 3, people(workspace, other)[0])


def test_an_anonymous_step_keeps_one_score_for_the_group(workspace, course):
    step = step_of(workspace, course, "competence_rating")
    workspace.db["step"].update(step.id, {"anonymous": 1})
    sukru, anna, _ = people(workspace, course)
    workspace.set_rating(step.id, "ma", 2, sukru)
    workspace.set_rating(step.id, "ma", 4, anna)
    [rating] = workspace.ratings(step.id)
    assert (rating.participant_id, rating.score) == (None, 4.0)


def test_clear_and_undo_put_the_earlier_score_back(workspace, course):
    step = step_of(workspace, course, "competence_rating")
    anna = people(workspace, course)[1]
    workspace.set_rating(step.id, "vil", 3, anna)
    original = workspace.rating(step.id, "vil", anna)

    change = SetRating(step.id, "vil", 5, anna)
    change.apply(workspace)
    assert workspace.rating(step.id, "vil", anna).score == 5
    change.revert(workspace)
    assert workspace.rating(step.id, "vil", anna) == original

    clear = SetRating(step.id, "vil", None, anna)
    clear.apply(workspace)
    assert workspace.ratings(step.id) == []
    clear.revert(workspace)
    assert workspace.rating(step.id, "vil", anna) == original

    first = SetRating(step.id, "bor", 1, anna)
    first.apply(workspace)
    first.revert(workspace)
    assert workspace.rating(step.id, "bor", anna) is None
    first.apply(workspace)  # redo
    assert workspace.rating(step.id, "bor", anna).score == 1


def test_polarity_placements_use_the_scale_of_the_exercise(workspace, course):
    step = step_of(workspace, course, "polarity_map")
    positions = load_library().exercise("polarity_map").data.placement.positions
    sukru, anna, _ = people(workspace, course)
    workspace.set_rating(step.id, "now", 2, sukru)
    workspace.set_rating(step.id, "target", positions, sukru)
    workspace.set_rating(step.id, "now", 4, anna)
    with pytest.raises(ValidationError):
        workspace.set_rating(step.id, "target", positions + 1, anna)
    with pytest.raises(ValidationError):
        workspace.set_rating(step.id, "kan", 3, anna)
    assert workspace.average_ratings(step.id) == {"now": 3.0, "target": float(positions)}


def test_the_pair_defaults_to_the_exercise_and_can_be_chosen_and_undone(workspace, course):
    step = step_of(workspace, course, "polarity_map")
    default = load_library().exercise("polarity_map").data.default_pair
    assert workspace.polarity_pair(step.id) == default
    workspace.db["step"].update(step.id, {"settings": '{"dots": 4}'})

    command = SetPolarityPair(step.id, "malopfyldelse", "baeredygtighed")
    command.apply(workspace)
    assert workspace.polarity_pair(step.id) == ("malopfyldelse", "baeredygtighed")
    assert workspace.step(step.id).settings == {
        "dots": 4,
        "pair": ["malopfyldelse", "baeredygtighed"],
    }
    command.revert(workspace)
    assert workspace.step(step.id).settings == {"dots": 4}
    assert workspace.polarity_pair(step.id) == default

    for left, right in (("malopfyldelse", "malopfyldelse"), ("malopfyldelse", "nonsense")):
        with pytest.raises(ValidationError):
            workspace.set_polarity_pair(step.id, left, right)


def test_the_follow_up_re_rates_against_the_earlier_rating_step(workspace, course):
    follow_up = add_follow_up_step(workspace, course)
    rating_step = step_of(workspace, course, "competence_rating")
    assert workspace.rating_baseline(follow_up.id).id == rating_step.id
    workspace.set_rating(follow_up.id, "kan", 4)  # the group's own score
    assert workspace.average_ratings(follow_up.id) == {"kan": 4.0}
    assert workspace.average_ratings(rating_step.id) == {}
    with pytest.raises(ValidationError):
        workspace.set_rating(follow_up.id, "now", 3)


def test_follow_up_without_an_earlier_rating_has_no_baseline(workspace):
    workshop_id = workspace.create_workshop(
        WorkshopDraft(unit_name="Opfølgning", program_id="follow_up")
    ).created_id
    follow_up = step_of(workspace, workshop_id, "follow_up")
    assert workspace.rating_baseline(follow_up.id) is None


def test_every_follow_up_status_maps_to_a_stored_status_and_back(workspace, course):
    statuses = load_library().exercise("follow_up").data.statuses
    commitment_id = workspace.add_commitment(course, "Fast punkt på tavlemødet").created_id
    for status in statuses:
        stored = follow_up_status(status.key)
        workspace.update_commitment(commitment_id, status=stored)
        reloaded = workspace.commitment(commitment_id).status
        assert reloaded is stored
        assert follow_up_key(reloaded) == status.key
    assert CommitmentStatus.ADJUSTED.label


def test_stored_statuses_of_earlier_versions_still_load():
    row = {
        "id": "c1",
        "workshop_id": "w1",
        "action": "Gammel",
        "owner": "",
        "position": 0,
        "due_date": "2025-01-02",
        "value_id": None,
    }
    for value in ("planned", "in_progress", "done", "dropped", "adjusted"):
        assert rows.commitment({**row, "status": value}).status.value == value
    assert rows.commitment({**row, "status": "planned"}).due_date == date(2025, 1, 2)


def test_review_status_and_note_are_undoable(workspace, course):
    commitment_id = workspace.add_commitment(course, "Ugentlig opfølgning").created_id
    status = SetReviewStatus(commitment_id, CommitmentStatus.ADJUSTED)
    status.apply(workspace)
    review = EditReviewNote(commitment_id, "Flyttet til <b>hver anden uge</b> 🙂")
    review.apply(workspace)
    stored = workspace.commitment(commitment_id)
    assert stored.status is CommitmentStatus.ADJUSTED
    assert stored.review_note == "Flyttet til <b>hver anden uge</b> 🙂"
    review.revert(workspace)
    status.revert(workspace)
    stored = workspace.commitment(commitment_id)
    assert (stored.status, stored.review_note) == (CommitmentStatus.PLANNED, "")


def test_slot_notes_are_stored_with_their_slot_and_undone(workspace, course):
    step = step_of(workspace, course, "polarity_map")
    add = AddNote(step.id, "Vi tør prøve noget nyt", slot="left_upside")
    add.apply(workspace)
    [note] = workspace.notes(course, step.id)
    assert (note.slot, note.text) == ("left_upside", "Vi tør prøve noget nyt")
    add.revert(workspace)
    assert workspace.notes(course, step.id) == []
    add.apply(workspace)
    assert workspace.notes(course, step.id)[0].id == note.id


def test_ratings_are_in_the_snapshot(workspace, course):
    step = step_of(workspace, course, "competence_rating")
    workspace.set_rating(step.id, "bor", 5)
    snapshot = workspace.snapshot(course)
    assert [(r.item, r.score) for r in snapshot.ratings_in_step(step.id)] == [("bor", 5.0)]


def test_swapping_the_poles_moves_notes_and_mirrors_placements(workspace, course):
    step = step_of(workspace, course, "polarity_map")
    positions = load_library().exercise("polarity_map").data.placement.positions
    left, right = workspace.polarity_pair(step.id)
    anna = people(workspace, course)[1]
    note_id = workspace.add_note(step.id, f"Det gode ved {left}", slot="left_upside").created_id
    warning_id = workspace.add_note(step.id, "Tegn", slot="warning:right").created_id
    workspace.set_rating(step.id, "now", 2, anna)

    swap = SetPolarityPair(step.id, right, left)
    swap.apply(workspace)
    assert workspace.polarity_pair(step.id) == (right, left)
    assert workspace.note(note_id).slot == "right_upside"
    assert workspace.note(warning_id).slot == "warning:left"
    assert workspace.rating(step.id, "now", anna).score == positions + 1 - 2

    swap.revert(workspace)
    assert workspace.polarity_pair(step.id) == (left, right)
    assert workspace.stored_polarity_pair(step.id) is None
    assert workspace.note(note_id).slot == "left_upside"
    assert workspace.rating(step.id, "now", anna).score == 2

    # Replacing one area keeps the notes where they are.
    other = next(
        a.key
        for a in load_library().exercise("polarity_map").data.areas
        if a.key not in (left, right)
    )
    workspace.set_polarity_pair(step.id, other, right)
    assert workspace.note(note_id).slot == "left_upside"
    assert workspace.rating(step.id, "now", anna).score == 2
