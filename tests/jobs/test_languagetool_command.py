"""`textquality languagetool`: a standing LanguageTool server that nightly runs reuse through
--languagetool-url. Real LanguageTool (Java)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys

import pandas as pd

from jobs.cli import EXIT_OK, main
from tests.conftest import ROOT, SAMPLES, languagetool_pids


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_standing_server_serves_runs_and_stops_on_sigterm(tmp_path):
    port = _free_port()
    before = languagetool_pids()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jobs.cli", "languagetool", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        ready = proc.stdout.readline()  # printed once the server is up and warmed
        assert f"http://127.0.0.1:{port}/" in ready
        standing = languagetool_pids(parent=proc.pid)
        assert len(standing) == 1

        out = tmp_path / "ranking.csv"
        url = f"http://127.0.0.1:{port}/"
        code = main(["run", str(SAMPLES), "--output", str(out), "--languagetool-url", url, "--quiet"])
        assert code == EXIT_OK
        frame = pd.read_csv(out)
        assert (frame["status"] == "ok").all()
        assert frame["grammar_errors"].sum() > 0  # the samples have planted grammar errors
        assert languagetool_pids() - before == standing  # the run started no Java of its own
    finally:
        proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == EXIT_OK  # SIGTERM is how a service is stopped
    assert not languagetool_pids() & standing
