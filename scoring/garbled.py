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

Known words are cheap (one set lookup); only unknown tokens pay for splitting (the split search
is `scoring.garbled_split`) and edit search.
What a word is by itself (its lexicon facts, the rules that need no context, its splits and
near misses) is memoised per process in bounded caches keyed on the lexicon and the thresholds,
so recurring vocabulary is read once; the article-dependent rules run per token.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from scoring.garbled_split import FUNCTION_WORDS, _is_piece, _split_lookups, _split_run_together
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

# Two function words run together ("ofthe", "inthe"); real words among them ("into", "onto",
# "bean") are excluded by the dictionary check where this is used.
FUNCTION_PAIRS = frozenset(a + b for a in FUNCTION_WORDS for b in FUNCTION_WORDS)
# Legitimate immediate repeats ("she had had enough", "that that").
ALLOWED_REPEATS = frozenset({"had", "that", "is", "bye", "very", "so", "no", "ha", "knock", "really"})
# Words after which a capitalised word is likely part of a name or an institution.
DETERMINERS = frozenset(
    ["a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your"]
)
# Capitalised at a sentence start, these do not make the next word part of a name ("We Were").
_SENTENCE_OPENERS = FUNCTION_WORDS | DETERMINERS
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
# The left word's quantifiers are possessive (`++`, `*+`): giving letters back could never let a
# gap match (the next character would be a letter), so it only saves the backtracking.
_SPACING = re.compile(r"(?<![\w-])(\w++(?:-\w++)*+)( -|- | - )([^\W\d_]\w*(?:-\w+)*)")
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
        self.cores = tokens.cores
        self.lows = tokens.lows
        self.lex = lexicon
        self.s = settings
        self.siblings = siblings
        # tokens a LanguageTool spelling match starts at, and tokens one overlaps (sorted offsets)
        self.spelled: frozenset[int] = frozenset()
        self.flagged: frozenset[int] = frozenset()
        if spelling:
            starts, ends = tokens.starts, tokens.ends
            self.spelled = frozenset(
                k
                for sp in spelling
                if (k := bisect.bisect_left(starts, sp.start)) < len(starts) and starts[k] == sp.start
            )
            self.flagged = frozenset(
                k
                for sp in spelling
                for k in range(bisect.bisect_right(ends, sp.start), bisect.bisect_left(starts, sp.end))
            )
        self.distinct = set(tokens.cores)
        self.words = self.distinct | siblings.words if siblings.words else self.distinct
        # the distinct cores that are not plain known lower-case words or known names (a few in ten)
        self.unknown = self.distinct - _easy_words(lexicon, settings.known_zipf)
        self._splits: dict[tuple[str, bool, bool], tuple[str, str, bool] | None] = {}
        self._capitalised_lines: dict[int, bool] = {}  # line's first token -> capitalised line

    @functools.cached_property
    def _sentence_first_cores(self) -> list[str]:
        return list(itertools.compress(self.cores, self.tokens.sentence_starts))

    def _midsentence_uses(self, core: str) -> int:
        """How often the text uses `core` mid-sentence (two C-level counts; asked a few times)."""
        return self.cores.count(core) - self._sentence_first_cores.count(core)

    def midsentence_title(self, form: str) -> bool:
        """Whether the text uses title-case `form` mid-sentence (a name as the text writes it,
        "Xi"), or a sibling uses it anywhere."""
        if not (form[:1].isupper() and not form.isupper()):
            return False
        return (form != form.lower() and self._midsentence_uses(form) > 0) or form in self.siblings.words

    def repeated_title(self, form: str) -> bool:
        """Whether the text capitalises `form` mid-sentence more than once (or once, and a sibling
        uses it too): written as a name on purpose."""
        if not (form != form.lower() and form[0].isupper() and not form.isupper()):
            return False
        uses = self._midsentence_uses(form)
        return uses > 1 or (uses == 1 and form in self.siblings.words)

    def freq(self, word: str) -> float:
        return self.lex.frequency(word)

    def split(self, word: str, strong_only: bool, function_only: bool) -> tuple[str, str, bool] | None:
        """`_split_run_together` with the article's words it reads, memoised (names recur)."""
        key = (word, strong_only, function_only)
        split = self._splits.get(key, False)  # (None is a result: no split)
        if split is False:
            present = _split_lookups(word) & self.words
            s = self.s
            split = _split_run_together(self.lex, s.piece_zipf, s.known_zipf, word, present, strong_only, function_only)
            self._splits[key] = split
        return split

    def capitalised_line(self, index: int) -> bool:
        """Whether the line holding token `index` has at least half its words capitalised (a
        headline or a name list, not running text). Memoised per line."""
        first, end = self.tokens.line(index)
        capitalised = self._capitalised_lines.get(first)
        if capitalised is None:
            words = self.tokens.raws[first:end]
            capitalised = sum(map(str.isupper, map(operator.itemgetter(0), words))) / len(words) >= 0.5
            self._capitalised_lines[first] = capitalised
        return capitalised


