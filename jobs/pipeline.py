"""The batch job as a pipeline: read → plan → group → check → score → rank → write.

The plan step looks every body up in the run cache; when some need LanguageTool, its server
starts in the background while the lexicon loads and stories are grouped. Grouping runs before
the per-article scorers because the garbled-token scorer uses the other versions of the same
story as evidence. The check step sends the bodies the cache does not know to LanguageTool from
a thread pool while the main thread computes readability.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tqdm import tqdm

from jobs.cache import (
    RunCache,
    body_key,
    garbled_fingerprint,
    garbled_key,
    languagetool_fingerprint,
    readability_fingerprint,
)
from jobs.lock import RunLock
from jobs.reader import read_inputs
from jobs.writer import errors_frame, to_frame, write_atomic, write_json_atomic
from scoring.combined import quality_score, rank_stories
from scoring.errors import LanguageToolError, LanguageToolUnavailable
from scoring.garbled import find_garbled, sibling_evidence, word_set
from scoring.grammar import GrammarChecker
from scoring.grouping import carry_story_ids, group_stories, term_vectors
from scoring.languagetool_server import LanguageToolServer
from scoring.lexicon import Lexicon
from scoring.readability import score_readability, word_count
from scoring.records import (
    Article,
    ArticleScores,
    GarbledResult,
    GrammarResult,
    InputFailure,
    RankedArticle,
    ReadabilityResult,
    Span,
    Story,
)
from scoring.registry import get_scorer
from scoring.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a run writes: one CSV (`--output`), or a nightly report folder (`--report-dir`) with
    `<date>/ranking.csv`, `<date>/errors.csv`, `<date>/summary.json` and `latest.csv`."""

    ranking: Path
    lock: Path
    cache: Path | None
    errors: Path | None = None
    summary: Path | None = None
    latest: Path | None = None

    @staticmethod
    def single_file(output: Path, settings: Settings) -> Destination:
        cache = _cache_path(settings, output.parent / ".textquality-cache.sqlite")
        return Destination(ranking=output, lock=output.parent / f".{output.name}.lock", cache=cache)

    @staticmethod
    def report_folder(folder: Path, night: dt.date, settings: Settings) -> Destination:
        day = folder / night.isoformat()
        return Destination(
            ranking=day / "ranking.csv",
            lock=folder / ".textquality.lock",
            cache=_cache_path(settings, folder / "cache.sqlite"),
            errors=day / "errors.csv",
            summary=day / "summary.json",
            latest=folder / "latest.csv",
        )

    def check_writable(self) -> None:
        """Fail early (OSError) when an output folder cannot be created or written."""
        for path in {self.ranking.parent, self.lock.parent}:
            path.mkdir(parents=True, exist_ok=True)
            probe = path / f".textquality-write-test-{time.monotonic_ns()}"
            probe.write_bytes(b"")
            probe.unlink()


