"""Story grouping without story ids, at paraphrase level.

Versions of one story are rewrites or machine translations of each other: they share few exact
phrases (the two seed versions share ~5% of word 3-grams) but keep the story's names, places,
numbers and rare content words. So each article becomes a vector of word stems weighted by
how rare the word is in English (wordfreq's Zipf frequency: a fixed, corpus-independent
weight, so an article's vector never changes when other articles arrive), and two articles are
versions of one story when their cosine similarity reaches `similarity_threshold`. Stories
are built from those pairs, strongest first, never spanning dated articles more than
`max_days_apart` days apart.

Scale: candidate pairs come from a sparse product of each article's few most distinctive
terms (terms shared by more than `max_term_share` of the corpus are skipped), so the work
grows with the number of plausible pairs, not with n².
"""

from __future__ import annotations

import collections
import hashlib
import itertools
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TypeVar, overload

import numpy as np
import scipy.sparse as sp
import snowballstemmer

from scoring.lexicon import Lexicon
from scoring.records import Article, Story
from scoring.settings import GroupingSettings

A = TypeVar("A")
R = TypeVar("R")

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,]*\w*")
# Weight of a term = rarity in English: MAX_RARITY - Zipf frequency, so "the" (7.7) weighs 0,
# "parade" (4.2) 3.3 and an unseen word (a rare name, or a garbled token) at most 6.
_MAX_RARITY = 7.0
_UNSEEN_WEIGHT = 5.0  # a word wordfreq never saw: a rare name, or a garbled token
_NUMBER_WEIGHT = 4.0  # numbers carry a story: tolls, years, ages, amounts
_PAIR_BLOCK = 512  # rows per block of the sparse product (bounds memory)
_EXACT_CHUNK = 20_000  # candidate pairs whose exact cosine is computed at once (bounds memory)
# A term in more articles than this does not propose candidate pairs. Measured on 60,000
# generated articles: 2,000 → 26.8 s, all 32,360 stories exact; 1,000 → 9.4 s, one not exact.
_MAX_TERM_POSTINGS = 1_000
# Fewer articles than this: term vectors in one process (starting workers costs about 2 s).
_PARALLEL_FROM = 20_000
# A candidate pair must reach this share of the threshold on the articles' top terms alone
# before its exact cosine is computed (versions of one story share their most distinctive terms).
_PREFILTER_SHARE = 0.5


@dataclass(frozen=True, slots=True, eq=False)
class TermVector:
    """Sparse rarity-weighted stem vector of one article, L2-normalised (empty if no terms):
    term ids (sorted, from the `TermExtractor` that made it) and their weights. Compact arrays,
    so 100,000 vectors fit in a few hundred MB."""

    ids: np.ndarray  # int32, sorted
    weights: np.ndarray  # float32

    def __len__(self) -> int:
        return int(self.ids.size)


# Distinct tokens whose term and weight an extractor remembers (about 100 bytes each); past
# this the memo starts again, so a long run's memory stays bounded.
_TOKEN_MEMO = 500_000


