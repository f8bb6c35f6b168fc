"""The garbled-token detector's tokenizer: whitespace-separated tokens with their surrounding
punctuation removed, their character offsets, and whether each starts a sentence.

Built list-at-a-time: `str.split` line by line, then C-level `map`s over lists. A bare word
(letters only, most tokens) is its own core; the shape of each distinct other raw token is
memoised (news vocabulary recurs) and applied token by token, as are datelines and dashes.
Character offsets are worked out only when asked for (one more pass, and for text with
whitespace other than spaces and line breaks one regex pass for the gaps)."""

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
    sentence_start: bool
    index: int  # position in the article's token lists


@dataclass(frozen=True)
class Tokens:
    """An article's tokens as parallel lists (position i = token i): cheap to build and scan.
    The character offsets (`starts`, `ends`) are worked out on first use: most articles need
    them for a few tokens at most."""

    text: str
    raws: list[str]  # the whitespace-separated tokens (`text.split()`)
    cores: list[str]
    lows: list[str]  # the cores in lower case
    sentence_starts: list[bool]
    line_starts: list[int]  # the first token of each line that has one (ascending; 0 first)
    line_offsets: list[int]  # where each of those lines starts in `text`
    line_lengths: list[int]  # and its length in characters
    leading: dict[int, int]  # token index -> length of its leading punctuation (if any)

    def __len__(self) -> int:
        return len(self.cores)

    def token(self, i: int) -> Token:
        return Token(self.cores[i], self.sentence_starts[i], i)

    def line(self, i: int) -> tuple[int, int]:
        """Token indexes [first, end) of the line that holds token `i`."""
        k = bisect.bisect_right(self.line_starts, i)
        return self.line_starts[k - 1], self.line_starts[k] if k < len(self.line_starts) else len(self.raws)

    def start(self, i: int) -> int:
        """`starts[i]`, reading only token `i`'s line when its tokens are one whitespace
        character apart (most lines): an article with a few garbled tokens needs no more."""
        if "starts" not in self.__dict__:  # (not worked out yet)
            k = bisect.bisect_right(self.line_starts, i) - 1
            first = self.line_starts[k]
            end = self.line_starts[k + 1] if k + 1 < len(self.line_starts) else len(self.raws)
            before = sum(map(len, self.raws[first:i]))
            if self.line_lengths[k] == before + sum(map(len, self.raws[i:end])) + end - first - 1:
                return self.line_offsets[k] + before + i - first + self.leading.get(i, 0)
        return self.starts[i]

    def end(self, i: int) -> int:
        """`ends[i]`, as `start` reads it."""
        return self.start(i) + len(self.cores[i])

    @functools.cached_property
    def starts(self) -> list[int]:
        """Character offsets of the cores in `text`."""
        starts = _raw_starts(self.text, self.raws) if self.raws else []
        for i, offset in self.leading.items():
            starts[i] += offset
        return starts

    @functools.cached_property
    def ends(self) -> list[int]:
        return list(map(operator.add, self.starts, map(len, self.cores)))


@functools.lru_cache(maxsize=1 << 16)
def _shape(raw: str) -> tuple[int, str, str, bool, int]:
    """How a non-empty whitespace-separated token reads by itself, memoised (most tokens recur):
    (offset of its core in `raw`, the core (may be ""), the core in lower case, opens a
    quotation, its effect on the next token: _CONTINUES, _ENDS_SENTENCE or _DASH). The two
    commonest shapes are read directly; both agree with `_strip_shape` (a test checks)."""
    if raw.isalpha():  # a bare word (most tokens): nothing to strip, no sentence end
        return 0, raw, raw.lower(), False, _CONTINUES
    if raw[-1] in ",." and raw[:-1].isalpha():  # a word before a comma or a full stop (the next most)
        core = raw[:-1]
        return 0, core, core.lower(), False, _CONTINUES if raw[-1] == "," else _ENDS_SENTENCE
    return _strip_shape(raw)


def _strip_shape(raw: str) -> tuple[int, str, str, bool, int]:
    """`_shape` by the general rule: leading and trailing punctuation stripped, the sentence
    end read off the punctuation."""
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


