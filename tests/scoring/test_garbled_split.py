"""The run-together split search's shortcuts (the cuts next to a function word; for an ASCII
token, the cuts whose pieces are both in `_piece_words` or named; the article's words looked
up only at cuts whose pieces can be pieces at all) never change a split: the search gives what
reading every cut, with every string it may look up, gives (`every_cut=True`, the general
path)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from scoring.garbled_split import FUNCTION_WORDS, _split_lookups, _split_run_together

ROOT = Path(__file__).parents[2]


def _all_lookups(word: str) -> frozenset[str]:
    """Every string the split search may look up for `word`, at every cut (the general path)."""
    lefts = [word[:i] for i in range(1, len(word))]
    rights = [word[i:] for i in range(1, len(word))]
    found = {*map(str.capitalize, lefts), *map(str.capitalize, rights)}
    if word[:1].isupper():
        found.update(lefts)
    if word.endswith("s"):
        found.update(right[:-1].capitalize() for right in rights)
    return frozenset(found)


def _agree(lexicon, garbled_settings, word: str, words: frozenset[str]) -> None:
    """The split of `word` in an article that uses `words`, by the search and by the general path."""
    pz, kz = garbled_settings.piece_zipf, garbled_settings.known_zipf
    present, named = _split_lookups(word) & words, _all_lookups(word) & words
    for strong_only in (False, True):
        for function_only in (False, True):
            fast = _split_run_together.__wrapped__(lexicon, pz, kz, word, present, strong_only, function_only)
            general = _split_run_together.__wrapped__(
                lexicon, pz, kz, word, named, strong_only, function_only, every_cut=True
            )
            assert fast == general, (word, sorted(named), strong_only, function_only)


@pytest.fixture(scope="module")
def pieces(lexicon, settings) -> dict[str, list[str]]:
    """Lexicon words of each kind the piece rule accepts, and some it does not (a sample each)."""
    s = settings.garbled
    rnd = random.Random(7)
    zipf = lexicon.zipf

    def sample(words, k=60):
        words = sorted(w for w in words if w.isalpha() and w.isascii())
        return rnd.sample(words, min(k, len(words)))

    return {
        "function": sorted(FUNCTION_WORDS),
        "frequent": sample(w for w, z in zipf.items() if z >= s.piece_zipf),
        "plural": sample(w + "s" for w, z in zipf.items() if z >= s.piece_zipf and len(w) >= 3 and w + "s" not in zipf),
        "known_long": sample(w for w, z in zipf.items() if s.known_zipf <= z < s.piece_zipf and len(w) >= 5),
        "listed_long": sample(w for w in lexicon.common if len(w) >= 5 and zipf.get(w, 0.0) < s.known_zipf),
        "name": sample(p for p in lexicon.proper if zipf.get(p.lower(), 0.0) < s.piece_zipf),
        "short": sample(w for w, z in zipf.items() if len(w) <= 3 and w not in FUNCTION_WORDS),
        "rare": sample(w for w, z in zipf.items() if z < s.known_zipf and w not in lexicon.common),
    }


_KINDS = ["function", "frequent", "plural", "known_long", "listed_long", "name", "short", "rare"]
_CASES = [str.lower, str.capitalize, str, str.upper]


@hsettings(max_examples=1500, deadline=None)
@given(st.data())
def test_split_shortcuts_agree_with_reading_every_cut(lexicon, settings, pieces, data):
    kinds = data.draw(st.lists(st.sampled_from(_KINDS), min_size=1, max_size=3))
    word = "".join(data.draw(st.sampled_from(pieces[kind])) for kind in kinds)
    word = data.draw(st.sampled_from(_CASES))(word) + data.draw(st.sampled_from(["", "s", "é", "ß"]))
    lookups = sorted(_all_lookups(word))
    words = frozenset(data.draw(st.lists(st.sampled_from(lookups), max_size=4))) if lookups else frozenset()
    _agree(lexicon, settings.garbled, word, words)


def test_split_shortcuts_agree_on_our_texts(lexicon, settings):
    # every word of the planted-error cases and the samples, with the words of its own text named
    texts = [case["text"] for case in json.loads((ROOT / "eval" / "garbled" / "cases.json").read_text("utf-8"))]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "samples" / "articles").glob("*.txt"))[:10]]
    seen = set()
    for text in texts:
        words = frozenset(re.findall(r"[^\W\d_][\w'’-]*", text))
        for word in sorted(words - seen):
            _agree(lexicon, settings.garbled, word, words)
        seen |= words
