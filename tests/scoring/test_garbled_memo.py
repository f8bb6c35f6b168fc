"""Garbled-token detector: its per-process word memos never change a result. What a word is by
itself is memoised across articles, keyed on the lexicon and the thresholds; whatever ran
before (other texts, settings or lexicons), a result equals the one computed from cold memos."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from scoring import garbled
from scoring.garbled import find_garbled, sibling_evidence, word_set
from scoring.records import Span
from tests import texts

ROOT = Path(__file__).parents[2]
SAMPLES = sorted((ROOT / "samples" / "articles").glob("*.txt"))


# "Karagandas" read by itself decides this one: a missing apostrophe, unless the lexicon knows it
PLURAL_NAME = "Karagandas farmers met on Monday. The Karaganda council agreed."


def _texts() -> list[str]:
    samples = [p.read_text(encoding="utf-8") for p in SAMPLES[:8]]
    return [texts.CLEAN, texts.GARBLED, texts.NEGATIVE, PLURAL_NAME, *samples]


def test_results_do_not_depend_on_what_ran_before(lexicon, settings):
    # a second lexicon that knows two garbled tokens as frequent words, and stricter thresholds
    other_lexicon = dataclasses.replace(lexicon, zipf={**lexicon.zipf, "membersof": 5.0, "karagandas": 5.0})
    strict = settings.garbled.model_copy(update={"known_zipf": 4.5, "rare_zipf": 2.5})
    variants = [(lexicon, settings.garbled), (other_lexicon, settings.garbled), (lexicon, strict)]
    corpus = _texts()
    own = [word_set(t) for t in corpus]
    siblings = [sibling_evidence(own[k], [own[k - 1]]) for k in range(len(corpus))]
    spans = [tuple(Span(k, k + 4) for k in range(0, len(t) - 4, 37)) for t in corpus]

    def run(k: int, lex, config) -> tuple:
        text = corpus[k]
        return (
            find_garbled(text, lex, config),
            find_garbled(text, lex, config, spelling=spans[k]),
            find_garbled(text, lex, config, siblings=siblings[k]),
        )

    cold = {}
    for v, (lex, config) in enumerate(variants):
        for k in range(len(corpus)):
            garbled._clear_memos()
            cold[v, k] = run(k, lex, config)
    for k in range(len(corpus)):  # warm, the variants interleaved
        for v, (lex, config) in enumerate(variants):
            assert run(k, lex, config) == cold[v, k]
    # the variants do differ: the memos are keyed on the lexicon and the thresholds
    garbled_text = corpus.index(texts.GARBLED)
    reasons = [{g.token: g.reason for g in cold[v, garbled_text][0].tokens} for v in (0, 1)]
    assert reasons[0]["membersof"] == "run_together" and "membersof" not in reasons[1]
    assert reasons[0]["Karagandas"] != reasons[1].get("Karagandas")
    plural_name = corpus.index(PLURAL_NAME)
    assert [g.reason for g in cold[0, plural_name][0].tokens] == ["apostrophe"]
    assert cold[1, plural_name][0].tokens == ()
    assert any(cold[0, k] != cold[2, k] for k in range(len(corpus)))


def test_a_languagetool_match_overlapping_a_token_flags_it_wherever_it_starts(lexicon, settings):
    # "Akim" is a known name the rules leave alone unless LanguageTool flags it; a match that
    # starts before it (at the space) or inside it flags it as much as one starting at it
    text = "Before this year the Akim of the city spoke."
    i = text.index("Akim")

    def found(*spans: Span) -> list[tuple[str, str]]:
        return [(g.token, g.reason) for g in find_garbled(text, lexicon, settings.garbled, spelling=spans).tokens]

    assert found() == []
    flagged = found(Span(i, i + 4))
    assert flagged == [("Akim", "run_together")]
    assert found(Span(i - 1, i + 4)) == flagged
    assert found(Span(i + 1, i + 3)) == flagged
    assert found(Span(i - 5, i + 4)) == flagged


# Edge cases of the shortcut: a listed name's plural possessive (stem named), a listed camel-case
# name whose right part the text names, a hyphenated name's plural the lexicon knows as a word.
SHORTCUT_EDGES = [
    "Prestons' new plan was welcomed by the Preston council.",
    "Officials in KwaDukuza said Dukuza residents would vote.",
    "Asante-Darko spoke first. Asante-Darkos relatives left later.",
]


def test_the_word_shortcut_never_changes_a_verdict(lexicon, settings, monkeypatch):
    """`_read_word` clears words the rules cannot flag without LanguageTool (`_Word.quiet`); the
    rules must agree: with the shortcut off, every result is the same (planted-error cases,
    samples, edge cases; no LanguageTool, LanguageTool matches on some words, and matches that
    start before a word or inside it; two lexicons)."""
    corpus = [case["text"] for case in json.loads((ROOT / "eval" / "garbled" / "cases.json").read_text("utf-8"))]
    corpus += _texts() + SHORTCUT_EDGES
    lexicons = [lexicon, dataclasses.replace(lexicon, zipf={**lexicon.zipf, "asante-darkos": 5.0})]

    def spans(text: str, k: int) -> list[tuple[Span, ...]]:
        words = list(re.finditer(r"\S+", text))
        return [
            (),
            tuple(Span(m.start(), m.end()) for i, m in enumerate(words) if i % 3 == k % 3),
            tuple(Span(m.start() - 1, m.end() - 1) for i, m in enumerate(words) if i % 4 == k % 4 and m.start()),
        ]

    def results() -> list:
        return [
            find_garbled(t, lex, settings.garbled, spelling=sp)
            for lex in lexicons
            for k, t in enumerate(corpus)
            for sp in spans(t, k)
        ]

    with_shortcut = results()
    read_word = garbled._read_word
    monkeypatch.setattr(garbled, "_read_word", lambda *key: read_word(*key)._replace(quiet=garbled._RULES))
    assert results() == with_shortcut
    edges = [find_garbled(t, lex, settings.garbled).tokens for lex in lexicons for t in SHORTCUT_EDGES]
    assert all(len(found) == 1 for found in edges)  # each edge case does flag its token


def test_known_names_skipped_as_easy_read_clear_by_themselves(lexicon, settings):
    """`_easy_words` lists known names capitalised, so the detector never reads them: the general
    path (`_read_word`) must clear each of them anywhere (`_CLEAR`), whatever the thresholds; a
    lexicon that lists one-letter and function-word-pair names shows the guards work."""
    odd = dataclasses.replace(lexicon, proper=lexicon.proper | {"X", "Ofthe"}, zipf={**lexicon.zipf, "ofthe": 5.0})
    rare = settings.garbled.rare_zipf
    for lex in (lexicon, odd):
        for known in (settings.garbled.known_zipf, 4.5):
            names = [w for w in garbled._easy_words(lex, known) if not w.islower()]
            assert len(names) > 100
            assert all(garbled._read_word.__wrapped__(lex, known, rare, name).known == garbled._CLEAR for name in names)
