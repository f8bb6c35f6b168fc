"""Grammar scorer: LanguageTool matches other than spelling.

The job owns the server (`scoring.languagetool_server`); this module talks to it through
language-tool-python in remote mode. Long bodies are sent in paragraph-aligned chunks of at
most `chunk_chars` characters and the match offsets mapped back to the body.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator

import language_tool_python
import requests
from language_tool_python.exceptions import LanguageToolError as _LibraryError
from language_tool_python.match import Match

from scoring.errors import LanguageToolError
from scoring.records import GrammarIssue, GrammarResult, Span
from scoring.settings import LanguageToolSettings

# language-tool-python 3.4.0 keeps a class-level cache in Match.__init__ (the previous text and
# its 4-byte character positions), so Match objects must not be built from two threads at once.
_MATCH_LOCK = threading.Lock()

# Bypass any proxy from the environment: the server is on loopback or a configured URL.
_NO_PROXY = {"http": None, "https": None}

SPELLING_CATEGORY = "TYPOS"


class LanguageToolClient(language_tool_python.LanguageTool):
    """language-tool-python's client in remote mode, safe to share between threads.

    Its constructor asks the server for its languages, so build it only once the server is up.
    """

    def __init__(self, url: str, settings: LanguageToolSettings) -> None:
        super().__init__(language=settings.language, remote_server=url, proxies=_NO_PROXY)
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
