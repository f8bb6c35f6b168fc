"""Garbled-token detector: the run-together, split, broken and stray tokens that bad machine
translation and OCR leave behind ("Kimin", "Backrussias", "Kims'", "large -scale", "the the").

One readable rule set, applied to each token in order; the first rule that fires gives the
token's reason code (`REASONS`). Evidence, strongest first:
1. the token's shape (stray symbols, a hyphen with a space on one side, an immediate repeat);
2. the lexicon (`scoring.lexicon`): whether the word, or the pieces it splits into, are English;
3. the article itself and its sibling versions: a name the text uses elsewhere ("Kim") makes
   "Kimin" a run-together, and a capitalised unknown word that other versions of the story
   share is a name, trusted;
4. LanguageTool's spelling matches (category TYPOS), as one more signal: an unknown
   capitalised word (a name) is never flagged on LanguageTool's word alone.

Known words are cheap (one dict lookup); only unknown tokens pay for splitting and edit search.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections import Counter
from dataclasses import dataclass, field

from scoring.garbled_tokens import (  # noqa: F401  (the tokenizer's rules, as its property test reads them)
    _DASHES,
    _OPENING_QUOTES,
    _SENTENCE_END,
    _SENTENCE_END_CHARS,
    _shape,
)
from scoring.garbled_tokens import Token as _Token
from scoring.garbled_tokens import Tokens as _Tokens
from scoring.garbled_tokens import tokenize as _tokenize
from scoring.lexicon import Lexicon
from scoring.records import GarbledResult, GarbledToken, Span
from scoring.settings import GarbledSettings

# Reason codes: short, stable, counted per article and shown in the CSV as token[reason].
REASONS: dict[str, str] = {
    "stray_symbol": "a symbol that does not belong in running text ('|', '¦') or is glued to a word",
    "spacing": "a hyphenated compound broken by a space on one side ('large -scale')",
    "repeated_word": "a word or short phrase repeated immediately ('the the')",
    "split_word": "one word broken in two by a space ('govern ment')",
    "apostrophe": "a possessive with its apostrophe missing or misplaced ('Chinas', 'Kims'')",
    "run_together": "two words joined without a space ('Kimin', 'Backrussias')",
    "ocr_confusion": "letters confused as OCR does (rn/m, l/1, o/0, cl/d)",
    "miscapitalised": "wrong capitals: 'XI' for 'Xi', a common word capitalised mid-sentence",
    "misspelling": "one letter dropped, added, swapped or changed in a common word",
    "unknown_word": "a lower-case word no dictionary knows and LanguageTool flags",
}

# Words that may stand as one piece of a run-together token however short they are.
FUNCTION_WORDS = frozenset(
    """a an and as at be by for from in into is it of on or the to with he she we they you not are was were
    has have had will would could can than if but so said""".split()
)
# Two function words run together ("ofthe", "inthe"); real words among them ("into", "onto",
# "bean") are excluded by the dictionary check where this is used.
MAX_FUNCTION_WORD = max(map(len, FUNCTION_WORDS))
FUNCTION_PAIRS = frozenset(a + b for a in FUNCTION_WORDS for b in FUNCTION_WORDS)
# Legitimate immediate repeats ("she had had enough", "that that").
ALLOWED_REPEATS = frozenset({"had", "that", "is", "bye", "very", "so", "no", "ha", "knock", "really"})
# Words after which a capitalised word is likely part of a name or an institution.
DETERMINERS = frozenset(
    ["a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your"]
)
# Small words inside multi-word names ("Ministry of Finance", "Institute for Heritage").
NAME_JOINERS = frozenset(["of", "and", "for", "de", "du", "la", "the", "on", "&"])
# Nouns news copy capitalises when they name one institution or office ("Parliament voted").
INSTITUTIONS = frozenset(
    """parliament senate congress government ministry cabinet court army navy police council assembly
    commission committee treasury embassy opposition presidency constitution bank church crown state
    union republic kingdom president minister chancellor premier governor prime mayor web internet
    legislature judiciary supreme federal central national royal""".split()
)
# Lower-case name prefixes before a capital: "McDonald", "MacArthur", "DeSantis", "LeBron".
CAMEL_PREFIXES = frozenset(["mc", "mac", "de", "di", "da", "la", "le", "van", "von", "o", "al", "el", "bin"])
# Symbols that never stand alone or glued to words in edited news text.
STRAY_SYMBOLS = frozenset("|¦¬¤•�¶^§")
# OCR look-alikes: (seen, meant).
OCR_SUBSTITUTIONS = (("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("vv", "w"), ("li", "h"), ("ii", "u"))
OCR_DIGITS = str.maketrans({"0": "o", "1": "l", "5": "s", "3": "e", "8": "b"})

_OCR_NUMBER = re.compile(r"^\d[\d,.]*[Oo][\d,.Oo]*(?:°[CF]|%)?$|^\d[\d,.]*[Oo]\d")
# A hyphen with a space on one or both sides inside a compound: "large -scale", "long- term",
# "400 - page", "face-to -face". (An en or em dash is punctuation and is left alone.)
_SPACING = re.compile(r"(?<![\w-])(\w+(?:-\w+)*)( -|- | - )([^\W\d_]\w*(?:-\w+)*)")
_SUSPENDED_HYPHEN_NEXT = frozenset({"and", "or", "to", "nor"})


@dataclass(frozen=True, slots=True)
class SiblingEvidence:
    """What the other versions of the same story say about words in this one.

    `words`: every token (case kept) in the sibling versions.
    `trusted`: capitalised tokens at least two versions share (names; never flagged).
    """

    words: frozenset[str] = field(default_factory=frozenset)
    trusted: frozenset[str] = field(default_factory=frozenset)


NO_SIBLINGS = SiblingEvidence()


class _Context:
    """Per-article lookups shared by the rules."""

    def __init__(
        self,
        text: str,
        tokens: _Tokens,
        lexicon: Lexicon,
        settings: GarbledSettings,
        spelling: tuple[Span, ...],
        siblings: SiblingEvidence,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.cores = cores = tokens.cores
        self.lex = lexicon
        self.s = settings
        self.siblings = siblings
        # tokens a LanguageTool spelling match starts at
        starts = tokens.starts
        self.spelled = frozenset(
            k for sp in spelling if (k := bisect.bisect_left(starts, sp.start)) < len(starts) and starts[k] == sp.start
        )
        self.spelling = spelling
        self._pieces: dict[str, bool] = {}
        self._splits: dict[tuple[str, bool, bool], tuple[str, str, bool] | None] = {}
        # one case-folding and one frequency lookup per token, shared by the rules
        self.lows = lows = tokens.lows
        # one frequency lookup per distinct word (the big table is slow to reach; small ones are not)
        get = lexicon.zipf.get
        self.zipf_of = {low: get(low, 0.0) for low in set(lows)}
        self.distinct = set(cores)
        self.words = self.distinct | siblings.words
        # Title-case forms used mid-sentence: names as the text writes them ("Xi").
        titles = [
            c
            for c, low, first in zip(cores, lows, tokens.sentence_starts, strict=True)
            if c != low and not first and c[0].isupper() and not c.isupper()
        ]
        self.midsentence_titles = set(titles) | {w for w in siblings.words if w[:1].isupper() and not w.isupper()}
        # capitalised mid-sentence more than once (or in a sibling): written as a name on purpose
        self.repeated_titles = {w for w, n in Counter(titles).items() if n > 1} | (siblings.words & set(titles))

    def flagged_by_languagetool(self, tok: _Token) -> bool:
        return any(sp.start < tok.end and sp.end > tok.start for sp in self.spelling)

    def freq(self, word: str) -> float:
        return self.lex.frequency(word)

    def split(self, word: str, strong_only: bool, function_only: bool) -> tuple[str, str, bool] | None:
        """`_split_run_together`, memoised (names recur in an article)."""
        key = (word, strong_only, function_only)
        if key not in self._splits:
            self._splits[key] = _split_run_together(word, self, strong_only, function_only)
        return self._splits[key]

    def is_piece(self, piece: str) -> bool:
        """A piece a run-together token may split into: a function word, a common word, a
        common word plus 's', or a name this text (or a sibling) uses. A lower-case piece that
        the dictionary knows only as a name ("kim" in "akim") does not count. Memoised."""
        known = self._pieces.get(piece)
        if known is None:
            known = self._pieces[piece] = self._is_piece(piece)
        return known

    def _is_piece(self, piece: str) -> bool:
        low = piece.lower()
        if low in FUNCTION_WORDS:
            return True
        if len(piece) < 3:
            return False
        if piece.islower() and not self.lex.is_common_word(low) and self.lex.is_proper_noun(low):
            return False
        piece_zipf = self.s.piece_zipf
        if self.freq(low) >= piece_zipf or piece.capitalize() in self.words:
            return True
        if len(low) >= 5 and (self.freq(low) >= self.s.known_zipf or self.lex.is_common_word(low)):
            return True  # a longer word may be rarer: "hotline|has", "obstreperous|debate"
        if piece[:1].isupper() and self.lex.is_proper_noun(piece):
            return True  # "Accra|and", "Turkestan|region"
        return len(low) > 3 and low.endswith("s") and self.freq(low[:-1]) >= piece_zipf


def _split_run_together(
    word: str, ctx: _Context, strong_only: bool = False, function_only: bool = False
) -> tuple[str, str, bool] | None:
    """Best split of `word` into two pieces that are both words, or None. The flag says whether
    the split is strong: one piece is a function word or a name the text itself uses.
    `strong_only`: strong splits only; `function_only`: splits with a function word only."""
    best: tuple[float, tuple[str, str, bool]] | None = None
    low = word.lower()
    words = ctx.words
    n = len(word)
    positions = range(1, n)
    if function_only:  # function words have at most MAX_FUNCTION_WORD letters
        positions = sorted({*range(1, min(n, MAX_FUNCTION_WORD + 1)), *range(max(1, n - MAX_FUNCTION_WORD), n)})
    for i in positions:
        left, right = word[:i], word[i:]
        function_split = low[:i] in FUNCTION_WORDS or low[i:] in FUNCTION_WORDS
        if function_only and not function_split:
            continue
        strong = (
            function_split
            or right.capitalize() in words
            or (left[0].isupper() and (left in words or (ctx.lex.is_proper_noun(left) and ctx.freq(right) >= 4.5)))
            or (right.endswith("s") and right[:-1].capitalize() in words)
        )
        if (strong_only and not strong) or not (ctx.is_piece(left) and ctx.is_piece(right)):
            continue
        score = min(i, n - i) + (10 if strong else 0)
        if best is None or score > best[0]:
            best = (score, (left, right, strong))
    return best[1] if best else None


def _ocr_fix(word: str, ctx: _Context, target: float | None = None) -> str | None:
    """The common word an OCR confusion of `word` stands for, or None."""
    low = word.lower()
    target = ctx.s.known_zipf + 0.5 if target is None else target
    for seen, meant in OCR_SUBSTITUTIONS:
        pos = low.find(seen)
        while pos >= 0:
            fixed = low[:pos] + meant + low[pos + len(seen) :]
            if ctx.freq(fixed) >= target:
                return fixed
            pos = low.find(seen, pos + 1)
    return None


def _misspelling_of(word: str, ctx: _Context, strict: bool) -> str | None:
    """A far more common word one edit away ("goverment" → "government"). Without
    LanguageTool's flag (`strict`), the neighbour must be more common still."""
    low = word.lower()
    if len(low) < 5:
        return None
    target = max(ctx.freq(low) + 3.0, 4.5) if strict else max(ctx.freq(low) + 2.0, 4.0)
    candidates = ctx.lex.common_neighbours(low)
    if not candidates:
        return None
    best = max(candidates, key=lambda w: (ctx.freq(w), w))
    return best if ctx.freq(best) >= target else None