class TermExtractor:
    """Turns article bodies into `TermVector`s over one shared vocabulary (vectors from different
    extractors are not comparable). Holds a stemmer: one extractor per thread.

    Each distinct lower-case token is looked up (frequency, stem) once and its term id and
    weight kept in arrays, so an article's vector is built with array operations."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._stemmer = snowballstemmer.stemmer("english")
        self.vocabulary: dict[str, int] = {}  # stem (or number) → term id
        self._token_row: dict[str, int] = {}  # lower-case token → row of the two arrays below
        self._token_term = np.empty(4096, np.int64)
        self._token_weight = np.empty(4096, np.float64)

    def _term(self, low: str) -> tuple[int, float]:
        """Term id and rarity weight of one lower-case token (weight 0: not a content term)."""
        if low[0].isdigit():
            term, weight = low.rstrip(".,"), _NUMBER_WEIGHT
        else:
            low = low.replace("’", "'")
            if low.endswith("'s"):
                low = low[:-2]
            zipf = self._lexicon.frequency(low)
            weight = _UNSEEN_WEIGHT if zipf == 0.0 else max(0.0, _MAX_RARITY - zipf)
            term = self._stemmer.stemWord(low)
        if not term:
            weight = 0.0
        return self.vocabulary.setdefault(term, len(self.vocabulary)), weight

    def _remember(self, tokens: list[str]) -> None:
        """Add rows for `tokens` (not yet remembered), in order, so term ids follow first use."""
        if len(self._token_row) + len(tokens) > _TOKEN_MEMO:
            self._token_row.clear()
        first = len(self._token_row)
        if first + len(tokens) > self._token_term.size:
            size = 2 * (first + len(tokens))
            self._token_term = np.resize(self._token_term, size)
            self._token_weight = np.resize(self._token_weight, size)
        for row, low in enumerate(tokens, first):
            self._token_term[row], self._token_weight[row] = self._term(low)
            self._token_row[low] = row

    def vector(self, text: str) -> TermVector:
        """The article's vector: (1 + ln count) × rarity weight per stem, L2-normalised; forms of
        one stem may differ in rarity ("parade", "parades"): the rarest counts."""
        counts = Counter(_WORD.findall(text.lower()))  # each distinct token once
        rows_of = self._token_row
        new = [t for t in counts if t not in rows_of]
        if new:
            self._remember(new)
        n = len(counts)
        rows = np.fromiter(map(rows_of.__getitem__, counts), np.int64, n)
        weights = self._token_weight[rows]
        keep = weights > 0.0
        terms, weights = self._token_term[rows][keep], weights[keep]
        if not terms.size:
            return TermVector(np.empty(0, np.int32), np.empty(0, np.float32))
        tally = np.fromiter(counts.values(), np.float64, n)[keep]
        order = np.argsort(terms, kind="stable")
        terms, weights, tally = terms[order], weights[order], tally[order]
        starts = np.flatnonzero(np.r_[True, terms[1:] != terms[:-1]])  # first row of each term
        values = np.log(np.add.reduceat(tally, starts))
        values += 1.0
        values *= np.maximum.reduceat(weights, starts)
        values /= np.sqrt(np.dot(values, values))
        return TermVector(terms[starts].astype(np.int32), values.astype(np.float32))


# Bodies per task sent to a worker process: small tasks keep the bodies in flight (pickled)
# and the results waiting to be merged to a few MB each.
_TASK_BODIES = 2_000


def _concatenated(vectors: Sequence[TermVector]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`vectors` as three arrays: their sizes (int64), then their ids and weights concatenated."""
    sizes = np.fromiter(map(len, vectors), np.int64, len(vectors))
    ids = np.concatenate([v.ids for v in vectors]) if vectors else np.empty(0, np.int32)
    weights = np.concatenate([v.weights for v in vectors]) if vectors else np.empty(0, np.float32)
    return sizes, ids, weights


class TermVectors(Sequence[TermVector]):
    """Many term vectors in compact storage: blocks of `block` vectors (the last may be shorter),
    each three arrays (where each vector starts, their ids, their weights), so 100,000 vectors
    cost their ids and weights (about 2 KB an article), not two arrays and an object each.
    An item is a `TermVector` view into its block."""

    def __init__(self, block: int = _TASK_BODIES) -> None:
        self._block = block
        self._starts: list[np.ndarray] = []  # per block, int64: vector k is [starts[k], starts[k + 1])
        self._ids: list[np.ndarray] = []  # per block, int32, sorted within each vector
        self._weights: list[np.ndarray] = []  # per block, float32
        self._n = 0

    def add_block(self, sizes: np.ndarray, ids: np.ndarray, weights: np.ndarray) -> None:
        """Append a block: `sizes[k]` terms for its k-th vector, their ids and weights concatenated."""
        if self._n % self._block or len(sizes) > self._block:
            raise ValueError(f"blocks hold {self._block} vectors; only the last may hold fewer")
        starts = np.zeros(len(sizes) + 1, np.int64)
        np.cumsum(sizes, out=starts[1:])
        self._starts.append(starts)
        self._ids.append(ids.astype(np.int32, copy=False))
        self._weights.append(weights.astype(np.float32, copy=False))
        self._n += len(sizes)

    def add_vectors(self, vectors: Sequence[TermVector]) -> None:
        """Append a block of separate vectors."""
        self.add_block(*_concatenated(vectors))

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, index: int) -> TermVector: ...
    @overload
    def __getitem__(self, index: slice) -> list[TermVector]: ...
    def __getitem__(self, index: int | slice) -> TermVector | list[TermVector]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._n))]
        if not -self._n <= index < self._n:
            raise IndexError("term vector index out of range")
        block, row = divmod(index % self._n, self._block)
        lo, hi = self._starts[block][row : row + 2]
        return TermVector(self._ids[block][lo:hi], self._weights[block][lo:hi])


