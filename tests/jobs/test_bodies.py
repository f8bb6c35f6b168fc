"""Body store: texts come back exactly as held, each distinct body is written once, reads are
safe from many threads, and nothing is left on disk."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobs.bodies import BodyStore
from jobs.cache import body_key
from scoring.records import Article
from tests.texts import CLEAN, GARBLED, NEGATIVE


def _article(article_id: str, body: str) -> Article:
    return Article(article_id, f"{article_id}.txt", "A title", dt.date(2025, 9, 5), "World", body, "hash", ("note",))


def test_articles_come_back_whole_and_the_held_record_has_no_text(tmp_path):
    with BodyStore(tmp_path) as store:
        originals = [_article(f"a{i}", text) for i, text in enumerate([CLEAN, GARBLED, NEGATIVE])]
        held = [store.hold(a) for a in originals]
        assert [h.header.body for h in held] == ["", "", ""]
        assert [h.key for h in held] == [body_key(a.body) for a in originals]
        assert [store.article(h) for h in held] == originals
        assert list(store.bodies(held)) == [a.body for a in originals]
        assert store.bodies(held)[1:] == [GARBLED, NEGATIVE]
        assert store.bodies(held)[-1] == NEGATIVE


def test_a_body_held_twice_is_stored_once(tmp_path):
    with BodyStore(tmp_path) as store:
        first, again, other = (
            store.hold(_article("a", CLEAN)),
            store.hold(_article("b", CLEAN)),
            store.hold(_article("c", GARBLED)),
        )
        assert (again.offset, again.size) == (first.offset, first.size)
        assert other.offset == first.offset + first.size
        assert store.article(again).article_id == "b" and store.body(again) == CLEAN


def test_reads_from_many_threads(tmp_path):
    texts = [f"{CLEAN} Article number {i}, with ünïcödé “quotes”." for i in range(300)]
    with BodyStore(tmp_path) as store:
        held = [store.hold(_article(f"a{i}", t)) for i, t in enumerate(texts)]
        with ThreadPoolExecutor(max_workers=8) as pool:
            assert list(pool.map(store.body, held)) == texts


def test_no_file_is_left_in_the_folder(tmp_path):
    with BodyStore(tmp_path) as store:
        store.hold(_article("a", CLEAN))
        assert list(tmp_path.iterdir()) == []  # unnamed while in use (O_TMPFILE) …
    assert list(tmp_path.iterdir()) == []  # … and gone after


def test_a_body_cut_short_on_disk_is_an_error_not_a_wrong_text(tmp_path):
    with BodyStore(tmp_path) as store:
        held = store.hold(_article("a", CLEAN))
        store._file.truncate(held.size - 5)  # damage the file under the store
        with pytest.raises(OSError, match=r"body store: read \d+ of \d+ bytes"):
            store.body(held)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1), min_size=1, max_size=12))
def test_any_texts_round_trip(tmp_path_factory, texts):
    with BodyStore(tmp_path_factory.mktemp("bodies")) as store:
        held = [store.hold(_article(f"a{i}", t)) for i, t in enumerate(texts)]
        assert [store.body(h) for h in held] == texts


def test_a_full_disk_while_reading_stops_the_run_and_keeps_the_previous_report(tmp_path, monkeypatch):
    import errno
    import os

    import jobs.bodies
    from jobs.cli import EXIT_INFRA, main
    from tests.conftest import SAMPLES

    out = tmp_path / "out" / "ranking.csv"
    out.parent.mkdir()
    out.write_text("previous good report\n", encoding="utf-8")
    config = tmp_path / "no-java.toml"
    config.write_text('scorers = ["readability"]\n', encoding="utf-8")
    written = 0

    def pwrite(fd: int, data: bytes, offset: int) -> int:
        nonlocal written
        written += 1
        if written > 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return os.pwrite(fd, data, offset)

    monkeypatch.setattr(jobs.bodies.os, "pwrite", pwrite)
    assert main(["run", str(SAMPLES), "--output", str(out), "--config", str(config)]) == EXIT_INFRA
    assert out.read_text(encoding="utf-8") == "previous good report\n"
    left = {p.name for p in out.parent.iterdir()}
    assert left <= {"ranking.csv", ".ranking.csv.lock", ".textquality-cache.sqlite"}  # no temp or body file
