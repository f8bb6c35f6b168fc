"""Combined score and ranking. No Java needed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from scoring.combined import quality_score, rank_stories
from scoring.records import Article, ArticleScores, GarbledResult, GarbledToken, Span, Story


def test_clean_text_scores_high_and_errors_dominate(settings):
    clean = quality_score(0, 0, 36.0, 400, settings.quality)  # harder to read, no errors
    garbled = quality_score(3, 12, 43.0, 660, settings.quality)  # reads "easier", many errors
    assert clean.quality > 90
    assert garbled.quality < clean.quality - 30
    assert garbled.readability > clean.readability


def test_zero_words_scores_zero(settings):
    assert quality_score(0, 0, 0.0, 0, settings.quality).quality == 0.0


@given(st.integers(0, 500), st.integers(0, 500), st.floats(-500, 500, allow_nan=False), st.integers(0, 10_000))
def test_scores_in_range(grammar, garbled, flesch, words):
    from scoring.settings import load_settings

    q = quality_score(grammar, garbled, flesch, words, load_settings().quality)
    for value in (q.quality, q.grammar, q.garbled, q.readability):
        assert 0.0 <= value <= 100.0


@given(st.integers(0, 50), st.integers(0, 50), st.integers(1, 2000))
def test_more_errors_never_score_higher(errors, extra, words):
    from scoring.settings import load_settings

    s = load_settings().quality
    assert (
        quality_score(errors + extra, errors, 50.0, words, s).quality
        <= quality_score(errors, errors, 50.0, words, s).quality
    )


def _scores(article_id: str, quality: float, garbled: int = 0) -> ArticleScores:
    from scoring.records import QualityScore

    art = Article(article_id, f"{article_id}.txt", "", dt.date(2025, 1, 1), "", "x", "h")
    tokens = tuple(GarbledToken("x", Span(0, 1), "unknown_word") for _ in range(garbled))
    return ArticleScores(art, 100, garbled=GarbledResult(tokens), quality=QualityScore(quality, 0, 0, 0))


def test_rank_is_by_quality_with_documented_tie_break():
    scores = [_scores("b", 50.0), _scores("a", 50.0), _scores("c", 80.0), _scores("d", 50.0, garbled=1)]
    ranked = rank_stories(scores, [Story("s1", ("a", "b", "c", "d"))])
    assert [r.scores.article.article_id for r in ranked] == ["c", "a", "b", "d"]
    assert [r.rank_in_story for r in ranked] == [1, 2, 3, 4]
    assert [r.is_cleanest for r in ranked] == [True, False, False, False]
    assert {r.story_size for r in ranked} == {4}


def test_exactly_one_cleanest_per_story():
    scores = [_scores(x, 10.0) for x in "abcde"]
    ranked = rank_stories(scores, [Story("s1", ("a", "b")), Story("s2", ("c",)), Story("s3", ("d", "e"))])
    cleanest = [r.story_id for r in ranked if r.is_cleanest]
    assert sorted(cleanest) == ["s1", "s2", "s3"]