# What a token's core is by itself. News vocabulary recurs across articles, so everything below
# that does not depend on the article is memoised per process: bounded LRU caches (tens of MB at
# most, next to the lexicon's 100) keyed on the Lexicon object (hashed by identity) and the
# thresholds each one reads; never on an article.

# How far the core alone clears a token of every rule (`_Word.known`, `_Word.quiet`): nowhere
# (the rules decide), at a sentence start only, or anywhere.
_RULES, _CLEAR_AT_START, _CLEAR = 0, 1, 2


class _Word(NamedTuple):
    """A token's core read by itself (`_read_word`)."""

    known: int  # a known lower-case word, a known name (_CLEAR) or a known capitalised word
    # (_CLEAR_AT_START: "Officials"), unless a LanguageTool match starts at the token
    quiet: int  # the rules cannot flag the token (_CLEAR, _CLEAR_AT_START) unless a LanguageTool
    # match overlaps it (see `_read_word`)
    settled: bool  # the core alone gives the verdict: symbols, numbers, addresses, non-words
    verdict: str | None  # the verdict when settled: a reason code, or None (not garbled)
    word: str  # the core less a possessive ending, curly apostrophes straightened ("" if settled)
    possessive: str  # "'s", "'" or ""
    zipf: float  # Lexicon.frequency(word)
    common: bool  # Lexicon.is_common_word(word)
    proper: bool  # Lexicon.is_proper_noun(word)


# A `_Word` from the tuple of its fields, without the generated keyword `__new__` (a Python
# call on every first sighting of a core)
_new_word = functools.partial(tuple.__new__, _Word)


def _settled(verdict: str | None) -> _Word:
    """The reading of a core that alone decides the token's verdict."""
    return _Word(_RULES, _RULES, True, verdict, "", "", 0.0, False, False)


_NOT_GARBLED = _settled(None)


def _strip(lexicon: Lexicon, known_zipf: float, core: str) -> _Word | tuple[str, str]:
    """A core that is not letters only, read by itself: its settled reading (symbols, numbers,
    web addresses, abbreviations, compounds), else its word and possessive ending."""
    if not STRAY_SYMBOLS.isdisjoint(core):
        return _settled("stray_symbol")
    if "://" in core or core.startswith(("www.", "@", "#")) or ("@" in core and "." in core):
        return _NOT_GARBLED
    if any(map(str.isdigit, core)):
        if _OCR_NUMBER.match(core):
            return _settled("ocr_confusion")  # "9,O00", "4o°C": a letter O or l inside a number
        letters = sum(map(str.isalpha, core))
        if letters >= 3 and core.replace("-", "").isalnum():
            fixed = core.lower().translate(OCR_DIGITS)
            if fixed.isalpha() and lexicon.frequency(fixed) >= known_zipf:
                return _settled("ocr_confusion")
        return _NOT_GARBLED
    word = core.replace("’", "'").lstrip("-")
    possessive = ""
    if word.endswith("'s"):
        word, possessive = word[:-2], "'s"
    elif word.endswith("s'"):
        word, possessive = word[:-1], "'"
    if not word or not word.replace("-", "").replace("'", "").replace(".", "").isalpha():
        return _NOT_GARBLED
    if "." in word:
        return _NOT_GARBLED  # an abbreviation
    if "-" in word and not (word[0].isupper() and not possessive and word.endswith("s")):
        return _NOT_GARBLED  # hyphenated compounds are out of scope, but for a name's plural
    return word, possessive


