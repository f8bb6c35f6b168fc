"""Story grouping at paraphrase level, on the bundled sample corpus. No Java needed."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from jobs.reader import read_article
from scoring.grouping import TermExtractor, cosine, group_stories, story_id_for
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def corpus(settings, lexicon):
    articles = [read_article(p, SAMPLES, settings.input) for p in sorted(SAMPLES.glob("*.txt"))]
    extractor = TermExtractor(lexicon)
    return articles, [extractor.vector(a.body) for a in articles]


def _partition(stories) -> set[frozenset[str]]:
    return {frozenset(s.members) for s in stories}


def test_sample_stories_are_found(corpus, settings, expected_samples):
    articles, vectors = corpus
    got = _partition(group_stories(articles, vectors, settings.grouping))
    want = {frozenset(f.removesuffix(".txt") for f in s["files"]) for s in expected_samples["stories"]}
    assert got == want


def test_same_topic_different_stories_stay_apart_even_without_dates(corpus, settings):
    articles, vectors = corpus
    undated = [dataclasses.replace(a, date=None) for a in articles]
    stories = _partition(group_stories(undated, vectors, settings.grouping))
    march = next(s for s in stories if "merah-flood-march_a" in s)
    assert "merah-flood-november_a" not in march


def test_paraphrases_score_well_above_other_stories(corpus):
    articles, vectors = corpus
    by_id = {a.article_id: v for a, v in zip(articles, vectors, strict=True)}
    same = cosine(by_id["port-strike_a"], by_id["port-strike_b"])
    other_topic = cosine(by_id["merah-flood-march_a"], by_id["merah-flood-november_a"])
    assert same > 0.5 > 0.3 > other_topic


def test_dates_too_far_apart_split_a_story(corpus, settings):
    articles, vectors = corpus
    moved = [
        dataclasses.replace(a, date=dt.date(2020, 1, 1)) if a.article_id == "port-strike_a" else a for a in articles
    ]
    stories = _partition(group_stories(moved, vectors, settings.grouping))
    assert frozenset({"port-strike_a"}) in stories


def test_story_id_is_deterministic():
    assert story_id_for(["b", "a"]) == story_id_for(["a", "b"]) == story_id_for(["a", "b", "zzz"])
    assert story_id_for(["a"]) != story_id_for(["b"])


@hsettings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_grouping_is_independent_of_input_order(corpus, settings, rnd):
    articles, vectors = corpus
    order = list(range(len(articles)))
    rnd.shuffle(order)
    baseline = group_stories(articles, vectors, settings.grouping)
    shuffled = group_stories([articles[i] for i in order], [vectors[i] for i in order], settings.grouping)
    assert shuffled == baseline


def test_empty_and_single_inputs(settings, lexicon):
    assert group_stories([], [], settings.grouping) == []
    extractor = TermExtractor(lexicon)
    assert len(extractor.vector("")) == 0
    assert cosine(extractor.vector(""), extractor.vector("words here")) == 0.0


def test_vectors_built_in_worker_processes_match_one_process(corpus, settings, lexicon, monkeypatch):
    """Worker processes each have their own vocabulary; after the merge, every similarity and
    the stories are those of the one-process build."""
    from scoring import grouping

    articles, vectors = corpus
    monkeypatch.setattr(grouping, "_PARALLEL_FROM", 2)
    parallel = grouping.term_vectors([a.body for a in articles], lexicon, processes=2)
    assert [len(v) for v in parallel] == [len(v) for v in vectors]
    assert all(list(v.ids) == sorted(v.ids) for v in parallel)
    for i in range(len(vectors)):
        for j in range(i + 1, len(vectors)):
            assert cosine(parallel[i], parallel[j]) == pytest.approx(cosine(vectors[i], vectors[j]), abs=1e-6)
    assert _partition(group_stories(articles, parallel, settings.grouping)) == _partition(
        group_stories(articles, vectors, settings.grouping)
    )


def test_compact_vectors_give_back_each_vector(corpus):
    from scoring.grouping import TermVectors

    _, vectors = corpus
    compact = TermVectors(block=4)
    for i in range(0, len(vectors), 4):
        compact.add_vectors(vectors[i : i + 4])
    assert len(compact) == len(vectors)
    for got, want in zip(compact, vectors, strict=True):
        assert list(got.ids) == list(want.ids) and list(got.weights) == list(want.weights)
    assert list(compact[-1].ids) == list(vectors[-1].ids)
    assert [len(v) for v in compact[2:7]] == [len(v) for v in vectors[2:7]]
    with pytest.raises(IndexError):
        compact[len(vectors)]
    if len(vectors) % 4:  # a short last block ends the storage
        with pytest.raises(ValueError, match="only the last"):
            compact.add_vectors(vectors[:1])


def test_vectors_built_a_block_at_a_time_match_one_at_a_time(corpus, lexicon, monkeypatch):
    from scoring import grouping

    articles, vectors = corpus
    monkeypatch.setattr(grouping, "_TASK_BODIES", 3)
    blocked = grouping.term_vectors([a.body for a in articles], lexicon)
    assert [(list(v.ids), list(v.weights)) for v in blocked] == [(list(v.ids), list(v.weights)) for v in vectors]


def test_ordered_map_keeps_order_and_reads_few_tasks_ahead():
    from concurrent.futures import ThreadPoolExecutor

    from scoring.grouping import _ordered_map

    drawn = 0

    def tasks():
        nonlocal drawn
        for i in range(50):
            drawn += 1
            yield i

    results = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        for r in _ordered_map(pool, lambda x: x * x, tasks(), in_flight=4):
            assert drawn - len(results) <= 4  # tasks read but not yet returned
            results.append(r)
    assert results == [i * i for i in range(50)]
