"""The step plan: reorder, skip, add, remove (and bring back), timeboxes, settings."""

import pytest

from leaderapp.core.facilitation.plan_commands import (
    AddStep,
    MoveStep,
    RemoveStep,
    SetStepAnonymous,
    SetStepSkipped,
    SetTimebox,
    UpdateStepSettings,
)
from leaderapp.core.i18n import _
from leaderapp.core.model import ValidationError
from leaderapp.core.search import search


def exercise_ids(workspace, workshop_id):
    return [s.exercise_id for s in workspace.steps(workshop_id)]


def test_move_step_reorders_and_numbers_the_plan(workspace, workshop_id):
    before = workspace.steps(workshop_id)
    changes = workspace.move_step(before[0].id, 3)
    assert changes.steps
    after = workspace.steps(workshop_id)
    assert [s.id for s in after] == [before[i].id for i in (1, 2, 3, 0, 4, 5, 6)]
    assert [s.position for s in after] == list(range(len(after)))
    # Out of range goes to the end; the same place changes nothing.
    workspace.move_step(before[0].id, 99)
    assert workspace.steps(workshop_id)[-1].id == before[0].id
    assert not workspace.move_step(before[0].id, 6).steps


def test_move_step_command_undo_and_redo(workspace, workshop_id):
    ids = [s.id for s in workspace.steps(workshop_id)]
    command = MoveStep(ids[5], 0)
    command.apply(workspace)
    assert [s.id for s in workspace.steps(workshop_id)][0] == ids[5]
    command.revert(workspace)
    assert [s.id for s in workspace.steps(workshop_id)] == ids
    command.apply(workspace)
    assert [s.id for s in workspace.steps(workshop_id)][0] == ids[5]


def test_skip_and_anonymous_flags(workspace, workshop_id):
    step = workspace.steps(workshop_id)[0]
    workspace.set_step_skipped(step.id, True)
    workspace.set_step_anonymous(step.id, True)
    stored = workspace.step(step.id)
    assert stored.skipped and stored.anonymous
    command = SetStepSkipped(step.id, False)
    command.apply(workspace)
    assert not workspace.step(step.id).skipped
    command.revert(workspace)
    assert workspace.step(step.id).skipped
    anon = SetStepAnonymous(step.id, False)
    anon.apply(workspace)
    assert not workspace.step(step.id).anonymous
    anon.revert(workspace)
    assert workspace.step(step.id).anonymous


@pytest.mark.parametrize("bad", [0, -5, 601, 10_000, 2.5, "30", True])
def test_timebox_is_validated_with_a_translated_message(workspace, workshop_id, danish, bad):
    step = workspace.steps(workshop_id)[0]
    with pytest.raises(ValidationError) as error:
        workspace.set_timebox(step.id, bad)
    assert str(error.value) in (
        _("The timebox must be between {low} and {high} minutes.").format(low=1, high=600),
        _("The timebox must be a whole number of minutes."),
    )
    assert workspace.step(step.id).timebox_minutes == 15


def test_timebox_limits_and_merged_undo(workspace, workshop_id):
    step = workspace.steps(workshop_id)[0]
    workspace.set_timebox(step.id, 1)
    assert workspace.step(step.id).timebox_minutes == 1
    workspace.set_timebox(step.id, 600)
    assert workspace.step(step.id).timebox_minutes == 600
    first = SetTimebox(step.id, 20)
    first.apply(workspace)
    second = SetTimebox(step.id, 25)
    second.apply(workspace)
    assert first.merge(second)
    first.revert(workspace)
    assert workspace.step(step.id).timebox_minutes == 600


def test_update_step_settings_merges_and_none_removes(workspace, workshop_id):
    step = workspace.steps(workshop_id)[0]
    workspace.update_step_settings(step.id, dots=3, pair=["malopfyldelse", "nytaenkning"])
    workspace.update_step_settings(step.id, rounds=True)
    assert workspace.step(step.id).settings == {
        "dots": 3,
        "pair": ["malopfyldelse", "nytaenkning"],
        "rounds": True,
    }
    workspace.update_step_settings(step.id, dots=None, label="Łukasz <b>&")
    assert workspace.step(step.id).settings == {
        "pair": ["malopfyldelse", "nytaenkning"],
        "rounds": True,
        "label": "Łukasz <b>&",
    }
    command = UpdateStepSettings(step.id, rounds=None, dots=5)
    command.apply(workspace)
    assert workspace.step(step.id).settings["dots"] == 5
    assert "rounds" not in workspace.step(step.id).settings
    command.revert(workspace)
    settings = workspace.step(step.id).settings
    assert settings["rounds"] is True and "dots" not in settings


