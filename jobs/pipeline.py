"""The batch job as a pipeline: read → plan → group → check → score → rank → write.

The read step writes each article's text to a `BodyStore` (a temporary file) and keeps only
its record, so a night of 100,000 articles never holds every text. The plan step looks every
body up in the run cache; when some need LanguageTool, its server starts in the background while
the lexicon loads and stories are grouped. Grouping runs before the per-article scorers because
the garbled-token scorer uses the other versions of the same story as evidence. The check step
sends the bodies the cache does not know to LanguageTool from a thread pool while the main
thread computes readability. Then a batch of stories at a time is scored, ranked and appended
to the ranked CSV, which replaces the previous one only when the run has finished.
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

from jobs.bodies import BodyStore, Held
from jobs.cache import (
    RunCache,
    garbled_fingerprint,
    garbled_key,
    languagetool_fingerprint,
    readability_fingerprint,
)
from jobs.lock import RunLock
from jobs.reader import read_inputs
from jobs.writer import copy_atomic, errors_frame, to_frame, write_atomic, write_chunked_atomic, write_json_atomic
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
def read_step(input_dir: Path, settings: Settings, store: BodyStore) -> tuple[list[Held], list[InputFailure]]:
    """Every input as a held article (its body in `store`) or an input failure."""
    held: list[Held] = []
    failures: list[InputFailure] = []
    for item in read_inputs(input_dir, settings.input):
        if isinstance(item, Article):
            held.append(store.hold(item))
        else:
            failures.append(item)
    log.info("read %d articles, %d failed inputs", len(held), len(failures))
    return held, failures


def group_step(
    held: Sequence[Held], store: BodyStore, lexicon: Lexicon, settings: Settings, cache: RunCache
) -> list[Story]:
    vectors = term_vectors(store.bodies(held), lexicon, settings.grouping.processes)
    stories = group_stories([h.header for h in held], vectors, settings.grouping)
    del vectors
    stories = carry_story_ids(stories, cache.previous_story_ids(h.article_id for h in held))
    log.info("grouped %d articles into %d stories", len(held), len(stories))
    return stories


def _readability_all(
    held: Sequence[Held], store: BodyStore, settings: Settings, cache: RunCache
) -> dict[str, ReadabilityResult]:
    """Readability of every article, by article id: from the cache, or computed (each distinct
    body once) and stored."""
    if "readability" not in settings.scorers:
        return {}
    fingerprint = readability_fingerprint(settings.readability)
    known = cache.get_readability({h.key for h in held}, fingerprint)
    for h in held:
        if h.key not in known:
            known[h.key] = score_readability(store.body(h), settings.readability.language)
            cache.put_readability(h.key, fingerprint, known[h.key])
    cache.commit()
    return {h.article_id: known[h.key] for h in held}


@dataclass(frozen=True, slots=True)
class CheckPlan:
    """Which bodies need LanguageTool: the cache's answers, and the rest to check."""

    todo: dict[str, Held]  # body key → an article with that body, each distinct body once
    fingerprint: str
    cached_articles: int  # articles whose result comes from the cache


def plan_step(held: Sequence[Held], settings: Settings, cache: RunCache) -> CheckPlan:
    """Look the bodies up in the cache; what is left goes to LanguageTool."""
    if not any(get_scorer(n).needs_languagetool for n in settings.scorers):
        return CheckPlan({}, "", 0)
    fingerprint = languagetool_fingerprint(settings.languagetool)
    cached = cache.grammar_keys({h.key for h in held}, fingerprint)
    todo: dict[str, Held] = {}
    for h in held:
        if h.key not in cached:
            todo.setdefault(h.key, h)
    plan = CheckPlan(todo, fingerprint, sum(1 for h in held if h.key in cached))
    log.info("grammar: %d articles from the cache, %d distinct bodies to check", plan.cached_articles, len(todo))
    return plan


