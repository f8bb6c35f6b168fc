"""Garbled-token detector: data-driven cases (tests/data/garbled_cases.json), sibling evidence,
LanguageTool as a signal, and invariants. No Java needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from scoring.garbled import REASONS, find_garbled, format_tokens, sibling_evidence, word_set
from scoring.records import Span
from tests import texts

CASES = json.loads((Path(__file__).parents[1] / "data" / "garbled_cases.json").read_text(encoding="utf-8"))


def _params(kind: str) -> list:
    out = []
    for case in CASES[kind]:
        marks = [pytest.mark.xfail(strict=True, reason=case["known_failure"])] if "known_failure" in case else []
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


@pytest.mark.parametrize("case", _params("positives"))
def test_flags_planted_tokens(case, lexicon, settings):
    text = case["text"]
    flags = tuple(Span(text.index(w), text.index(w) + len(w)) for w in case.get("languagetool_flags", []))
    found = find_garbled(text, lexicon, settings.garbled, spelling=flags)
    assert {g.token: g.reason for g in found.tokens} == case["expected"]


@pytest.mark.parametrize("case", _params("negatives"))
def test_correct_text_is_not_flagged(case, lexicon, settings):
    assert format_tokens(find_garbled(case["text"], lexicon, settings.garbled)) == ""


def test_shared_texts(lexicon, settings):
    assert find_garbled(texts.CLEAN, lexicon, settings.garbled).count == 0
    assert find_garbled(texts.NEGATIVE, lexicon, settings.garbled).count == 0
    found = find_garbled(texts.GARBLED, lexicon, settings.garbled)
    assert [g.token for g in found.tokens] == texts.GARBLED_TOKENS


def test_spans_point_at_the_tokens(lexicon, settings):
    found = find_garbled(texts.GARBLED, lexicon, settings.garbled)
    for g in found.tokens:
        assert texts.GARBLED[g.span.start : g.span.end] == g.token
        assert g.reason in REASONS


def test_counts_by_reason(lexicon, settings):
    counts = find_garbled(texts.GARBLED, lexicon, settings.garbled).counts_by_reason()
    assert counts == {"apostrophe": 1, "repeated_word": 1, "run_together": 2, "spacing": 1, "stray_symbol": 1}


def test_languagetool_alone_does_not_make_a_name_garbled(lexicon, settings):
    text = "Reporters met Tshisekedi and Zhanibekova in the capital on Monday."
    spans = tuple(Span(text.index(w), text.index(w) + len(w)) for w in ("Tshisekedi", "Zhanibekova"))
    assert find_garbled(text, lexicon, settings.garbled, spelling=spans).count == 0


def test_sibling_versions_split_the_run_together(lexicon, settings):
    # "Tolqynin" alone could be a surname; a sibling version writing "Tolqyn in" makes it a run-together.
    own = "Talks with Tolqynin Almaty ended late on Friday."
    sibling = "Talks with Tolqyn in Almaty ended late on Friday, officials said."
    assert find_garbled(own, lexicon, settings.garbled).count == 0
    evidence = sibling_evidence(word_set(own), [word_set(sibling)])
    found = find_garbled(own, lexicon, settings.garbled, siblings=evidence)
    assert [(g.token, g.reason) for g in found.tokens] == [("Tolqynin", "run_together")]


def test_name_shared_by_sibling_versions_is_trusted(lexicon, settings):
    own = "The envoy Kimin met officials in Seoul."
    assert find_garbled(own, lexicon, settings.garbled, spelling=((Span(10, 15)),)).count == 1
    sibling = "Officials in Seoul met the envoy Kimin on Monday."
    evidence = sibling_evidence(word_set(own), [word_set(sibling)])
    assert find_garbled(own, lexicon, settings.garbled, spelling=(Span(10, 15),), siblings=evidence).count == 0


@hsettings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_spans_are_valid(lexicon, settings, text):
    found = find_garbled(text, lexicon, settings.garbled)
    for g in found.tokens:
        assert 0 <= g.span.start < g.span.end <= len(text)
        assert text[g.span.start : g.span.end] == g.token


def _reference_tokens(text: str) -> list[tuple[str, int, bool]]:
    """The tokenizer's rules applied token by token, plainly: (core, start, sentence start)."""
    import re

    from scoring import garbled as g

    out: list[tuple[str, int, bool]] = []
    sentence_start, previous_end, line_first = True, 0, 0
    for m in re.finditer(r"\S+", text):
        raw, start = m.group(), m.start()
        if not out or "\n" in text[previous_end:start]:
            sentence_start, line_first = True, len(out)
        previous_end = m.end()
        if raw[0] in g._OPENING_QUOTES:
            sentence_start = True
        elif out and out[-1][2] and raw.isupper() and out[-1][0].isupper():
            sentence_start = True  # a dateline in capitals
        offset, core = g._shape(raw)[:2]
        out.append((core, start + offset, sentence_start))
        if raw[-1] in g._SENTENCE_END_CHARS:
            sentence_start = bool(g._SENTENCE_END.search(raw))
        elif raw in g._DASHES:
            sentence_start = all(c.isupper() or not c for c, _, _ in out[line_first:])
        else:
            sentence_start = False
    return out


