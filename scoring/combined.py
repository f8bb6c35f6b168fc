"""The combined quality score and the ranking of versions within a story.

    error_part  = exp(-(grammar_weight * grammar_errors_per_100_words
                        + garbled_weight * garbled_tokens_per_100_words))
    readability = clamp(flesch_reading_ease, 0, 100) / 100
    quality     = 100 * ((1 - readability_weight) * error_part + readability_weight * readability)

Each component is also reported on its own 0–100 scale (higher is cleaner). Readability can
move `quality` by at most `readability_weight * 100` points, so it only separates versions with
similar error rates: a garbled translation that reads "easier" never outranks a clean version.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from scoring.records import ArticleScores, QualityScore, RankedArticle, Story
from scoring.settings import QualitySettings


def per_100_words(count: int, words: int) -> float:
    """`count` per 100 words; 0.0 when there are no words."""
    return 100.0 * count / words if words > 0 else 0.0


def quality_score(
    grammar_errors: int, garbled_tokens: int, flesch: float, words: int, settings: QualitySettings
) -> QualityScore:
    """Combined score and components, each in [0, 100]. Zero words gives quality 0.0 (nothing to read)."""
    if words <= 0:
        return QualityScore(0.0, 0.0, 0.0, 0.0)
    grammar = math.exp(-settings.grammar_weight * per_100_words(grammar_errors, words))
    garbled = math.exp(-settings.garbled_weight * per_100_words(garbled_tokens, words))
    readability = min(100.0, max(0.0, flesch)) / 100.0
    r = settings.readability_weight
    quality = 100.0 * ((1.0 - r) * grammar * garbled + r * readability)
    return QualityScore(
        quality=round(quality, 2),
        grammar=round(100.0 * grammar, 2),
        garbled=round(100.0 * garbled, 2),
        readability=round(100.0 * readability, 2),
    )


def _rank_key(s: ArticleScores) -> tuple[float, int, int, str]:
    """Higher quality first; ties: fewer garbled tokens, fewer grammar errors, then article id."""
    quality = s.quality.quality if s.quality else 0.0
    garbled = s.garbled.count if s.garbled else 0
    grammar = s.grammar.error_count if s.grammar else 0
    return (-quality, garbled, grammar, s.article.article_id)


def rank_stories(scores: Sequence[ArticleScores], stories: Sequence[Story]) -> list[RankedArticle]:
    """Rank each story's versions (1 = cleanest; exactly one cleanest per story). Output is sorted
    by story id, then rank. Articles not in any story are ignored."""
    by_id = {s.article.article_id: s for s in scores}
    ranked: list[RankedArticle] = []
    for story in sorted(stories, key=lambda st: st.story_id):
        members = sorted((by_id[m] for m in story.members if m in by_id), key=_rank_key)
        for rank, member in enumerate(members, start=1):
            ranked.append(RankedArticle(member, story.story_id, len(members), rank, rank == 1))
    return ranked
