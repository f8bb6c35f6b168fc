"""Where article texts wait between steps, so a night of 100,000 articles does not hold every
text in memory: each body is written once to an anonymous temporary file as it is read, and read
back (one `pread`, safe from any thread) by the steps that need it. The pipeline holds a `Held`
per article: the article's record without its body, the body's key and its place in the file.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, overload

from jobs.cache import body_key
from scoring.records import Article


@dataclass(frozen=True, slots=True)
class Held:
    """One article as the job holds it: `header` is its `Article` with an empty body (id, path,
    title, date, section, notes), `key` the body's SHA-256 (hex), and `offset`/`size` the
    body's bytes (UTF-8) in the `BodyStore`."""

    header: Article
    key: str
    offset: int
    size: int

    @property
    def article_id(self) -> str:
        return self.header.article_id


class BodyStore:
    """Append-only store of article bodies in an unnamed temporary file (deleted by the system
    when closed, even when the job is killed). Use as a context manager. Each distinct body is
    written once; `body` is thread-safe."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._file: BinaryIO | None = None
        self._fd = -1
        self._end = 0
        self._where: dict[str, tuple[int, int]] = {}  # body key → (offset, size)

    def __enter__(self) -> BodyStore:
        self._file = tempfile.TemporaryFile(prefix="textquality-bodies-", dir=self._folder, buffering=0)
        self._fd = self._file.fileno()  # read and written with pread/pwrite: no shared file position
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()
            self._file, self._fd = None, -1
        self._where.clear()

    def hold(self, article: Article) -> Held:
        """Store `article`'s body (once per distinct body) and return the article without it."""
        key = body_key(article.body)
        place = self._where.get(key)
        if place is None:
            data = article.body.encode("utf-8")
            written = 0
            while written < len(data):
                written += os.pwrite(self._fd, data[written:], self._end + written)
            place = self._where[key] = (self._end, len(data))
            self._end += len(data)
        return Held(dataclasses.replace(article, body=""), key, *place)

    def body(self, held: Held) -> str:
        """The body of `held`, read back from the file."""
        data = os.pread(self._fd, held.size, held.offset)
        if len(data) != held.size:  # the file never shrinks; a short read means it was damaged
            raise OSError(f"body store: read {len(data)} of {held.size} bytes at offset {held.offset}")
        return data.decode("utf-8")

    def article(self, held: Held) -> Article:
        """The full `Article` of `held`, with its body."""
        return dataclasses.replace(held.header, body=self.body(held))

    def bodies(self, held: Sequence[Held]) -> Bodies:
        """A read-only sequence of the bodies of `held`, each read when it is asked for."""
        return Bodies(self, held)


class Bodies(Sequence[str]):
    """The bodies of a sequence of `Held` articles, read from the store on access (slices read
    only their own), so a consumer that walks them holds one batch at a time."""

    def __init__(self, store: BodyStore, held: Sequence[Held]) -> None:
        self._store = store
        self._held = held

    def __len__(self) -> int:
        return len(self._held)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self._store.body(h) for h in self._held[index]]
        return self._store.body(self._held[index])

    def __iter__(self) -> Iterator[str]:
        return (self._store.body(h) for h in self._held)
