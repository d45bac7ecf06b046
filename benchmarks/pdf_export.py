"""PDF export of the large workshop's ~30-page foundation, each run in a fresh
process, timed from before the export code is imported (so reportlab's import
and font loading count, as at a user's first export) until the file is written.

Floor (``--child-floor``): plain reportlab platypus laying out the same text
(cover, headings, bullet principles, prose paragraphs, the commitments table)
with the same DejaVu Sans fonts, one ``build`` and no app code.

    python -m benchmarks.pdf_export DATA_DIR WORKSHOP_ID
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from benchmarks.common import Measurement, check, child_env, child_json, emit

TARGET_RATIO = 1.5


def floor_document(data_dir: Path, workshop_id: str) -> dict:
    """The text the foundation prints, as plain data for the floor program."""
    from leaderapp.core.paths import database_path
    from leaderapp.core.resources import resource_path
    from leaderapp.core.workspace import Workspace

    workspace = Workspace.open(database_path(data_dir))
    try:
        snap = workspace.snapshot(workshop_id)
    finally:
        workspace.close()

    def paragraphs(text: str) -> list[str]:
        return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]

    values = []
    for value in snap.values:
        section = snap.section(value.id)
        values.append(
            {
                "heading": section.heading or value.name,
                "principles": list(section.principles),
                "voices": [
                    ["Det kan I forvente af os", paragraphs(section.expect_of_us)],
                    ["Det forventer vi af jer", paragraphs(section.expect_of_you)],
                ],
            }
        )
    return {
        "fonts": {
            "regular": str(resource_path("fonts", "DejaVuSans.ttf")),
            "bold": str(resource_path("fonts", "DejaVuSans-Bold.ttf")),
        },
        "title": snap.foundation.title,
        "unit": snap.workshop.unit_name,
        "introduction": paragraphs(snap.foundation.introduction),
        "values": values,
        "commitments": [
            [c.action, c.owner, c.due_date.isoformat() if c.due_date else "", c.status.value]
            for c in snap.commitments
        ],
    }


def child_floor(doc_path: Path, target: Path) -> None:
    data = json.loads(doc_path.read_text(encoding="utf-8"))
    start = time.perf_counter()
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    pdfmetrics.registerFont(TTFont("Floor", data["fonts"]["regular"]))
    pdfmetrics.registerFont(TTFont("Floor-Bold", data["fonts"]["bold"]))
    body = ParagraphStyle("body", fontName="Floor", fontSize=10.5, leading=15.5, spaceAfter=7)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=16, bulletIndent=2, spaceAfter=3)
    h1 = ParagraphStyle("h1", fontName="Floor-Bold", fontSize=19, leading=24, spaceBefore=22)
    h2 = ParagraphStyle("h2", fontName="Floor-Bold", fontSize=12.5, leading=17, spaceBefore=10)
    title = ParagraphStyle("title", fontName="Floor-Bold", fontSize=30, leading=36)
    cell = ParagraphStyle("cell", fontName="Floor", fontSize=9.5, leading=13)

    story = [Spacer(1, 52 * mm), Paragraph(escape(data["title"]), title)]
    story += [Paragraph(escape(data["unit"]), h2), PageBreak()]
    story.append(Paragraph("Indledning", h1))
    story += [Paragraph(escape(p), body) for p in data["introduction"]]
    for value in data["values"]:
        story.append(Paragraph(escape(value["heading"]), h1))
        story += [Paragraph(escape(p), bullet, bulletText="•") for p in value["principles"]]
        for heading, paragraphs in value["voices"]:
            story.append(Paragraph(escape(heading), h2))
            story += [Paragraph(escape(p), body) for p in paragraphs]
    rows = [[Paragraph(h, cell) for h in ("Handling", "Ansvarlig", "Frist", "Status")]]
    rows += [[Paragraph(escape(text), cell) for text in row] for row in data["commitments"]]
    width = A4[0] - 44 * mm
    story += [
        Paragraph("Vores aftaler", h1),
        Table(rows, colWidths=[width * s for s in (0.44, 0.22, 0.18, 0.16)], repeatRows=1),
    ]
    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=22 * mm,
        bottomMargin=24 * mm,
    )
    doc.build(story)
    emit({"ms": (time.perf_counter() - start) * 1000, "pages": doc.page})


def child_app(data_dir: Path, workshop_id: str, target: Path) -> None:
    from leaderapp.core.paths import database_path
    from leaderapp.core.workspace import Workspace

    workspace = Workspace.open(database_path(data_dir))
    snapshot = workspace.snapshot(workshop_id)  # taken on the GUI thread, before the export
    workspace.close()
    start = time.perf_counter()
    from leaderapp.core.export.pdf import export_pdf

    export_pdf(snapshot, target)
    took = (time.perf_counter() - start) * 1000
    emit({"ms": took, "pages": _pages(target)})


def _pages(pdf: Path) -> int:
    import re

    # Counting page objects is enough here; no PDF library needed.
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def measure(
    data_dir: Path, workshop_id: str, *, repeat: int = 5, warmup: bool = True
) -> Measurement:
    app, floor, pages = [], [], {}
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "floor.json"
        doc.write_text(json.dumps(floor_document(data_dir, workshop_id)), encoding="utf-8")
        # Round 0 warms the file cache; it is not counted.
        for round_ in range(0 if warmup else 1, repeat + 1):
            runs = [
                ("app", ["--child-app", str(data_dir), workshop_id, str(Path(tmp) / "app.pdf")]),
                ("floor", ["--child-floor", str(doc), str(Path(tmp) / "floor.pdf")]),
            ]
            if round_ % 2:
                runs.reverse()
            for kind, args in runs:
                result = child_json(["-m", "benchmarks.pdf_export", *args], child_env())
                pages[kind] = result["pages"]
                if round_:
                    (app if kind == "app" else floor).append(result["ms"])
    return check(
        Measurement(
            "PDF export of the foundation",
            "ms",
            app,
            floor,
            "plain platypus, same text and fonts, one build",
            f"<= {TARGET_RATIO:.1f}x floor",
            note=f"app {pages['app']} pages, floor {pages['floor']} pages; "
            "each run a fresh process, reportlab import and fonts included",
        ),
        lambda m: m.ratio <= TARGET_RATIO,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--child-app", nargs=3, metavar=("DATA_DIR", "WORKSHOP_ID", "PDF"))
    mode.add_argument("--child-floor", nargs=2, metavar=("JSON", "PDF"))
    parser.add_argument("args", nargs="*")
    args = parser.parse_args()
    if args.child_app:
        data_dir, workshop_id, target = args.child_app
        child_app(Path(data_dir), workshop_id, Path(target))
    elif args.child_floor:
        child_floor(Path(args.child_floor[0]), Path(args.child_floor[1]))
    else:
        from benchmarks.common import print_report

        data_dir, workshop_id = args.args
        print_report([measure(Path(data_dir), workshop_id)])


if __name__ == "__main__":
    main()
