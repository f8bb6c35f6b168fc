"""The batch job as a pipeline: read → group → score → rank → write.

Grouping runs before the per-article scorers because the garbled-token scorer uses the other
versions of the same story as evidence. Grammar checks (LanguageTool, I/O-bound) run in a
thread pool while the main thread computes the cheap scorers.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from jobs.reader import read_inputs
from jobs.writer import to_frame, write_atomic
from scoring.combined import quality_score, rank_stories
from scoring.errors import LanguageToolError
from scoring.garbled import find_garbled, sibling_evidence, word_set
from scoring.grammar import LanguageToolClient, check_grammar
from scoring.grouping import TermExtractor, group_stories
from scoring.languagetool_server import LanguageToolServer
from scoring.lexicon import Lexicon
from scoring.readability import score_readability, word_count
from scoring.records import Article, ArticleScores, GrammarResult, InputFailure, Story
from scoring.registry import get_scorer
from scoring.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one run did; `failed_by_reason` counts each stable reason code."""

    articles_total: int
    articles_scored: int
    articles_failed: int
    stories: int
    elapsed_s: float
    languagetool_s: float
    failed_by_reason: dict[str, int] = field(default_factory=dict)


# -- steps ---------------------------------------------------------------------------------------
def read_step(input_dir: Path, settings: Settings) -> tuple[list[Article], list[InputFailure]]:
    articles: list[Article] = []
    failures: list[InputFailure] = []
    for item in read_inputs(input_dir, settings.input):
        (articles if isinstance(item, Article) else failures).append(item)
    log.info("read %d articles, %d failed inputs", len(articles), len(failures))
    return articles, failures


def group_step(articles: Sequence[Article], lexicon: Lexicon, settings: Settings) -> list[Story]:
    extractor = TermExtractor(lexicon)
    vectors = [extractor.vector(a.body) for a in articles]
    stories = group_stories(articles, vectors, settings.grouping)
    log.info("grouped %d articles into %d stories", len(articles), len(stories))
    return stories


def _grammar_futures(
    pool: ThreadPoolExecutor, client: LanguageToolClient, articles: Sequence[Article], settings: Settings
) -> dict[str, Future[GrammarResult]]:
    return {a.article_id: pool.submit(check_grammar, client, a.body, settings.languagetool) for a in articles}


def score_step(
    articles: Sequence[Article],
    stories: Sequence[Story],
    lexicon: Lexicon,
    settings: Settings,
    client: LanguageToolClient | None,
) -> tuple[list[ArticleScores], list[InputFailure]]:
    """Score every article with the configured scorers. An article whose grammar check fails
    becomes an InputFailure (reason languagetool_failed); the others are still scored."""
    enabled = {get_scorer(name).name for name in settings.scorers}
    words_of = {a.article_id: word_set(a.body) for a in articles} if "garbled" in enabled else {}
    story_of = {m: st for st in stories for m in st.members}
    scores: list[ArticleScores] = []
    failures: list[InputFailure] = []
    with ThreadPoolExecutor(max_workers=settings.languagetool.client_threads) as pool:
        futures = _grammar_futures(pool, client, articles, settings) if client is not None else {}
        for article in articles:
            readability = (
                score_readability(article.body, settings.readability.language) if "readability" in enabled else None
            )
            grammar = None
            if article.article_id in futures:
                try:
                    grammar = futures[article.article_id].result()
                except LanguageToolError as exc:
                    log.error("grammar check failed for %s: %s", article.path, exc)
                    failures.append(InputFailure(article.article_id, article.path, "languagetool_failed", str(exc)))
                    continue
            garbled = None
            if "garbled" in enabled:
                others = [words_of[m] for m in story_of[article.article_id].members if m != article.article_id]
                garbled = find_garbled(
                    article.body,
                    lexicon,
                    settings.garbled,
                    spelling=grammar.spelling if grammar else (),
                    siblings=sibling_evidence(words_of[article.article_id], others),
                )
            words = readability.words if readability else word_count(article.body)
            quality = quality_score(
                grammar.error_count if grammar else 0,
                garbled.count if garbled else 0,
                readability.flesch_reading_ease if readability else 0.0,
                words,
                settings.quality,
            )
            scores.append(ArticleScores(article, words, grammar, garbled, readability, quality))
    return scores, failures


# -- the job -------------------------------------------------------------------------------------
def run(input_dir: Path, output: Path, settings: Settings) -> RunSummary:
    """Score every article file in `input_dir` and write the ranked CSV to `output`."""
    started = time.monotonic()
    articles, failures = read_step(input_dir, settings)
    lexicon = Lexicon.load()
    stories = group_step(articles, lexicon, settings)

    lt_seconds = 0.0
    if any(get_scorer(n).needs_languagetool for n in settings.scorers) and articles:
        lt_started = time.monotonic()
        with LanguageToolServer(settings.languagetool) as server:
            client = LanguageToolClient(server.url, settings.languagetool)
            scores, lt_failures = score_step(articles, stories, lexicon, settings, client)
        lt_seconds = time.monotonic() - lt_started
    else:
        scores, lt_failures = score_step(articles, stories, lexicon, settings, None)
    failures += lt_failures

    ranked = rank_stories(scores, stories)
    write_atomic(output, to_frame(ranked, failures, settings.languagetool.top_issues))

    by_reason = Counter(f.reason for f in failures)
    summary = RunSummary(
        articles_total=len(articles) + len(failures) - len(lt_failures),
        articles_scored=len(scores),
        articles_failed=len(failures),
        stories=len({r.story_id for r in ranked}),
        elapsed_s=round(time.monotonic() - started, 2),
        languagetool_s=round(lt_seconds, 2),
        failed_by_reason=dict(sorted(by_reason.items())),
    )
    log.info("wrote %s: %s", output, summary)
    return summary
