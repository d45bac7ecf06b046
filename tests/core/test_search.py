"""Search across all workshops' notes: what a facilitator finds, and that nothing
typed into the search box can break it."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaderapp.core.model import WorkshopDraft
from leaderapp.core.search import fts_query, search
from leaderapp.core.storage import open_database
from leaderapp.core.workspace import Workspace

from .old_schema import old_database


def add(workspace, workshop_id, text, step_index=0):
    step = workspace.steps(workshop_id)[step_index]
    return workspace.add_note(step.id, text).created_id


def texts(hits, workspace):
    return sorted(workspace.note(h.note_id).text for h in hits)


def test_a_hit_says_where_the_note_is_and_shows_plain_text(workspace, workshop_id):
    note_id = add(workspace, workshop_id, "Vi viser <b>tillid</b> til hinanden & taler åbent.", 2)
    [hit] = search(workspace, "tillid")
    assert hit.note_id == note_id
    assert hit.workshop_id == workshop_id
    assert hit.workshop_name == "Akutmodtagelsen"
    step = workspace.steps(workshop_id)[2]
    assert hit.step_id == step.id
    assert hit.step_number == 3
    assert hit.step_title == workspace.step_title(step) == "Hvad betyder dygtighed for os?"
    # The excerpt is the user's characters, markup-looking text included.
    assert "<b>tillid</b>" in hit.snippet and "&" in hit.snippet


def test_words_match_as_prefixes_and_all_words_are_required(workspace, workshop_id):
    add(workspace, workshop_id, "Tillidsfuld ledelse kræver mod")
    add(workspace, workshop_id, "Ledelse på tværs af afsnit")
    assert texts(search(workspace, "tillid"), workspace) == ["Tillidsfuld ledelse kræver mod"]
    assert len(search(workspace, "ledelse")) == 2
    assert texts(search(workspace, "ledelse tværs"), workspace) == ["Ledelse på tværs af afsnit"]
    assert search(workspace, "ledelse patienter") == []


def test_a_single_letter_is_a_word_not_a_prefix(workspace, workshop_id):
    add(workspace, workshop_id, "Dialog i hverdagen")
    add(workspace, workshop_id, "Ved å-løbet")
    assert search(workspace, "d") == []
    assert texts(search(workspace, "i"), workspace) == ["Dialog i hverdagen"]
    assert texts(search(workspace, "å"), workspace) == ["Ved å-løbet"]
    assert texts(search(workspace, "di"), workspace) == ["Dialog i hverdagen"]


def test_danish_letters_fold_case_but_keep_their_identity(workspace, workshop_id):
    add(workspace, workshop_id, "ÆRLIGHED og ØJENHØJDE")
    add(workspace, workshop_id, "Vi går sammen")
    add(workspace, workshop_id, "Det ga os ro")
    assert texts(search(workspace, "ærlighed"), workspace) == ["ÆRLIGHED og ØJENHØJDE"]
    assert texts(search(workspace, "øjenhøjde"), workspace) == ["ÆRLIGHED og ØJENHØJDE"]
    # å is its own letter, not an a with a ring: "gå" and "ga" find different notes.
    assert texts(search(workspace, "gå"), workspace) == ["Vi går sammen"]
    assert texts(search(workspace, "GA"), workspace) == ["Det ga os ro"]


def test_search_spans_workshops(workspace, workshop_id):
    other = workspace.create_workshop(WorkshopDraft(unit_name="Radiologisk afdeling")).created_id
    add(workspace, workshop_id, "Dialog ved tavlemødet")
    add(workspace, other, "Dialog med patienterne")
    hits = search(workspace, "dialog")
    assert {h.workshop_name for h in hits} == {"Akutmodtagelsen", "Radiologisk afdeling"}


def test_the_index_follows_edits_and_deletions(workspace, workshop_id):
    note_id = add(workspace, workshop_id, "Første udkast om mod")
    workspace.update_note(note_id, text="Andet udkast om nysgerrighed")
    assert search(workspace, "første") == []
    assert [h.note_id for h in search(workspace, "nysgerrighed")] == [note_id]
    workspace.delete_note(note_id)
    assert search(workspace, "nysgerrighed") == []

    add(workspace, workshop_id, "Læring af fejl")
    workspace.delete_workshop(workshop_id)  # the cascade removes its notes from the index too
    assert search(workspace, "læring") == []


def test_limit_caps_the_hits(workspace, workshop_id):
    for n in range(30):
        add(workspace, workshop_id, f"Kvalitet i opgaven nummer {n}")
    assert len(search(workspace, "kvalitet", limit=7)) == 7
    assert len(search(workspace, "kvalitet")) == 30


def test_blank_or_wordless_queries_find_nothing(workspace, workshop_id):
    add(workspace, workshop_id, "Noget helt almindeligt")
    for query in ("", "   ", '"', "*", "-", "()", "😀"):
        assert search(workspace, query) == []


def test_fts_syntax_in_the_query_is_taken_literally(workspace, workshop_id):
    add(workspace, workshop_id, "Dialog AND dygtighed")
    add(workspace, workshop_id, "Kun dialog her")
    # Unquoted, AND/NOT/NEAR and column filters would be operators or errors.
    assert texts(search(workspace, "dialog AND"), workspace) == ["Dialog AND dygtighed"]
    assert len(search(workspace, "dialog NOT")) == 0
    for query in ("NEAR(dialog", "text:dialog", '"dialog', "dialog*)", "^dialog", "OR OR"):
        search(workspace, query)  # must not raise
    assert fts_query('say "hi" NEAR( x') == '"say"* "hi"* "NEAR("* "x"'


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_no_typed_text_breaks_the_search(workspace, query):
    assert isinstance(search(workspace, query), list)


def test_notes_written_before_the_index_existed_are_found(tmp_path):
    """An existing database from before search: the migration indexes its notes."""
    path = tmp_path / "vaerdidialog.sqlite3"
    old_database(path, "m002_note_search", "Skrevet før søgningen fandtes")

    upgraded = Workspace(open_database(path), path)
    try:
        assert texts(search(upgraded, "søgningen"), upgraded) == ["Skrevet før søgningen fandtes"]
    finally:
        upgraded.close()