_PIECES = ["PHNOM", "PENH", "A", "—", "–", "-", "Officials", "said.", "“Who", "pay?”", "(AP)", "Kims'", "it’s", "x'"]
_PIECES += ["sea,", "'", "«Non»", "...", "|", "", "said:", "WHO", "é", "1990.", "U.S.", "“", ")", "end.)"]
_PIECES += ["Kim,", "SEOUL.", "Zé."]  # words before a comma or a full stop, in capitals too
_TEXTS = st.one_of(
    st.text(alphabet=st.sampled_from(list("aAbBzZ .,!?;:'\"“”‘’«»()-–—|\n\t é1")), max_size=200),
    st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", " ", "\n", "  ", "\t", " \n "])), max_size=40
    ).map(lambda pairs: "".join(a + b for a, b in pairs)),
)


@hsettings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_tokenizer_agrees_with_token_by_token_rules(text):
    from scoring.garbled import _tokenize

    tokens = _tokenize(text)
    by_line = _tokenize(text)  # offsets read token by token (from the token's line), before the lists
    assert [(by_line.start(i), by_line.end(i)) for i in range(len(by_line))] == list(
        zip(tokens.starts, tokens.ends, strict=True)
    )
    assert list(zip(tokens.cores, tokens.starts, tokens.sentence_starts, strict=True)) == _reference_tokens(text)
    assert all(text[s:e] == c for c, s, e in zip(tokens.cores, tokens.starts, tokens.ends, strict=True))
    assert tokens.lows == [c.lower() for c in tokens.cores]


_RAWS = st.one_of(
    st.text(alphabet=st.sampled_from(list("aAzZéß.,!?;:'\"“”’«»()-–—|1")), min_size=1, max_size=8),
    st.tuples(st.text(alphabet=st.sampled_from(list("aAzZéßİ")), min_size=0, max_size=6), st.sampled_from(",.;'")).map(
        "".join
    ),
).filter(lambda raw: raw and not any(c.isspace() for c in raw))


@hsettings(max_examples=400, deadline=None)
@given(_RAWS)
def test_shape_shortcuts_agree_with_the_general_rule(raw):
    # bare words and words before a comma or full stop skip the general strip: same reading
    from scoring import garbled_tokens as g

    assert g._shape.__wrapped__(raw) == g._strip_shape(raw)


@pytest.mark.parametrize("raw", ["Officials", "said.", "sea,", "Kims'", "x'", "U.S.", "é.", "ß,", "end.)", "-", "."])
def test_shape_shortcuts_on_common_tokens(raw):
    from scoring import garbled_tokens as g

    assert g._shape.__wrapped__(raw) == g._strip_shape(raw)


def test_letters_only_cores_read_as_the_general_rule_reads_them(lexicon, settings):
    # `_read_word` takes a letters-only core as its own word; `_strip` (the rule for the rest)
    # would read it the same way
    from scoring import garbled as g

    for core in ["Officials", "frorn", "Kimin", "ofthe", "XI", "Beijing", "İstanbul", "ß", "a"]:
        assert core.isalpha() and g._strip(lexicon, settings.garbled.known_zipf, core) == (core, "")