def _raw_starts(text: str, raws: list[str]) -> list[int]:
    """Where each of `raws` (`text.split()`, not empty) starts in `text`."""
    n = len(raws)
    letters = sum(map(len, raws))  # the non-whitespace characters
    if len(text) == letters + n - 1:  # one whitespace character between tokens, none around them
        lengths = map(len, itertools.islice(raws, n - 1))
        return list(itertools.accumulate(map(operator.add, lengths, itertools.repeat(1)), initial=0))
    if len(text) - text.count(" ") - text.count("\n") == letters:  # only spaces and line breaks
        pieces = text.replace("\n", " ").split(" ")
        offsets = itertools.accumulate(map(operator.add, map(len, pieces), itertools.repeat(1)), initial=0)
        return list(itertools.compress(offsets, pieces))
    gaps = _GAPS.findall(text)  # [leading gap,] one gap between each two tokens[, trailing gap]
    lead = len(gaps[0]) if text[0].isspace() else 0
    between = gaps[1:n] if lead else gaps[: n - 1]
    return list(itertools.accumulate(map(operator.add, map(len, raws), map(len, between)), initial=lead))


def tokenize(text: str) -> Tokens:
    """Split `text` into tokens with their surrounding punctuation removed, marking the tokens
    that start a sentence: after . ! ? : ;, at a line start, at an opening quote, in and after
    a capitalised dateline ("PHNOM PENH — Officials"). Empty or all-whitespace text: no tokens.
    A token of punctuation only keeps an empty core (its offsets still point into `text`)."""
    line_texts = text.split("\n")
    tokens_by_line = list(map(str.split, line_texts))
    lines = list(filter(None, tokens_by_line))  # the tokens of each line that has some
    raws = list(itertools.chain.from_iterable(lines))  # = text.split()
    if not raws:
        return Tokens(text, [], [], [], [], [], [], [], {})
    line_lengths = list(map(len, line_texts))
    line_offsets = itertools.accumulate(map(operator.add, line_lengths, itertools.repeat(1)), initial=0)
    n = len(raws)
    line_starts = list(itertools.accumulate(map(len, lines[:-1]), initial=0))
    sentence_starts = [False] * n
    for i in line_starts:
        sentence_starts[i] = True  # a sentence starts at a line start ...
    # A bare word (most tokens) is its own core and changes nothing for the next token; the
    # rest are read by `_shape`.
    cores = raws.copy()
    lows = list(map(str.lower, raws))
    dashes = []
    leading = {}
    for i in itertools.compress(range(n), map(operator.not_, map(str.isalpha, raws))):
        raw = raws[i]
        if raw[0] not in _LEADING and raw[-1] not in _STRIP_TRAILING:
            continue  # nothing to strip ("2019", "Kim’s", "long-term"): its own core, as read
        if raw[-1] in ",." and raw[:-1].isalpha():  # `_shape`'s commonest shape, read inline
            cores[i] = core = raw[:-1]
            lows[i] = core.lower()
            if raw[-1] == "." and i + 1 < n:
                sentence_starts[i + 1] = True
            continue
        offset, cores[i], lows[i], opens_quote, after = _shape(raw)
        if offset:
            leading[i] = offset
        if opens_quote:
            sentence_starts[i] = True  # ... at an opening quote ...
        if after == _ENDS_SENTENCE and i + 1 < n:
            sentence_starts[i + 1] = True  # ... and after a sentence end
        elif after == _DASH and i + 1 < n:
            dashes.append(i + 1)
    # Token by token, in order: a capitalised dateline's words (each needs its predecessor's
    # flag) and the word after a dash (starts a sentence when the line so far is capitalised).
    capitals = itertools.compress(range(1, n), map(str.isupper, itertools.islice(raws, 1, None)))
    after_dash = frozenset(dashes)
    for i in sorted({*capitals, *dashes}) if dashes else capitals:
        if i in after_dash and not sentence_starts[i]:
            line_first = line_starts[bisect.bisect_right(line_starts, i - 1) - 1]
            sentence_starts[i] = all(c.isupper() or not c for c in cores[line_first:i])
        if raws[i].isupper() and cores[i - 1].isupper() and sentence_starts[i - 1]:
            sentence_starts[i] = True  # a dateline in capitals: "PHNOM PENH —"
    return Tokens(
        text,
        raws,
        cores,
        lows,
        sentence_starts,
        line_starts,
        list(itertools.compress(line_offsets, tokens_by_line)),
        list(itertools.compress(line_lengths, tokens_by_line)),
        leading,
    )