def test_add_step_anywhere_with_the_exercise_default_timebox(workspace, workshop_id):
    changes = workspace.add_step(workshop_id, "polarity_map", index=1)
    assert changes.steps and changes.created_id
    step = workspace.step(changes.created_id)
    assert step.position == 1 and step.timebox_minutes == 45 and step.value_id is None
    assert exercise_ids(workspace, workshop_id)[:3] == ["checkin", "polarity_map", "value_meaning"]
    last = workspace.add_step(workshop_id, "dot_voting", timebox_minutes=7).created_id
    assert workspace.steps(workshop_id)[-1].id == last
    assert workspace.step(last).timebox_minutes == 7
    positions = [s.position for s in workspace.steps(workshop_id)]
    assert positions == list(range(len(positions)))


def test_per_value_exercises_need_a_value_of_the_workshop(workspace, workshop_id, danish):
    value = workspace.values(workshop_id)[2]
    with pytest.raises(ValidationError) as error:
        workspace.add_step(workshop_id, "from_to")
    assert str(error.value) == _("Choose the value this step is about.")
    with pytest.raises(ValidationError):
        workspace.add_step(workshop_id, "from_to", value_id="not-a-value")
    with pytest.raises(ValidationError):
        workspace.add_step(workshop_id, "checkin", value_id=value.id)
    with pytest.raises(ValidationError, match="no_such_exercise"):
        workspace.add_step(workshop_id, "no_such_exercise")
    with pytest.raises(ValidationError):
        workspace.add_step(workshop_id, "checkin", timebox_minutes=0)
    step_id = workspace.add_step(workshop_id, "from_to", value_id=value.id).created_id
    step = workspace.step(step_id)
    assert step.value_id == value.id
    assert workspace.step_title(step) == "Fra → til: dristighed"


def test_added_step_joins_the_meeting_before_it(workspace, make_program_workshop):
    workshop_id = make_program_workshop("full_course")
    steps = workspace.steps(workshop_id)
    last_of_first = max(i for i, s in enumerate(steps) if s.meeting == 1)
    step_id = workspace.add_step(workshop_id, "checkin", index=last_of_first + 1).created_id
    assert workspace.step(step_id).meeting == 1
    step_id = workspace.add_step(workshop_id, "checkin", index=0).created_id
    assert workspace.step(step_id).meeting == 1
    step_id = workspace.add_step(workshop_id, "checkin", meeting=3).created_id
    assert workspace.step(step_id).meeting == 3


@pytest.fixture
def make_program_workshop(workspace):
    from leaderapp.core.model import WorkshopDraft

    def make(program_id):
        draft = WorkshopDraft(unit_name="Kirurgisk afdeling", program_id=program_id)
        return workspace.create_workshop(draft).created_id

    return make


def _fill_step(workspace, workshop_id, step_id):
    """Notes (one under another, one clustered), a vote and ratings in a step."""
    anna = workspace.participants(workshop_id)[1]
    parent = workspace.add_note(step_id, "Holdning: <b>&</b> 😀", author_id=anna.id).created_id
    workspace.add_note(step_id, "Handling for Şükrü", slot="action", parent_id=parent)
    cluster_id = new_cluster(workspace, workshop_id, step_id)
    workspace.add_note(step_id, "Klynget note", cluster_id=cluster_id, hidden=True, round=2)
    vote_id = insert_row(
        workspace,
        "vote",
        {
            "workshop_id": workshop_id,
            "step_id": step_id,
            "note_id": parent,
            "participant_id": anna.id,
            "dots": 2,
        },
    )
    rating_id = insert_row(
        workspace,
        "rating",
        {
            "workshop_id": workshop_id,
            "step_id": step_id,
            "participant_id": None,
            "item": "bor",
            "score": 4.0,
            "updated_at": "2026-12-01T10:00:00.000+00:00",
        },
    )
    return parent, cluster_id, vote_id, rating_id


