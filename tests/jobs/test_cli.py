"""The command line: help, usage and config errors (exit 2, before any work). No Java needed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jobs.cli import EXIT_USAGE, main


def test_help_explains_every_option(capsys):
    with pytest.raises(SystemExit) as info:
        main(["run", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for option in ("INPUT_DIR", "--output", "--config", "--languagetool-url", "--quiet"):
        assert option in out


def test_scorers_are_listed(capsys):
    assert main(["scorers"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()] == ["grammar", "garbled", "readability"]


def test_bad_config_stops_before_any_work(tmp_path, capsys):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[grouping]\nthreshold = 0.5\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["run", str(tmp_path), "--output", str(out), "--config", str(cfg)]) == EXIT_USAGE
    err = capsys.readouterr().err.strip()
    assert err == f"textquality: error: {cfg}: unknown setting 'grouping.threshold'"
    assert not out.exists()


def test_missing_input_folder(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--output", str(tmp_path / "o.csv")]) == EXIT_USAGE
    assert "input folder not found" in capsys.readouterr().err


def test_console_script_entry_point_runs():
    proc = subprocess.run([sys.executable, "-m", "jobs.cli", "--help"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "textquality" in proc.stdout
