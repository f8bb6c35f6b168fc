"""The garbled-token quality bar on the labelled set (a quality bar, not a timing). No Java:
the detector must meet it on its own; LanguageTool's spelling matches only add to it."""

from __future__ import annotations

import pytest

from eval.garbled_eval import TARGETS, evaluate, meets_targets


@pytest.fixture(scope="module")
def result(settings):
    return evaluate(settings)


def test_precision_recall_and_false_positive_rate(result):
    assert result["precision"] >= TARGETS["precision"]
    assert result["recall"] >= TARGETS["recall"]
    assert result["negative_fp_rate"] <= TARGETS["negative_fp_rate"], result["negatives_flagged"]
    assert meets_targets(result)


def test_every_kind_is_detected(result):
    for kind, m in result["per_kind"].items():
        assert m["recall"] >= 0.6, kind
        assert m["precision"] >= 0.9, kind


def test_clean_texts_are_almost_never_flagged(result):
    assert result["clean_flags_per_1000_words"] <= 1.0, result["clean_flags"]
