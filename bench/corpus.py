"""Deterministic synthetic news corpus for the benchmark.

Every article is built from this benchmark's own sentence templates and vocabulary
(`bench.vocab`); the people, towns, villages, streets, regions, companies and organisations are
invented (names are glued together from syllables), so no real article is reproduced. Each
story has its own cast, places and a dozen nouns, adjectives and verbs it keeps returning to,
so that different stories are about as similar as real ones (cosine 0.1-0.3 under the job's
grouping weights) and versions of one story far more (0.75-0.98).

A story has 1-3 versions: one clean version and, for the others, a machine-translation-style
rewrite of it (sentences dropped, swapped and regrouped into other paragraphs, one or two of the
story's nouns translated differently throughout, phrase-level synonym and word-order swaps)
garbled at 0.5-4 tokens per 100 words with the kinds of tokens the job detects: run-together
words ("inthe", name + function word like "Ostravelin"), dropped apostrophes ("Korvadels"),
duplicated words ("the the"), broken hyphenation ("large -scale"), stray "|" lines, OCR letter
confusions ("kilornetres", "pub1ish") and capitalised common words.

    generate(n, seed)        -> [(filename, file_text)]   the job's input format
    generate_texts(n, seed)  -> [GeneratedArticle]        ids, dates, titles, bodies (in memory)
    python -m bench.corpus --n 300 --seed 1 --out /tmp/corpus

Output is a pure function of (n, seed) and prefix-stable: the first n articles of
`generate(n + k, seed)` are exactly `generate(n, seed)` (a story cut off at the end gets its
remaining versions first), which is how the benchmark adds "1% new articles" to a folder.
File text: an optional `date YYYY-MM-DD Section` line (92%), an optional title line (85%),
then one paragraph per line; bodies are 300-900 words; dates spread over 2024-2025, the
versions of a story within three days. Speed: 100,000 articles in about 36 s on one core.
File names: `s<story>-<topic>-<town>_<a|b|c>.txt`, so the true stories are known.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from bench import vocab
from bench.vocab import GENERIC, SYNONYMS, TOPICS, WORDS

_SYNONYM_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b")
# The same phrases for str.replace, between spaces (so "cost" does not touch "costs").
_SYNONYM_ITEMS = tuple((f" {k} ", tuple(f" {v} " for v in vs)) for k, vs in SYNONYMS.items())
# Targets of the corruptions, one pattern each.
_RUN_FUNC = re.compile(r"\b(in|of|on|at|to|for|and) (the|a|this|its)\b")
_RUN_NAME = re.compile(r"\b([A-Z][a-z]{2,}) (in|of|and|at|on|to)\b")
_RUN_WORDS = re.compile(r"\b([a-z]{3,}) ([a-z]{3,})\b")
_POSSESSIVE = re.compile(r"\b(\w+)'s\b")
_HYPHEN = re.compile(r"\b([a-z]+)-([a-z]+)\b")
_REPEAT = re.compile(r"\b(the|a|to|of|and|in|was|has|will|for|on|said)\b")
_CAPITALISE = re.compile(r"(?<=[a-z,] )([a-z]{5,})\b")
_OCR = re.compile(r"\b([a-z]*)(m|d|l)([a-z]*)\b")
_OCR_SWAP = {"m": "rn", "d": "cl", "l": "1"}

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = tuple("January February March April May June July August September October November December".split())
_TOPIC_NAMES = tuple(TOPICS)
_EPOCH = dt.date(2024, 1, 1).toordinal()
_LETTERS = "abc"
_STORY_NOUNS = 12
_TOPIC_SENTENCES = 5  # per article, from the topic's own list; the rest are GENERIC


class GeneratedArticle(NamedTuple):
    """One generated article: `article_id` is the file name without `.txt`; `date` and `title`
    may be None/empty (the file then has no date or title line)."""

    article_id: str
    date: dt.date | None
    section: str
    title: str
    body: str

    def file_text(self) -> str:
        head = []
        if self.date is not None:
            head.append(f"date {self.date.isoformat()} {self.section}")
        if self.title:
            head.append(self.title)
        return "\n".join([*head, self.body]) + "\n"


def _pick(seq: tuple[str, ...] | list[str], r: Callable[[], float]) -> str:
    """`random.choice` without its overhead (the generator draws millions of these)."""
    return seq[int(r() * len(seq))]


def _num(lo: int, hi: int, r: Callable[[], float]) -> int:
    return lo + int(r() * (hi - lo + 1))


# Slots drawn anew at every use. The versions of a story are rewrites of one filled-in text,
# so they still share every number and word.
_DRAW: dict[str, Callable[[Callable[[], float]], str]] = {
    "NA": lambda r: str(_num(3, 60, r)),
    "NB": lambda r: str(_num(101, 990, r)),
    "NC": lambda r: f"{_num(11, 480, r)},{_num(0, 9, r)}00",
    "PC": lambda r: f"{_num(4, 78, r)}.{_num(0, 9, r)}",
    # Years cluster on the recent past, with a long tail.
    "YR": lambda r: str(_num(2015, 2023, r) if r() < 0.5 else _num(1950, 2014, r)),
    "KM": lambda r: f"{_num(2, 90, r)}.{_num(1, 9, r)}" if r() < 0.5 else str(_num(12, 640, r)),
    "MON": lambda r: f"{_num(2, 95, r)}.{_num(1, 9, r)} million {_pick(('euros', 'dollars', 'tenge'), r)}",
    "AGE": lambda r: str(_num(19, 78, r)),
    "DAY": lambda r: _pick(_DAYS, r),
    "MONTH": lambda r: _pick(_MONTHS, r),
    **{key: (lambda r, seq=seq: _pick(seq, r)) for key, seq in WORDS.items()},
}


class _Slots(dict):
    """A story's fixed slots (names, places, organisation) and its own vocabulary; any other
    key is drawn from _DRAW at each use."""

    __slots__ = ("_adjectives", "_nouns", "_r", "_verbs")

    def __init__(self, rng: random.Random, topic: dict[str, tuple[str, ...]]) -> None:
        r = rng.random
        values: dict[str, str] = {}
        roles = rng.sample(topic["roles"], 6)
        for k in range(6):
            sur = _pick(vocab.SUR_A, r) + _pick(vocab.SUR_B, r) + _pick(vocab.SUR_C, r)
            values[f"P{k}"] = f"{_pick(vocab.GIVEN, r)} {sur}"
            values[f"S{k}"] = sur
            values[f"R{k}"] = roles[k]
        values["PL"] = _pick(vocab.PLACE_A, r) + _pick(vocab.PLACE_B, r) + _pick(vocab.PLACE_C, r)
        values["PL2"] = _pick(vocab.PLACE_A, r) + _pick(vocab.PLACE_B, r) + _pick(vocab.PLACE_C, r)
        values["VL"] = _pick(vocab.PLACE_A, r) + _pick(vocab.VILLAGE_B, r)
        values["ST"] = f"{_pick(vocab.SUR_A, r)}{_pick(vocab.PLACE_B, r)}{_pick(vocab.VILLAGE_B, r)} " + _pick(
            vocab.STREET_KIND, r
        )
        company = _pick(vocab.PLACE_A, r) + _pick(vocab.SUR_B, r) + _pick(vocab.COMPANY_B, r)
        values["CO"] = company + _pick(vocab.COMPANY_KIND, r)
        region = _pick(vocab.REGION_A, r) + _pick(vocab.REGION_B, r)
        values["RG"] = region
        adjective = region if r() < 0.5 else _pick(vocab.ORG_ADJ, r)
        org = f"{adjective} {_pick(topic['org'], r)}"
        values["ORG"] = org
        values["ORGA"] = "".join(w[0] for w in org.replace("'", "").split() if w[0].isupper())
        values["EV"] = _pick(topic["event"], r)
        values["THING"] = _pick(topic["thing"], r)
        super().__init__(values)
        self._r = r
        self._nouns = rng.sample(vocab.NOUNS, _STORY_NOUNS)
        self._adjectives = rng.sample(vocab.ADJECTIVES, 5)
        self._verbs = rng.sample(vocab.VERBS, 4)

    def noun(self) -> str:
        # Skewed towards the first nouns: a story has two or three things it is about.
        return self._nouns[int(_STORY_NOUNS * self._r() ** 2)]

    @property
    def nouns(self) -> list[str]:
        return self._nouns

    def __missing__(self, key: str) -> str:
        if key == "N":
            return self.noun()
        if key == "NS":
            return vocab.plural(self.noun())
        if key == "AN":
            noun = self.noun()
            return ("an " if noun[0] in "aeiou" else "a ") + noun
        if key == "AA":
            adjective = _pick(self._adjectives, self._r)
            return ("an " if adjective[0] in "aeiou" else "a ") + adjective
        if key == "A":
            return _pick(self._adjectives, self._r)
        if key == "V":
            return _pick(self._verbs, self._r)
        return _DRAW[key](self._r)


def _shuffled(items: list[str], r: Callable[[], float]) -> list[str]:
    items.sort(key=lambda _: r())  # a shuffle; cheaper than random.shuffle
    return items


def _clean_paragraphs(rng: random.Random, topic: dict[str, tuple[str, ...]], slots: _Slots) -> list[list[str]]:
    """The clean version: 300-900 words as paragraphs of 1-4 sentences."""
    r = rng.random
    target = _num(330, 860, r)  # leaves room for the rewrites' drift: every body is 300-900 words
    # The lead is one of the topic's first sentences (the natural openers), then a few more of
    # the topic's own sentences among the generic ones.
    lead = _pick(topic["sentences"][:3], r)
    own = rng.sample([s for s in topic["sentences"] if s != lead], _TOPIC_SENTENCES - 1)
    pool = [lead, *_shuffled([*own, *GENERIC], r)]
    paragraphs: list[list[str]] = []
    words = 0
    i = 0
    while words < target:
        para = []
        for _ in range(1 + int(r() * 4)):
            if i == len(pool):  # a very long article: reuse sentences (with new words and numbers)
                _shuffled(pool, r)
                i = 0
            s = pool[i].format_map(slots)
            i += 1
            para.append(s)
            words += s.count(" ") + 1
            if words >= target:
                break
        paragraphs.append(para)
    return paragraphs


def _rewrite(rng: random.Random, paragraphs: list[list[str]], slots: _Slots) -> list[str]:
    """A machine-translation-style rewrite: some sentences dropped or swapped with their
    neighbour, paragraph breaks moved, one or two of the story's nouns translated differently
    throughout, and phrase-level synonym and word-order swaps. Returns paragraph lines."""
    r = rng.random
    sentences = [s for para in paragraphs for s in para]
    words = sum(s.count(" ") + 1 for s in sentences)
    drop = 0.15 * r()
    for k in sorted(range(len(sentences)), key=lambda _: r())[: int(drop * len(sentences))]:
        n = sentences[k].count(" ") + 1
        if words - n < 330:  # a rewrite stays above 300 words after garbling
            break
        sentences[k] = ""
        words -= n
    sentences = [s for s in sentences if s]
    for k in range(len(sentences) - 1):
        if r() < 0.2:
            sentences[k], sentences[k + 1] = sentences[k + 1], sentences[k]
    out: list[str] = []
    k = 0
    while k < len(sentences):
        size = 1 + int(r() * 4)
        out.append(" ".join(sentences[k : k + size]))
        k += size
    text = " " + "\n".join(out)
    for noun in slots.nouns[: int(r() * 3)]:
        other = _pick(vocab.NOUNS, r)
        for old, new in ((vocab.plural(noun), vocab.plural(other)), (noun, other)):
            for end in " ,.'":
                text = text.replace(f" {old}{end}", f" {new}{end}")
    # Swap a random share of the phrases (the first 1-3 uses of each); str.replace is fast enough
    # for 100,000 articles, a regex with a callback is not.
    for phrase, choices in rng.sample(_SYNONYM_ITEMS, 12 + int(r() * 24)):
        text = text.replace(phrase, _pick(choices, r), 1 + int(r() * 3))
    return text[1:].split("\n")


def _apply_once(rng: random.Random, pattern: re.Pattern[str], text: str, make: Callable[[re.Match[str]], str]) -> str:
    """Apply `make` to the first match of `pattern` after a random position (else the first)."""
    m = pattern.search(text, int(rng.random() * len(text))) or pattern.search(text)
    if m is None:
        return text
    return text[: m.start()] + make(m) + text[m.end() :]


_CORRUPTIONS: tuple[tuple[float, re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (0.26, _RUN_FUNC, lambda m: m.group(1) + m.group(2)),  # "inthe"
    (0.16, _RUN_NAME, lambda m: m.group(1) + m.group(2)),  # "Ostravelin"
    (0.06, _RUN_WORDS, lambda m: m.group(1) + m.group(2)),  # "tankerberth"
    (0.14, _POSSESSIVE, lambda m: m.group(1) + "s"),  # "Korvadels"
    (0.10, _HYPHEN, lambda m: m.group(1) + " -" + m.group(2)),  # "large -scale"
    (0.12, _REPEAT, lambda m: m.group(1) + " " + m.group(1)),  # "the the"
    (0.10, _CAPITALISE, lambda m: m.group(1).capitalize()),  # "Ballots"
    (0.06, _OCR, lambda m: m.group(1) + _OCR_SWAP[m.group(2)] + m.group(3)),  # "sumrner"
)
_CORRUPTION_CUM = [sum(c[0] for c in _CORRUPTIONS[: k + 1]) for k in range(len(_CORRUPTIONS))]


def _corrupt(rng: random.Random, lines: list[str]) -> list[str]:
    """Garble 0.5-4 tokens per 100 words (each in a random line) and add stray '|' lines."""
    r = rng.random
    words = sum(line.count(" ") + 1 for line in lines)
    count = max(1, round(words * (0.5 + 3.5 * r()) / 100))
    for _ in range(count):
        k = int(r() * len(lines))
        x = r() * _CORRUPTION_CUM[-1]
        _, pattern, make = next(c for c, cum in zip(_CORRUPTIONS, _CORRUPTION_CUM, strict=True) if x <= cum)
        lines[k] = _apply_once(rng, pattern, lines[k], make)
    for _ in range(_pick((0, 0, 1, 1, 2), r)):
        lines.insert(_num(1, len(lines), r), "|")
    return lines


def _story(seed: int, index: int) -> list[GeneratedArticle]:
    rng = random.Random(seed * 1_000_003 + index)
    r = rng.random
    # The first stories cover every topic once, so even a tiny corpus is varied.
    name = _TOPIC_NAMES[index] if index < len(_TOPIC_NAMES) else _pick(_TOPIC_NAMES, r)
    topic = TOPICS[name]
    slots = _Slots(rng, topic)
    section = _pick(topic["section"], r)
    day = _EPOCH + int(r() * 730)
    title = _pick(topic["title"], r).format_map(slots)
    clean = _clean_paragraphs(rng, topic, slots)
    x = r()
    versions = 1 if x < 0.40 else 2 if x < 0.75 else 3
    clean_at = int(r() * versions)
    slug = f"s{index:06d}-{name}-{slots['PL'].lower()}"
    out = []
    for v in range(versions):
        if v == clean_at:
            body = "\n".join(" ".join(p) for p in clean)
            head = title
        else:
            body = "\n".join(_corrupt(rng, _rewrite(rng, clean, slots)))
            head = _SYNONYM_RE.sub(lambda m: _pick(SYNONYMS[m.group(1)], r), title)
        date = dt.date.fromordinal(day + int(r() * 3)) if r() < 0.92 else None
        out.append(GeneratedArticle(f"{slug}_{_LETTERS[v]}", date, section, head if r() < 0.85 else "", body))
    return out


def generate_texts(n: int, seed: int = 1) -> list[GeneratedArticle]:
    """`n` articles (ids, dates, sections, titles, bodies) in memory, story by story."""
    out: list[GeneratedArticle] = []
    index = 0
    while len(out) < n:
        out.extend(_story(seed, index))
        index += 1
    return out[:n]


def generate(n: int, seed: int = 1) -> list[tuple[str, str]]:
    """`n` articles as (filename, file text) in the job's input format."""
    return [(a.article_id + ".txt", a.file_text()) for a in generate_texts(n, seed)]


def write_corpus(articles: list[tuple[str, str]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in articles:
        (out / name).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="number of articles (default 300)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the .txt files into")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    articles = generate(args.n, args.seed)
    write_corpus(articles, args.out)
    words = sum(len(text.split()) for _, text in articles)
    print(
        f"wrote {len(articles)} articles ({words} words) to {args.out} in {time.perf_counter() - started:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
