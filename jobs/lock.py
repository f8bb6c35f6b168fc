"""One run at a time per report folder (or output file): an exclusive `flock` on a lock file.

The kernel drops the lock when its process dies, so a lock left by a killed run is simply
taken over by the next one (which logs it). The lock file holds the owner's pid for messages.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from pathlib import Path
from types import TracebackType

from scoring.errors import AlreadyRunning

log = logging.getLogger(__name__)


class RunLock:
    """Exclusive lock on `path`; raises AlreadyRunning when another live process holds it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise AlreadyRunning(f"another textquality run (pid {owner}) is already using {self.path.parent}") from None
        previous = os.pread(fd, 32, 0).decode(errors="replace").strip()
        if previous:
            log.warning("taking over a stale lock left by pid %s (no longer running)", previous)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None