def term_vectors(bodies: Sequence[str], lexicon: Lexicon, processes: int = 1) -> TermVectors:
    """Term vectors of `bodies` (same order) over one shared vocabulary, `_TASK_BODIES` bodies at
    a time (so `bodies` may read each text when asked). From `_PARALLEL_FROM` bodies on they
    are built in `processes` worker processes (spawned, so safe beside the job's threads; each
    loads the lexicon, about 1 s), and each worker's term ids mapped into one vocabulary as its
    results arrive."""
    out = TermVectors(_TASK_BODIES)
    if processes <= 1 or len(bodies) < _PARALLEL_FROM:
        extractor = TermExtractor(lexicon)
        for i in range(0, len(bodies), _TASK_BODIES):
            out.add_vectors([extractor.vector(b) for b in bodies[i : i + _TASK_BODIES]])
        return out
    tasks = (list(bodies[i : i + _TASK_BODIES]) for i in range(0, len(bodies), _TASK_BODIES))
    vocabulary: dict[str, int] = {}
    remaps: dict[int, np.ndarray] = {}  # worker pid → its term ids → merged ids
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=processes, mp_context=spawn) as pool:
        # results come back in task order, and each worker takes its tasks in that order too, so
        # a worker's new terms always extend the remap its earlier results built
        for pid, new_terms, sizes, ids, weights in _ordered_map(pool, _vectors_in_worker, tasks, 2 * processes):
            added = np.fromiter((vocabulary.setdefault(t, len(vocabulary)) for t in new_terms), np.int32)
            remap = remaps[pid] = np.concatenate([remaps.get(pid, np.empty(0, np.int32)), added])
            ids = remap[ids]
            order = np.lexsort((ids, np.repeat(np.arange(sizes.size), sizes)))  # ids sorted per vector
            out.add_block(sizes, ids[order], weights[order])
    return out


def _ordered_map(pool: Executor, fn: Callable[[A], R], tasks: Iterable[A], in_flight: int) -> Iterator[R]:
    """`fn` over `tasks` in `pool`, results in task order, with at most `in_flight` tasks taken
    from `tasks` and not yet returned (`Executor.map` takes and holds every task at once)."""
    pending: collections.deque[Future[R]] = collections.deque()
    for task in tasks:
        pending.append(pool.submit(fn, task))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


_worker_extractor: TermExtractor | None = None  # a worker process's one extractor, for all its tasks


def _vectors_in_worker(bodies: list[str]) -> tuple[int, list[str], np.ndarray, np.ndarray, np.ndarray]:
    """In a worker process: the vectors of `bodies` in this worker's term ids, as their sizes
    and their concatenated ids and weights (compact to send back), with the terms this task
    added to the worker's vocabulary (in id order) and the worker's pid."""
    global _worker_extractor
    if _worker_extractor is None:
        _worker_extractor = TermExtractor(Lexicon.load())
    known = len(_worker_extractor.vocabulary)
    vectors = [_worker_extractor.vector(b) for b in bodies]
    new_terms = list(itertools.islice(_worker_extractor.vocabulary, known, None))
    return os.getpid(), new_terms, *_concatenated(vectors)


def cosine(a: TermVector, b: TermVector) -> float:
    """Cosine similarity of two normalised vectors from one extractor, in [0, 1]; 0.0 if either
    is empty."""
    _, ia, ib = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    return float(np.dot(a.weights[ia].astype(np.float64), b.weights[ib].astype(np.float64)))


def story_id_for(member_ids: Sequence[str]) -> str:
    """Deterministic id of a story: a hash of its smallest member id ('story-' + 10 hex digits)."""
    return "story-" + hashlib.sha1(min(member_ids).encode("utf-8")).hexdigest()[:10]


def _matrix(vectors: Sequence[TermVector], top_terms: int | None, n_terms: int | None = None) -> sp.csr_matrix:
    """Articles × terms sparse matrix of the float32 weights, built row by row (each vector's ids
    are sorted); with `top_terms`, only each article's heaviest terms (kept in id order).
    `n_terms`: the number of columns (default: one past the largest id)."""
    if top_terms is not None:
        vectors = [_heaviest(v, top_terms) for v in vectors]
    sizes, indices, data = _concatenated(vectors)
    indptr = np.zeros(len(vectors) + 1, np.int64)
    np.cumsum(sizes, out=indptr[1:])
    return sp.csr_matrix(
        (data, indices, indptr), shape=(len(vectors), _n_terms(vectors) if n_terms is None else n_terms)
    )


def _n_terms(vectors: Sequence[TermVector]) -> int:
    """One past the largest term id of `vectors` (ids are sorted, so each vector's last); 1 if none."""
    return 1 + max((int(v.ids[-1]) for v in vectors if v.ids.size), default=0)


def _heaviest(vec: TermVector, top_terms: int) -> TermVector:
    """`vec` with only its `top_terms` heaviest terms, kept in id order."""
    if vec.ids.size <= top_terms:
        return vec
    keep = np.sort(np.argsort(-vec.weights, kind="stable")[:top_terms])
    return TermVector(vec.ids[keep], vec.weights[keep])