def _camel_join(word: str, ctx: _Context) -> bool:
    """ "runnerTesfaye", "ofMoldova": a lower-case word glued to a capitalised one (brand names
    such as "YouTube" are common enough to be known and never get here)."""
    for i in range(2, len(word)):
        if word[i].isupper() and word[i - 1].islower():
            left, right = word[:i], word[i:]
            if left.lower() in CAMEL_PREFIXES:
                return False
            return (
                left.lower() in FUNCTION_WORDS
                or ctx.freq(left) >= ctx.s.piece_zipf
                or right in ctx.words
                or ctx.lex.is_proper_noun(right)
                or ctx.freq(right) >= ctx.s.piece_zipf
            )
    return False


def _apostrophe(word: str, possessive: str, tok: _Token, ctx: _Context, zipf: float) -> bool:
    """A possessive with its apostrophe missing or misplaced: "Chinas", "Kims'", "citys'"."""
    s = ctx.s
    if not word.endswith("s") or len(word) < 4:
        return False
    stem = word[:-1]
    stem_zipf = ctx.freq(stem)
    if possessive == "'":  # "Kims'", "citys'": a plural possessive of something singular
        if word[0].isupper():
            return zipf < s.known_zipf and (stem_zipf >= s.known_zipf or stem in ctx.words)
        return stem.endswith("y") and ctx.lex.is_common_word(stem) and not ctx.lex.is_common_word(word)
    if possessive:
        return False
    # "the Koreas", "the Americas": plural place names
    prev = ctx.lows[tok.index - 1] if tok.index > 0 else ""
    if prev == "the" and word[0].isupper() and ctx.lex.is_proper_noun(stem):
        return False
    if stem_zipf >= s.known_zipf and stem_zipf - zipf >= 1.5:
        return True
    # "Karagandas", "Lans" where the text names "Karaganda", "Lan"
    return word[0].isupper() and zipf < s.known_zipf - 0.5 and stem in ctx.words


