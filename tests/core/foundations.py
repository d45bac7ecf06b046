"""Workshops to export, shared by the PDF, Word and Markdown tests: a small
foundation as a group writes it, and a long one (about 30 printed pages)."""

from __future__ import annotations

from datetime import date

from leaderapp.core.model import WorkshopDraft
from leaderapp.core.workspace import Workspace

UNIT = "Akutafdelingen Gødstrup"
PARTICIPANTS = ("Łukasz Kowalski", "Şükrü Yılmaz", "Anna Ólafsdóttir", "Jens Østergaard")
HEADINGS = (
    "Åben og ligeværdig dialog",
    "Dygtighed gennem kvalitet og fælles læring",
    "Udvikling, nytænkning og rum for dristighed",
)
PRINCIPLES = ("Vi siger det, vi mener", "Gensidig tillid", "Feedback begge veje")
EXPECT_OF_US = "Du kan forvente ledere, der lytter og vender tilbage."
EXPECT_OF_YOU = "Vi forventer, at du siger til, når noget ikke fungerer."
INTRODUCTION = "Vi har skrevet grundlaget sammen.\n\nDet er en invitation til dialog."
COMMITMENTS = ("Tavlemøde hver morgen kl. 8.15", "Afprøve selvplanlægning")
NOTES = ("Vi lytter mere, end vi tror.", "Tavlemødet er for kort til svære emner.")

# Long compound words, as Danish policy texts are full of them.
LONG_WORDS = (
    "medarbejderrepræsentanterne",
    "arbejdsmiljøorganisationen",
    "kompetenceudviklingsplanerne",
    "ledelsesinformationssystemet",
    "sygeplejerskeuddannelsen",
    "patientsikkerhedsarbejdet",
)
SENTENCE = (
    "Vi drøfter løbende, hvordan {word} bliver inddraget i beslutninger om vagtplaner, "
    "kvalitet og arbejdsmiljø, og vi følger op på det, vi aftaler, på næste personalemøde. "
)


def new_workshop(ws: Workspace, unit: str = UNIT, values: tuple[str, ...] | None = None) -> str:
    draft = WorkshopDraft(
        unit_name=unit,
        organisation="Region Midtjylland",
        facilitator="Mette Ærø Sørensen",
        dates=(date(2026, 12, 1), date(2027, 1, 12)),
        participants=PARTICIPANTS,
        value_names=values,
    )
    return ws.create_workshop(draft).created_id


def small_workshop(ws: Workspace, *, notes: bool = True) -> str:
    """Introduction, three values with principles and both voices, two
    commitments and (with ``notes``) a note from two leaders in the check-in."""
    wid = new_workshop(ws)
    ws.update_foundation(wid, introduction=INTRODUCTION)
    for value, heading in zip(ws.values(wid), HEADINGS, strict=True):
        ws.update_section(
            value.id,
            heading=heading,
            principles=list(PRINCIPLES),
            expect_of_us=EXPECT_OF_US,
            expect_of_you=EXPECT_OF_YOU,
        )
    first = ws.values(wid)[0].id
    ws.add_commitment(wid, COMMITMENTS[0], PARTICIPANTS[0], date(2027, 2, 1))
    ws.add_commitment(wid, COMMITMENTS[1], PARTICIPANTS[1], None, first)
    if notes:
        people = ws.participants(wid)
        checkin = ws.steps(wid)[0]
        for text, person in zip(NOTES, people, strict=False):
            ws.add_note(checkin.id, text, author_id=person.id)
    return wid


def prose(paragraphs: int, seed: int) -> str:
    """Paragraphs of Danish prose with long compound words."""
    result = []
    for p in range(paragraphs):
        words = [LONG_WORDS[(seed + p + i) % len(LONG_WORDS)] for i in range(4)]
        result.append("".join(SENTENCE.format(word=w) for w in words))
    return "\n\n".join(result)


def long_workshop(ws: Workspace) -> str:
    """A foundation of about 30 pages: eight values with long texts, sixty
    commitments and notes in every step."""
    values = tuple(f"Værdi {n}" for n in range(1, 9))
    wid = new_workshop(ws, values=values)
    ws.update_foundation(wid, introduction=prose(6, 0))
    for index, value in enumerate(ws.values(wid)):
        ws.update_section(
            value.id,
            heading=f"Sektion {index + 1}: samarbejde på tværs af faggrupper og afsnit",
            principles=[f"Princip {index + 1}.{n}: {LONG_WORDS[n]} tæller" for n in range(5)],
            expect_of_us=prose(6, index),
            expect_of_you=prose(5, index + 3),
        )
    value_ids = [v.id for v in ws.values(wid)]
    for n in range(1, 61):
        ws.add_commitment(
            wid,
            f"Aftale {n}: {LONG_WORDS[n % 6]} følger op på mødestrukturen og deler erfaringer",
            PARTICIPANTS[n % 4],
            date(2027, 1 + n % 12, 1 + n % 28),
            value_ids[n % 8],
        )
    people = ws.participants(wid)
    for number, step in enumerate(ws.steps(wid)):
        for n in range(3):
            ws.add_note(step.id, f"Note {number}.{n}: {prose(1, n)}", author_id=people[n].id)
    return wid
