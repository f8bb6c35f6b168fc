"""Garbled-token detector throughput on one core (issue: ≥ 200,000 tokens per second).

    python -m bench.garbled_speed [--repeat N]

Runs the detector over the bundled sample corpus and the evaluation texts (our own texts, with
and without defects) in one process, on one core, after a warm-up; prints tokens per second for
each of several rounds. The detector keeps per-process memos of what a word is by itself, so
repeated rounds measure it with warm memos. The cold figures are passes that each start from
empty memos, as a night's run starts, over our texts and over `--distinct` generated articles
(each text seen once in a pass): the median of `--cold-passes` passes, and the worst. Last, a
JSON line with the medians and the cold figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from bench import corpus as generated
from scoring.garbled import _clear_memos, find_garbled
from scoring.lexicon import Lexicon
from scoring.settings import GarbledSettings, load_settings

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[str]:
    paths = sorted((ROOT / "samples" / "articles").glob("*.txt")) + sorted(
        (ROOT / "eval" / "garbled" / "clean").glob("*.txt")
    )
    return [p.read_text(encoding="utf-8") for p in paths]


def _cold_pass(texts: list[str], lexicon: Lexicon, settings: GarbledSettings) -> float:
    """Tokens per second of one pass over `texts`, starting from empty word memos."""
    _clear_memos()
    started = time.perf_counter()
    for t in texts:
        find_garbled(t, lexicon, settings)
    elapsed = time.perf_counter() - started  # (before counting the tokens)
    return sum(len(t.split()) for t in texts) / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpus per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--distinct", type=int, default=1000, help="generated articles for the cold pass")
    parser.add_argument("--cold-passes", type=int, default=5, help="cold passes per cold figure (median)")
    parser.add_argument("--core", type=int, default=None, help="the core to run on (default: the lowest)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0)) if args.core is None else args.core})  # one core
    settings = load_settings().garbled
    lexicon = Lexicon.load()
    texts = corpus()
    tokens = sum(len(t.split()) for t in texts) * args.repeat
    fresh = [g.body for g in generated.generate_texts(args.distinct, seed=11)]
    find_garbled(texts[0], lexicon, settings)  # one-time set-up: the known-word set of this lexicon
    # each cold figure: the median of several passes, each from empty memos (one pass over our
    # texts lasts well under 0.1 s, so a single one is at the mercy of any other load)
    cold_ours = [_cold_pass(texts, lexicon, settings) for _ in range(args.cold_passes)]
    cold_generated = [_cold_pass(fresh, lexicon, settings) for _ in range(args.cold_passes)]
    cold_samples, cold = statistics.median(cold_ours), statistics.median(cold_generated)
    for what, rates in ((f"our {len(texts)} texts", cold_ours), (f"{len(fresh)} generated articles", cold_generated)):
        print(f"cold passes, {what}: " + ", ".join(f"{r:,.0f}" for r in rates) + " tokens/s")
    rates = []  # warm memos from here on
    for r in range(args.rounds):
        started = time.perf_counter()
        for _ in range(args.repeat):
            for t in texts:
                find_garbled(t, lexicon, settings)
        rate = tokens / (time.perf_counter() - started)
        rates.append(rate)
        print(f"round {r + 1}: {tokens:,} tokens, {rate:,.0f} tokens/s")
    print(
        json.dumps(
            {
                "tokens_per_round": tokens,
                "tokens_per_s_median": round(statistics.median(rates)),
                "tokens_per_s_best": round(max(rates)),
                "tokens_per_s_cold_our_texts": round(cold_samples),  # medians of the cold passes
                "tokens_per_s_cold_generated": round(cold),
                "tokens_per_s_cold_our_texts_worst": round(min(cold_ours)),
                "tokens_per_s_cold_generated_worst": round(min(cold_generated)),
                "target": 200_000,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
