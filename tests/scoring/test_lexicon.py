"""The lexicon's snapshot file: a good one is read back equal to a fresh build; a bad one or an
unwritable cache folder only costs a rebuild."""

from __future__ import annotations

import logging
from dataclasses import fields
from pathlib import Path

import pytest

from scoring.lexicon import Lexicon, snapshot_path

load_uncached = Lexicon.load.__wrapped__  # the same load, without the per-process memo


def _same(a: Lexicon, b: Lexicon) -> bool:
    return all(getattr(a, f.name) == getattr(b, f.name) for f in fields(Lexicon))


def test_bad_snapshot_is_rebuilt_then_read_back_equal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = snapshot_path()
    assert path.is_relative_to(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"half a pickle")
    stale = path.parent / "lexicon-0000000000000000.pickle"  # from an older version
    stale.write_bytes(b"old")
    with caplog.at_level(logging.WARNING):
        built = load_uncached()
    assert "unreadable" in caplog.text
    assert path.stat().st_size > 1_000_000 and not stale.exists()
    monkeypatch.setattr(Lexicon, "build", staticmethod(lambda: pytest.fail("built again, snapshot not read")))
    read = load_uncached()
    assert read is not built and _same(read, built)
    assert read.frequency("the") > 7 and read.is_proper_noun("Bucharest")


def test_unwritable_cache_folder_still_gives_the_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    lexicon = load_uncached()
    assert lexicon.frequency("government") > 4
    assert list(tmp_path.iterdir()) == [blocker]  # no temporary file left behind
