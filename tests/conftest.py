"""Shared fixtures. Unit tests need no Java; tests marked `languagetool` share one real
LanguageTool server, started once per test session from the jars `make test` provisions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from scoring.lexicon import Lexicon
from scoring.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles"
SEEDS = ROOT.parent / "shared" / "seeds"


def languagetool_pids(parent: int | None = None) -> set[int]:
    """Pids of live LanguageTool servers started from this checkout's jars (other checkouts'
    servers on the machine are ignored), optionally only the children of `parent`."""
    jars = str(ROOT / ".cache" / "languagetool" / "jars").encode()
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            state, ppid = stat[0], int(stat[1])
            if b"org.languagetool.server.HTTPServer" not in cmdline or jars not in cmdline or state == "Z":
                continue
            if parent is None or ppid == parent:
                pids.add(int(entry.name))
    return pids


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="session")
def expected_samples() -> dict:
    return json.loads((SAMPLES / "EXPECTED.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not list(SEEDS.glob("000_*.txt")):
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture(scope="session")
def languagetool(settings: Settings) -> Iterator[object]:
    """(server, client) for the real LanguageTool server, shared by the session."""
    from scoring.grammar import LanguageToolClient
    from scoring.languagetool_server import LanguageToolServer

    with LanguageToolServer(settings.languagetool) as server:
        yield server, LanguageToolClient(server.url, settings.languagetool)