def similar_pairs(vectors: Sequence[TermVector], settings: GroupingSettings) -> list[tuple[int, int, float]]:
    """Index pairs (i < j) whose cosine similarity reaches the threshold, with that similarity."""
    n = len(vectors)
    if n < 2:
        return []
    n_terms = _n_terms(vectors)
    # the heaviest terms of each article, in float64 (as before the float32 storage)
    top = _matrix(vectors, settings.max_terms_per_article, n_terms).astype(np.float64)
    df = np.bincount(top.indices, minlength=top.shape[1])
    # terms too common to find story versions with (bounds the candidate pairs per term)
    common = df > max(50, min(settings.max_term_share * n, _MAX_TERM_POSTINGS))
    if common.any():
        top = top @ sp.diags((~common).astype(np.float64))
        top.eliminate_zeros()
    out: list[tuple[int, int, float]] = []
    top_t = top.T.tocsr()
    prefilter = settings.similarity_threshold * _PREFILTER_SHARE
    for lo in range(0, n, _PAIR_BLOCK):
        hi = min(n, lo + _PAIR_BLOCK)
        candidates = (top[lo:hi] @ top_t).tocoo()
        # a pair must be above the diagonal and already similar on its distinctive terms
        mask = (candidates.col > candidates.row + lo) & (candidates.data >= prefilter)
        ii = candidates.row[mask] + lo
        jj = candidates.col[mask]
        del candidates
        for k in range(0, ii.size, _EXACT_CHUNK):  # exact cosines, a bounded number at a time
            a, b = ii[k : k + _EXACT_CHUNK], jj[k : k + _EXACT_CHUNK]
            # only these pairs' rows, in float64 (no matrix of every article's terms is held)
            rows_a = _matrix([vectors[i] for i in a.tolist()], None, n_terms).astype(np.float64)
            rows_b = _matrix([vectors[i] for i in b.tolist()], None, n_terms).astype(np.float64)
            exact = np.asarray(rows_a.multiply(rows_b).sum(axis=1)).ravel()
            keep = exact >= settings.similarity_threshold
            out.extend(zip(a[keep].tolist(), b[keep].tolist(), exact[keep].tolist(), strict=True))
    return out


def group_stories(
    articles: Sequence[Article], vectors: Sequence[TermVector], settings: GroupingSettings
) -> list[Story]:
    """Group `articles` (with their `vectors`, same order) into stories.

    Similar pairs are joined strongest first (ties by article id); a join is refused when the
    merged story would hold dated articles more than `max_days_apart` days apart, so an undated
    version cannot bridge two dated stories. Independent of input order: the same articles in
    any order give the same stories and ids. Every article is in exactly one story.
    """
    n = len(articles)
    parent = list(range(n))
    ids = [a.article_id for a in articles]
    ordinals = [a.date.toordinal() if a.date else None for a in articles]
    span: list[tuple[int, int] | None] = [(d, d) if d is not None else None for d in ordinals]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = similar_pairs(vectors, settings)
    pairs.sort(key=lambda p: (-round(p[2], 9), min(ids[p[0]], ids[p[1]]), max(ids[p[0]], ids[p[1]])))
    for i, j, _sim in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        si, sj = span[ri], span[rj]
        merged = si or sj
        if si is not None and sj is not None:
            merged = (min(si[0], sj[0]), max(si[1], sj[1]))
            if merged[1] - merged[0] > settings.max_days_apart:
                continue
        parent[rj] = ri
        span[ri] = merged

    members: dict[int, list[str]] = {}
    for i in range(n):
        members.setdefault(find(i), []).append(ids[i])
    stories = [Story(story_id_for(m), tuple(sorted(m))) for m in members.values()]
    return sorted(stories, key=lambda s: s.members[0])


def carry_story_ids(stories: Sequence[Story], previous: dict[str, str]) -> list[Story]:
    """Keep story ids stable across runs: a story takes the id its members had before (`previous`:
    article id → earlier story id). When members had several ids, the one most of them had wins
    (ties: the smallest); an id goes to one story only (the one with most members that had it,
    then the smallest first member). A story with no earlier member keeps its computed id."""
    claims: list[tuple[int, str, str, Story]] = []  # (-votes, old id, first member, story)
    for story in stories:
        votes: dict[str, int] = {}
        for member in story.members:
            if member in previous:
                votes[previous[member]] = votes.get(previous[member], 0) + 1
        for old_id, count in votes.items():
            claims.append((-count, old_id, story.members[0], story))
    assigned: dict[str, str] = {}  # first member → id
    taken: set[str] = set()
    for _neg, old_id, first, _story in sorted(claims, key=lambda c: (c[0], c[1], c[2])):
        if first in assigned or old_id in taken:
            continue
        assigned[first] = old_id
        taken.add(old_id)
    out = []
    for story in stories:
        story_id = assigned.get(story.members[0], story.story_id)
        if story.members[0] not in assigned and story_id in taken:
            story_id = story_id_for([*story.members, "#new"])  # computed id already carried by another story
        out.append(Story(story_id, story.members))
    return out