def in_story_order(todo: dict[str, Held], held: Sequence[Held], stories: Sequence[Story]) -> list[str]:
    """The body keys of `todo`, each once, story by story (then any in no story). Versions of a
    story share sentences: sent one after another, LanguageTool's sentence cache answers the
    repeats (`cacheSize` in server_properties)."""
    key_of = {h.article_id: h.key for h in held}
    grouped = (key_of[m] for st in stories for m in st.members if m in key_of)
    return [k for k in dict.fromkeys([*grouped, *todo]) if k in todo]


@contextlib.contextmanager
def languagetool_step(plan: CheckPlan, settings: Settings) -> Iterator[Future[LanguageToolServer] | None]:
    """Start LanguageTool in a background thread when the plan needs it, so that Java's start-up
    (about 10 s) overlaps loading the lexicon and grouping; the server is stopped on exit. A plan
    with at least `aot_training_bodies` bodies records the server's AOT cache if it has none."""
    if not plan.todo:
        yield None
        return
    training = len(plan.todo) >= settings.languagetool.aot_training_bodies
    server = LanguageToolServer(settings.languagetool, record_aot_cache=training)

    def start() -> LanguageToolServer:
        server.start()
        return server

    starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="languagetool-start")
    finished = False
    try:
        yield starter.submit(start)
        finished = True
    finally:
        # a start still in progress fails at once and launches nothing; an AOT cache recorded
        # by an interrupted or failed run is dropped
        server.stop(keep_recording=finished)
        starter.shutdown(wait=True)
        server.stop(keep_recording=False)  # again: removes a working folder the interrupted start may have made


def check_step(
    held: Sequence[Held],
    stories: Sequence[Story],
    store: BodyStore,
    plan: CheckPlan,
    starting: Future[LanguageToolServer] | None,
    settings: Settings,
    cache: RunCache,
    progress: bool,
) -> Checked:
    """LanguageTool for new and changed bodies (each distinct body once, story by story), each
    result stored in the cache as it arrives, and readability computed meanwhile."""
    started = time.monotonic()
    if starting is None:
        return Checked(_readability_all(held, store, settings, cache), [], 0.0, 0)

    failed: dict[str, str] = {}
    server = starting.result()  # raises what the start raised
    checker = GrammarChecker(server, settings.languagetool).open()
    pool = ThreadPoolExecutor(max_workers=settings.languagetool.client_threads)

    def check(h: Held) -> GrammarResult:
        return checker.check(store.body(h))  # the body is read when a thread takes the task

    try:
        keys = in_story_order(plan.todo, held, stories)
        pending: dict[Future[GrammarResult], str] = {pool.submit(check, plan.todo[k]): k for k in keys}
        readability = _readability_all(held, store, settings, cache)  # overlaps with LanguageTool's work
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
        InputFailure(h.article_id, h.header.path, "languagetool_failed", failed[h.key]) for h in held if h.key in failed
    ]
    for f in failures:
        log.error("grammar check failed for %s: %s", f.path, f.message)
    return Checked(readability, failures, time.monotonic() - started, checker.restarts)


