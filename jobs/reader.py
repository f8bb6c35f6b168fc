"""Read step: a folder of article files → `Article` records, and an `InputFailure` (with a
stable reason code) for every file that cannot be used. No file silently disappears."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html.parser
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
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<p[ >]|<div|<h1)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# The most common English words: in English news prose they make up 35-50% of all words, in
# French, Spanish, German or Indonesian text under 5%.
_ENGLISH_COMMON = frozenset(
    """the of and to a in is was for on that with as by at from his her it are were be has have had
    not but this which said will would their they he she its an or who been after also more than""".split()
)
_BLOCK_TAGS = frozenset("p div br h1 h2 h3 h4 h5 h6 li tr article section header footer title blockquote".split())
_SKIP_TAGS = frozenset(["script", "style", "noscript", "template", "head"])


class _HTMLText(html.parser.HTMLParser):
    """Text of an HTML page: block elements become lines; script and style are dropped;
    the <title> (or the first <h1>) becomes the title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        self._in_title |= tag == "title"
        self._in_h1 |= tag == "h1"
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title or (self._in_h1 and not self.title):
            self.title = self.title or " ".join(data.split())
            if self._in_title:
                return
        if self._in_h1:
            return
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """(title, text) of an HTML document; paragraphs become lines."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return parser.title, "\n".join(line for line in lines if line)


def _english_words(text: str) -> tuple[int, float]:
    """Words in `text`, and the share of them that are among the most common English words
    (0.0 for no words), from one pass."""
    words = _WORD.findall(text.lower())
    return len(words), (sum(map(_ENGLISH_COMMON.__contains__, words)) / len(words) if words else 0.0)


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


def _check_language(article: Article, settings: InputSettings) -> None:
    words, share = _english_words(article.body)
    if words >= 20 and share < settings.min_english_share:
        raise InputError(
            "not_english",
            f"does not look like English: {share:.0%} of {words} words are common English words (English news: 35-50%)",
        )


def read_article(path: Path, root: Path, settings: InputSettings) -> Article:
    """Read and parse one file. HTML files are accepted with their tags stripped (note
    `html_stripped`). Raises InputError with a reason code: unreadable, too_large, binary,
    not_utf8, empty, bad_date, not_english."""
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
    content_hash = hashlib.sha256(data).hexdigest()
    if _HTML_START.match(text):
        # HTML is accepted: tags are stripped, the <title> or first <h1> becomes the title
        title, plain = html_to_text(text)
        article = parse_article(plain, article_id, shown, content_hash)
        article = dataclasses.replace(article, title=title or article.title, notes=("html_stripped",))
    else:
        article = parse_article(text, article_id, shown, content_hash)
    _check_language(article, settings)
    return article


def read_inputs(folder: Path, settings: InputSettings) -> Iterator[Article | InputFailure]:
    """Every article file under `folder`, as an Article or an InputFailure, in path order."""
    for path in list_inputs(folder, settings):
        try:
            yield read_article(path, folder, settings)
        except InputError as exc:
            shown = path.relative_to(folder).as_posix()
            log.warning("input error in %s: %s (%s)", shown, exc.message, exc.reason)
            yield InputFailure(article_id_for(path, folder), shown, exc.reason, exc.message)