def _cache_path(settings: Settings, default: Path) -> Path | None:
    if not settings.cache.enabled:
        return None
    return Path(settings.cache.path).expanduser() if settings.cache.path else default


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one run did; `failed_by_reason` counts each stable reason code."""

    articles_total: int
    articles_scored: int
    articles_cached: int
    articles_failed: int
    stories: int
    elapsed_s: float
    languagetool_s: float
    languagetool_restarts: int = 0
    failed_by_reason: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Checked:
    """Output of the check step. LanguageTool's results are in the run cache, not here: the score
    step reads them a batch of stories at a time (a night of 100,000 articles holds ~6 KB of
    matches each)."""

    readability: dict[str, ReadabilityResult]  # by article id
    failures: list[InputFailure]
    seconds: float
    restarts: int


# -- steps ---------------------------------------------------------------------------------------
def read_step(input_dir: Path, settings: Settings) -> tuple[list[Article], list[InputFailure]]:
    articles: list[Article] = []
    failures: list[InputFailure] = []
    for item in read_inputs(input_dir, settings.input):
        (articles if isinstance(item, Article) else failures).append(item)
    log.info("read %d articles, %d failed inputs", len(articles), len(failures))
    return articles, failures


def group_step(articles: Sequence[Article], lexicon: Lexicon, settings: Settings, cache: RunCache) -> list[Story]:
    vectors = term_vectors([a.body for a in articles], lexicon, settings.grouping.processes)
    stories = group_stories(articles, vectors, settings.grouping)
    stories = carry_story_ids(stories, cache.previous_story_ids(a.article_id for a in articles))
    log.info("grouped %d articles into %d stories", len(articles), len(stories))
    return stories


def _readability_all(
    articles: Sequence[Article], keys: dict[str, str], settings: Settings, cache: RunCache
) -> dict[str, ReadabilityResult]:
    """Readability of every article (`keys`: article id → body key): from the cache, or computed
    (each distinct body once) and stored."""
    if "readability" not in settings.scorers:
        return {}
    fingerprint = readability_fingerprint(settings.readability)
    known = cache.get_readability(keys.values(), fingerprint)
    for a in articles:
        key = keys[a.article_id]
        if key not in known:
            known[key] = score_readability(a.body, settings.readability.language)
            cache.put_readability(key, fingerprint, known[key])
    cache.commit()
    return {a: known[k] for a, k in keys.items()}


@dataclass(frozen=True, slots=True)
class CheckPlan:
    """Which bodies need LanguageTool: the cache's answers, and the rest to check."""

    keys: dict[str, str]  # article id → body key
    cached: frozenset[str]  # body keys whose result the cache holds
    todo: dict[str, str]  # body key → body, each distinct body once
    fingerprint: str

    @property
    def cached_articles(self) -> int:
        return sum(1 for k in self.keys.values() if k in self.cached)


def plan_step(articles: Sequence[Article], settings: Settings, cache: RunCache) -> CheckPlan:
    """Hash every body once; look the bodies up in the cache; what is left goes to LanguageTool."""
    keys = {a.article_id: body_key(a.body) for a in articles}
    if not any(get_scorer(n).needs_languagetool for n in settings.scorers):
        return CheckPlan(keys, frozenset(), {}, "")
    fingerprint = languagetool_fingerprint(settings.languagetool)
    cached = frozenset(cache.grammar_keys(keys.values(), fingerprint))
    todo = {keys[a.article_id]: a.body for a in articles if keys[a.article_id] not in cached}
    plan = CheckPlan(keys, cached, todo, fingerprint)
    log.info("grammar: %d articles from the cache, %d distinct bodies to check", plan.cached_articles, len(todo))
    return plan


@contextlib.contextmanager
def languagetool_step(plan: CheckPlan, settings: Settings) -> Iterator[Future[LanguageToolServer] | None]:
    """Start LanguageTool in a background thread when the plan needs it, so that Java's start-up
    (about 10 s) overlaps loading the lexicon and grouping; the server is stopped on exit."""
    if not plan.todo:
        yield None
        return
    server = LanguageToolServer(settings.languagetool)

    def start() -> LanguageToolServer:
        server.start()
        return server

    starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="languagetool-start")
    try:
        yield starter.submit(start)
    finally:
        server.stop()  # a start still in progress fails at once and launches nothing
        starter.shutdown(wait=True)
        server.stop()  # again: removes a working folder the interrupted start may have made


