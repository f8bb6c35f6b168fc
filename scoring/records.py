"""Typed records that flow between the job's stages: one `Article` in, one `ArticleScores` out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field


def _sorted_counts(keys: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(keys).items()))


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, parsed.

    `body` is the text that is scored: the optional `date …` line and title line are removed.
    `content_hash` is the SHA-256 of the file's bytes (hex), stable across runs and machines.
    """

    article_id: str
    path: str
    title: str
    date: dt.date | None
    section: str
    body: str
    content_hash: str
    notes: tuple[str, ...] = ()  # warnings about the input, e.g. "html_stripped"


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that could not be read or parsed; it still gets a row in the output."""

    article_id: str
    path: str
    reason: str  # short stable code, e.g. "not_utf8", "unreadable", "empty"
    message: str


@dataclass(frozen=True, slots=True)
class Span:
    """A character span [start, end) in `Article.body` (Python str indices)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GrammarIssue:
    """One LanguageTool match: rule id, category id, the matched text and its span in the body."""

    rule_id: str
    category: str
    text: str
    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class GrammarResult:
    """LanguageTool's verdict on one article.

    `issues` are the grammar/style matches that count as errors (ignored categories removed);
    `spelling` are the spans LanguageTool's speller flagged (category TYPOS), kept as one
    signal for the garbled-token detector, not counted as grammar errors.
    """

    issues: tuple[GrammarIssue, ...]
    spelling: tuple[Span, ...]

    @property
    def error_count(self) -> int:
        return len(self.issues)

    def counts_by_category(self) -> dict[str, int]:
        """Issues per LanguageTool category, sorted by category."""
        return _sorted_counts(issue.category for issue in self.issues)


@dataclass(frozen=True, slots=True)
class GarbledToken:
    """A token judged garbled: its surface text, span in the body and a stable reason code."""

    token: str
    span: Span
    reason: str


@dataclass(frozen=True, slots=True)
class GarbledResult:
    tokens: tuple[GarbledToken, ...]

    @property
    def count(self) -> int:
        return len(self.tokens)

    def counts_by_reason(self) -> dict[str, int]:
        """Tokens per reason code, sorted by reason."""
        return _sorted_counts(tok.reason for tok in self.tokens)


@dataclass(frozen=True, slots=True)
class ReadabilityResult:
    """textstat metrics. For an empty body every metric is 0.0 and the counts are 0."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    dale_chall: float
    words: int
    sentences: int


@dataclass(frozen=True, slots=True)
class QualityScore:
    """The combined score and its components, each in [0, 100], higher is cleaner."""

    quality: float
    grammar: float
    garbled: float
    readability: float


@dataclass(frozen=True, slots=True)
class ArticleScores:
    """Everything measured for one article. A scorer that is switched off leaves its field None."""

    article: Article
    words: int
    grammar: GrammarResult | None = None  # the issues; spelling spans are the garbled scorer's input
    garbled: GarbledResult | None = None
    readability: ReadabilityResult | None = None
    quality: QualityScore | None = None


@dataclass(frozen=True, slots=True)
class RankedArticle:
    """An article's scores placed in its story."""

    scores: ArticleScores
    story_id: str
    story_size: int
    rank_in_story: int
    is_cleanest: bool


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles that are versions of one story (members sorted by article_id)."""

    story_id: str
    members: tuple[str, ...] = field(default_factory=tuple)