@functools.lru_cache(maxsize=1 << 16)
def _read_word(lexicon: Lexicon, known_zipf: float, rare_zipf: float, core: str) -> _Word:
    """`core` (a token less its surrounding punctuation; may be "") read by itself: the rules
    of `_classify_word` that need no context, and whether the rest can flag it at all (for a
    token LanguageTool did not flag). Memoised per process."""
    alpha = core.isalpha()  # letters only (most tokens): its own word
    if alpha:
        word, possessive = core, ""
    else:
        stripped = _strip(lexicon, known_zipf, core)
        if isinstance(stripped, _Word):
            return stripped
        word, possessive = stripped
    low = word.lower()  # (`word` has straight apostrophes: the lexicon's lookups, inlined)
    zipf, common = lexicon.zipf.get(low, 0.0), low in lexicon.common
    proper = word.capitalize() in lexicon.proper or word in lexicon.proper
    capitalised = word[0].isupper()
    known = _RULES  # (a core of letters only is its own word: `zipf` and `proper` are the core's)
    if alpha and zipf >= known_zipf and low not in FUNCTION_PAIRS:
        if core.islower():
            known = _CLEAR
        elif core[1:].islower():  # a known name ("Beijing", "Kim") cannot be miscapitalised either
            known = _CLEAR if proper else _CLEAR_AT_START
    # Unless LanguageTool flags the token, `_classify_word` returns None before any step that
    # reads the article when the word is not in capitals, not a hyphenated name's plural, not a
    # plural possessive, not "ofthe", and is known (frequent; or listed, and no OCR confusion of a
    # frequent word) ...
    clear = (
        not (word.isupper() and len(word) > 1)
        and "-" not in word
        and possessive != "'"
        and not (low in FUNCTION_PAIRS and zipf < 4.0 and not common)
        and (
            zipf >= known_zipf
            or (
                (common or proper)
                and not (zipf < rare_zipf and not capitalised and _ocr_fix(lexicon, word, 5.0) is not None)
            )
        )
    )
    # ... and, for a capitalised word mid-sentence (read as a name), when it cannot be a camel-case
    # join nor a common word capitalised by mistake.
    if not clear:
        quiet = _RULES
    elif not capitalised or (zipf >= rare_zipf and (low in INSTITUTIONS or not _usually_lowercase(lexicon, word))):
        quiet = _CLEAR
    else:
        quiet = _CLEAR_AT_START
    return _new_word((known, quiet, False, None, word, possessive, zipf, common, proper))


@functools.lru_cache(maxsize=1 << 15)
def _usually_lowercase(lexicon: Lexicon, word: str) -> bool:
    """`Lexicon.usually_lowercase`, memoised per process (several lookups; asked of capitalised
    words, which recur)."""
    return lexicon.usually_lowercase(word)


@functools.lru_cache(maxsize=1 << 16)
def _ocr_fix(lexicon: Lexicon, word: str, target: float) -> str | None:
    """The word at least `target` frequent (Zipf) that an OCR confusion of `word` stands for,
    or None. Memoised per process."""
    low = word.lower()
    for seen, meant in OCR_SUBSTITUTIONS:
        pos = low.find(seen)
        while pos >= 0:
            fixed = low[:pos] + meant + low[pos + len(seen) :]
            if lexicon.frequency(fixed) >= target:
                return fixed
            pos = low.find(seen, pos + 1)
    return None