def check_step(
    articles: Sequence[Article],
    plan: CheckPlan,
    starting: Future[LanguageToolServer] | None,
    settings: Settings,
    cache: RunCache,
    progress: bool,
) -> Checked:
    """LanguageTool for new and changed bodies (each distinct body once), each result stored in
    the cache as it arrives, and readability computed meanwhile."""
    started = time.monotonic()
    keys = plan.keys
    if starting is None:
        return Checked(_readability_all(articles, keys, settings, cache), [], 0.0, 0)

    failed: dict[str, str] = {}
    server = starting.result()  # raises what the start raised
    checker = GrammarChecker(server, settings.languagetool).open()
    pool = ThreadPoolExecutor(max_workers=settings.languagetool.client_threads)
    try:
        pending: dict[Future[GrammarResult], str] = {pool.submit(checker.check, b): k for k, b in plan.todo.items()}
        readability = _readability_all(articles, keys, settings, cache)  # overlaps with LanguageTool's work
        bar = tqdm(total=len(pending), desc="LanguageTool", unit="article", disable=not progress)
        while pending:
            done, _ = wait(pending, timeout=5, return_when=FIRST_COMPLETED)
            for fut in done:
                key = pending.pop(fut)
                try:
                    cache.put_grammar(key, plan.fingerprint, fut.result())
                except LanguageToolUnavailable:
                    raise
                except LanguageToolError as exc:
                    failed[key] = str(exc)
                bar.update()
        bar.close()
    finally:
        # on Ctrl-C/SIGTERM/LanguageTool down: drop queued checks; stopping the server (by the
        # caller) ends the ones in flight, so the threads finish promptly
        pool.shutdown(wait=False, cancel_futures=True)
        cache.commit()
    failures = [
        InputFailure(a.article_id, a.path, "languagetool_failed", failed[keys[a.article_id]])
        for a in articles
        if keys[a.article_id] in failed
    ]
    for f in failures:
        log.error("grammar check failed for %s: %s", f.path, f.message)
    return Checked(readability, failures, time.monotonic() - started, checker.restarts)


_STORIES_PER_BATCH = 500  # stories scored per batch: their cached results are read in one query


def _garbled_batch(
    stories: Sequence[Story],
    *,
    members: dict[str, Article],
    every: dict[str, Article],
    keys: dict[str, str],
    spelling: dict[str, tuple[Span, ...]],
    lexicon: Lexicon,
    settings: Settings,
    cache: RunCache,
    fingerprint: str,
) -> dict[str, GarbledResult]:
    """Garbled tokens of the `members` (by article id) of a batch of `stories`: from the cache when
    the body, its story's other versions and LanguageTool's spelling spans are unchanged, else
    detected (with the other versions, from `every` article read, as evidence) and stored."""
    story_of = {m: st for st in stories for m in st.members}
    detection = {
        a: garbled_key(keys[a], (keys[m] for m in story_of[a].members if m != a), spelling.get(a, ())) for a in members
    }
    known = cache.get_garbled(detection.values(), fingerprint)
    for story in stories:
        if all(detection[a] in known for a in story.members if a in members):
            continue
        words = {m: word_set(every[m].body) for m in story.members}  # this story's only
        for a, article in ((m, members[m]) for m in story.members if m in members):
            key = detection[a]
            if key not in known:
                siblings = sibling_evidence(words[a], [words[m] for m in story.members if m != a])
                known[key] = find_garbled(article.body, lexicon, settings.garbled, spelling.get(a, ()), siblings)
                cache.put_garbled(key, fingerprint, known[key])
    cache.commit()
    return {a: known[k] for a, k in detection.items()}


