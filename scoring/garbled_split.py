"""The garbled-token detector's run-together split search: the best place to cut a token in
two words ("Kim|in", "Back|russias", "Ministry|of"), or none.

The search first narrows the cuts cheaply: a split with a function word only needs the cuts
next to one; any other split of an ASCII token needs both pieces in one precomputed table of
the lower-case strings the lexicon could accept as a piece (`_piece_words`) or among its
listed common words, or named by the text (`_cuts`). Most unknown names have no such cut and
cost a few lookups. Only the cuts left are read in full (with `every_cut=True`, all of them:
the general path); the shortcuts never change a result (tests/scoring/test_garbled_split.py).
"""

from __future__ import annotations

import functools
import itertools

from scoring.lexicon import Lexicon

# Words that may stand as one piece of a run-together token however short they are.
FUNCTION_WORDS = frozenset(
    """a an and as at be by for from in into is it of on or the to with he she we they you not are was were
    has have had will would could can than if but so said""".split()
)
MAX_FUNCTION_WORD = max(map(len, FUNCTION_WORDS))
# Shorter pieces must be function words (`_is_piece`).
MIN_PIECE = 3

Split = tuple[str, str, bool]  # left piece, right piece, strong


@functools.lru_cache(maxsize=1 << 16)
def _is_piece(lexicon: Lexicon, piece_zipf: float, known_zipf: float, piece: str, named: bool) -> bool:
    """A piece a run-together token may split into: a function word, a common word, a common
    word plus 's', or a name this text (or a sibling) uses (`named`: it uses
    `piece.capitalize()`). A lower-case piece that the dictionary knows only as a name ("kim"
    in "akim") does not count. Memoised per process."""
    low = piece.lower()
    if low in FUNCTION_WORDS:
        return True
    if len(piece) < MIN_PIECE:
        return False
    if piece.islower() and not lexicon.is_common_word(low) and lexicon.is_proper_noun(low):
        return False
    if lexicon.frequency(low) >= piece_zipf or named:
        return True
    if len(low) >= 5 and (lexicon.frequency(low) >= known_zipf or lexicon.is_common_word(low)):
        return True  # a longer word may be rarer: "hotline|has", "obstreperous|debate"
    if piece[:1].isupper() and lexicon.is_proper_noun(piece):
        return True  # "Accra|and", "Turkestan|region"
    return len(low) > 3 and low.endswith("s") and lexicon.frequency(low[:-1]) >= piece_zipf


@functools.lru_cache(maxsize=2)  # one per lexicon and thresholds in use (about 9 MB each)
def _piece_words(lexicon: Lexicon, piece_zipf: float, known_zipf: float) -> dict[str, None]:
    """Every lower-case string `_is_piece` may accept, for an ASCII piece the text does not
    name, but for the listed common words (`Lexicon.common`, looked up there): the function
    words, the words of 3 letters or more at least `piece_zipf` frequent and their plurals in
    s, the words of 5 letters or more at least `known_zipf` frequent, and the names of 3 letters
    or more, lower-cased. About 90,000 strings, 9 MB; built once per lexicon (about 0.05 s). A
    dict, keys only: the garbage collector never walks a dict of strings (it would walk a set
    at every full collection)."""
    zipf = lexicon.zipf
    frequent = [w for w, z in zipf.items() if z >= min(piece_zipf, known_zipf) and len(w) >= MIN_PIECE]
    return dict.fromkeys(
        itertools.chain(
            FUNCTION_WORDS,
            (w for w in frequent if zipf[w] >= piece_zipf or len(w) >= 5),
            (w + "s" for w in frequent if zipf[w] >= piece_zipf),
            (w for w in map(str.lower, lexicon.proper) if len(w) >= MIN_PIECE),
        )
    )


def _cuts(pieces: dict[str, None], common: frozenset[str], low: str, present: frozenset[str]) -> list[int]:
    """The cuts of `low` (an ASCII word in lower case; ascending) whose pieces may both be
    accepted: each is in `pieces` (`_piece_words`), a listed `common` word of 5 letters or
    more, or named in `present` (capitalised: for an ASCII piece, lower-casing it or its
    capitalised form gives the same string)."""
    named = frozenset(map(str.lower, present))
    n = len(low)
    return [
        i
        for i in range(1, n)
        if (low[:i] in pieces or (i >= 5 and low[:i] in common) or low[:i] in named)
        and (low[i:] in pieces or (n - i >= 5 and low[i:] in common) or low[i:] in named)
    ]


