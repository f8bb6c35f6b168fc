"""The job opens no socket except to the LanguageTool server on loopback."""

from __future__ import annotations

import ipaddress
import shutil
import socket
import subprocess
import sys

import pandas as pd
import pytest

from jobs.cli import main
from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.languagetool


def _loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else str(address)
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def test_whole_job_with_a_socket_guard(tmp_path, monkeypatch):
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address):
            attempts.append(address)
            raise OSError(f"network access blocked in this test: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    out = tmp_path / "ranking.csv"
    assert main(["run", str(folder), "--output", str(out), "--quiet"]) == 0
    assert attempts == []
    assert (pd.read_csv(out)["status"] == "ok").all()


@pytest.mark.skipif(shutil.which("unshare") is None or shutil.which("ip") is None, reason="needs unshare and ip")
def test_whole_job_in_a_network_namespace_with_only_loopback(tmp_path):
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("unshare -n is not permitted here")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("port-strike_a.txt", "port-strike_b.txt", "valley-honey_a.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    out = tmp_path / "ranking.csv"
    script = f"ip link set lo up && exec {sys.executable} -m jobs.cli run {folder} --output {out} --quiet"
    proc = subprocess.run(["unshare", "-n", "sh", "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    frame = pd.read_csv(out)
    assert len(frame) == 3 and (frame["status"] == "ok").all()
