"""Pipeline steps that need no Java (the whole job is tested in test_pipeline and test_nightly)."""

from __future__ import annotations

import random
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobs import pipeline
from jobs.bodies import Held
from jobs.pipeline import CheckPlan, in_story_order
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


class _ServerStandIn:
    """Records how the LanguageTool step builds and stops its server (nothing is launched)."""

    made: ClassVar[list[_ServerStandIn]] = []

    def __init__(self, settings: object, *, record_aot_cache: bool) -> None:
        self.record_aot_cache = record_aot_cache
        self.stops: list[bool] = []
        _ServerStandIn.made.append(self)

    def start(self) -> None:
        pass

    def stop(self, *, keep_recording: bool = True) -> None:
        self.stops.append(keep_recording)


def test_languagetool_step_records_the_aot_cache_for_big_plans_and_keeps_it_only_on_success(settings, monkeypatch):
    monkeypatch.setattr(pipeline, "LanguageToolServer", _ServerStandIn)
    lt = settings.languagetool.model_copy(update={"aot_training_bodies": 3})
    s = settings.model_copy(update={"languagetool": lt})
    big = CheckPlan({k: _held(k, k) for k in ("k1", "k2", "k3")}, "fp", 0)

    with pipeline.languagetool_step(big, s) as starting:
        assert starting is not None
        starting.result()
    assert _ServerStandIn.made[-1].record_aot_cache
    assert _ServerStandIn.made[-1].stops[0] is True  # a finished run keeps what was recorded

    with pytest.raises(KeyboardInterrupt), pipeline.languagetool_step(big, s):
        raise KeyboardInterrupt
    assert _ServerStandIn.made[-1].stops == [False, False]  # an interrupted one drops it

    with pipeline.languagetool_step(CheckPlan({"k1": _held("k1", "k1")}, "fp", 0), s):
        pass
    assert not _ServerStandIn.made[-1].record_aot_cache  # too few bodies to teach the JIT
