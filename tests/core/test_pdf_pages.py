"""Every printed page carries something: each page of the PDF is rendered with
pdftoppm (poppler-utils) and must have ink inside the text area, not only the
running footer and the accent bar."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from leaderapp.core.demo import create_demo_workshop
from leaderapp.core.export.pdf import export_pdf

from .foundations import long_workshop

DPI = 30
# The text area: inside the side margins, below the accent bar at the top and
# above the footer rule at the bottom (export/styles.py).
AREA_MM = {"left": 22, "right": 22, "top": 20, "bottom": 22}
DARK = 160  # grey level (0 black, 255 white) that counts as ink
MIN_INK = 15  # pixels: a page with one short line of text has hundreds


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and grey pixels of a binary PGM (what pdftoppm -gray writes)."""
    data = path.read_bytes()
    fields: list[bytes] = []
    position = 0
    while len(fields) < 4:  # magic, width, height, maximum value
        while data[position : position + 1].isspace():
            position += 1
        start = position
        while not data[position : position + 1].isspace():
            position += 1
        fields.append(data[start:position])
    assert fields[0] == b"P5" and fields[3] == b"255"
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[position + 1 : position + 1 + width * height]


def ink_per_page(pdf: Path, folder: Path) -> list[int]:
    """Dark pixels inside the text area of each rendered page, in page order."""
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(DPI), str(pdf), str(folder / "page")],
        check=True,
        capture_output=True,
    )
    px = DPI / 25.4  # pixels per millimetre
    counts = []
    for image in sorted(folder.glob("page-*.pgm"), key=lambda p: int(p.stem.split("-")[1])):
        width, height, pixels = read_pgm(image)
        left, right = int(AREA_MM["left"] * px), width - int(AREA_MM["right"] * px)
        top, bottom = int(AREA_MM["top"] * px), height - int(AREA_MM["bottom"] * px)
        counts.append(
            sum(
                1
                for y in range(top, bottom)
                for value in pixels[y * width + left : y * width + right]
                if value < DARK
            )
        )
    return counts


def assert_no_blank_page(pdf: Path, folder: Path) -> None:
    counts = ink_per_page(pdf, folder)
    assert len(counts) == len(PdfReader(pdf).pages)
    blank = [number for number, ink in enumerate(counts, start=1) if ink < MIN_INK]
    assert blank == [], f"blank pages {blank} of {len(counts)}"


def test_the_check_finds_a_page_with_only_a_footer(tmp_path):
    # The check itself: a page with only furniture (bar, footer) counts as blank.
    pdf = tmp_path / "blank.pdf"
    canvas = Canvas(str(pdf), pagesize=A4)
    canvas.drawString(30 * mm, 150 * mm, "Tekst på første side")
    canvas.showPage()
    canvas.rect(22 * mm, A4[1] - 12 * mm, 14 * mm, 1.6 * mm, fill=1)
    canvas.drawString(22 * mm, 12 * mm, "Akutafdelingen – side 2 af 2")
    canvas.showPage()
    canvas.save()
    counts = ink_per_page(pdf, tmp_path)
    assert counts[0] >= MIN_INK and counts[1] < MIN_INK


def test_every_page_of_the_demo_foundation_has_content(workspace, tmp_path):
    snapshot = workspace.snapshot(create_demo_workshop(workspace))
    for appendix in (False, True):
        folder = tmp_path / f"appendix-{appendix}"
        folder.mkdir()
        pdf = export_pdf(snapshot, folder / "grundlag.pdf", appendix=appendix)
        assert_no_blank_page(pdf, folder)


def test_every_page_of_a_thirty_page_foundation_has_content(workspace, tmp_path):
    pdf = export_pdf(workspace.snapshot(long_workshop(workspace)), tmp_path / "lang.pdf")
    assert len(PdfReader(pdf).pages) >= 28
    assert_no_blank_page(pdf, tmp_path)


def test_every_page_with_logo_and_charts_has_content(workspace, tmp_path):
    from .test_charts import add_ratings, logo_png

    workshop_id = create_demo_workshop(workspace)
    add_ratings(workspace, workshop_id)
    workspace.set_logo(workshop_id, logo_png(200, 200))
    workspace.set_cover_details(workshop_id, version="2.0", involvement="Drøftet i LokalMED")
    pdf = export_pdf(workspace.snapshot(workshop_id), tmp_path / "grundlag.pdf")
    assert_no_blank_page(pdf, tmp_path)
