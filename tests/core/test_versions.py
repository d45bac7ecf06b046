"""The foundation's cover details, logo and kept versions (VersionsMixin)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image

from leaderapp.core.facilitation.versions import MAX_LOGO_BYTES, word_diff
from leaderapp.core.facilitation.versions_commands import EditCoverDetail, SaveVersion, SetLogo
from leaderapp.core.i18n import current_language, set_language
from leaderapp.core.model import ValidationError
from tests.core.foundations import small_workshop


@pytest.fixture
def english():
    """Messages in English (the msgids), whatever the catalogue holds."""
    previous = current_language()
    set_language("en")
    yield
    set_language(previous)


def png(width: int = 60, height: int = 30, color: str = "#17606E") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


def jpeg(width: int = 40, height: int = 40) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "orange").save(out, "JPEG")
    return out.getvalue()


def test_cover_details_are_stored_and_hostile_text_kept(workspace, english):
    wid = small_workshop(workspace)
    workspace.set_cover_details(
        wid,
        version="2.0 <b>&",
        version_date=date(2027, 3, 3),
        involvement="Drøftet i LokalMED den 3. marts 2027 <img src=x> 🙂 Łukasz",
    )
    f = workspace.foundation(wid)
    assert f.version == "2.0 <b>&"
    assert f.version_date == date(2027, 3, 3)
    assert f.involvement == "Drøftet i LokalMED den 3. marts 2027 <img src=x> 🙂 Łukasz"
    # Only what is named changes; None clears the date.
    workspace.set_cover_details(wid, version_date=None)
    f = workspace.foundation(wid)
    assert f.version_date is None and f.version == "2.0 <b>&"
    with pytest.raises(ValidationError, match="too long"):
        workspace.set_cover_details(wid, involvement="x" * 501)


@pytest.mark.parametrize("make, mime", [(png, "image/png"), (jpeg, "image/jpeg")])
def test_a_png_or_jpeg_logo_is_kept_and_can_be_removed(workspace, make, mime):
    wid = small_workshop(workspace)
    data = make()
    workspace.set_logo(wid, data)
    f = workspace.foundation(wid)
    assert f.logo == data and f.logo_type == mime
    workspace.set_logo(wid, None)
    f = workspace.foundation(wid)
    assert f.logo is None and f.logo_type is None


@pytest.mark.parametrize(
    "data, message",
    [
        (b"Dette er bare tekst, ikke et billede", "PNG or JPEG"),
        (png()[:60], "damaged"),  # truncated: the header is right, the image is not
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "damaged"),
        (b"\xff\xd8\xff" + b"x" * (MAX_LOGO_BYTES + 1), "too large"),
        (b"GIF89a" + b"\0" * 50, "PNG or JPEG"),
    ],
    ids=["text", "truncated", "garbage-png", "huge", "gif"],
)
def test_a_bad_logo_is_refused_with_a_message(workspace, english, data, message):
    wid = small_workshop(workspace)
    workspace.set_logo(wid, png())
    with pytest.raises(ValidationError, match=message):
        workspace.set_logo(wid, data)
    assert workspace.foundation(wid).logo == png()  # the old logo stays


def test_save_version_keeps_old_versions_and_compares(workspace, english):
    wid = small_workshop(workspace)
    with pytest.raises(ValidationError, match="name or number"):
        workspace.save_version(wid)
    workspace.set_cover_details(wid, version="1.0", version_date=date(2027, 1, 12))
    first = workspace.save_version(wid).created_id
    with pytest.raises(ValidationError, match="1.0"):
        workspace.save_version(wid)  # the same name twice would confuse

    value = workspace.values(wid)[0]
    workspace.update_section(
        value.id,
        principles=["Vi siger det, vi mener", "Gensidig tillid", "Ny: vi fejrer det gode"],
        expect_of_us="Du kan forvente ledere, der lytter grundigt og vender tilbage.",
    )
    commitments = workspace.commitments(wid)
    workspace.delete_commitment(commitments[1].id)
    workspace.add_commitment(wid, "Halvårlig opfølgning", "Anna")

    changes = workspace.compare_versions(first)  # against the current text
    name = value.name
    text = "\n".join(f"{c.kind}: {c.where}: {c.marked()}" for c in changes)
    assert f"added: {name} – Principles: + Ny: vi fejrer det gode" in text
    assert f"removed: {name} – Principles: − Feedback begge veje" in text
    assert f"changed: {name} – What you can expect of us:" in text
    assert "[+grundigt]" in text
    assert "removed: Commitments: − Afprøve selvplanlægning" in text
    assert "added: Commitments: + Halvårlig opfølgning (Anna)" in text

    workspace.set_cover_details(wid, version="2.0")
    second = workspace.save_version(wid).created_id
    kept = workspace.versions(wid)
    assert [v.version for v in kept] == ["1.0", "2.0"]
    assert kept[0].version_date == date(2027, 1, 12)
    between = workspace.compare_versions(kept[0], kept[1])
    assert [c.marked() for c in between] == [c.marked() for c in changes]
    assert workspace.compare_versions(second) == []  # nothing changed since


def test_word_diff_marks_removed_and_added_words():
    assert word_diff("vi lytter og svarer", "vi lytter grundigt og svarer hurtigt") == (
        ("=", "vi lytter"),
        ("+", "grundigt"),
        ("=", "og svarer"),
        ("+", "hurtigt"),
    )


def test_cover_logo_and_version_commands_undo(workspace):
    wid = small_workshop(workspace)
    edit = EditCoverDetail(wid, "involvement", "Drøftet i MED")
    edit.apply(workspace)
    assert workspace.foundation(wid).involvement == "Drøftet i MED"
    edit.revert(workspace)
    assert workspace.foundation(wid).involvement == ""

    date_edit = EditCoverDetail(wid, "version_date", date(2027, 3, 3))
    date_edit.apply(workspace)
    date_edit.revert(workspace)
    assert workspace.foundation(wid).version_date is None

    workspace.set_logo(wid, png())
    remove = SetLogo(wid, None)
    remove.apply(workspace)
    assert workspace.foundation(wid).logo is None
    remove.revert(workspace)
    assert workspace.foundation(wid).logo == png()

    workspace.set_cover_details(wid, version="1.0")
    save = SaveVersion(wid)
    save.apply(workspace)
    assert len(workspace.versions(wid)) == 1
    save.revert(workspace)
    assert workspace.versions(wid) == []
    save.apply(workspace)  # redo: the same version again
    assert [v.id for v in workspace.versions(wid)] == [save.version_id]


def test_changes_read_as_plain_text_with_signs_and_words(workspace, english):
    from leaderapp.core.facilitation.versions import describe_changes

    wid = small_workshop(workspace)
    workspace.set_cover_details(wid, version="1.0")
    first = workspace.save_version(wid).created_id
    workspace.update_foundation(wid, introduction="Ny indledning <b>&")
    workspace.set_cover_details(wid, involvement="Drøftet i MED 🙂")
    text = describe_changes(workspace.compare_versions(first))
    lines = text.splitlines()
    assert lines[:2] == [
        "Introduction",
        "  ~ Changed: [−Vi har skrevet grundlaget sammen. Det er en invitation til dialog.] "
        "[+Ny indledning <b>&]",
    ]
    assert "  + Added: Drøftet i MED 🙂" in lines
    assert describe_changes([]) == "No changes."
