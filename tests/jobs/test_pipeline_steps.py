"""Pipeline steps that need no Java (the whole job is tested in test_pipeline and test_nightly)."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from jobs.bodies import Held
from jobs.pipeline import in_story_order
from scoring.records import Article, Story


def _held(article_id: str, key: str) -> Held:
    return Held(Article(article_id, f"{article_id}.txt", "", None, "", "", "hash"), key, 0, 0)


def test_bodies_are_sent_story_by_story():
    # files in name order interleave two stories; the twin "b2" has the same body as "b1"
    held = [_held("a1", "k1"), _held("b1", "k2"), _held("a2", "k3"), _held("b2", "k2"), _held("c1", "k4")]
    stories = [Story("s1", ("b1", "b2")), Story("s2", ("a1", "a2")), Story("s3", ("c1",))]
    todo = {h.key: h for h in held if h.key != "k4"}  # k4 came from the run cache
    assert in_story_order(todo, held, stories) == ["k2", "k1", "k3"]


def test_a_body_in_no_story_is_still_sent():
    held = [_held("a1", "k1"), _held("lost", "k9")]
    todo = {h.key: h for h in held}
    assert in_story_order(todo, held, [Story("s1", ("a1",))]) == ["k1", "k9"]


@given(st.lists(st.integers(0, 6), min_size=1, max_size=30), st.randoms(use_true_random=False))
def test_every_body_to_check_is_sent_exactly_once(body_of: list[int], rnd: random.Random):
    held = [_held(f"a{i}", f"k{b}") for i, b in enumerate(body_of)]
    ids = [h.article_id for h in held]
    rnd.shuffle(ids)
    stories = [Story(f"s{j}", tuple(sorted(ids[j : j + 3]))) for j in range(0, len(ids), 3)]
    todo = {h.key: h for h in held if rnd.random() < 0.7}
    keys = in_story_order(todo, held, stories)
    assert sorted(keys) == sorted(todo)
