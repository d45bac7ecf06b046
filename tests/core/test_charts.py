"""The cover details, the logo and the charts in the printed foundation: PDF,
Word and Markdown carry the same content."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from PIL import Image
from pypdf import PdfReader

from leaderapp.core.export.charts import drawing_png, polarity_drawing, radar_drawing
from leaderapp.core.export.document import build_outline
from leaderapp.core.export.docx import export_docx
from leaderapp.core.export.markdown import export_markdown
from leaderapp.core.export.pdf import export_pdf
from leaderapp.core.i18n import current_language, set_language
from leaderapp.core.model import new_id, now_iso
from leaderapp.core.workspace import Workspace
from tests.core.foundations import small_workshop

# Ratings written straight to the tables, with the steps added as the plan would.
RADAR_SCORES = {  # per participant: bør, kan, vil, må, tør
    0: (4, 3, 5, 2, 3),
    1: (5, 2, 4, 2, 2),
    2: (4, 3, 4, 3, 2),
    3: (3, 4, 5, 3, 1),
}
FOLLOW_UP_SCORES = {0: (5, 4, 5, 3, 4), 1: (4, 4, 4, 4, 3)}
PLACEMENTS = {0: (2, 4), 1: (3, 5), 2: (2, 5), 3: (1, 4)}  # now, target on 1..7


def add_step(ws: Workspace, wid: str, exercise_id: str, settings: str | None = None) -> str:
    position = len(ws.steps(wid))
    step_id = new_id()
    row = {
        "id": step_id,
        "workshop_id": wid,
        "exercise_id": exercise_id,
        "position": position,
        "timebox_minutes": 30,
    }
    if settings is not None:
        row["settings"] = settings
    ws.db["step"].insert(row)
    return step_id


def rate(ws: Workspace, wid: str, step_id: str, participant_id: str | None, item: str, score):
    ws.db["rating"].insert(
        {
            "id": new_id(),
            "workshop_id": wid,
            "step_id": step_id,
            "participant_id": participant_id,
            "item": item,
            "score": float(score),
            "updated_at": now_iso(),
        }
    )


def add_ratings(ws: Workspace, wid: str, *, follow_up: bool = True, polarity: bool = True):
    """A rated competence step (+ follow-up) and a placed polarity map."""
    people = ws.participants(wid)
    dims = ("bor", "kan", "vil", "ma", "tor")
    step = add_step(ws, wid, "competence_rating")
    for index, scores in RADAR_SCORES.items():
        for item, score in zip(dims, scores, strict=True):
            rate(ws, wid, step, people[index].id, item, score)
    if follow_up:
        later = add_step(ws, wid, "follow_up")
        for index, scores in FOLLOW_UP_SCORES.items():
            for item, score in zip(dims, scores, strict=True):
                rate(ws, wid, later, people[index].id, item, score)
    if polarity:
        polar = add_step(ws, wid, "polarity_map", '{"pair": ["malopfyldelse", "nytaenkning"]}')
        for index, (now, target) in PLACEMENTS.items():
            rate(ws, wid, polar, people[index].id, "now", now)
            rate(ws, wid, polar, people[index].id, "target", target)


INVOLVEMENT = "Drøftet i LokalMED den 3. marts 2027 <img src=x> & Łukasz 🙂"


@pytest.fixture
def english():
    previous = current_language()
    set_language("en")
    yield
    set_language(previous)


def logo_png(width: int = 400, height: int = 100) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#17606E").save(out, "PNG")
    return out.getvalue()


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def images_on(page) -> list:
    return list(page.images)


@pytest.fixture
def covered(workspace):
    wid = small_workshop(workspace)
    workspace.set_cover_details(
        wid, version="2.0", version_date=date(2027, 3, 3), involvement=INVOLVEMENT
    )
    workspace.set_logo(wid, logo_png())
    return wid


def test_pdf_cover_has_version_date_involvement_and_logo(workspace, covered, english, tmp_path):
    target = export_pdf(workspace.snapshot(covered), tmp_path / "f.pdf")
    reader = PdfReader(target)
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "2.0 · March 3, 2027" in cover
    assert "Employee involvement".upper() in cover
    assert "Drøftet i LokalMED den 3. marts 2027 <img src=x> & Łukasz" in cover
    logos = images_on(reader.pages[0])
    assert len(logos) == 1
    # Scaled to fit its box with its proportions (4:1).
    width, height = logos[0].image.size
    assert width / height == pytest.approx(4, rel=0.01)
    assert images_on(reader.pages[1]) == []  # the logo is only on the cover


def test_pdf_without_logo_or_details_has_neither(workspace, english, tmp_path):
    wid = small_workshop(workspace)
    target = export_pdf(workspace.snapshot(wid), tmp_path / "f.pdf")
    reader = PdfReader(target)
    assert images_on(reader.pages[0]) == []
    cover = reader.pages[0].extract_text()
    assert "VERSION" not in cover and "INVOLVEMENT" not in cover


def test_pdf_has_the_charts_only_when_there_are_ratings(workspace, english, tmp_path):
    wid = small_workshop(workspace)
    plain = pdf_text(export_pdf(workspace.snapshot(wid), tmp_path / "plain.pdf"))
    assert "Where we stand" not in plain
    assert "At the follow-up" not in plain

    add_ratings(workspace, wid)
    text = pdf_text(export_pdf(workspace.snapshot(wid), tmp_path / "charts.pdf"))
    assert "Where we stand" in text
    # The radar's own labels (drawn by reportlab's graphics) and its legend.
    for word in ("Should", "Can", "Will", "May", "Dare", "At the workshop", "At the follow-up"):
        assert word in text
    # Averages: bør (4+5+4+3)/4 = 4.0, tør (3+2+2+1)/4 = 2.0; follow-up tør 3.5.
    assert "Should 4.0 4.5" in text
    assert "Dare 2.0 3.5" in text
    # The polarity placements between the chosen pair, now 2.0 and target 4.5.
    assert "Goal attainment" in text and "Innovation" in text
    assert "Where we are now: 2.0" in text
    assert "Where we should be: 4.5" in text
    # The contents list names the new section in its place.
    outline = build_outline(workspace.snapshot(wid))
    keys = [s.key for s in outline.sections]
    assert keys.index("charts") == keys.index("commitments") - 1


def test_radar_without_follow_up_has_one_series(workspace, english):
    wid = small_workshop(workspace)
    add_ratings(workspace, wid, follow_up=False, polarity=False)
    charts = build_outline(workspace.snapshot(wid)).sections[-2]
    assert [s.name for s in charts.radars[0].series] == ["At the workshop"]
    assert charts.polarities == ()
    assert charts.radars[0].numbers.caption.startswith("At the workshop: the average of 4 ratings")


def test_docx_has_logo_cover_details_and_charts(workspace, covered, english, tmp_path):
    add_ratings(workspace, covered)
    target = export_docx(workspace.snapshot(covered), tmp_path / "f.docx")
    doc = Document(str(target))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "2.0 · March 3, 2027" in text
    assert INVOLVEMENT.replace(" 🙂", "") in text
    assert "Where we stand" in text
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert ["Should", "4.0", "4.5"] in cells
    assert ["Where we are now", "2.0"] in cells
    # The logo and the two charts as pictures.
    pictures = [s for s in doc.inline_shapes]
    assert len(pictures) == 3


def test_markdown_has_cover_details_and_chart_numbers(workspace, covered, english, tmp_path):
    add_ratings(workspace, covered)
    text = export_markdown(workspace.snapshot(covered), tmp_path / "f.md").read_text("utf-8")
    assert "**Version:** 2.0 · March 3, 2027" in text
    assert "\\<img src=x\\>" in text  # hostile text stays words
    assert "## Where we stand" in text
    assert "| Should | 4.0 | 4.5 |" in text
    assert "| Where we are now | 2.0 |" in text


def test_charts_render_as_png_for_word(workspace, english):
    wid = small_workshop(workspace)
    add_ratings(workspace, wid)
    charts = build_outline(workspace.snapshot(wid)).sections[-2]
    from leaderapp.core.export import styles

    styles.register_fonts()
    for drawing in (radar_drawing(charts.radars[0]), polarity_drawing(charts.polarities[0])):
        png = drawing_png(drawing)
        assert png is not None and png.startswith(b"\x89PNG")
        image = Image.open(io.BytesIO(png))
        assert image.width > 1000  # sharp enough to print
        # Not a blank picture: the accent colour of the series is drawn.
        colours = {c for _n, c in image.convert("RGB").getcolors(1 << 20)}
        assert (0x17, 0x60, 0x6E) in colours


def test_a_group_rating_counts_as_one(workspace, english):
    wid = small_workshop(workspace)
    step = add_step(workspace, wid, "competence_rating")
    for item, score in zip(("bor", "kan", "vil", "ma", "tor"), (5, 4, 3, 2, 1), strict=True):
        rate(workspace, wid, step, None, item, score)  # the group's own, or anonymous
    charts = build_outline(workspace.snapshot(wid)).sections[-2]
    radar = charts.radars[0]
    assert radar.series[0].values == (5.0, 4.0, 3.0, 2.0, 1.0)
    assert radar.numbers.caption.startswith("At the workshop: 1 rating per dimension")


def test_a_polarity_map_without_placements_draws_nothing(workspace, english):
    wid = small_workshop(workspace)
    step = add_step(workspace, wid, "polarity_map", '{"pair": ["nonsense", "x"]}')
    rate(workspace, wid, step, None, "now", 3)  # a pair the library does not know
    add_step(workspace, wid, "competence_rating")  # no ratings at all
    keys = [s.key for s in build_outline(workspace.snapshot(wid)).sections]
    assert "charts" not in keys


def test_a_jpeg_logo_is_on_the_pdf_and_word_cover(workspace, tmp_path):
    wid = small_workshop(workspace)
    out = io.BytesIO()
    Image.new("RGB", (120, 240), "orange").save(out, "JPEG")
    workspace.set_logo(wid, out.getvalue())
    pdf = export_pdf(workspace.snapshot(wid), tmp_path / "f.pdf")
    [logo] = PdfReader(pdf).pages[0].images
    assert logo.image.size == (120, 240)
    doc = Document(str(export_docx(workspace.snapshot(wid), tmp_path / "f.docx")))
    [picture] = doc.inline_shapes
    assert picture.width * 2 == pytest.approx(picture.height, rel=0.01)  # proportions kept
