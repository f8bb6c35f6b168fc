"""Write step: the ranked CSV (one row per input file), the errors CSV and the run summary, each
written atomically (temp file + rename), so a crash never leaves a partial file in place of a
good one. Text cells that a spreadsheet would evaluate as a formula are neutralised."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import pandas as pd

from scoring.combined import per_100_words
from scoring.garbled import format_tokens
from scoring.grammar import top_issues
from scoring.records import InputFailure, RankedArticle

COLUMNS = [
    "article_id",
    "path",
    "title",
    "date",
    "section",
    "story_id",
    "story_size",
    "rank_in_story",
    "is_cleanest",
    "quality_score",
    "grammar_score",
    "garbled_score",
    "readability_score",
    "grammar_errors",
    "grammar_errors_per_100_words",
    "grammar_errors_by_category",
    "top_grammar_issues",
    "garbled_token_count",
    "garbled_tokens_per_100_words",
    "garbled_by_reason",
    "garbled_tokens",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "dale_chall",
    "word_count",
    "sentence_count",
    "status",
    "error",
    "notes",
]
ERROR_COLUMNS = ["path", "article_id", "reason", "message"]
# A cell starting with one of these is a formula to Excel and LibreOffice ("=HYPERLINK(...)").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_INT_COLUMNS = ["story_size", "rank_in_story", "grammar_errors", "garbled_token_count", "word_count", "sentence_count"]


def _counts(counts: dict[str, int]) -> str:
    return "; ".join(f"{k}={v}" for k, v in counts.items())


def ranked_row(r: RankedArticle, top_issue_count: int) -> dict[str, object]:
    s = r.scores
    a = s.article
    row: dict[str, object] = {
        "article_id": a.article_id,
        "path": a.path,
        "title": a.title,
        "date": a.date.isoformat() if a.date else "",
        "section": a.section,
        "story_id": r.story_id,
        "story_size": r.story_size,
        "rank_in_story": r.rank_in_story,
        "is_cleanest": r.is_cleanest,
        "word_count": s.words,
        "status": "ok",
        "error": "",
        "notes": "; ".join(a.notes),
    }
    if s.quality:
        row.update(
            quality_score=s.quality.quality,
            grammar_score=s.quality.grammar,
            garbled_score=s.quality.garbled,
            readability_score=s.quality.readability,
        )
    if s.grammar:
        row.update(
            grammar_errors=s.grammar.error_count,
            grammar_errors_per_100_words=round(per_100_words(s.grammar.error_count, s.words), 3),
            grammar_errors_by_category=_counts(s.grammar.counts_by_category()),
            top_grammar_issues=top_issues(s.grammar, top_issue_count),
        )
    if s.garbled:
        row.update(
            garbled_token_count=s.garbled.count,
            garbled_tokens_per_100_words=round(per_100_words(s.garbled.count, s.words), 3),
            garbled_by_reason=_counts(s.garbled.counts_by_reason()),
            garbled_tokens=format_tokens(s.garbled),
        )
    if s.readability:
        rd = s.readability
        row.update(
            flesch_reading_ease=round(rd.flesch_reading_ease, 2),
            flesch_kincaid_grade=round(rd.flesch_kincaid_grade, 2),
            gunning_fog=round(rd.gunning_fog, 2),
            smog_index=round(rd.smog_index, 2),
            dale_chall=round(rd.dale_chall, 2),
            sentence_count=rd.sentences,
        )
    return row


def failure_row(f: InputFailure) -> dict[str, object]:
    return {
        "article_id": f.article_id,
        "path": f.path,
        "is_cleanest": False,
        "status": "error",
        "error": f"{f.reason}: {f.message}",
    }


def neutralise(value: object) -> object:
    """Prefix a text cell that starts like a formula with an apostrophe, so no spreadsheet
    evaluates it (OWASP CSV injection advice). Numbers and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _safe(frame: pd.DataFrame) -> pd.DataFrame:
    for col in frame.columns:
        if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
            frame[col] = frame[col].map(neutralise)
    return frame


def to_frame(ranked: Sequence[RankedArticle], failures: Sequence[InputFailure], top_issue_count: int) -> pd.DataFrame:
    """Rows sorted by story then rank; failed inputs last, by path."""
    rows = [ranked_row(r, top_issue_count) for r in ranked]
    rows += [failure_row(f) for f in sorted(failures, key=lambda f: f.path)]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for col in _INT_COLUMNS:
        frame[col] = frame[col].astype("Int64")
    frame["is_cleanest"] = frame["is_cleanest"].astype(bool)
    return _safe(frame)


def errors_frame(failures: Sequence[InputFailure]) -> pd.DataFrame:
    """One row per failed file: path, article id, reason code, message."""
    rows = [
        {"path": f.path, "article_id": f.article_id, "reason": f.reason, "message": f.message}
        for f in sorted(failures, key=lambda f: f.path)
    ]
    return _safe(pd.DataFrame(rows, columns=ERROR_COLUMNS))


@contextlib.contextmanager
def _atomic(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """A file handle on a temp file beside `path` that replaces `path` (atomic rename) when the
    block ends normally; on an error the temp file is removed and `path` is left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline="" if encoding else None) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp creates 0600; reports are for people to read
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _to_csv(frame: pd.DataFrame, fh: IO, header: bool = True) -> None:
    frame.to_csv(fh, index=False, header=header, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")


def write_atomic(path: Path, frame: pd.DataFrame, excel_bom: bool = False) -> None:
    """Write `frame` as CSV to `path` via a temp file in the same folder and an atomic rename.
    UTF-8 (with a byte-order mark when `excel_bom`), text cells quoted as needed, '\\n' rows."""
    with _atomic(path, encoding="utf-8-sig" if excel_bom else "utf-8") as fh:
        _to_csv(frame, fh)


class ChunkedCsv:
    """A CSV written a frame at a time, after its header row (see `write_chunked_atomic`)."""

    def __init__(self, fh: IO) -> None:
        self._fh = fh
        self.rows = 0

    def write(self, frame: pd.DataFrame) -> None:
        """Append `frame`'s rows (its columns must be `COLUMNS`, in order)."""
        if list(frame.columns) != COLUMNS:
            raise ValueError("a chunk of the ranked CSV must have exactly its columns, in order")
        _to_csv(frame, self._fh, header=False)
        self.rows += len(frame)


@contextlib.contextmanager
def write_chunked_atomic(path: Path, excel_bom: bool = False) -> Iterator[ChunkedCsv]:
    """The ranked CSV at `path`, written a chunk of rows at a time (the same bytes as one
    `write_atomic` of all the rows), so a run need not hold every row at once. Atomic as
    `write_atomic`: the file appears when the block ends normally, never a partial one."""
    with _atomic(path, encoding="utf-8-sig" if excel_bom else "utf-8") as fh:
        _to_csv(pd.DataFrame(columns=COLUMNS), fh)
        yield ChunkedCsv(fh)


def copy_atomic(source: Path, path: Path) -> None:
    """Copy `source` to `path` byte for byte, atomically."""
    with _atomic(path, mode="wb", encoding=None) as out, source.open("rb") as src:
        shutil.copyfileobj(src, out)


def write_json_atomic(path: Path, data: dict) -> None:
    """Write `data` as indented JSON, atomically."""
    with _atomic(path) as fh:
        fh.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