def score_step(
    articles: Sequence[Article],
    stories: Sequence[Story],
    plan: CheckPlan,
    checked: Checked,
    lexicon: Lexicon,
    settings: Settings,
    cache: RunCache,
) -> list[ArticleScores]:
    """Score every article whose checks succeeded with the configured scorers, a batch of stories
    at a time: LanguageTool's results are read from the cache per batch, and an article keeps
    only its grammar issues (its spelling spans serve the garbled-token scorer, then go)."""
    enabled = {get_scorer(name).name for name in settings.scorers}
    failed = {f.article_id for f in checked.failures}
    every = {a.article_id: a for a in articles}
    by_id = {a: article for a, article in every.items() if a not in failed}
    keys = plan.keys
    fingerprint = garbled_fingerprint(settings.garbled) if "garbled" in enabled else ""
    scores: list[ArticleScores] = []
    for first in range(0, len(stories), _STORIES_PER_BATCH):
        batch = stories[first : first + _STORIES_PER_BATCH]
        members = {m: by_id[m] for st in batch for m in st.members if m in by_id}
        grammar: dict[str, GrammarResult] = {}
        if "grammar" in enabled:
            found = cache.get_grammar({keys[a] for a in members}, plan.fingerprint)
            grammar = {a: found[keys[a]] for a in members if keys[a] in found}
        spelling = {a: g.spelling for a, g in grammar.items()}
        garbled_of: dict[str, GarbledResult] = {}
        if "garbled" in enabled:
            garbled_of = _garbled_batch(
                batch,
                members=members,
                every=every,
                keys=keys,
                spelling=spelling,
                lexicon=lexicon,
                settings=settings,
                cache=cache,
                fingerprint=fingerprint,
            )
        for a, article in members.items():
            result = grammar.get(a)
            readability = checked.readability.get(a)
            garbled = garbled_of.get(a)
            words = readability.words if readability else word_count(article.body)
            quality = quality_score(
                result.error_count if result else 0,
                garbled.count if garbled else 0,
                readability.flesch_reading_ease if readability else 0.0,
                words,
                settings.quality,
            )
            issues = GrammarResult(result.issues, ()) if result else None
            scores.append(ArticleScores(article, words, issues, garbled, readability, quality))
    return scores


def write_step(
    dest: Destination,
    ranked: Sequence[RankedArticle],
    failures: Sequence[InputFailure],
    summary: RunSummary,
    settings: Settings,
    excel: bool,
) -> None:
    frame = to_frame(ranked, failures, settings.languagetool.top_issues)
    bom = excel or settings.output.excel_bom
    write_atomic(dest.ranking, frame, excel_bom=bom)
    if dest.errors is not None:
        write_atomic(dest.errors, errors_frame(failures), excel_bom=bom)
    if dest.summary is not None:
        write_json_atomic(dest.summary, asdict(summary))
    if dest.latest is not None:
        write_atomic(dest.latest, frame, excel_bom=bom)


# -- the job -------------------------------------------------------------------------------------
def run(
    input_dir: Path, dest: Destination, settings: Settings, excel: bool = False, progress: bool | None = None
) -> RunSummary:
    """Score every article file in `input_dir` and write the outputs of `dest`."""
    started = time.monotonic()
    progress = sys.stderr.isatty() if progress is None else progress
    dest.check_writable()
    with RunLock(dest.lock), RunCache(dest.cache) as cache:
        articles, failures = read_step(input_dir, settings)
        plan = plan_step(articles, settings, cache)
        with languagetool_step(plan, settings) as starting:
            lexicon = Lexicon.load()
            stories = group_step(articles, lexicon, settings, cache)
            checked = check_step(articles, plan, starting, settings, cache, progress)
        scores = score_step(articles, stories, plan, checked, lexicon, settings, cache)
        ranked = rank_stories(scores, stories)

        all_failures = failures + checked.failures
        by_reason = Counter(f.reason for f in all_failures)
        summary = RunSummary(
            articles_total=len(articles) + len(failures),
            articles_scored=len(scores),
            articles_cached=plan.cached_articles,
            articles_failed=len(all_failures),
            stories=len({r.story_id for r in ranked}),
            elapsed_s=round(time.monotonic() - started, 2),
            languagetool_s=round(checked.seconds, 2),
            languagetool_restarts=checked.restarts,
            failed_by_reason=dict(sorted(by_reason.items())),
        )
        write_step(dest, ranked, all_failures, summary, settings, excel)
        cache.save_story_ids({r.scores.article.article_id: r.story_id for r in ranked}, dt.date.today().isoformat())
    log.info("wrote %s: %s", dest.ranking, summary)
    return summary
