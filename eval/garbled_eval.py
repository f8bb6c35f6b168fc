"""Measure the garbled-token detector on the labelled set in eval/garbled/.

Token level: a flagged token is a true positive when it overlaps a labelled corruption span,
a false positive otherwise; a labelled span no flagged token overlaps is a false negative.
Negatives (correct sentences) and the clean texts give the false-positive rate: the share of
negative sentences with any flagged token, and flagged tokens per 1,000 clean-text words.

    python -m eval.garbled_eval [--languagetool]   # last line: the metrics as JSON

`cases.json` (seed 7) is the development set the rules were tuned on; `cases_holdout.json`
(seed 2026, same clean texts, different corruptions) was generated afterwards and is reported
separately as `holdout`.

With --languagetool the real LanguageTool server is started and its spelling matches are
passed to the detector, as in a real run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scoring.garbled import find_garbled
from scoring.lexicon import Lexicon
from scoring.records import Span
from scoring.settings import Settings, load_settings

DATA = Path(__file__).resolve().parent / "garbled"
TARGETS = {"precision": 0.90, "recall": 0.90, "negative_fp_rate": 0.02}

SpellingProvider = Callable[[list[str]], list[tuple[Span, ...]]]


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def metrics(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _no_spelling(texts: list[str]) -> list[tuple[Span, ...]]:
    return [() for _ in texts]


def evaluate(
    settings: Settings,
    spelling: SpellingProvider = _no_spelling,
    examples: list[dict] | None = None,
    cases_file: str = "cases.json",
) -> dict:
    """Run the detector over the labelled set; returns overall, per-kind and negative metrics.
    `examples` collects up to a few misses and false alarms per kind for reading."""
    lexicon = Lexicon.load()
    cases = json.loads((DATA / cases_file).read_text(encoding="utf-8"))
    negatives = json.loads((DATA / "negatives.json").read_text(encoding="utf-8"))
    clean = [p.read_text(encoding="utf-8") for p in sorted((DATA / "clean").glob("*.txt"))]

    case_spelling = spelling([c["text"] for c in cases])
    overall, per_kind = _Tally(), {}
    for case, spans in zip(cases, case_spelling, strict=True):
        tally = per_kind.setdefault(case["kind"], _Tally())
        found = find_garbled(case["text"], lexicon, settings.garbled, spelling=spans).tokens
        expected = [(e["start"], e["end"]) for e in case["expected"]]
        hit = [any(g.span.start < e and g.span.end > s for g in found) for s, e in expected]
        for g in found:
            if any(g.span.start < e and g.span.end > s for s, e in expected):
                tally.tp += 1
                overall.tp += 1
            else:
                tally.fp += 1
                overall.fp += 1
                if examples is not None:
                    examples.append({"kind": case["kind"], "false_alarm": f"{g.token}[{g.reason}]"})
        misses = [case["text"][s:e] for (s, e), h in zip(expected, hit, strict=True) if not h]
        tally.fn += len(misses)
        overall.fn += len(misses)
        if examples is not None and misses:
            examples.append({"kind": case["kind"], "missed": misses})

    neg_texts = [n["text"] for n in negatives]
    neg_flagged = []
    for neg, spans in zip(negatives, spelling(neg_texts), strict=True):
        found = find_garbled(neg["text"], lexicon, settings.garbled, spelling=spans).tokens
        if found:
            neg_flagged.append({"id": neg["id"], "flagged": [f"{g.token}[{g.reason}]" for g in found]})
    clean_words = sum(len(t.split()) for t in clean)
    clean_flags = []
    for text, spans in zip(clean, spelling(clean), strict=True):
        clean_flags += [
            f"{g.token}[{g.reason}]" for g in find_garbled(text, lexicon, settings.garbled, spelling=spans).tokens
        ]

    result = {
        **overall.metrics(),
        "per_kind": {k: v.metrics() for k, v in sorted(per_kind.items())},
        "negative_fp_rate": round(len(neg_flagged) / max(1, len(negatives)), 4),
        "negatives": len(negatives),
        "negatives_flagged": neg_flagged,
        "clean_flags_per_1000_words": round(1000 * len(clean_flags) / max(1, clean_words), 3),
        "clean_flags": clean_flags,
    }
    return result


def _languagetool_spelling(settings: Settings):
    from scoring.grammar import LanguageToolClient, check_grammar
    from scoring.languagetool_server import LanguageToolServer

    server = LanguageToolServer(settings.languagetool)
    server.start()
    client = LanguageToolClient(server.url, settings.languagetool)

    def provider(texts: list[str]) -> list[tuple[Span, ...]]:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(settings.languagetool.client_threads) as pool:
            return [r.spelling for r in pool.map(lambda t: check_grammar(client, t, settings.languagetool), texts)]

    return server, provider


def _headline(result: dict) -> dict:
    return {k: result[k] for k in ("precision", "recall", "f1", "negative_fp_rate", "clean_flags_per_1000_words")}


def meets_targets(result: dict) -> bool:
    return (
        result["precision"] >= TARGETS["precision"]
        and result["recall"] >= TARGETS["recall"]
        and result["negative_fp_rate"] <= TARGETS["negative_fp_rate"]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languagetool", action="store_true", help="use LanguageTool's spelling matches")
    parser.add_argument("--examples", action="store_true", help="print misses and false alarms")
    args = parser.parse_args(argv)
    settings = load_settings()
    examples: list[dict] | None = [] if args.examples else None
    server = None
    provider: SpellingProvider = _no_spelling
    if args.languagetool:
        server, provider = _languagetool_spelling(settings)
    try:
        result = evaluate(settings, provider, examples)
        holdout = evaluate(settings, provider, None, cases_file="cases_holdout.json")
    finally:
        if server is not None:
            server.stop()
    for ex in examples or []:
        print(json.dumps(ex, ensure_ascii=False))
    for kind, m in result["per_kind"].items():
        print(f"{kind:16s} precision {m['precision']:.3f}  recall {m['recall']:.3f}  f1 {m['f1']:.3f}")
    print(f"negatives flagged: {result['negatives_flagged']}")
    print(f"clean-text flags: {result['clean_flags']}")
    summary = {k: v for k, v in result.items() if k not in ("negatives_flagged", "clean_flags")}
    summary["languagetool"] = args.languagetool
    summary["meets_targets"] = meets_targets(result)
    summary["holdout"] = {**_headline(holdout), "meets_targets": meets_targets(holdout)}
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