def _classify_word(tok: _Token, ctx: _Context) -> str | None:
    """The reason `tok` (a token with letters) is garbled, or None. Rules in order."""
    core = tok.core
    s = ctx.s
    alpha = core.isalpha()  # letters only (most tokens): no symbol, no digit
    if not alpha and any(c in STRAY_SYMBOLS for c in core):
        return "stray_symbol"
    if not alpha and ("://" in core or core.startswith(("www.", "@", "#")) or ("@" in core and "." in core)):
        return None
    if not alpha and any(c.isdigit() for c in core):
        if _OCR_NUMBER.match(core):
            return "ocr_confusion"  # "9,O00", "4o°C": a letter O or l inside a number
        letters = sum(c.isalpha() for c in core)
        if letters >= 3 and core.replace("-", "").isalnum():
            fixed = core.lower().translate(OCR_DIGITS)
            if fixed.isalpha() and ctx.freq(fixed) >= s.known_zipf:
                return "ocr_confusion"
        return None
    word = core.replace("’", "'").lstrip("-")
    possessive = ""
    if word.endswith("'s"):
        word, possessive = word[:-2], "'s"
    elif word.endswith("s'"):
        word, possessive = word[:-1], "'"
    if not word or not word.replace("-", "").replace("'", "").replace(".", "").isalpha():
        return None
    if word in ctx.siblings.trusted or "." in word:
        return None  # a name other versions share; an abbreviation
    capitalised = word[0].isupper()
    if "-" in word:
        # a hyphenated name plus s: "Asante-Darkos" where the text names "Asante-Darko"
        if capitalised and not possessive and word.endswith("s") and word[:-1] in ctx.words:
            return "apostrophe"
        return None  # hyphenated compounds are otherwise out of scope

    all_caps = word.isupper() and len(word) > 1
    name_like = capitalised and not tok.sentence_start
    zipf = ctx.freq(word)

    if all_caps:
        # "XI" where the text writes the name "Xi"; "TUESDAY" mid-sentence. Shorter all-caps
        # words are acronyms ("AIDS", "WHO"), and a line may start with a capitalised dateline.
        nxt = ctx.cores[tok.index + 1] if tok.index + 1 < len(ctx.cores) else ""
        dateline = tok.sentence_start and (not nxt or nxt.isupper())
        if len(word) <= 5 and word.capitalize() in ctx.midsentence_titles and not dateline:
            return "miscapitalised"
        if (
            len(word) >= 5
            and not tok.sentence_start
            and (ctx.lex.is_proper_noun(word) or ctx.lex.usually_lowercase(word))
        ):
            return "miscapitalised"
        return None

    if name_like and zipf < s.rare_zipf and _camel_join(word, ctx):
        return "run_together"
    # "and Munitions to": a common word capitalised mid-sentence, outside any name.
    if name_like and _miscapitalised(tok, word, ctx):
        return "miscapitalised"
    if word.lower() in FUNCTION_PAIRS and zipf < 4.0 and not ctx.lex.is_common_word(word):
        return "run_together"  # "ofthe": frequent on the web, never correct
    if possessive == "'" and _apostrophe(word, possessive, tok, ctx, zipf):
        return "apostrophe"

    flagged = ctx.flagged_by_languagetool(tok)
    if zipf >= s.known_zipf and not (zipf < s.known_zipf + 0.5 and flagged):
        return None
    if zipf < s.rare_zipf and not capitalised and _ocr_fix(word, ctx, target=5.0) is not None:
        return "ocr_confusion"  # "frorn": before the dictionary check, which knows archaic words
    if ctx.lex.is_common_word(word) or (not flagged and ctx.lex.is_proper_noun(word)):
        return None  # a real word, however rare ("lapis", "bureaux", "mould"), or a known name
    if _apostrophe(word, possessive, tok, ctx, zipf):
        return "apostrophe"

    # A capitalised token (a name, perhaps) counts as run together only on a strong split; a
    # word seen on the web only when it splits off a function word (see `unseen` below).
    split = ctx.split(word, strong_only=capitalised and not flagged, function_only=zipf >= s.rare_zipf)
    if split is not None:
        left, right, strong = split
        function_split = left.lower() in FUNCTION_WORDS or right.lower() in FUNCTION_WORDS
        # never seen as one word, or two words that are far more common apart ("ofthe")
        unseen = zipf < s.rare_zipf or (function_split and min(ctx.freq(left), ctx.freq(right)) - zipf >= 2.0)
        if unseen and (strong or not capitalised or flagged):
            return "run_together"
    if name_like:
        return None  # an unknown name: trusted unless other evidence says otherwise
    if _ocr_fix(word, ctx) is not None:
        return "ocr_confusion"
    if _misspelling_of(word, ctx, strict=not flagged) is not None:
        return "misspelling"
    if flagged and word.islower() and len(word) >= s.min_unknown_length and zipf < s.rare_zipf:
        return "unknown_word"
    return None