@functools.lru_cache(maxsize=1 << 16)
def _misspelling_of(lexicon: Lexicon, word: str, strict: bool) -> str | None:
    """A far more common word one edit away ("goverment" → "government"). Without
    LanguageTool's flag (`strict`), the neighbour must be more common still. Memoised per process."""
    low = word.lower()
    if len(low) < 5:
        return None
    freq = lexicon.frequency
    target = max(freq(low) + 3.0, 4.5) if strict else max(freq(low) + 2.0, 4.0)
    candidates = lexicon.common_neighbours(low)
    if not candidates:
        return None
    best = max(candidates, key=lambda w: (freq(w), w))
    return best if freq(best) >= target else None


def _camel_join(word: str, ctx: _Context) -> bool:
    """ "runnerTesfaye", "ofMoldova": a lower-case word glued to a capitalised one (brand names
    such as "YouTube" are common enough to be known and never get here)."""
    if word[2:].islower():
        return False  # no capital after the second letter (most names)
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


def _classify_word(tok: _Token, ctx: _Context, w: _Word) -> str | None:
    """The reason `tok` is garbled, or None: the rules in order, after those `_read_word`
    applies to the core alone (`w`: its reading, not settled). `_read_word` also decides which
    words these rules cannot flag without LanguageTool (`_Word.quiet`): keep the two in step
    (tests/scoring/test_garbled_memo.py checks they agree)."""
    s = ctx.s
    known, rare = s.known_zipf, s.rare_zipf  # (read once: settings are a pydantic model)
    word, possessive, zipf = w.word, w.possessive, w.zipf
    if word in ctx.siblings.trusted:
        return None  # a name other versions share
    capitalised = word[0].isupper()
    if "-" in word:
        # a hyphenated name plus s: "Asante-Darkos" where the text names "Asante-Darko" (the
        # only hyphenated compound `_read_word` leaves to the rules)
        return "apostrophe" if word[:-1] in ctx.words else None

    all_caps = word.isupper() and len(word) > 1
    name_like = capitalised and not tok.sentence_start

    if all_caps:
        # "XI" where the text writes the name "Xi"; "TUESDAY" mid-sentence. Shorter all-caps
        # words are acronyms ("AIDS", "WHO"), and a line may start with a capitalised dateline.
        nxt = ctx.cores[tok.index + 1] if tok.index + 1 < len(ctx.cores) else ""
        dateline = tok.sentence_start and (not nxt or nxt.isupper())
        if len(word) <= 5 and ctx.midsentence_title(word.capitalize()) and not dateline:
            return "miscapitalised"
        if len(word) >= 5 and not tok.sentence_start and (w.proper or _usually_lowercase(ctx.lex, word)):
            return "miscapitalised"
        return None

    if name_like and zipf < rare and _camel_join(word, ctx):
        return "run_together"
    # "and Munitions to": a common word capitalised mid-sentence, outside any name.
    if name_like and _miscapitalised(tok, w, ctx):
        return "miscapitalised"
    if word.lower() in FUNCTION_PAIRS and zipf < 4.0 and not w.common:
        return "run_together"  # "ofthe": frequent on the web, never correct
    if possessive == "'" and _apostrophe(word, possessive, tok, ctx, zipf):
        return "apostrophe"

    flagged = tok.index in ctx.flagged  # a LanguageTool match overlaps the token
    if zipf >= known and not (zipf < known + 0.5 and flagged):
        return None
    if zipf < rare and not capitalised and _ocr_fix(ctx.lex, word, 5.0) is not None:
        return "ocr_confusion"  # "frorn": before the dictionary check, which knows archaic words
    if w.common or (not flagged and w.proper):
        return None  # a real word, however rare ("lapis", "bureaux", "mould"), or a known name
    if _apostrophe(word, possessive, tok, ctx, zipf):
        return "apostrophe"

    # A capitalised token (a name, perhaps) counts as run together only on a strong split; a
    # word seen on the web only when it splits off a function word (see `unseen` below).
    split = ctx.split(word, strong_only=capitalised and not flagged, function_only=zipf >= rare)
    if split is not None:
        left, right, strong = split
        function_split = left.lower() in FUNCTION_WORDS or right.lower() in FUNCTION_WORDS
        # never seen as one word, or two words that are far more common apart ("ofthe")
        unseen = zipf < rare or (function_split and min(ctx.freq(left), ctx.freq(right)) - zipf >= 2.0)
        if unseen and (strong or not capitalised or flagged):
            return "run_together"
    if name_like:
        return None  # an unknown name: trusted unless other evidence says otherwise
    if _ocr_fix(ctx.lex, word, known + 0.5) is not None:
        return "ocr_confusion"
    if _misspelling_of(ctx.lex, word, not flagged) is not None:
        return "misspelling"
    if flagged and word.islower() and len(word) >= s.min_unknown_length and zipf < rare:
        return "unknown_word"
    return None


