"""Nightly operation: incremental re-runs, stable story ids, the report folder, one run at a time,
and surviving LanguageTool crashes and hangs. Uses the real LanguageTool server."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from jobs.cli import EXIT_ALREADY_RUNNING, EXIT_INFRA, EXIT_INTERRUPTED, main
from jobs.lock import RunLock
from jobs.pipeline import Destination, run
from jobs.reader import read_article
from scoring.settings import load_settings
from tests.conftest import ROOT, SAMPLES, languagetool_pids
from tests.fake_languagetool import fake_languagetool

pytestmark = pytest.mark.languagetool
NIGHT = dt.date(2025, 9, 5)


def _settings(languagetool_url: str = "", **sections: dict):
    overrides: dict = {k: dict(v) for k, v in sections.items()}
    if languagetool_url:
        overrides.setdefault("languagetool", {})["url"] = languagetool_url
    return load_settings(overrides=overrides)


def _copy(names: list[str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def _nightly(folder: Path, report: Path, settings, night: dt.date = NIGHT):
    summary = run(folder, Destination.report_folder(report, night, settings), settings, progress=False)
    frame = pd.read_csv(report / night.isoformat() / "ranking.csv", keep_default_na=False, dtype=str)
    return summary, frame.set_index("article_id")


@pytest.fixture
def shared_url(languagetool) -> str:
    server, _ = languagetool
    return server.url


def test_report_folder_contents(tmp_path, shared_url):
    folder = _copy(["port-strike_a.txt", "port-strike_b.txt"], tmp_path / "in")
    (folder / "bad.txt").write_bytes(b"\xff\xfe broken")
    summary, _ = _nightly(folder, tmp_path / "reports", _settings(shared_url))
    day = tmp_path / "reports" / NIGHT.isoformat()
    data = json.loads((day / "summary.json").read_text(encoding="utf-8"))
    for key in (
        "articles_total",
        "articles_scored",
        "articles_cached",
        "articles_failed",
        "failed_by_reason",
        "stories",
        "elapsed_s",
        "languagetool_s",
    ):
        assert key in data
    assert data["articles_total"] == 3 and data["articles_failed"] == 1
    assert data["failed_by_reason"] == {"not_utf8": 1}
    errors = pd.read_csv(day / "errors.csv", keep_default_na=False, dtype=str)
    assert list(errors["path"]) == ["bad.txt"] and list(errors["reason"]) == ["not_utf8"]
    assert (tmp_path / "reports" / "latest.csv").read_bytes() == (day / "ranking.csv").read_bytes()
    assert summary.articles_scored == 2


def test_rerun_is_incremental_and_weights_rerank_from_cache(tmp_path, shared_url):
    folder = _copy(["port-strike_a.txt", "port-strike_b.txt", "mayor-vote_a.txt"], tmp_path / "in")
    report = tmp_path / "reports"
    first, frame1 = _nightly(folder, report, _settings(shared_url))
    assert first.articles_cached == 0 and first.articles_scored == 3

    second, frame2 = _nightly(folder, report, _settings(shared_url))
    assert second.articles_cached == 3 and second.languagetool_s == 0.0
    assert frame2.equals(frame1)

    # a new article is the only one checked
    shutil.copy(SAMPLES / "valley-honey_a.txt", folder)
    third, _ = _nightly(folder, report, _settings(shared_url))
    assert third.articles_cached == 3 and third.articles_scored == 4

    # a weight change re-ranks from the cache; the scores move
    heavier, frame4 = _nightly(folder, report, _settings(shared_url, quality={"garbled_weight": 3.0}))
    assert heavier.articles_cached == 4 and heavier.languagetool_s == 0.0
    assert float(frame4.loc["port-strike_a", "quality_score"]) < float(frame2.loc["port-strike_a", "quality_score"])

    # a LanguageTool setting change checks everything again
    rules = {"disabled_rules": ["WHITESPACE_RULE", "EN_QUOTES", "DASH_RULE", "COMMA_COMPOUND_SENTENCE"]}
    rechecked, _ = _nightly(folder, report, _settings(shared_url, languagetool=rules))
    assert rechecked.articles_cached == 0 and rechecked.articles_scored == 4


def test_rerun_takes_readability_from_the_cache(tmp_path, shared_url, monkeypatch):
    import jobs.pipeline

    folder = _copy(["port-strike_a.txt", "port-strike_b.txt"], tmp_path / "in")
    report = tmp_path / "reports"
    _, frame1 = _nightly(folder, report, _settings(shared_url))

    def not_again(text: str, lang: str = "en"):
        raise AssertionError("readability computed again for a cached body")

    monkeypatch.setattr(jobs.pipeline, "score_readability", not_again)
    _, frame2 = _nightly(folder, report, _settings(shared_url))
    assert frame2.equals(frame1)
    # a new body is computed
    shutil.copy(SAMPLES / "mayor-vote_a.txt", folder)
    with pytest.raises(AssertionError, match="computed again"):
        _nightly(folder, report, _settings(shared_url))


def test_rerun_takes_garbled_tokens_from_the_cache_until_their_evidence_changes(tmp_path, shared_url, monkeypatch):
    import jobs.pipeline

    detected: list[str] = []
    real = jobs.pipeline.find_garbled

    def counting(text, *args, **kwargs):
        detected.append(next(a for a, body in bodies.items() if body == text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(jobs.pipeline, "find_garbled", counting)
    folder = _copy(["port-strike_a.txt", "port-strike_b.txt"], tmp_path / "in")

    def load_body(path: Path) -> str:
        return read_article(path, folder, load_settings().input).body

    bodies = {p.stem: load_body(p) for p in sorted(folder.iterdir())}
    report = tmp_path / "reports"
    _, frame1 = _nightly(folder, report, _settings(shared_url))
    assert sorted(detected) == ["port-strike_a", "port-strike_b"]

    detected.clear()
    _, frame2 = _nightly(folder, report, _settings(shared_url))
    assert detected == [] and frame2.equals(frame1)

    # a story of its own: only the new article is detected
    _copy(["valley-honey_a.txt"], folder)
    bodies["valley-honey_a"] = load_body(folder / "valley-honey_a.txt")
    _nightly(folder, report, _settings(shared_url))
    assert detected == ["valley-honey_a"]

    # a new version of a story is new evidence for its other versions: all three again
    detected.clear()
    _copy(["port-strike_c.txt"], folder)
    bodies["port-strike_c"] = load_body(folder / "port-strike_c.txt")
    _nightly(folder, report, _settings(shared_url))
    assert sorted(detected) == ["port-strike_a", "port-strike_b", "port-strike_c"]

    # a detector setting changes every answer
    detected.clear()
    _nightly(folder, report, _settings(shared_url, garbled={"known_zipf": 3.5}))
    assert len(detected) == 4


def test_scoring_a_batch_of_stories_at_a_time_changes_nothing(tmp_path, shared_url, monkeypatch):
    import jobs.pipeline

    names = ["port-strike_a.txt", "port-strike_b.txt", "port-strike_c.txt", "mayor-vote_a.txt", "mayor-vote_b.txt"]
    folder = _copy(names, tmp_path / "in")
    _, whole = _nightly(folder, tmp_path / "one-batch", _settings(shared_url))
    monkeypatch.setattr(jobs.pipeline, "_STORIES_PER_BATCH", 1)
    _, batched = _nightly(folder, tmp_path / "story-by-story", _settings(shared_url))  # a fresh cache
    assert batched.equals(whole)
    assert whole.loc["port-strike_c", "story_size"] == "3" and whole["grammar_errors"].ne("").all()


def test_story_ids_are_stable_across_nights(tmp_path, shared_url):
    folder = _copy(["port-strike_a.txt", "port-strike_b.txt"], tmp_path / "in")
    report = tmp_path / "reports"
    _, night1 = _nightly(folder, report, _settings(shared_url), NIGHT)
    story = night1.loc["port-strike_a", "story_id"]
    assert night1.loc["port-strike_b", "story_id"] == story

    _copy(["port-strike_c.txt", "valley-honey_a.txt"], folder)  # C: a new version; D: a new story
    _, night2 = _nightly(folder, report, _settings(shared_url), NIGHT + dt.timedelta(days=1))
    assert {night2.loc[a, "story_id"] for a in ("port-strike_a", "port-strike_b", "port-strike_c")} == {story}
    assert night2.loc["valley-honey_a", "story_id"] != story
    assert night2.loc["port-strike_c", "story_size"] == "3"


def test_second_run_exits_at_once_while_one_runs(tmp_path, capsys):
    folder = _copy(["port-strike_a.txt"], tmp_path / "in")
    report = tmp_path / "reports"
    started = time.monotonic()
    with RunLock(report / ".textquality.lock"):
        code = main(["run", str(folder), "--report-dir", str(report), "--quiet"])
    assert code == EXIT_ALREADY_RUNNING
    assert time.monotonic() - started < 10
    assert "already using" in capsys.readouterr().err


def test_stale_lock_is_taken_over(tmp_path, shared_url):
    folder = _copy(["port-strike_a.txt"], tmp_path / "in")
    report = tmp_path / "reports"
    report.mkdir()
    (report / ".textquality.lock").write_text("999999\n")  # a dead run's pid, no flock held
    summary, _ = _nightly(folder, report, _settings(shared_url))
    assert summary.articles_scored == 1


def test_unwritable_output_is_exit_3_and_previous_report_survives(tmp_path, capsys):
    folder = _copy(["port-strike_a.txt"], tmp_path / "in")
    report = tmp_path / "reports"
    report.mkdir()
    (report / "latest.csv").write_text("previous good report\n", encoding="utf-8")
    (report / dt.date.today().isoformat()).write_text("a file where the day's folder should go")
    code = main(["run", str(folder), "--report-dir", str(report), "--quiet"])
    assert code == EXIT_INFRA
    assert "cannot write output" in capsys.readouterr().err
    assert (report / "latest.csv").read_text(encoding="utf-8") == "previous good report\n"


def _cached_rows(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM grammar").fetchone()[0]
    except sqlite3.Error:
        return 0


def _when_checks_started(db: Path, known: set[int], action, timeout: float = 180) -> threading.Thread:
    """In a thread: once the job's own server answered its first checks, apply `action(pid)`."""

    def watch() -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            fresh = languagetool_pids(parent=os.getpid()) - known  # the job's own server
            if fresh and _cached_rows(db) >= 1:
                action(max(fresh))
                return
            time.sleep(0.2)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_server_killed_mid_run_is_restarted_and_nothing_is_lost(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    report = tmp_path / "reports"
    settings = _settings()
    killed: list[int] = []

    def kill(pid: int) -> None:
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    watcher = _when_checks_started(report / "cache.sqlite", languagetool_pids(), kill)
    summary, frame = _nightly(folder, report, settings)
    watcher.join(timeout=1)
    assert killed, "the server was never killed"
    assert summary.languagetool_restarts >= 1
    assert summary.articles_failed == 0 and summary.articles_scored == 20
    assert (frame["status"] == "ok").all()


def test_hung_server_is_restarted_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    report = tmp_path / "reports"
    settings = _settings(languagetool={"request_timeout_s": 30.0})
    stopped: list[int] = []

    def freeze(pid: int) -> None:
        os.kill(pid, signal.SIGSTOP)  # the server stops answering: a hang
        stopped.append(pid)

    watcher = _when_checks_started(report / "cache.sqlite", languagetool_pids(), freeze)
    try:
        summary, frame = _nightly(folder, report, settings)
    finally:
        for pid in stopped:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    watcher.join(timeout=1)
    assert stopped, "the server was never frozen"
    assert summary.languagetool_restarts >= 1
    assert summary.articles_scored == 20 and (frame["status"] == "ok").all()


def test_sigterm_keeps_finished_work_and_the_next_run_resumes(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    report = tmp_path / "reports"
    db = report / "cache.sqlite"
    before = languagetool_pids()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jobs.cli", "run", str(folder), "--report-dir", str(report), "--quiet"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 180
    while _cached_rows(db) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == EXIT_INTERRUPTED
    assert not (report / "latest.csv").exists()
    assert not list(report.glob("*/ranking.csv"))
    assert languagetool_pids() <= before
    finished = _cached_rows(db)
    assert 2 <= finished < 20

    summary, _ = _nightly(folder, report, _settings(), dt.date.today())
    assert summary.articles_cached >= finished and summary.articles_scored == 20


def test_article_that_always_hangs_gets_an_error_row_and_the_run_goes_on(tmp_path):
    def reply(body: bytes) -> bytes | None:
        if b"HANG_ME" in body:
            time.sleep(30)  # never answers in time
            return None
        return b'{"matches": []}'

    folder = _copy(["port-strike_a.txt", "port-strike_b.txt"], tmp_path / "in")
    (folder / "stuck.txt").write_text(
        "The council met on Monday to discuss the budget (HANG_ME) for the new school year.\n"
        "Officials said the plan would be published next week after a final vote.",
        encoding="utf-8",
    )
    with fake_languagetool(reply) as url:
        settings = _settings(url, languagetool={"request_timeout_s": 2.0, "max_attempts": 2})
        summary, frame = _nightly(folder, tmp_path / "reports", settings)
    assert summary.articles_scored == 2 and summary.articles_failed == 1
    assert summary.failed_by_reason == {"languagetool_failed": 1}
    assert frame.loc["stuck", "status"] == "error"
    assert frame.loc["stuck", "error"].startswith("languagetool_failed: gave up after 2 tries")
    assert (frame.loc[["port-strike_a", "port-strike_b"], "status"] == "ok").all()