@functools.lru_cache(maxsize=1 << 12)  # a few kB each
def _split_lookups(word: str) -> frozenset[str]:
    """Every string `_split_run_together` may look up in the article's words for `word` (a
    superset) at a cut whose pieces can both be pieces at all (at least `MIN_PIECE` letters or a
    function word; at any other cut `_is_piece` rejects a piece whatever the text names): the
    pieces capitalised, the left piece as written when `word` is capitalised (only then is one
    looked up as written), and the right piece less a plural s, capitalised."""
    n = len(word)
    cuts = [
        i
        for i in range(1, n)
        if (i >= MIN_PIECE or word[:i].lower() in FUNCTION_WORDS)
        and (n - i >= MIN_PIECE or word[i:].lower() in FUNCTION_WORDS)
    ]
    lefts = [word[:i] for i in cuts]
    rights = [word[i:] for i in cuts]
    found = [map(str.capitalize, lefts), map(str.capitalize, rights)]
    if word[:1].isupper():
        found.append(lefts)
    if word.endswith("s"):  # so does every right piece
        found.append(map(str.capitalize, [right[:-1] for right in rights]))
    return frozenset(itertools.chain.from_iterable(found))


@functools.lru_cache(maxsize=1 << 15)
def _split_run_together(
    lexicon: Lexicon,
    piece_zipf: float,
    known_zipf: float,
    word: str,
    present: frozenset[str],
    strong_only: bool,
    function_only: bool,
    *,
    every_cut: bool = False,
) -> Split | None:
    """Best split of `word` into two pieces that are both words, or None: the highest-scoring
    cut, the first on a tie. The flag says whether the split is strong: one piece is a function
    word or a name the text itself uses.
    `present`: the strings of `_split_lookups(word)` the article (or a sibling) uses; that is
    all the split reads of the article, so it is memoised per process.
    `strong_only`: strong splits only; `function_only`: splits with a function word only.
    `every_cut`: read every cut (the general path, which the shortcuts never change; tests)."""
    low = word.lower()
    n = len(word)
    cuts: list[int] | range
    if every_cut or not (function_only or word.isascii()):
        cuts = range(1, n)
    elif function_only:  # the cuts next to a function word (at most MAX_FUNCTION_WORD letters)
        cuts = [
            i
            for i in range(1, n)
            if (i <= MAX_FUNCTION_WORD and low[:i] in FUNCTION_WORDS)
            or (n - i <= MAX_FUNCTION_WORD and low[i:] in FUNCTION_WORDS)
        ]
    else:  # an ASCII word: the cuts whose pieces may both be words
        cuts = _cuts(_piece_words(lexicon, piece_zipf, known_zipf), lexicon.common, low, present)
    best: tuple[float, Split] | None = None
    capitalised = word[:1].isupper()
    for i in cuts:
        left, right = word[:i], word[i:]
        function_split = (i <= MAX_FUNCTION_WORD and low[:i] in FUNCTION_WORDS) or (
            n - i <= MAX_FUNCTION_WORD and low[i:] in FUNCTION_WORDS
        )
        if function_only and not function_split:
            continue
        right_named = right.capitalize() in present
        strong = (
            function_split
            or right_named
            or (capitalised and (left in present or (lexicon.is_proper_noun(left) and lexicon.frequency(right) >= 4.5)))
            or (right.endswith("s") and right[:-1].capitalize() in present)
        )
        if (strong_only and not strong) or not (
            _is_piece(lexicon, piece_zipf, known_zipf, left, left.capitalize() in present)
            and _is_piece(lexicon, piece_zipf, known_zipf, right, right_named)
        ):
            continue
        score = min(i, n - i) + (10 if strong else 0)
        if best is None or score > best[0]:
            best = (score, (left, right, strong))
    return best[1] if best else None