def _miscapitalised(tok: _Token, w: _Word, ctx: _Context) -> bool:
    """A common lower-case word capitalised mid-sentence, outside any name ("and Munitions to")."""
    word = w.word
    if word.lower() in INSTITUTIONS or not _usually_lowercase(ctx.lex, word):
        return False
    cores = ctx.cores
    prev = cores[tok.index - 1] if tok.index > 0 else ""
    nxt = cores[tok.index + 1] if tok.index + 1 < len(cores) else ""
    prev_first = tok.index > 0 and ctx.tokens.sentence_starts[tok.index - 1]
    # a capitalised neighbour makes a multi-word name ("Mr Baker", "Baker Street"); a
    # sentence-initial common word ("We Were") does not
    prev_is_name = prev[:1].isupper() and not (prev_first and prev.lower() in _SENTENCE_OPENERS)
    if prev_is_name or nxt[:1].isupper() or prev.lower() in DETERMINERS:
        return False
    k = tok.index - 1
    while k > 0 and ctx.lows[k] in NAME_JOINERS:
        k -= 1
    if k < tok.index - 1 and cores[k][:1].isupper():
        return False  # "Ministry of Finance", "Great Hall of the People"
    if ctx.capitalised_line(tok.index):
        return False  # a headline or a name list is not running text
    return not ctx.repeated_title(word)  # (asked last: it counts the article's words)


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
    lows, cores = ctx.lows, ctx.cores
    sentence_starts = ctx.tokens.sentence_starts
    common = _frequent_words(ctx.lex, 4.0)  # pairs of two common words cannot fire either rule below
    # Only pairs whose joined form is a known word, at least `known_zipf + 1` frequent, can fire:
    # one C-level pass over all pairs leaves a handful.
    frequent_joined = _frequent_words(ctx.lex, ctx.s.known_zipf + 1.0).__contains__
    joined_known = map(frequent_joined, map(operator.add, lows, itertools.islice(lows, 1, None)))
    for i in itertools.compress(range(len(lows) - 1), joined_known):
        a, b = cores[i], cores[i + 1]
        if lows[i] in common and lows[i + 1] in common:
            continue  # two common words
        if sentence_starts[i + 1] or not b.islower() or not (a.isalpha() and b.isalpha()):
            continue
        if a[:1].isupper() and not sentence_starts[i]:
            continue
        if ctx.tokens.start(i + 1) - ctx.tokens.end(i) != 1:
            continue  # not one space apart
        joined = ctx.lex.zipf[lows[i] + lows[i + 1]]
        za, zb = ctx.freq(a), ctx.freq(b)
        # one piece is no word at all ("brot her", "research ers"), or the joined word is far
        # more common than either piece ("govern ment")
        if not (_is_word(a, ctx) and _is_word(b, ctx)) or (min(za, zb) < 4.0 and joined >= max(za, zb) + 1.0):
            out.append((i, i + 2))
    return out