def _miscapitalised(tok: _Token, word: str, ctx: _Context) -> bool:
    """A common lower-case word capitalised mid-sentence, outside any name ("and Munitions to")."""
    if word in ctx.repeated_titles or word.lower() in INSTITUTIONS or not ctx.lex.usually_lowercase(word):
        return False
    cores = ctx.cores
    prev = cores[tok.index - 1] if tok.index > 0 else ""
    nxt = cores[tok.index + 1] if tok.index + 1 < len(cores) else ""
    prev_first = tok.index > 0 and ctx.tokens.sentence_starts[tok.index - 1]
    # a capitalised neighbour makes a multi-word name ("Mr Baker", "Baker Street"); a
    # sentence-initial common word ("We Were") does not
    prev_is_name = prev[:1].isupper() and not (prev_first and prev.lower() in FUNCTION_WORDS | DETERMINERS)
    if prev_is_name or nxt[:1].isupper() or prev.lower() in DETERMINERS:
        return False
    k = tok.index - 1
    while k > 0 and ctx.lows[k] in NAME_JOINERS:
        k -= 1
    if k < tok.index - 1 and cores[k][:1].isupper():
        return False  # "Ministry of Finance", "Great Hall of the People"
    # a capitalised line (a headline or a name list) is not running text
    line_start = ctx.text.rfind("\n", 0, tok.start) + 1
    line_end = ctx.text.find("\n", tok.start)
    line = ctx.text[line_start : line_end if line_end >= 0 else len(ctx.text)].split()
    capitalised_share = sum(w[:1].isupper() for w in line) / max(1, len(line))
    return capitalised_share < 0.5


