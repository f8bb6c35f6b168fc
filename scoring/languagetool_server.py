"""The LanguageTool HTTP server process that the job owns: started once, on 127.0.0.1, on a free
port; health-checked, warmed up, restarted on demand, and stopped on exit (also on errors,
Ctrl-C and SIGTERM, which the job turns into an exception)."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from scoring.errors import LanguageToolError
from scoring.java_runtime import JavaRuntime, aot_cache_file, find_java
from scoring.settings import LanguageToolSettings

log = logging.getLogger(__name__)

_MAIN_CLASS = "org.languagetool.server.HTTPServer"
_WARM_UP_TEXT = "This are a warm-up sentence for the the server, wich checks it's rules."
_STOP_GRACE_S = 10.0  # SIGTERM to SIGKILL for a server that records no AOT cache
_AOT_DUMP_GRACE_S = 120.0  # writing the AOT cache at exit took 8-9 s here (a child JVM assembles it)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_properties(settings: LanguageToolSettings) -> str:
    """The server.properties text for `settings`; each line is a measured or documented choice."""
    return "\n".join(
        [
            # Checks run in this many server threads; CPU-bound, so one per core.
            f"maxCheckThreads={settings.max_check_threads}",
            # Reuse analysis pipelines between requests instead of building one per request.
            # (pipelinePrewarming is off: it prewarms de-DE too, absent from the English-only set.)
            "pipelineCaching=true",
            f"maxPipelinePoolSize={max(settings.max_check_threads, settings.client_threads) * 2}",
            "pipelineExpireTimeInSeconds=86400",
            # Cache the results of this many sentences: versions of a story, sent one after
            # another (pipeline.in_story_order), share sentences. Measured by bench.tuning.
            "cacheSize=2000",
            # Requests wait in the queue rather than being refused while all threads are busy.
            "maxWorkQueueSize=10000",
            # The job chunks long texts itself; this is only a guard.
            "maxTextLength=200000",
            f"maxCheckTimeMillis={int(settings.request_timeout_s * 1000)}",
            "",
        ]
    )


def aot_cache_path(settings: LanguageToolSettings, java: JavaRuntime) -> Path | None:
    """Where the server's AOT cache for `java` and the jars lives (it may not exist yet), or None
    when none is used (`aot_cache` off, or a Java older than 25)."""
    if not (settings.aot_cache and java.supports_aot_cache):
        return None
    jars = Path(settings.jars_dir)
    folder = Path(settings.aot_cache_dir) if settings.aot_cache_dir else jars / "aot"
    return aot_cache_file(folder, java, jars.glob("*.jar"))


def _get(url: str, timeout: float) -> bytes:
    # Loopback only: bypass any proxy from the environment.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=timeout) as resp:
        return resp.read()


class LanguageToolServer:
    """A LanguageTool server on 127.0.0.1, or a configured external server URL.

    Use as a context manager: `with LanguageToolServer(settings) as server: server.url`.
    Nothing happens in the constructor; `start()` launches Java, `stop()` ends it. With
    `settings.url` set, no process is started and `url` is that server.
    """

    def __init__(
        self,
        settings: LanguageToolSettings,
        port: int | None = None,
        *,
        properties: Callable[[LanguageToolSettings], str] = server_properties,
        record_aot_cache: bool = False,
        java_options: Sequence[str] = (),
    ) -> None:
        self._settings = settings
        self._port = port  # None: any free port
        self._properties = properties  # the server.properties text (bench.tuning varies it)
        self._process: subprocess.Popen[bytes] | None = None
        self._workdir: Path | None = None
        self._url: str | None = settings.url.rstrip("/") + "/" if settings.url else None
        self._java: JavaRuntime | None = None  # found at the first launch
        self._record_aot = record_aot_cache  # record an AOT cache when none exists (java_runtime)
        self._java_options = tuple(java_options)  # more JVM options (bench.tuning varies them)
        self._recording: tuple[Path, Path] | None = None  # (file the JVM writes, its final name)
        self.restarts = 0
        # Guards launching and stopping: a restart from a worker thread racing the job's stop()
        # (on SIGTERM) must not leave a new Java process behind.
        self._lock = threading.Lock()
        self._stopped = False

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> LanguageToolServer:
        # __exit__ does not run when __enter__ raises (e.g. SIGTERM while Java starts): clean up here.
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """Base URL of the server, ending in '/' (the client appends 'v2/…')."""
        if self._url is None:
            raise LanguageToolError("LanguageTool server is not running")
        return self._url

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    @property
    def running(self) -> bool:
        """True while our own Java process is alive."""
        return self._process is not None and self._process.poll() is None

    @property
    def owns_process(self) -> bool:
        return not self._settings.url

    def start(self) -> None:
        """Start (or, for an external URL, just reach) the server, then warm it up. Safe to run
        in a background thread while the job does other work; once `stop()` has been called the
        server stays stopped (a start racing the stop raises LanguageToolError, launching nothing)."""
        self._start()

    def _start(self) -> None:
        if self.owns_process:
            self._launch()
        self._wait_until_healthy()
        self._warm_up()

    def restart(self) -> None:
        """Kill and relaunch our own server (after a crash or hang)."""
        if not self.owns_process:
            self._wait_until_healthy()
            return
        log.warning("restarting LanguageTool server")
        self.restarts += 1
        self._terminate(_STOP_GRACE_S)
        self._finish_recording(keep=False)  # a crashed or hung JVM's recording is not trusted
        self._start()

    def stop(self, *, keep_recording: bool = True) -> None:
        """Stop our server process and remove its working folder. Safe to call twice; a restart
        racing it (from another thread) will not launch a new process. A server recording an AOT
        cache writes it as it exits (about 10 s); `keep_recording=False` (an interrupted run)
        stops it at once and drops the recording."""
        with self._lock:
            self._stopped = True
        keep = keep_recording and self._recording is not None
        ended_by_itself = self._terminate(_AOT_DUMP_GRACE_S if keep else _STOP_GRACE_S)
        self._finish_recording(keep and ended_by_itself)  # a JVM killed while writing leaves half a file
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None
        if self.owns_process:
            self._url = None

    # -- internals ---------------------------------------------------------------------------
    def _launch(self) -> None:
        s = self._settings
        jars = Path(s.jars_dir)
        if not any(jars.glob("languagetool-server-*.jar")):
            raise LanguageToolError(
                f"LanguageTool jars not found in {jars}; run `make languagetool` to fetch them from Maven Central"
            )
        if self._java is None:
            self._java = find_java(s.java)
            log.info("LanguageTool runs on Java %s (%s)", self._java.version, self._java.executable)
        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix="textquality-lt-"))
        props = self._workdir / "server.properties"
        props.write_text(self._properties(s), encoding="utf-8")
        port = self._port or _free_port()
        cmd = [
            self._java.executable,
            f"-Xmx{s.heap_mb}m",
            # The Parallel collector, not G1 (the JVM's default): a batch server wants throughput,
            # not short pauses. Over 300 articles G1 spent 9-37 CPU-s collecting, Parallel 2.2-2.5
            # (bench.tuning `g1_gc`, BENCHMARKS.md). An AOT cache recorded under either GC serves both.
            "-XX:+UseParallelGC",
            *self._aot_options(),
            *self._java_options,
            "-Djava.net.preferIPv4Stack=true",
            "-cp",
            f"{jars}/*",
            _MAIN_CLASS,
            "--port",
            str(port),
            "--config",
            str(props),
        ]
        logfile = (self._workdir / "server.log").open("ab")
        try:
            with self._lock:
                if self._stopped:
                    raise LanguageToolError("LanguageTool server was stopped; not starting it again")
                # Own process group: a Ctrl-C in the terminal reaches the job, which stops the server.
                self._process = subprocess.Popen(
                    cmd, stdout=logfile, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
                )
        finally:
            logfile.close()
        self._url = f"http://127.0.0.1:{port}/"
        log.info("LanguageTool server starting on 127.0.0.1:%d (pid %d)", port, self._process.pid)

    def _aot_options(self) -> list[str]:
        """Start from the AOT cache for this Java and these jars, or record one when asked to."""
        final = aot_cache_path(self._settings, self._java) if self._java is not None else None
        if final is None:
            return []
        if final.is_file():
            log.info("LanguageTool starts from the AOT cache %s", final)
            return [f"-XX:AOTCache={final}"]
        if not self._record_aot:
            return []
        folder = final.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not os.access(folder, os.W_OK):  # Java would find out only as it stops
                raise PermissionError(f"cannot write to {folder}")
        except OSError as exc:
            log.warning("not recording an AOT cache for LanguageTool: %s", exc)
            return []
        self._recording = (folder / f".recording-{os.getpid()}-{final.name}", final)
        log.info("LanguageTool records an AOT cache this run (written as it stops, about 10 s): %s", final)
        return [f"-XX:AOTCacheOutput={self._recording[0]}"]

    def _finish_recording(self, keep: bool) -> None:
        """Move a complete recording to its final name (atomically), or drop it."""
        if self._recording is None:
            return
        written, final = self._recording
        self._recording = None
        if keep and written.is_file() and written.stat().st_size > 0:
            os.replace(written, final)
            log.info("recorded the AOT cache %s (%.0f MB)", final, final.stat().st_size / 1e6)
            return
        for path in (written, written.with_name(written.name + ".config")):
            path.unlink(missing_ok=True)
        if keep:
            log.warning("LanguageTool wrote no AOT cache as it stopped; see its log: %s", self._log_tail())

    def _log_tail(self, lines: int = 5) -> str:
        if self._workdir is None or not (self._workdir / "server.log").exists():
            return ""
        text = (self._workdir / "server.log").read_text(encoding="utf-8", errors="replace")
        useful = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith(("at ", "..."))]
        return " | ".join(useful[-lines:])

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + self._settings.startup_timeout_s
        url = self.url + "v2/languages"
        last_error = ""
        while time.monotonic() < deadline:
            self._raise_if_stopped()
            if self._process is not None and self._process.poll() is not None:
                raise LanguageToolError(
                    f"LanguageTool server exited with code {self._process.returncode}: {self._log_tail()}"
                )
            try:
                if b"en-US" in _get(url, timeout=5):
                    return
                last_error = "server does not list en-US"
            except (urllib.error.URLError, OSError) as exc:
                last_error = str(exc)
            time.sleep(0.25)
        self._terminate()
        raise LanguageToolError(
            f"LanguageTool server at {self.url} not healthy after {self._settings.startup_timeout_s:.0f} s: "
            f"{last_error}"
        )

    def _warm_up(self) -> None:
        """Small checks until one succeeds, so the first real request does not pay for loading
        the rules (a fresh server may refuse the very first one while it initialises)."""
        data = urllib.parse.urlencode({"language": self._settings.language, "text": _WARM_UP_TEXT}).encode()
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        started = time.monotonic()
        last: Exception | None = None
        for attempt in range(5):
            self._raise_if_stopped()
            try:
                with opener.open(self.url + "v2/check", data=data, timeout=self._settings.startup_timeout_s) as r:
                    r.read()
                log.info("LanguageTool warm-up took %.1f s", time.monotonic() - started)
                return
            except (urllib.error.URLError, OSError) as exc:
                last = exc
                log.warning("LanguageTool warm-up try %d failed: %s", attempt + 1, exc)
                time.sleep(1.0)
        raise LanguageToolError(f"LanguageTool warm-up request failed: {last}; server log: {self._log_tail()}")

    def _raise_if_stopped(self) -> None:
        # a start in a background thread ends as soon as the job stops the server
        if self._stopped:
            raise LanguageToolError("LanguageTool server was stopped while starting")

    def _terminate(self, grace: float = _STOP_GRACE_S) -> bool:
        """End our process: SIGTERM, then SIGKILL after `grace` seconds. True when it ended by
        itself (or had already), False when it had to be killed."""
        with self._lock:
            proc, self._process = self._process, None
        if proc is None or proc.poll() is not None:
            return True
        proc.terminate()
        try:
            proc.wait(timeout=grace)
            return True
        except subprocess.TimeoutExpired:
            # the whole process group: a JVM writing its AOT cache has a child JVM assembling it
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
            return False
