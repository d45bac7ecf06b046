"""Synthetic workshops for the benchmarks: Danish text of realistic lengths, from a
fixed seed, so every run measures the same data.

Workshops, values, the foundation and commitments go through the ``Workspace``
API (its validation included); the bulk of notes and the extra steps of the
large workshop are inserted in one transaction, as the API would one by one.

    python -m benchmarks.generate DIR [--large] [--corpus N_WORKSHOPS N_NOTES]
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from leaderapp.core.model import CommitmentStatus, WorkshopDraft, new_id, now_iso
from leaderapp.core.paths import database_path
from leaderapp.core.workspace import Workspace

SEED = 20260305

# Function words carry most of any Danish text; they come up far more often.
COMMON = (
    "og at vi det er i på til med for som en et de har kan skal ikke om der hvor når så "
    "også men hinanden os vores alle mere godt bliver være får gør"
).split()
WORDS = (
    "dialog dygtighed dristighed tillid ansvar ledelse ledergruppe medarbejdere patienter "
    "borgere pårørende kvalitet kerneopgave kompetencer initiativ nysgerrighed læring fejl "
    "succes mod åbenhed respekt samarbejde tværfagligt tavlemødet vagtskifte overlevering "
    "afdelingen afsnittet sygeplejersker læger sekretærer terapeuter forandring beslutning "
    "prioritering ressourcer travlhed arbejdsmiljø trivsel sygefravær rekruttering fastholdelse "
    "udvikling fællesskab faglighed feedback spørgsmål svar mødet dagsorden handleplan mål "
    "målbillede opfølgning evaluering erfaringer praksis retning værdier grundlag forventninger "
    "ærlighed ordentlighed nytænkning bæredygtighed målopfyldelse tydelighed lytte spørge tale "
    "sige mene beslutte prioritere tør vil bør må kan vise tage give lære dele hjælpe møde "
    "åbent ærligt modigt roligt konkret hurtigt sammen tidligt løbende altid sjældent ofte "
    "økonomi budgettet driften sikkerhed patientsikkerhed kommunikation information intranet "
    "nyhedsbrev kollegaer teamet teamleder afdelingsledelsen direktionen regionen kommunen "
    "sektorer grænseflader forløb indlæggelse udskrivelse akutmodtagelsen ambulatoriet "
    "sengeafsnittet weekend nattevagt aftenvagt dagvagt frokost kaffe tavle skema vagtplan "
    "uddannelse kurser supervision sparring mentor elever studerende introduktion oplæring "
    "ideer forslag eksperimenter forsøg pilotprojekt risiko chance vovemod usikkerhed tvivl "
    "løsning problem udfordring mulighed erfaring viden holdning handling konsekvens adfærd"
).split()
UNITS = (
    "Akutmodtagelsen Ambulatoriet Sengeafsnit Intensiv Børneafdelingen Fødeafdelingen "
    "Radiologisk Ortopædkirurgisk Medicinsk Kardiologisk Neurologisk Psykiatrisk Onkologisk "
    "Regionssekretariatet HR Økonomi IT-afdelingen Kvalitetsafdelingen Driftsafdelingen"
).split()
FIRST_NAMES = (
    "Anne-Sofie Jens Łukasz Sigrún Mads Helle Karsten Mette Søren Birgitte Ahmad Ida Åse "
    "Morten Camilla Niels Fatima Rasmus Line Bjørn"
).split()
LAST_NAMES = "Bech Mikkelsen Nowak Ólafsdóttir Østergaard Kristensen Bøgh Dahl Jørgensen Yılmaz"
VALUE_NAMES = ("Dialog", "Dygtighed", "Dristighed", "Ordentlighed", "Nytænkning", "Bæredygtighed")


class TextMaker:
    """Danish-looking prose: real words, sentence lengths and punctuation as in
    notes and policy text; deterministic for a given seed."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)

    def word(self) -> str:
        return self.rng.choice(COMMON if self.rng.random() < 0.45 else WORDS)

    def sentence(self, low: int = 6, high: int = 20) -> str:
        words = [self.word() for _ in range(self.rng.randint(low, high))]
        if len(words) > 8 and self.rng.random() < 0.4:
            words[self.rng.randint(3, len(words) - 3)] += ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + self.rng.choice(".....?!")

    def paragraph(self, sentences: tuple[int, int] = (2, 5)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))

    def note(self) -> str:
        """A sticky note: mostly one to three sentences, now and then a long one."""
        roll = self.rng.random()
        if roll < 0.6:
            return " ".join(self.sentence() for _ in range(self.rng.randint(1, 2)))
        if roll < 0.93:
            return self.paragraph((2, 5))
        return "\n\n".join(self.paragraph((3, 6)) for _ in range(self.rng.randint(2, 4)))

    def principle(self) -> str:
        return self.sentence(4, 10)[:-1]

    def prose(self, paragraphs: int) -> str:
        return "\n\n".join(self.paragraph((2, 5)) for _ in range(paragraphs))

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES.split())}"


@dataclass(frozen=True)
class Generated:
    path: Path  # the database file
    workshop_ids: tuple[str, ...]
    note_count: int


def _draft(maker: TextMaker, index: int, values: tuple[str, ...] | None) -> WorkshopDraft:
    participants = tuple(dict.fromkeys(maker.name() for _ in range(maker.rng.randint(4, 12))))
    return WorkshopDraft(
        unit_name=f"{maker.rng.choice(UNITS)} {index + 1}, Regionshospitalet",
        organisation="Region Midtjylland",
        facilitator=maker.name(),
        dates=(date(2026, 3, 5) + timedelta(days=7 * index),),
        participants=participants,
        value_names=values,
    )


