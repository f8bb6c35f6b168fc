"""Grammar scorer: LanguageTool matches other than spelling.

The job owns the server (`scoring.languagetool_server`); this module talks to it through
language-tool-python in remote mode. Long bodies are sent in paragraph-aligned chunks of at
most `chunk_chars` characters and the match offsets mapped back to the body.
"""

from __future__ import annotations

import logging
import threading
import urllib.parse
from collections.abc import Iterator

import language_tool_python
import requests
from language_tool_python.exceptions import LanguageToolError as _LibraryError
from language_tool_python.match import Match

from scoring.errors import LanguageToolError, LanguageToolUnavailable
from scoring.languagetool_server import LanguageToolServer
from scoring.records import GrammarIssue, GrammarResult, Span
from scoring.settings import LanguageToolSettings

# language-tool-python 3.4.0 keeps a class-level cache in Match.__init__ (the previous text and
# its 4-byte character positions), so Match objects must not be built from two threads at once.
_MATCH_LOCK = threading.Lock()

# Bypass any proxy from the environment: the server is on loopback or a configured URL.
_NO_PROXY = {"http": None, "https": None}

SPELLING_CATEGORY = "TYPOS"

log = logging.getLogger(__name__)


class LanguageToolClient(language_tool_python.LanguageTool):
    """language-tool-python's client in remote mode, safe to share between threads.

    Its constructor asks the server for its languages, so build it only once the server is up.
    """

    def __init__(self, url: str, settings: LanguageToolSettings) -> None:
        try:
            super().__init__(language=settings.language, remote_server=url, proxies=_NO_PROXY)
        except (_LibraryError, requests.RequestException, OSError, ValueError) as exc:
            raise LanguageToolError(f"cannot reach LanguageTool at {url}: {exc}") from exc
        self._TIMEOUT = settings.request_timeout_s  # per request, seconds (library default: 300)
        self.disabled_rules = set(settings.disabled_rules)

    def check(self, text: str) -> list[Match]:
        """Check `text`; the HTTP request runs unlocked, only Match construction is serialised.
        Raises the project's LanguageToolError on a failed request or a malformed reply."""
        url = urllib.parse.urljoin(self._url, "check")
        try:
            response = self._query_server(url, self._create_params(text), method="post")
            with _MATCH_LOCK:
                return [Match(m, text) for m in response["matches"]]
        except (_LibraryError, requests.RequestException, OSError) as exc:
            raise LanguageToolError(f"request to {self._url} failed: {exc}") from exc
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise LanguageToolError(f"malformed reply from {self._url}: {exc!r}") from exc


def chunks(text: str, max_chars: int) -> Iterator[tuple[int, str]]:
    """Split `text` at line breaks into pieces of at most `max_chars` (a longer single line is cut
    at the last space before the limit). Yields (offset, piece); pieces concatenate to `text`."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + max_chars)
        if end < n:
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


def check_grammar(client: LanguageToolClient, text: str, settings: LanguageToolSettings) -> GrammarResult:
    """Run LanguageTool on `text`. Spelling matches (TYPOS) are returned as `spelling` spans, not
    issues; categories in `ignored_categories` are dropped. Empty text gives an empty result."""
    issues: list[GrammarIssue] = []
    spelling: list[Span] = []
    ignored = set(settings.ignored_categories)
    for offset, piece in chunks(text, settings.chunk_chars):
        if not piece.strip():
            continue
        for m in client.check(piece):
            span = Span(offset + m.offset, offset + m.offset + m.error_length)
            if m.category == SPELLING_CATEGORY:
                spelling.append(span)
            if m.category in ignored:
                continue
            issues.append(GrammarIssue(m.rule_id, m.category, text[span.start : span.end], span, m.message))
    return GrammarResult(tuple(issues), tuple(spelling))


def top_issues(result: GrammarResult, limit: int) -> str:
    """The first `limit` issues as `RULE_ID: "matched text"`, joined by ' | ' (one CSV cell)."""
    parts = []
    for issue in result.issues[:limit]:
        snippet = " ".join(issue.text.split())[:40]
        parts.append(f'{issue.rule_id}: "{snippet}"')
    return " | ".join(parts)


class GrammarChecker:
    """Checks texts on the job's LanguageTool server, surviving its crashes and hangs.

    A failed request (connection refused, timeout, garbage reply) makes the first thread that
    sees it restart the server; requests that failed on the old server are sent again to the
    new one. After `max_attempts` tries a text's check fails (LanguageToolError: that article
    gets an error row); after `max_restarts` restarts LanguageTool counts as down
    (LanguageToolUnavailable: the run stops). Thread-safe. `open()` once the server is up.
    """

    def __init__(self, server: LanguageToolServer, settings: LanguageToolSettings) -> None:
        self._server = server
        self._settings = settings
        self._lock = threading.Lock()
        self._client: LanguageToolClient | None = None
        self._generation = 0
        self.restarts = 0

    def open(self) -> GrammarChecker:
        self._client = LanguageToolClient(self._server.url, self._settings)
        return self

    def check(self, text: str) -> GrammarResult:
        last: LanguageToolError | None = None
        for _attempt in range(self._settings.max_attempts):
            generation, client = self._generation, self._client
            if client is None:
                raise LanguageToolError("GrammarChecker is not open")
            try:
                return check_grammar(client, text, self._settings)
            except LanguageToolError as exc:
                last = exc
                self._recover(generation, exc)
        raise LanguageToolError(f"gave up after {self._settings.max_attempts} tries: {last}")

    def _recover(self, generation: int, exc: LanguageToolError) -> None:
        with self._lock:
            if generation != self._generation:
                return  # another thread restarted the server already
            if self.restarts >= self._settings.max_restarts:
                raise LanguageToolUnavailable(
                    f"LanguageTool keeps failing after {self.restarts} restarts; last error: {exc}"
                ) from exc
            log.warning("LanguageTool request failed (%s); restarting the server", exc)
            self.restarts += 1
            try:
                self._server.restart()
                self._client = LanguageToolClient(self._server.url, self._settings)
            except LanguageToolError as restart_error:
                raise LanguageToolUnavailable(f"LanguageTool could not be restarted: {restart_error}") from exc
            finally:
                self._generation += 1