def _repeats(ctx: _Context) -> list[tuple[int, int]]:
    """Token index ranges [i, j) that repeat the words just before them ("the the", phrases)."""
    words = ctx.lows
    sentence_starts = ctx.tokens.sentence_starts
    n_tokens = len(words)
    # only positions whose word equals one of the four before it can start a repeat
    starts = sorted(
        {i for n in (1, 2, 3, 4) for i in itertools.compress(range(n, n_tokens), map(operator.eq, words[n:], words))}
    )
    out: list[tuple[int, int]] = []
    covered = 0
    for i in starts:
        if i < covered:
            continue
        for n in (4, 3, 2, 1):
            if i - n < 0 or i + n > n_tokens or words[i] != words[i - n]:
                continue
            if any(sentence_starts[i - n + 1 : i + n]):
                continue
            first, second = words[i - n : i], words[i : i + n]
            if first == second and all(w.isalpha() for w in second):
                if n == 1 and second[0] in ALLOWED_REPEATS:
                    continue
                out.append((i, i + n))
                covered = i + n
                break
    return out


def _is_word(piece: str, ctx: _Context) -> bool:
    low = piece.lower()
    if low in FUNCTION_WORDS:
        return True
    return len(low) >= 2 and (ctx.lex.is_common_word(low) or ctx.freq(low) >= ctx.s.known_zipf)