def _insert_notes(
    workspace: Workspace, maker: TextMaker, workshop_id: str, count: int, start: int = 0
) -> None:
    steps = [s for s in workspace.steps(workshop_id) if s.exercise_id in NOTE_EXERCISES]
    authors = [p.id for p in workspace.participants(workshop_id)] + [None]
    stamp = now_iso()
    rows = []
    for position in range(start, start + count):
        step = maker.rng.choice(steps)
        rows.append(
            {
                "id": new_id(),
                "workshop_id": workshop_id,
                "step_id": step.id,
                "value_id": step.value_id,
                "author_id": maker.rng.choice(authors),
                "text": maker.note(),
                "position": position,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    workspace.db["note"].insert_all(rows, batch_size=500)


NOTE_EXERCISES = ("checkin", "value_meaning")


def _grow_steps(workspace: Workspace, workshop_id: str, total: int) -> None:
    """More reflection rounds, one step per value each round, before the foundation."""
    steps = workspace.steps(workshop_id)
    values = workspace.values(workshop_id)
    tail = [s for s in steps if s.exercise_id not in NOTE_EXERCISES]
    head = [s for s in steps if s.exercise_id in NOTE_EXERCISES]
    extra = total - len(steps)
    position = len(head)
    for n in range(max(0, extra)):
        value = values[n % len(values)]
        workspace.db["step"].insert(
            {
                "id": new_id(),
                "workshop_id": workshop_id,
                "exercise_id": "value_meaning",
                "value_id": value.id,
                "position": position,
                "timebox_minutes": 20,
            }
        )
        position += 1
    for step in tail:
        workspace.db["step"].update(step.id, {"position": position})
        position += 1


def _fill_foundation(workspace: Workspace, maker: TextMaker, workshop_id: str, pages: int) -> None:
    # Measured: two prose blocks of 19 paragraphs per value, with the introduction
    # and the commitments table, print 6 values on about 30 A4 pages.
    paragraphs = max(1, round(pages * 19 / 30))
    workspace.update_foundation(workshop_id, introduction=maker.prose(4))
    for value in workspace.values(workshop_id):
        workspace.update_section(
            value.id,
            heading=f"{value.name}: {maker.principle()}"[:120],
            principles=[maker.principle() for _ in range(5)],
            expect_of_us=maker.prose(paragraphs),
            expect_of_you=maker.prose(paragraphs),
        )
    values = workspace.values(workshop_id)
    statuses = list(CommitmentStatus)
    for n in range(30):
        workspace.add_commitment(
            workshop_id,
            action=maker.sentence(8, 24),
            owner=maker.name(),
            due_date=date(2026, 4, 1) + timedelta(days=9 * n),
            value_id=values[n % len(values)].id,
        )
    for n, commitment in enumerate(workspace.commitments(workshop_id)):
        workspace.update_commitment(commitment.id, status=statuses[n % len(statuses)])


def large_workshop(
    workspace: Workspace,
    *,
    notes: int = 2000,
    steps: int = 40,
    values: int = 6,
    foundation_pages: int = 30,
    seed: int = SEED,
) -> str:
    """One big workshop: ``notes`` notes over ``steps`` steps about ``values``
    values, and a foundation of about ``foundation_pages`` printed pages."""
    maker = TextMaker(seed)
    with workspace.transaction():
        workshop_id = workspace.create_workshop(_draft(maker, 0, VALUE_NAMES[:values])).created_id
        _grow_steps(workspace, workshop_id, steps)
        _insert_notes(workspace, maker, workshop_id, notes)
        _fill_foundation(workspace, maker, workshop_id, foundation_pages)
    return workshop_id


def corpus(workspace: Workspace, *, workshops: int = 100, notes: int = 10_000, seed: int = SEED):
    """Many ordinary workshops (the region's three values) sharing ``notes`` notes."""
    maker = TextMaker(seed + 1)
    ids = []
    per_workshop = max(1, notes // max(1, workshops))
    with workspace.transaction():
        for index in range(workshops):
            workshop_id = workspace.create_workshop(_draft(maker, index, None)).created_id
            _insert_notes(workspace, maker, workshop_id, per_workshop)
            ids.append(workshop_id)
    return ids


def generate(
    folder: Path,
    *,
    large: dict | None = None,
    corpus_size: tuple[int, int] | None = None,
) -> Generated:
    """A data folder holding the large workshop (``large``: keyword arguments of
    ``large_workshop``, ``{}`` for the defaults) and/or a corpus of
    ``corpus_size`` = (workshops, notes)."""
    path = database_path(folder)
    workspace = Workspace.open(path)
    try:
        ids = []
        if large is not None:
            ids.append(large_workshop(workspace, **large))
        if corpus_size is not None:
            workshops, notes = corpus_size
            ids.extend(corpus(workspace, workshops=workshops, notes=notes))
        count = workspace.db.execute("SELECT count(*) FROM note").fetchone()[0]
        # A checkpoint now, so no run starts by folding a big WAL into the file.
        workspace.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        workspace.close()
    return Generated(path, tuple(ids), count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--large", action="store_true", help="the 2,000-note workshop")
    parser.add_argument("--corpus", nargs=2, type=int, metavar=("WORKSHOPS", "NOTES"))
    args = parser.parse_args()
    made = generate(
        args.folder, large={} if args.large else None, corpus_size=tuple(args.corpus or ()) or None
    )
    print(f"{made.path}: {len(made.workshop_ids)} workshops, {made.note_count} notes")


if __name__ == "__main__":
    main()
