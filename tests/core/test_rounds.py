"""1-2-4-all: groups from the participant list, the current round, notes per round."""

from datetime import date

import pytest

from leaderapp.core.facilitation.rounds import ALL, form_groups, round_seconds
from leaderapp.core.facilitation.rounds_commands import SetCurrentRound, SetRounds
from leaderapp.core.model import ValidationError, WorkshopDraft


@pytest.mark.parametrize("n", range(4, 13))
def test_form_groups_places_everybody_once_in_sensible_groups(n):
    people = [f"p{i}" for i in range(n)]
    alone = form_groups(people, 1)
    pairs = form_groups(people, 2)
    fours = form_groups(people, 4)
    everyone = form_groups(people, ALL)
    assert alone == [[p] for p in people]
    assert everyone == [people]
    for groups, low, high in ((pairs, 2, 3), (fours, 3, 5)):
        assert sorted(p for g in groups for p in g) == sorted(people)
        assert all(low <= len(g) <= high for g in groups), groups
    assert sum(len(g) == 3 for g in pairs) == n % 2  # a trio only for an odd count
    assert form_groups(people, 2) == pairs  # deterministic


@pytest.mark.parametrize(
    ("n", "sizes"),
    [(4, [4]), (5, [5]), (6, [3, 3]), (7, [4, 3]), (9, [4, 5]), (10, [4, 3, 3]), (12, [4, 4, 4])],
)
def test_fours_for_odd_counts(n, sizes):
    assert [len(g) for g in form_groups([str(i) for i in range(n)], 4)] == sizes


def test_pairs_sit_together_in_their_four():
    people = [str(i) for i in range(8)]
    assert form_groups(people, 2)[:2] == [["0", "1"], ["2", "3"]]
    assert form_groups(people, 4)[0] == ["0", "1", "2", "3"]


def test_small_groups():
    assert form_groups([], 2) == []
    assert form_groups(["a"], 2) == [["a"]]
    assert form_groups(["a", "b", "c"], 2) == [["a", "b", "c"]]


def test_round_seconds_share_the_timebox():
    total = sum(round_seconds(24, r) for r in (1, 2, 4, ALL))
    assert abs(total - 24 * 60) <= 60
    assert round_seconds(24, 1) < round_seconds(24, 2) < round_seconds(24, 4)


@pytest.fixture
def step_id(workspace):
    names = tuple(f"Leder {i} Ø" for i in range(7))
    wid = workspace.create_workshop(
        WorkshopDraft(unit_name="Enhed", dates=(date(2026, 2, 2),), participants=names)
    ).created_id
    return workspace.steps(wid)[0].id


def test_rounds_on_off_and_current_round(workspace, step_id):
    assert workspace.current_round(step_id) is None
    workspace.set_rounds(step_id, True)
    assert workspace.step(step_id).settings["rounds"] is True
    assert workspace.current_round(step_id) == 1
    workspace.set_current_round(step_id, 4)
    assert workspace.current_round(step_id) == 4
    with pytest.raises(ValidationError):
        workspace.set_current_round(step_id, 3)
    workspace.set_rounds(step_id, False)
    assert workspace.current_round(step_id) is None


def test_groups_for_round_names_the_participants(workspace, step_id):
    pairs = workspace.groups_for_round(step_id, 2)
    assert [len(g) for g in pairs] == [2, 2, 3]
    assert pairs[0][0].name == "Leder 0 Ø"
    assert [len(g) for g in workspace.groups_for_round(step_id, 4)] == [4, 3]
    assert len(workspace.groups_for_round(step_id, ALL)[0]) == 7


def test_notes_keep_their_round(workspace, step_id):
    workspace.add_note(step_id, "alene", round=1)
    workspace.add_note(step_id, "i par", round=2)
    workspace.add_note(step_id, "uden runde")
    by_round = workspace.notes_by_round(step_id)
    assert {r: [n.text for n in notes] for r, notes in by_round.items()} == {
        1: ["alene"],
        2: ["i par"],
        None: ["uden runde"],
    }


def test_round_commands_undo(workspace, step_id):
    on = SetRounds(step_id, True)
    on.apply(workspace)
    go = SetCurrentRound(step_id, 2)
    go.apply(workspace)
    assert workspace.current_round(step_id) == 2
    go.revert(workspace)
    assert workspace.current_round(step_id) == 1
    on.revert(workspace)
    assert workspace.current_round(step_id) is None