@functools.lru_cache(maxsize=8)
def _easy_words(lexicon: Lexicon, known_zipf: float) -> frozenset[str]:
    """Tokens that need no rule at all (unless LanguageTool flags them): lower-case,
    letters-only words at least `known_zipf` frequent that are not two function words run
    together, and those of them the lexicon lists as names, capitalised ("Beijing", "Monday":
    `_read_word` reads such a core as `_CLEAR`; a test checks each one)."""
    words = [
        w
        for w, z in lexicon.zipf.items()
        if z >= known_zipf and w.isalpha() and w.islower() and w not in FUNCTION_PAIRS
    ]
    names = [
        name
        for w, name in zip(words, map(str.capitalize, words), strict=True)
        if name in lexicon.proper and name[1:].islower() and name.lower() == w
    ]
    return frozenset(words + names)


@functools.lru_cache(maxsize=8)
def _frequent_words(lexicon: Lexicon, zipf: float) -> frozenset[str]:
    """The lexicon's words at least `zipf` frequent (a small set, quicker to probe than the
    whole frequency table)."""
    return frozenset(w for w, z in lexicon.zipf.items() if z >= zipf)


def _clear_memos() -> None:
    """Empty the per-process word memos (for tests, and to measure a cold start)."""
    memos = (_shape, _read_word, _usually_lowercase, _is_piece, _split_lookups, _split_run_together)
    for memo in (*memos, _ocr_fix, _misspelling_of):
        memo.cache_clear()


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
    sentence_starts = tokens.sentence_starts
    found: list[GarbledToken] = []
    taken: set[int] = set()

    def add(start: int, end: int, reason: str, indexes: range) -> None:
        found.append(GarbledToken(text[start:end], Span(start, end), reason))
        taken.update(indexes)

    def add_tokens(i: int, j: int, reason: str) -> None:  # tokens [i, j)
        add(tokens.start(i), tokens.end(j - 1), reason, range(i, j))

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
        first, last = bisect.bisect_right(tokens.ends, m.start()), bisect.bisect_left(tokens.starts, m.end())
        if first < last:
            add(m.start(), m.end(), "spacing", range(first, last))
    for i, j in _repeats(ctx):
        if not taken.intersection(range(i, j)):
            add_tokens(i, j, "repeated_word")
    for i, j in _split_words(ctx):
        if not taken.intersection(range(i, j)):
            add_tokens(i, j, "split_word")

    # Most tokens need no rule, decided once per distinct core (`_read_word`, memoised): a known
    # lower-case word or name, or a known capitalised word at a sentence start ("The",
    # "Officials"), unless a LanguageTool match starts at the token (`_Word.known`); a word the
    # rules cannot flag, unless a match overlaps it (`_Word.quiet`); a core that settles its own
    # verdict (numbers, web addresses, compounds). Only the rest are visited token by token.
    known, rare = settings.known_zipf, settings.rare_zipf
    hard = {  # core -> its reading
        core: w
        for core in ctx.unknown
        if _CLEAR not in ((w := _read_word(lexicon, known, rare, core)).known, w.quiet)
        and not (w.settled and w.verdict is None)
    }
    cores = tokens.cores
    candidates = itertools.compress(range(len(cores)), map(hard.__contains__, cores))
    spelled, flagged = ctx.spelled, ctx.flagged
    if spelled or flagged:
        candidates = sorted({*candidates, *spelled, *flagged})
    for i in candidates:
        if i in taken:
            continue
        w = hard.get(cores[i]) or _read_word(lexicon, known, rare, cores[i])
        clear = max(_RULES if i in spelled else w.known, _RULES if i in flagged else w.quiet)
        if clear == _CLEAR or (clear == _CLEAR_AT_START and sentence_starts[i]):
            continue
        reason = w.verdict if w.settled else _classify_word(tokens.token(i), ctx, w)
        if reason is not None:
            add_tokens(i, i + 1, reason)

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