def new_cluster(workspace, workshop_id, step_id):
    return insert_row(
        workspace,
        "cluster",
        {"workshop_id": workshop_id, "step_id": step_id, "name": "Tillid", "position": 0},
    )


def insert_row(workspace, table, row):
    from leaderapp.core.model import new_id

    row = {"id": new_id(), **row}
    with workspace.db.atomic():
        workspace.db[table].insert(row)
    return row["id"]


def test_remove_step_deletes_its_content_and_restore_brings_all_back(workspace, workshop_id):
    steps = workspace.steps(workshop_id)
    step = steps[1]
    workspace.set_current_step(workshop_id, step.id)
    workspace.update_step_settings(step.id, dots=4)
    workspace.set_step_anonymous(step.id, True)
    _fill_step(workspace, workshop_id, step.id)
    before = workspace.snapshot(workshop_id)
    assert len(before.notes_in_step(step.id)) == 3
    assert search(workspace, "Şükrü")

    removed = workspace.removed_step(step.id)
    assert len(removed.notes) == 3 and len(removed.votes) == 1 and len(removed.ratings) == 1
    assert removed.was_current and not removed.is_empty
    changes = workspace.remove_step(step.id)
    assert changes.steps and changes.notes and changes.votes and changes.ratings
    gone = workspace.snapshot(workshop_id)
    assert step.id not in {s.id for s in gone.steps}
    assert not gone.notes_in_step(step.id) and not gone.votes and not gone.ratings
    assert not gone.clusters
    assert [s.position for s in gone.steps] == list(range(len(steps) - 1))
    # The step that took its place is current now.
    assert gone.workshop.current_step_id == steps[2].id
    assert not search(workspace, "Şükrü")  # the search index forgot the notes

    workspace.restore_step(removed)
    after = workspace.snapshot(workshop_id)
    assert after.steps == before.steps
    assert after.steps[1].settings == {"dots": 4}
    assert after.notes == before.notes
    assert after.clusters == before.clusters
    assert after.votes == before.votes
    assert after.ratings == before.ratings
    assert after.workshop.current_step_id == step.id
    assert search(workspace, "Şükrü")


def test_remove_step_command_round_trip(workspace, workshop_id):
    step = workspace.steps(workshop_id)[0]
    workspace.add_note(step.id, "Et øjeblik med dialog")
    before = workspace.snapshot(workshop_id)
    command = RemoveStep(step.id)
    command.apply(workspace)
    assert len(workspace.steps(workshop_id)) == 6
    command.revert(workspace)
    restored = workspace.snapshot(workshop_id)
    assert restored.steps == before.steps and restored.notes == before.notes
    command.apply(workspace)
    assert not workspace.notes(workshop_id, step.id)


def test_restore_step_whose_value_is_gone_is_refused(workspace, workshop_id, danish):
    step = next(s for s in workspace.steps(workshop_id) if s.value_id)
    removed = workspace.removed_step(step.id)
    workspace.remove_step(step.id)
    workspace.remove_value(step.value_id)
    with pytest.raises(ValidationError) as error:
        workspace.restore_step(removed)
    assert str(error.value) == _("The step's value no longer exists.")
    assert step.id not in {s.id for s in workspace.steps(workshop_id)}


def test_restored_votes_lose_a_removed_participant(workspace, workshop_id):
    step = workspace.steps(workshop_id)[1]
    _fill_step(workspace, workshop_id, step.id)
    removed = workspace.removed_step(step.id)
    workspace.remove_step(step.id)
    names = [p.name for p in workspace.participants(workshop_id)]
    workspace.set_participants(workshop_id, [n for n in names if n != "Anna Østergaard"])
    workspace.restore_step(removed)
    votes = workspace.snapshot(workshop_id).votes
    assert len(votes) == 1 and votes[0].participant_id is None
    assert all(n.author_id is None for n in workspace.notes(workshop_id, step.id))


def test_add_step_command_redo_brings_back_the_same_step(workspace, workshop_id):
    command = AddStep(workshop_id, "triple_task", index=2, timebox_minutes=12)
    command.apply(workspace)
    step_id = command.step_id
    assert workspace.steps(workshop_id)[2].id == step_id
    command.revert(workspace)
    assert step_id not in {s.id for s in workspace.steps(workshop_id)}
    command.apply(workspace)
    step = workspace.steps(workshop_id)[2]
    assert step.id == step_id and step.timebox_minutes == 12
