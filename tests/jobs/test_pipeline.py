"""The whole job on the bundled sample corpus, against a real LanguageTool server it starts
and stops itself."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from jobs.cli import EXIT_INTERRUPTED, EXIT_SOME_FAILED, main
from tests.conftest import ROOT, SAMPLES, languagetool_pids

pytestmark = pytest.mark.languagetool


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[pd.DataFrame, int, set[int], set[int]]:
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SAMPLES, folder, dirs_exist_ok=True)
    (folder / "latin1.txt").write_bytes("Caf\xe9 owners in the old town protested on Monday.".encode("latin-1"))
    (folder / "blank.txt").write_text("   \n", encoding="utf-8")
    shutil.copy(SAMPLES / "valley-honey_a.txt", folder / "valley-honey_copy.txt")  # byte-identical twin
    out = folder.parent / "ranking.csv"
    before = languagetool_pids()
    code = main(["run", str(folder), "--output", str(out), "--quiet"])
    after = languagetool_pids()
    frame = pd.read_csv(out, keep_default_na=False, dtype=str)
    return frame, code, before, after


def test_exit_code_and_no_server_left_behind(report):
    _, code, before, after = report
    assert code == EXIT_SOME_FAILED  # two bad files
    assert after <= before


def test_one_row_per_input_file(report, expected_samples):
    frame, *_ = report
    files = {f.removesuffix(".txt") for s in expected_samples["stories"] for f in s["files"]}
    assert set(frame["article_id"]) == files | {"latin1", "blank", "valley-honey_copy"}
    assert len(frame) == len(files) + 3


def test_bad_files_have_specific_error_rows(report):
    frame, *_ = report
    bad = frame.set_index("article_id").loc[["latin1", "blank"]]
    assert list(bad["status"]) == ["error", "error"]
    assert bad.loc["latin1", "error"].startswith("not_utf8: not valid UTF-8: byte 0xe9")
    assert bad.loc["blank", "error"].startswith("empty: ")


def test_stories_and_cleanest_match_the_corpus(report, expected_samples):
    frame, *_ = report
    ok = frame[frame["status"] == "ok"]
    groups = {frozenset(g["article_id"]) for _, g in ok.groupby("story_id")}
    want = {frozenset(f.removesuffix(".txt") for f in s["files"]) for s in expected_samples["stories"]}
    want = {g | {"valley-honey_copy"} if "valley-honey_a" in g else g for g in want}  # the twin joins
    assert groups == want
    assert (ok.groupby("story_id")["is_cleanest"].apply(lambda c: (c == "True").sum()) == 1).all()
    for story in expected_samples["stories"]:
        order = [f.removesuffix(".txt") for f in story["order_clean_to_worst"]]
        rows = ok.set_index("article_id").loc[order]
        assert list(rows["rank_in_story"].astype(int)) == list(range(1, len(order) + 1)), story["label"]


def test_planted_garbled_tokens_are_found(report, expected_samples):
    frame, *_ = report
    found = dict(zip(frame["article_id"], frame["garbled_tokens"], strict=True))
    planted = hits = 0
    for story in expected_samples["stories"]:
        for name, tokens in story.get("garbled_tokens", {}).items():
            cell = found[name.removesuffix(".txt")]
            for token in tokens:
                planted += 1
                hits += f"{token}[" in cell
    assert hits / planted >= 0.8, f"found {hits} of {planted} planted garbled tokens"


def test_clean_versions_have_few_flags(report, expected_samples):
    frame, *_ = report
    by_id = frame.set_index("article_id")
    for story in expected_samples["stories"]:
        if story["cleanest"] in story.get("garbled_tokens", {}):
            continue  # a single-version story that is itself flawed
        cleanest = story["cleanest"].removesuffix(".txt")
        assert int(by_id.loc[cleanest, "garbled_token_count"]) <= 2, (cleanest, by_id.loc[cleanest, "garbled_tokens"])


def test_rows_sorted_by_story_then_rank(report):
    frame, *_ = report
    ok = frame[frame["status"] == "ok"]
    keys = list(zip(ok["story_id"], ok["rank_in_story"].astype(int), strict=True))
    assert keys == sorted(keys)
    assert list(frame["status"])[-2:] == ["error", "error"]


def test_sigterm_stops_cleanly_without_output(tmp_path):
    shutil.copytree(SAMPLES, tmp_path / "in")
    out = tmp_path / "ranking.csv"
    before = languagetool_pids()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jobs.cli", "run", str(tmp_path / "in"), "--output", str(out)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    for line in proc.stderr:
        if "LanguageTool server starting" in line or time.monotonic() > deadline:
            break
    time.sleep(1.0)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == EXIT_INTERRUPTED
    assert not out.exists()
    assert languagetool_pids() <= before