def _split_words(ctx: _Context) -> list[tuple[int, int]]:
    """Adjacent token pairs that are one word broken by a space ("govern ment")."""
    out = []
    known = ctx.s.known_zipf
    zipf = ctx.lex.zipf
    lows, cores = ctx.lows, ctx.cores
    starts, ends, sentence_starts = ctx.tokens.starts, ctx.tokens.ends, ctx.tokens.sentence_starts
    # pairs of two common words (most pairs) cannot fire either rule below
    rare_words = {low for low, z in ctx.zipf_of.items() if z < 4.0}
    # pairs (i, i + 1) one space apart whose second token is rare, or whose first is
    pairs = sorted(
        {
            j
            for r, low in enumerate(lows)
            if low in rare_words
            for j in (r - 1, r)
            if 0 <= j < len(lows) - 1 and starts[j + 1] - ends[j] == 1
        }
    )
    for i in pairs:
        a, b = cores[i], cores[i + 1]
        if sentence_starts[i + 1] or not b.islower():
            continue
        joined = zipf.get(lows[i] + lows[i + 1], 0.0)
        if joined < known + 1.0 or not (a.isalpha() and b.isalpha()):
            continue
        if a[:1].isupper() and not sentence_starts[i]:
            continue
        za, zb = ctx.freq(a), ctx.freq(b)
        # one piece is no word at all ("brot her", "research ers"), or the joined word is far
        # more common than either piece ("govern ment")
        if not (_is_word(a, ctx) and _is_word(b, ctx)) or (min(za, zb) < 4.0 and joined >= max(za, zb) + 1.0):
            out.append((i, i + 2))
    return out


@functools.lru_cache(maxsize=8)
def _easy_words(lexicon: Lexicon, known_zipf: float) -> frozenset[str]:
    """Lower-case, letters-only words at least `known_zipf` frequent that are not two function
    words run together: tokens that need no rule at all (unless LanguageTool flags them)."""
    return frozenset(
        w
        for w, z in lexicon.zipf.items()
        if z >= known_zipf and w.isalpha() and w.islower() and w not in FUNCTION_PAIRS
    )


