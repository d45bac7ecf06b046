"""Run every benchmark scenario and print min / median / p99 / max and the ratio
to its floor, all measured in this run on this machine (``make bench``).

    python -m benchmarks.run [--only NAME ...] [--repeat N] [--json FILE] [--tiny]

``--tiny`` is the smoke run the test suite uses: small data, one repetition;
its numbers mean nothing, it only proves every scenario still runs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import cold_start, memory, open_workshop, pdf_export, search, typing_save
from benchmarks.common import HEADER, Measurement, format_line, machine_description
from benchmarks.generate import generate

SCENARIOS = ("cold_start", "open", "search", "typing", "pdf", "memory")


@dataclass(frozen=True)
class Sizes:
    notes: int = 2000
    steps: int = 40
    values: int = 6
    pages: int = 30
    corpus_workshops: int = 100
    corpus_notes: int = 10_000
    repeat: int = 7  # whole-process scenarios
    keys: int = 600


FULL = Sizes()
TINY = Sizes(
    notes=60, steps=12, values=3, pages=2, corpus_workshops=5, corpus_notes=100, repeat=1, keys=12
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument("--repeat", type=int, help="runs of each whole-process scenario")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--tiny", action="store_true", help="smoke run: tiny data, 1 repetition")
    parser.add_argument("--keep", type=Path, help="generate the data here and keep it")
    parser.add_argument("--no-xvfb", action="store_true", help="skip the real-window cold start")
    args = parser.parse_args(argv)
    sizes = TINY if args.tiny else FULL
    repeat = args.repeat or sizes.repeat

    print(f"Machine: {machine_description()}", flush=True)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="leaderapp-bench-"))
    try:
        results = _run(args, sizes, repeat, workdir)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    missed = [m.name for m in results if m.ok is False]
    print("\n" + HEADER)
    print("-" * len(HEADER))
    for m in results:
        print(format_line(m))
    print(f"\nTargets missed: {', '.join(missed)}" if missed else "\nAll targets met.")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"machine": machine_description(), "results": [m.as_dict() for m in results]},
                indent=2,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    return 0


def _run(args, sizes: Sizes, repeat: int, workdir: Path) -> list[Measurement]:
    started = time.perf_counter()
    warmup = not args.tiny  # a smoke run only proves that each scenario runs
    large_dir, corpus_dir = workdir / "large", workdir / "corpus"
    print("Generating data (fixed seed)…", flush=True)
    large = generate(
        large_dir,
        large={
            "notes": sizes.notes,
            "steps": sizes.steps,
            "values": sizes.values,
            "foundation_pages": sizes.pages,
        },
    )
    corpus = generate(corpus_dir, corpus_size=(sizes.corpus_workshops, sizes.corpus_notes))
    large_id = large.workshop_ids[0]
    print(
        f"  large workshop: {large.note_count} notes, {sizes.steps} steps, {sizes.values} values; "
        f"corpus: {len(corpus.workshop_ids)} workshops, {corpus.note_count} notes",
        flush=True,
    )
    results: list[Measurement] = []

    def report(new: list[Measurement] | Measurement | str) -> None:
        for item in new if isinstance(new, list) else [new]:
            if isinstance(item, str):
                print(item, flush=True)
            else:
                results.append(item)
                print(format_line(item), flush=True)

    if "cold_start" in args.only:
        print("\nCold start (start page of the corpus: its workshops listed)", flush=True)
        report(cold_start.measure(corpus_dir, repeat=repeat, warmup=warmup))
        if not args.no_xvfb:
            report(cold_start.real_window(corpus_dir, repeat=repeat, warmup=warmup))
    if "open" in args.only:
        print("\nOpen the large workshop", flush=True)
        report(
            open_workshop.measure(
                large_dir, large_id, processes=max(1, repeat // 2 + 1), opens=min(5, repeat + 1)
            )
        )
    if "search" in args.only:
        print("\nSearch", flush=True)
        report(search.measure(corpus_dir, rounds=max(1, repeat + 3)))
        report(search.measure_panel(corpus_dir, rounds=max(1, repeat // 3)))
    if "typing" in args.only:
        print("\nSaving while typing", flush=True)
        typing_dir = workdir / "typing"
        shutil.copytree(large_dir, typing_dir, dirs_exist_ok=True)  # it writes; keep large clean
        report(typing_save.measure(typing_dir, large_id, keys=sizes.keys))
    if "pdf" in args.only:
        print("\nPDF export", flush=True)
        report(pdf_export.measure(large_dir, large_id, repeat=max(1, repeat - 2), warmup=warmup))
    if "memory" in args.only:
        print("\nPeak memory", flush=True)
        report(memory.measure(large_dir, large_id, repeat=max(1, min(3, repeat))))
    print(f"\n({time.perf_counter() - started:.0f} s)", flush=True)
    return results


if __name__ == "__main__":
    sys.exit(main())
