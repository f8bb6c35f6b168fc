"""Read step: a folder of article files → `Article` records, and an `InputFailure` (with a
stable reason code) for every file that cannot be used. No file silently disappears."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from scoring.errors import InputError
from scoring.records import Article, InputFailure
from scoring.settings import InputSettings

log = logging.getLogger(__name__)

_DATE_LINE = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*?))?\s*$", re.IGNORECASE)
_TITLE_MAX_WORDS = 25
_SENTENCE_END = tuple('.!?"”’…')


def list_inputs(folder: Path, settings: InputSettings) -> list[Path]:
    """Article files under `folder` (recursively) with a configured ending, sorted by path.
    Other files are skipped with a log line."""
    wanted = {e.lower() for e in settings.extensions}
    found: list[Path] = []
    for path in sorted(folder.rglob("*")):
        if path.is_dir():
            continue
        if path.suffix.lower() in wanted:
            found.append(path)
        else:
            log.info("skipping %s: not an article file (endings read: %s)", path, ", ".join(sorted(wanted)))
    return found


def article_id_for(path: Path, root: Path) -> str:
    """The article's id: its path below the input folder, without the file ending."""
    return path.relative_to(root).with_suffix("").as_posix()


def parse_article(text: str, article_id: str, path: str, content_hash: str) -> Article:
    """Split an optional `date YYYY-MM-DD Section` line and an optional title line off `text`.

    A title is a first content line of at most 25 words that does not end like a sentence and
    is followed by more text. Raises InputError("empty") when no text is left.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    date: dt.date | None = None
    section = ""
    if i < len(lines) and (m := _DATE_LINE.match(lines[i].strip())):
        try:
            date = dt.date.fromisoformat(m.group(1))
        except ValueError as exc:
            raise InputError("bad_date", f"date line has an invalid date: {m.group(1)}") from exc
        section = (m.group(2) or "").strip()
        i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
    title = ""
    if i < len(lines):
        first = lines[i].strip()
        rest = "\n".join(lines[i + 1 :]).strip()
        if rest and len(first.split()) <= _TITLE_MAX_WORDS and not first.endswith(_SENTENCE_END):
            title = first
            i += 1
    body = "\n".join(line.strip() for line in lines[i:]).strip()
    if not body:
        raise InputError("empty", "no article text (file is empty or has only a header)")
    return Article(article_id, path, title, date, section, body, content_hash)


def read_article(path: Path, root: Path, settings: InputSettings) -> Article:
    """Read and parse one file. Raises InputError with a reason code:
    unreadable, too_large, binary, not_utf8, empty, bad_date."""
    article_id = article_id_for(path, root)
    shown = path.relative_to(root).as_posix()
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise InputError("too_large", f"file is {size} bytes, over the limit of {settings.max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("unreadable", f"cannot read file: {exc.strerror or exc}") from exc
    if b"\x00" in data:
        raise InputError("binary", "file contains NUL bytes: not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("not_utf8", f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}") from exc
    return parse_article(text, article_id, shown, hashlib.sha256(data).hexdigest())


def read_inputs(folder: Path, settings: InputSettings) -> Iterator[Article | InputFailure]:
    """Every article file under `folder`, as an Article or an InputFailure, in path order."""
    for path in list_inputs(folder, settings):
        try:
            yield read_article(path, folder, settings)
        except InputError as exc:
            shown = path.relative_to(folder).as_posix()
            log.warning("input error in %s: %s (%s)", shown, exc.message, exc.reason)
            yield InputFailure(article_id_for(path, folder), shown, exc.reason, exc.message)