def find_garbled(
    text: str,
    lexicon: Lexicon,
    settings: GarbledSettings,
    spelling: tuple[Span, ...] = (),
    siblings: SiblingEvidence = NO_SIBLINGS,
) -> GarbledResult:
    """Garbled tokens in `text`, in text order, each with a reason code from `REASONS`.

    `spelling`: LanguageTool's spelling-match spans in `text` (optional signal).
    `siblings`: evidence from other versions of the same story (optional).
    Empty or odd text gives an empty result; never raises on text.
    """
    tokens = _tokenize(text)
    ctx = _Context(text, tokens, lexicon, settings, spelling, siblings)
    starts, ends, sentence_starts = tokens.starts, tokens.ends, tokens.sentence_starts
    found: list[GarbledToken] = []
    taken: set[int] = set()

    def add(start: int, end: int, reason: str, indexes: range) -> None:
        found.append(GarbledToken(text[start:end], Span(start, end), reason))
        taken.update(indexes)

    spaced_hyphens = _SPACING.finditer(text) if (" -" in text or "- " in text) else ()
    for m in spaced_hyphens:
        left, gap, right = m.groups()
        if right.lower() in _SUSPENDED_HYPHEN_NEXT:
            continue  # "pre- and post-war"
        if gap == " - " and not (
            any(c.isdigit() for c in left)
            or "-" in left + right
            or (left.islower() and right.islower() and not {left, right} & FUNCTION_WORDS)
        ):
            continue  # a spaced hyphen used as a dash between clauses
        # the tokens the match overlaps (starts and ends are both sorted)
        first, last = bisect.bisect_right(ends, m.start()), bisect.bisect_left(starts, m.end())
        if first < last:
            add(m.start(), m.end(), "spacing", range(first, last))
    for i, j in _repeats(ctx):
        if not taken.intersection(range(i, j)):
            add(starts[i], ends[j - 1], "repeated_word", range(i, j))
    for i, j in _split_words(ctx):
        if not taken.intersection(range(i, j)):
            add(starts[i], ends[j - 1], "split_word", range(i, j))

    # Fast paths, most tokens: a known lower-case word (one set lookup), a known sentence-initial
    # capitalised word ("The", "Officials") or a known name, that LanguageTool did not flag.
    known = settings.known_zipf
    easy = _easy_words(lexicon, known)
    hard = ctx.distinct - easy
    candidates = [i for i, core in enumerate(tokens.cores) if core in hard]
    spelled = ctx.spelled
    if spelled:
        candidates = sorted({*candidates, *spelled})
    cores, lows, zipf_of = tokens.cores, ctx.lows, ctx.zipf_of
    for i in candidates:
        core = cores[i]
        if (
            zipf_of[lows[i]] >= known
            and lows[i] not in FUNCTION_PAIRS
            and core.isalpha()
            and (core.islower() or (core[1:].islower() and (sentence_starts[i] or lexicon.is_proper_noun(core))))
            and i not in spelled
        ):
            continue  # a known name ("Beijing", "Kim") cannot be miscapitalised either
        if not core or i in taken:
            continue
        if not any(c.isalnum() for c in core):
            if any(c in STRAY_SYMBOLS for c in core):
                add(starts[i], ends[i], "stray_symbol", range(i, i + 1))
            continue
        reason = _classify_word(tokens.token(i), ctx)
        if reason is not None:
            add(starts[i], ends[i], reason, range(i, i + 1))

    found.sort(key=lambda g: g.span.start)
    return GarbledResult(tuple(found))


def format_tokens(result: GarbledResult) -> str:
    """`token[reason]` items joined by '; ' (one CSV cell)."""
    return "; ".join(f"{g.token}[{g.reason}]" for g in result.tokens)


_WORD_TOKEN = re.compile(r"[^\W\d_][\w'’]*")


def word_set(text: str) -> frozenset[str]:
    """The distinct word tokens of `text`, case kept (input to `sibling_evidence`)."""
    return frozenset(_WORD_TOKEN.findall(text))


def sibling_evidence(own: frozenset[str], others: list[frozenset[str]]) -> SiblingEvidence:
    """Evidence for one version from the word sets of the other versions of its story.
    A capitalised word this version shares with another version is trusted as a name."""
    if not others:
        return NO_SIBLINGS
    words = frozenset().union(*others)
    trusted = frozenset(w for w in own & words if w[:1].isupper())
    return SiblingEvidence(words=words, trusted=trusted)
