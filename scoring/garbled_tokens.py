"""The garbled-token detector's tokenizer: whitespace-separated tokens with their surrounding
punctuation removed, their character offsets, and whether each starts a sentence.

Built list-at-a-time: `str.split` (and, for text with whitespace other than spaces and line
breaks, one regex pass for the gaps), then C-level `map`s over lists; each distinct raw token's
shape is memoised (news vocabulary recurs). Only datelines and dashes are resolved token by token.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from dataclasses import dataclass
from typing import NamedTuple

# Whitespace between tokens: the same characters as `str.split()` splits on (both use
# Unicode White_Space), so the gaps interleave exactly with `text.split()`'s tokens.
_GAPS = re.compile(r"\s+")
_LEADING = "\"'“‘«([{*_-–—"
_TRAILING = '"“”»)]}*_.,;:!?'
_APOSTROPHES = "'’"
_STRIP_TRAILING = _TRAILING + _APOSTROPHES
_OPENING_QUOTES = '"“‘«'
_SENTENCE_END_CHARS = frozenset(".!?:;\"'”’)]")
_DASHES = frozenset(["—", "–", "-"])
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")

# What a whitespace-separated token does to the next one's sentence start.
_CONTINUES, _ENDS_SENTENCE, _DASH = 0, 1, 2


class Token(NamedTuple):
    """One token the rules classify (made only for the few tokens the fast path lets through)."""

    core: str  # the token without surrounding punctuation
    start: int  # character offset of `core` in the text
    end: int
    sentence_start: bool
    index: int  # position in the article's token lists


@dataclass(frozen=True, slots=True)
class Tokens:
    """An article's tokens as parallel lists (position i = token i): cheap to build and scan."""

    cores: list[str]
    lows: list[str]  # the cores in lower case
    starts: list[int]  # character offsets of the cores
    ends: list[int]
    sentence_starts: list[bool]

    def __len__(self) -> int:
        return len(self.cores)

    def token(self, i: int) -> Token:
        return Token(self.cores[i], self.starts[i], self.ends[i], self.sentence_starts[i], i)


@functools.lru_cache(maxsize=1 << 16)
def _shape(raw: str) -> tuple[int, str, str, bool, int]:
    """How a non-empty whitespace-separated token reads by itself, memoised (most tokens recur):
    (offset of its core in `raw`, the core (may be ""), the core in lower case, opens a
    quotation, its effect on the next token: _CONTINUES, _ENDS_SENTENCE or _DASH)."""
    first = raw[0]
    core = raw.lstrip(_LEADING) if first in _LEADING else raw
    offset = len(raw) - len(core)
    while core and core[-1] in _STRIP_TRAILING:
        # keep the apostrophe of a plural possessive ("ministers'", "Kims'")
        if core[-1] in _APOSTROPHES and len(core) > 2 and core[-2] in "sS":
            break
        core = core[:-1]
    if raw[-1] in _SENTENCE_END_CHARS:
        after = _ENDS_SENTENCE if _SENTENCE_END.search(raw) else _CONTINUES
    else:
        after = _DASH if raw in _DASHES else _CONTINUES
    return offset, core, core.lower(), first in _OPENING_QUOTES, after


def _raw_starts(text: str, raws: list[str]) -> tuple[list[int], list[bool]]:
    """Where each of `raws` (`text.split()`, not empty) starts in `text`, and whether a line
    break comes before it (always for the first)."""
    n = len(raws)
    pieces = text.replace("\n", " ").split(" ")
    if list(filter(None, pieces)) == raws:  # only spaces and line breaks between tokens (most text)
        offsets = itertools.accumulate(map(operator.add, map(len, pieces), itertools.repeat(1)), initial=0)
        raw_starts = list(itertools.compress(offsets, pieces))
        line_breaks = [True] + [False] * (n - 1)
        at = text.find("\n")
        while at >= 0:  # a line break comes before the first token after it
            k = bisect.bisect_right(raw_starts, at)
            if k == n:
                break
            line_breaks[k] = True
            at = text.find("\n", raw_starts[k])
        return raw_starts, line_breaks
    gaps = _GAPS.findall(text)  # [leading gap,] one gap between each two tokens[, trailing gap]
    lead = len(gaps[0]) if text[0].isspace() else 0
    between = gaps[1:n] if lead else gaps[: n - 1]
    raw_starts = list(itertools.accumulate(map(operator.add, map(len, raws), map(len, between)), initial=lead))
    return raw_starts, [True, *map(operator.contains, between, itertools.repeat("\n"))]


def tokenize(text: str) -> Tokens:
    """Split `text` into tokens with their surrounding punctuation removed, marking the tokens
    that start a sentence: after . ! ? : ;, at a line start, at an opening quote, in and after
    a capitalised dateline ("PHNOM PENH — Officials"). Empty or all-whitespace text: no tokens.
    A token of punctuation only keeps an empty core (its offsets still point into `text`)."""
    raws = text.split()
    if not raws:
        return Tokens([], [], [], [], [])
    n = len(raws)
    raw_starts, line_breaks = _raw_starts(text, raws)
    offsets, cores, lows, opens_quote, after = map(list, zip(*map(_shape, raws), strict=True))
    starts = list(map(operator.add, raw_starts, offsets))
    ends = list(map(operator.add, starts, map(len, cores)))
    # a sentence starts after a sentence end, at a line start, or at an opening quote
    ended = [True, *map(operator.eq, after, itertools.repeat(_ENDS_SENTENCE))]
    sentence_starts = list(map(operator.or_, map(operator.or_, ended, line_breaks), opens_quote))
    # Token by token, in order: a capitalised dateline's words (each needs its predecessor's
    # flag) and the word after a dash (starts a sentence when the line so far is capitalised).
    capitals = itertools.compress(range(1, n), map(str.isupper, itertools.islice(raws, 1, None)))
    dashes = [i + 1 for i in itertools.compress(range(n - 1), map(operator.eq, after, itertools.repeat(_DASH)))]
    for i in sorted({*capitals, *dashes}) if dashes else capitals:
        if after[i - 1] == _DASH and not sentence_starts[i]:
            line_first = next((k for k in range(i - 1, 0, -1) if line_breaks[k]), 0)
            sentence_starts[i] = all(c.isupper() or not c for c in cores[line_first:i])
        if raws[i].isupper() and cores[i - 1].isupper() and sentence_starts[i - 1]:
            sentence_starts[i] = True  # a dateline in capitals: "PHNOM PENH —"
    return Tokens(cores, lows, starts, ends, sentence_starts)