_STORIES_PER_BATCH = 500  # stories scored, ranked and written at a time: their cached results are read in one query


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
    detected (with the other versions, from `every` article of the stories, as evidence) and stored."""
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


@dataclass(frozen=True, slots=True)
class ScoreInputs:
    """What the score step needs besides a batch of stories: every held article (by id), the
    ones whose check failed, the store of their bodies, the check step's output and the
    fingerprints its cached results are stored under."""

    held: dict[str, Held]
    failed: frozenset[str]
    store: BodyStore
    checked: Checked
    lexicon: Lexicon
    grammar_fingerprint: str
    garbled_fingerprint: str


def score_step(batch: Sequence[Story], inputs: ScoreInputs, settings: Settings, cache: RunCache) -> list[ArticleScores]:
    """Score the articles of a batch of stories whose checks succeeded, with the configured
    scorers: their bodies are read back from the store, LanguageTool's results from the cache,
    and an article keeps only its grammar issues (its spelling spans serve the garbled-token
    scorer, then go)."""
    enabled = {get_scorer(name).name for name in settings.scorers}
    every = {m: inputs.store.article(inputs.held[m]) for st in batch for m in st.members}
    members = {m: article for m, article in every.items() if m not in inputs.failed}
    keys = {m: inputs.held[m].key for m in every}
    grammar: dict[str, GrammarResult] = {}
    if "grammar" in enabled:
        found = cache.get_grammar({keys[a] for a in members}, inputs.grammar_fingerprint)
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
            lexicon=inputs.lexicon,
            settings=settings,
            cache=cache,
            fingerprint=inputs.garbled_fingerprint,
        )
    scores: list[ArticleScores] = []
    for a, article in members.items():
        result = grammar.get(a)
        readability = inputs.checked.readability.get(a)
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
        header = inputs.held[a].header  # the row needs the record, not the text
        scores.append(ArticleScores(header, words, issues, garbled, readability, quality))
    return scores


def _batches(stories: Sequence[Story]) -> Iterator[list[Story]]:
    """`stories` in story-id order (the ranked CSV's order), `_STORIES_PER_BATCH` at a time."""
    ordered = sorted(stories, key=lambda st: st.story_id)
    for first in range(0, len(ordered), _STORIES_PER_BATCH):
        yield ordered[first : first + _STORIES_PER_BATCH]


def write_reports(dest: Destination, failures: Sequence[InputFailure], summary: RunSummary, excel_bom: bool) -> None:
    """The report folder's files besides the ranked CSV: errors, summary, and `latest.csv`."""
    if dest.errors is not None:
        write_atomic(dest.errors, errors_frame(failures), excel_bom=excel_bom)
    if dest.summary is not None:
        write_json_atomic(dest.summary, asdict(summary))
    if dest.latest is not None:
        copy_atomic(dest.ranking, dest.latest)


# -- the job -------------------------------------------------------------------------------------
def run(
    input_dir: Path, dest: Destination, settings: Settings, excel: bool = False, progress: bool | None = None
) -> RunSummary:
    """Score every article file in `input_dir` and write the outputs of `dest`."""
    started = time.monotonic()
    progress = sys.stderr.isatty() if progress is None else progress
    bom = excel or settings.output.excel_bom
    top = settings.languagetool.top_issues
    dest.check_writable()
    with RunLock(dest.lock), RunCache(dest.cache) as cache, BodyStore(dest.ranking.parent) as store:
        held, failures = read_step(input_dir, settings, store)
        plan = plan_step(held, settings, cache)
        with languagetool_step(plan, settings) as starting:
            lexicon = Lexicon.load()
            stories = group_step(held, store, lexicon, settings, cache)
            checked = check_step(held, stories, store, plan, starting, settings, cache, progress)
        all_failures = failures + checked.failures
        inputs = ScoreInputs(
            held={h.article_id: h for h in held},
            failed=frozenset(f.article_id for f in checked.failures),
            store=store,
            checked=checked,
            lexicon=lexicon,
            grammar_fingerprint=plan.fingerprint,
            garbled_fingerprint=garbled_fingerprint(settings.garbled) if "garbled" in settings.scorers else "",
        )
        story_of: dict[str, str] = {}  # scored article id → story id
        with write_chunked_atomic(dest.ranking, excel_bom=bom) as ranking:
            for batch in _batches(stories):
                ranked = rank_stories(score_step(batch, inputs, settings, cache), batch)
                ranking.write(to_frame(ranked, [], top))
                story_of.update((r.scores.article.article_id, r.story_id) for r in ranked)
            ranking.write(to_frame([], all_failures, top))

        by_reason = Counter(f.reason for f in all_failures)
        summary = RunSummary(
            articles_total=len(held) + len(failures),
            articles_scored=len(story_of),
            articles_cached=plan.cached_articles,
            articles_failed=len(all_failures),
            stories=len(set(story_of.values())),
            elapsed_s=round(time.monotonic() - started, 2),
            languagetool_s=round(checked.seconds, 2),
            languagetool_restarts=checked.restarts,
            failed_by_reason=dict(sorted(by_reason.items())),
        )
        write_reports(dest, all_failures, summary, bom)
        cache.save_story_ids(story_of, dt.date.today().isoformat())
    log.info("wrote %s: %s", dest.ranking, summary)
    return summary
