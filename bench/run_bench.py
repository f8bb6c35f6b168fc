"""Throughput benchmark of the textquality job, all measured in one run on one machine.

    python -m bench.run_bench [--n N] [--seed S] [--workdir DIR] [--skip-group-scaling]
    (from the repository root; `make bench` runs it with the defaults; about 13-15 minutes
    for the default N on an otherwise idle 2-core machine)

What is measured, on N generated articles (`bench.corpus`: 300-900 words, stories of 1-3
versions, machine-translation-style garbling):

- raw_lt_s: the floor. The same bodies sent straight to ONE LanguageTool server started like
  the job starts it (scoring.languagetool_server with the default settings), from a thread pool
  with one requests.Session per thread, at the best concurrency of 2, 3, 4 and 6. Before that
  the server is warmed up (JIT) and the concurrency picked on extra articles from another seed:
  LanguageTool answers a text it has seen before 2-3x faster, so no corpus body is sent twice.
  Server start and warm-up are reported apart.
- naive_s: what a user writes first: language_tool_python.LanguageTool('en-US',
  remote_server=...) against a LanguageTool server with default settings (no config file: no
  pipeline caching, default threads) on the `java` on PATH, one article after another, including
  that server's start.
  Only the first `naive_subset` articles are checked; the rest is extrapolated at the rate of
  the subset's second half (the JIT still speeds up later, so this may overstate naive a bit).
- aot_cache: the job's Java (languagetool.java, "auto": the newest found) and, from Java 25, its
  AOT cache as a nightly deployment has it after its first night: when it is missing, a job run
  on the floor's warm-up articles (never timed) records it before the timed runs.
- e2e_s: `textquality run CORPUS --output OUT.csv` as a subprocess, wall time, including its
  own LanguageTool start, with an empty run cache. Peak RSS of the Python process and of its
  Java child (VmHWM polled from /proc), CPU seconds of each.
- rerun_1pct_ratio: 1% new articles added to the folder, the same command run again (same
  output, so the job's run cache is used if it has one), its wall time divided by e2e_s.
- e2e_standing_s, rerun_1pct_ratio_standing: the same two runs against a LanguageTool server
  kept running between runs (`--languagetool-url`, as a service would be), started and warmed
  like the floor's server, on a fresh run cache: what a deployment with a standing server gets.
- group_s_by_n: story grouping alone (term vectors + group_stories) on 1k, 3k, 10k,
  30k and 100k generated articles, one subprocess per size, limited to 70% of RAM and a time
  limit, so a blow-up is reported (value null, reason in group_details_by_n) instead of taking
  the machine down; with its peak RSS and an upper bound of the candidate pairs it scores.

On a shared machine the numbers are only as good as the machine is idle: before each timed
stage the benchmark waits (up to 3 minutes) for other processes to use < 0.3 cores, and
reports the cores they used during each stage (other_load_cores_by_stage; > 0.15 is flagged).
CPU seconds are reported too (raw_lt_cpu_s, naive_cpu_s, e2e cpu_s) with the CPU-based ratios
ratio_e2e_vs_raw_lt_cpu and speedup_vs_naive_cpu, which other load disturbs much less.

The last line printed is one JSON object with every number; the lines before it are for people.
Every LanguageTool server the benchmark starts is stopped at the end, also on errors, Ctrl-C
and SIGTERM. Work files go to a temporary folder (or --workdir), never into the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import math
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import FrameType
from typing import Any

import psutil
import requests

from bench import corpus
from scoring.java_runtime import JavaRuntime, find_java, probe

REPO = Path(__file__).resolve().parents[1]
DEFAULT_N = 300
CONCURRENCIES = (2, 3, 4, 6)
GROUP_SIZES = (1_000, 3_000, 10_000, 30_000, 100_000)
NAIVE_SUBSET = 40
WARMUP_ARTICLES = 40
SWEEP_ARTICLES = 10
SWEEP_ORDER = (3, 6, 2, 4)
REQUIRED_KEYS = (
    "articles", "words", "e2e_s", "raw_lt_s", "naive_s", "ratio_e2e_vs_raw_lt", "speedup_vs_naive",
    "rerun_1pct_ratio", "group_s_by_n", "peak_rss_mb_python", "peak_rss_mb_lt", "machine", "date",
    "languagetool_version",
)  # fmt: skip


class Interrupted(Exception):
    """SIGTERM received: unwinds the benchmark so every server it started is stopped."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(f"received signal {signum}")


def say(msg: str) -> None:
    print(msg, flush=True)


# -- machine ---------------------------------------------------------------------------------------
def machine_info() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": cpu or platform.processor(),
        "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "java_on_path": _version_line(probe("java")),  # the naive client's server runs on it
        "os": platform.platform(),
    }


def _version_line(runtime: JavaRuntime | None) -> str:
    """The first line `java -version` printed (e.g. 'openjdk version "17.0.15" 2025-04-15'), or ""."""
    return runtime.build.splitlines()[0] if runtime is not None else ""


def prepare_aot_cache(settings: Any, seed: int, workdir: Path, logs: Path) -> dict[str, Any]:
    """The job's Java, and its AOT cache as a nightly deployment has it after its first night:
    when the cache for this Java and these jars is missing, one job run on the floor's warm-up
    articles (another seed; never timed) records it, so the timed runs start from it."""
    from scoring.languagetool_server import aot_cache_path

    runtime = find_java(settings.languagetool.java)
    out: dict[str, Any] = {"java": runtime.executable, "java_version": _version_line(runtime)}
    cache = aot_cache_path(settings.languagetool, runtime)
    if cache is None:
        out["aot_cache"] = "not used (Java older than 25, or languagetool.aot_cache off)"
        return out
    if cache.is_file():
        out["aot_cache"] = f"present: {cache.name}"
        return out
    bodies = _pre_timing_bodies(seed)[:WARMUP_ARTICLES]  # >= aot_training_bodies; all 80 took 92 s
    folder_in, out_csv = workdir / "corpus_aot", workdir / "out_aot" / "ranking.csv"
    for d in (folder_in, out_csv.parent):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    for i, body in enumerate(bodies):
        (folder_in / f"aot-{i:04d}.txt").write_text(body, encoding="utf-8")
    res = measure_e2e(folder_in, out_csv, logs, "aot_recording")
    if not cache.is_file():
        raise RuntimeError(f"the job's run on {len(bodies)} articles recorded no AOT cache {cache}")
    out["aot_cache"] = f"recorded before timing by a job run on {len(bodies)} other articles ({res['wall_s']:.0f} s)"
    return out


def languagetool_version() -> str:
    pom = (REPO / "languagetool" / "pom.xml").read_text()
    m = re.search(r"<languagetool\.version>([^<]+)</languagetool\.version>", pom)
    return m.group(1) if m else "unknown"


# -- process measurement ---------------------------------------------------------------------------
def _hwm_mb(pid: int) -> float | None:
    """Peak resident set size (VmHWM) of a live process, MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


class TreePeaks:
    """Polls the peak RSS (VmHWM, so nothing between polls is missed while a process lives) of a
    process and its descendants; Java processes are counted apart."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid = pid
        self.interval = interval
        self.root_mb = 0.0
        self.java_mb = 0.0
        self.children_mb = 0.0  # the largest other descendant (e.g. a story-grouping worker)
        self.java_pids: set[int] = set()
        self.root_cpu_s = 0.0  # CPU seconds (user + system) as last seen
        self.java_cpu_s: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreePeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.poll()
            self._stop.wait(self.interval)

    def poll(self) -> None:
        mb = _hwm_mb(self.pid)
        if mb is not None:
            self.root_mb = max(self.root_mb, mb)
        try:
            root = psutil.Process(self.pid)
            self.root_cpu_s = max(self.root_cpu_s, sum(root.cpu_times()[:2]))
            children = root.children(recursive=True)
        except psutil.Error:
            return
        for child in children:
            try:
                is_java = child.name() == "java" or "java" in Path(child.exe()).name
            except psutil.Error:
                continue
            if is_java:
                self.java_pids.add(child.pid)
                with contextlib.suppress(psutil.Error):
                    self.java_cpu_s[child.pid] = sum(child.cpu_times()[:2])
                mb = _hwm_mb(child.pid)
                if mb is not None:
                    self.java_mb = max(self.java_mb, mb)
            elif (mb := _hwm_mb(child.pid)) is not None:
                self.children_mb = max(self.children_mb, mb)


def _cpu_children_s() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _cpu_of(pid: int) -> float:
    """CPU seconds (user + system) of a live process and of this benchmark process so far."""
    own = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    try:
        return own + sum(psutil.Process(pid).cpu_times()[:2])
    except psutil.Error:
        return own


def run_measured(cmd: list[str], log: Path, timeout: float | None = None, **kw: Any) -> dict[str, Any]:
    """Run `cmd`, wall-timed, with peak RSS of it and its Java children and its CPU seconds.
    The child (and what it started) is terminated if we are interrupted or time out."""
    cpu0 = _cpu_children_s()
    started = time.perf_counter()
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL, **kw)
        timed_out = False
        try:
            with TreePeaks(proc.pid) as peaks:
                try:
                    out, _ = proc.communicate(timeout=timeout)
                except subprocess.TimeoutExpired:
                    timed_out = True
                    _stop_process(proc)
                    out, _ = proc.communicate()
        finally:
            if proc.poll() is None:
                _stop_process(proc)
    wall = time.perf_counter() - started
    cpu = _cpu_children_s() - cpu0
    return {
        "wall_s": wall,
        "returncode": proc.returncode,
        "timed_out": timed_out,
        "stdout": out.decode("utf-8", "replace"),
        "peak_rss_mb": round(peaks.root_mb, 1),
        "peak_rss_mb_java": round(peaks.java_mb, 1) if peaks.java_pids else None,
        "peak_rss_mb_children": round(peaks.children_mb, 1),  # largest non-Java descendant
        "java_processes": len(peaks.java_pids),
        "cpu_s": round(cpu, 1),
        "cpu_s_python": round(peaks.root_cpu_s, 1),  # the command's own process, as last polled
        "cpu_s_java": round(sum(peaks.java_cpu_s.values()), 1) if peaks.java_pids else None,
    }


def _stop_process(proc: subprocess.Popen[bytes], grace: float = 30.0) -> None:
    """SIGTERM (the job then stops its own LanguageTool server), then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        proc.wait(timeout=grace)


# -- LanguageTool -------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def default_languagetool(jars: Path, log: Path, timeout: float = 180.0) -> Iterator[tuple[str, float, int]]:
    """A LanguageTool server as its documentation starts it: no config file (so no pipeline
    caching and default threads), no heap setting. Yields (url, start-up seconds, pid); the
    server is stopped on exit, also on errors and interrupts. Its output goes to `log`."""
    port = _free_port()
    cmd = ["java", "-cp", f"{jars}/*", "org.languagetool.server.HTTPServer", "--port", str(port)]
    started = time.perf_counter()
    with log.open("ab") as out:
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"default LanguageTool server exited with code {proc.returncode}")
            with contextlib.suppress(OSError), opener.open(url + "v2/languages", timeout=5) as resp:
                if b"en-US" in resp.read():
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("default LanguageTool server did not come up")
            time.sleep(0.25)
        yield url, time.perf_counter() - started, proc.pid
    except Exception as exc:
        if proc.poll() is not None:  # say why the server went away
            tail = [ln for ln in log.read_text(errors="replace").splitlines() if ln.strip()][-3:]
            raise RuntimeError(f"{exc} (server exit code {proc.returncode}; log: {' | '.join(tail)})") from exc
        raise
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)


def _loopback_session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # loopback: no proxy
    return session


class RawChecker:
    """Posts bodies to /v2/check with the job's request parameters; one Session per thread, or,
    with `reuse_connections=False`, a new connection per request (as language-tool-python does).
    `run` keeps each body's matches, as (offset in the body, rule id), in `found`."""

    def __init__(
        self, url: str, language: str, disabled_rules: Sequence[str], chunk_chars: int, reuse_connections: bool = True
    ) -> None:
        from scoring.grammar import chunks  # the job's own chunking, so requests are the same

        self._chunks = chunks
        self._url = url.rstrip("/") + "/v2/check"
        self._params = {"language": language}
        if disabled_rules:
            self._params["disabledRules"] = ",".join(disabled_rules)
        self._chunk_chars = chunk_chars
        self._reuse = reuse_connections
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self.found: list[tuple[tuple[int, str], ...]] = []

    def _session(self) -> requests.Session:
        s = getattr(self._local, "session", None)
        if s is None:
            s = self._local.session = _loopback_session()
            self._sessions.append(s)
        return s

    def check(self, body: str) -> tuple[tuple[int, str], ...]:
        found: list[tuple[int, str]] = []
        for offset, piece in self._chunks(body, self._chunk_chars):
            if not piece.strip():
                continue
            session = self._session() if self._reuse else _loopback_session()
            try:
                resp = session.post(self._url, data={**self._params, "text": piece}, timeout=300)
            finally:
                if not self._reuse:
                    session.close()
            resp.raise_for_status()
            found += ((offset + m["offset"], m["rule"]["id"]) for m in resp.json()["matches"])
        return tuple(found)

    def run(self, bodies: Sequence[str], concurrency: int) -> float:
        """Seconds to check `bodies` from `concurrency` threads; their matches go to `found`."""
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            self.found = list(pool.map(self.check, bodies))
        return time.perf_counter() - started

    def close(self) -> None:
        for s in self._sessions:
            s.close()
        self._sessions.clear()


def _pre_timing_bodies(seed: int) -> list[str]:
    """The articles a server checks before its timed run (JIT warm-up, then the floor's
    concurrency sweep): from another seed, so no corpus body reaches a server twice."""
    return [g.body for g in corpus.generate_texts(WARMUP_ARTICLES + SWEEP_ARTICLES * len(CONCURRENCIES), seed + 7919)]


def measure_raw(bodies: Sequence[str], settings: Any, seed: int) -> dict[str, Any]:
    """The floor: every body once, on a warmed-up tuned server, at the best concurrency.

    LanguageTool answers a text it has seen before 2-3x faster (measured: 1.03 s, then 0.37 s
    for the same six articles), so warm-up and the concurrency sweep use extra articles from
    another seed, each checked once; the corpus bodies reach this server only in the timed run.
    """
    from scoring.languagetool_server import LanguageToolServer

    lt = settings.languagetool
    extra = _pre_timing_bodies(seed)
    warm, pool = extra[:WARMUP_ARTICLES], extra[WARMUP_ARTICLES:]
    started = time.perf_counter()
    with LanguageToolServer(lt) as server:
        startup = time.perf_counter() - started
        say(f"raw: tuned LanguageTool server up in {startup:.1f} s (pid {server.pid})")
        checker = RawChecker(server.url, lt.language, lt.disabled_rules, lt.chunk_chars)
        try:
            warmup_s = checker.run(warm, 2)
            say(f"raw: JIT warm-up, {len(warm)} other articles at concurrency 2: {warmup_s:.1f} s")
            # Each level gets its own articles; the order mixes high and low so that the JIT,
            # still getting faster, favours no end of the range.
            sweep: dict[int, float] = {}
            for k, c in enumerate(SWEEP_ORDER):
                batch = pool[k * SWEEP_ARTICLES : (k + 1) * SWEEP_ARTICLES]
                words = sum(_words(b) for b in batch)
                sweep[c] = checker.run(batch, c) / words * 600
            best = min(sweep, key=lambda c: sweep[c])
            say(
                "raw: seconds per 600 words by concurrency: "
                + ", ".join(f"{c}: {sweep[c]:.3f}" for c in CONCURRENCIES)
                + f" -> {best}"
            )
            cpu0 = _cpu_of(server.pid)
            raw_s = checker.run(bodies, best)
            raw_cpu = _cpu_of(server.pid) - cpu0
        finally:
            checker.close()
    say(
        f"raw: {len(bodies)} articles at concurrency {best}: {raw_s:.1f} s ({raw_s / len(bodies):.3f} s/article); "
        f"CPU {raw_cpu:.0f} s (LanguageTool + this client)"
    )
    return {
        "raw_lt_s": round(raw_s, 2),
        "raw_lt_cpu_s": round(raw_cpu, 1),
        "raw_lt_concurrency": best,
        "raw_lt_s_per_600_words_by_concurrency": {str(c): round(sweep[c], 4) for c in CONCURRENCIES},
        "raw_lt_startup_s": round(startup, 1),
        "raw_lt_warmup_s": round(warmup_s, 1),
        "raw_lt_warmup_articles": len(warm),
    }


def measure_naive(bodies: Sequence[str], jars: Path, subset: int, logs: Path) -> dict[str, Any]:
    import language_tool_python

    subset = min(subset, len(bodies))
    own0 = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    with default_languagetool(jars, logs / "naive-server.log") as (url, startup, pid):
        say(f"naive: default-config LanguageTool server up in {startup:.1f} s (pid {pid})")
        tool = language_tool_python.LanguageTool("en-US", remote_server=url)
        try:
            times, cpu = [], [_cpu_of(pid)]  # CPU so far = the server's start-up
            for k, body in enumerate(bodies[:subset]):
                if k == subset // 2:
                    cpu.append(_cpu_of(pid))
                t = time.perf_counter()
                tool.check(body)
                times.append(time.perf_counter() - t)
            cpu.append(_cpu_of(pid))
        finally:
            tool.close()
    measured = sum(times)
    warm = times[subset // 2 :]
    warm_rate = sum(warm) / len(warm)
    rest = len(bodies) - subset
    naive_s = startup + measured + rest * warm_rate
    warm_cpu_rate = (cpu[-1] - cpu[-2]) / len(warm)
    naive_cpu = cpu[-1] - own0 + rest * warm_cpu_rate
    say(
        f"naive: {subset} articles one by one in {measured:.1f} s (first {times[0]:.1f} s, warm "
        f"{warm_rate:.3f} s/article); + {rest} articles at the warm rate + start-up = {naive_s:.1f} s"
        + (" (extrapolated)" if rest else "")
        + f"; CPU {naive_cpu:.0f} s"
    )
    return {
        "naive_s": round(naive_s, 2),
        "naive_cpu_s": round(naive_cpu, 1),
        "naive_subset": subset,
        "naive_extrapolated": rest > 0,
        "naive_startup_s": round(startup, 1),
        "naive_measured_s": round(measured, 2),
        "naive_warm_s_per_article": round(warm_rate, 4),
    }


# -- end to end --------------------------------------------------------------------------------
def _job_command() -> list[str]:
    script = Path(sys.executable).parent / "textquality"
    return [str(script)] if script.exists() else [sys.executable, "-m", "jobs.cli"]


def _summary_from_log(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for key in ("elapsed_s", "languagetool_s", "articles_cached", "articles_failed", "stories"):
        m = re.findall(rf"\b{key}=([\d.]+)", text)
        if m:
            out[key] = float(m[-1])
    stamps = [
        (dt.datetime.fromisoformat(m.group(1)), m.group(2))
        for m in re.finditer(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d) \S+ \S+ (.*)$", text, re.M)
    ]

    def at(pattern: str) -> dt.datetime | None:
        return next((t for t, msg in stamps if re.search(pattern, msg)), None)

    read, grouped, lt_start, warm = at(r"^read "), at(r"^grouped "), at(r"server starting"), at(r"warm-up took")
    if read and grouped:
        out["lexicon_and_group_s"] = (grouped - read).total_seconds()
    if lt_start and warm:
        out["lt_startup_s"] = (warm - lt_start).total_seconds()
    return out


def measure_e2e(corpus_dir: Path, out_csv: Path, logs: Path, label: str, url: str | None = None) -> dict[str, Any]:
    cmd = [*_job_command(), "run", str(corpus_dir), "--output", str(out_csv)]
    if url:
        cmd += ["--languagetool-url", url]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    res = run_measured(cmd, logs / f"{label}.log", cwd=out_csv.parent, env=env)
    log_text = (logs / f"{label}.log").read_text(encoding="utf-8", errors="replace")
    if res["returncode"] not in (0, 1):
        tail = " | ".join(log_text.strip().splitlines()[-5:])
        raise RuntimeError(f"{label}: textquality exited with {res['returncode']}: {tail}")
    res.pop("stdout")
    res["job"] = _summary_from_log(log_text)
    job = res["job"]
    say(
        f"{label}: {res['wall_s']:.1f} s wall (job's own count {job.get('elapsed_s', float('nan')):.1f} s, "
        f"LanguageTool stage {job.get('languagetool_s', float('nan')):.1f} s incl. start-up "
        f"{job.get('lt_startup_s', float('nan')):.0f} s; from cache {job.get('articles_cached', 0):.0f}); "
        f"CPU {res['cpu_s']:.0f} s = {res['cpu_s'] / res['wall_s']:.2f} cores (python {res['cpu_s_python']:.0f} s, "
        f"java {res['cpu_s_java'] or 0:.0f} s); peak RSS python "
        f"{res['peak_rss_mb']:.0f} MB, java {res['peak_rss_mb_java'] or 0:.0f} MB"
    )
    return res


def measure_standing(
    corpus_dir: Path, extra_dir: Path, workdir: Path, logs: Path, settings: Any, seed: int
) -> dict[str, Any]:
    """The job against a LanguageTool server kept running between runs (`--languagetool-url`),
    started and JIT-warmed like the floor's server: on the same other articles the floor's server
    checks before its timed run (warm-up and concurrency sweep), so no corpus body is sent twice
    and both have seen as much text; then a full run on a fresh cache, and a re-run with the 1%
    new articles."""
    from scoring.languagetool_server import LanguageToolServer

    lt = settings.languagetool
    warm = _pre_timing_bodies(seed)
    folder, out_csv = workdir / "corpus_standing", workdir / "out_standing" / "ranking.csv"
    for d in (folder, out_csv.parent):
        shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(corpus_dir, folder)
    out_csv.parent.mkdir(parents=True)
    with LanguageToolServer(lt) as server:
        checker = RawChecker(server.url, lt.language, lt.disabled_rules, lt.chunk_chars)
        try:
            say(f"standing: JIT warm-up, {len(warm)} other articles: {checker.run(warm, 2):.1f} s")
        finally:
            checker.close()
        full = measure_e2e(folder, out_csv, logs, "e2e_standing", url=server.url)
        for path in extra_dir.iterdir():
            shutil.copy2(path, folder / path.name)
        rerun = measure_e2e(folder, out_csv, logs, "rerun_standing", url=server.url)
    return {
        "e2e_standing_s": round(full["wall_s"], 2),
        "rerun_standing_s": round(rerun["wall_s"], 2),
        "rerun_1pct_ratio_standing": round(rerun["wall_s"] / full["wall_s"], 3),
        "standing_details": {"e2e": full, "rerun": rerun},
    }


# -- grouping scaling ----------------------------------------------------------------------------
def group_worker(n: int, seed: int) -> dict[str, Any]:
    """Runs in its own process: grouping time and memory for n generated articles."""
    import collections

    from scoring.grouping import group_stories, term_vectors
    from scoring.lexicon import Lexicon
    from scoring.records import Article
    from scoring.settings import load_settings

    out: dict[str, Any] = {"n": n}
    settings = load_settings()
    t = time.perf_counter()
    generated = corpus.generate_texts(n, seed)
    out["generate_s"] = round(time.perf_counter() - t, 2)
    articles = [Article(g.article_id, g.article_id + ".txt", g.title, g.date, g.section, g.body, "") for g in generated]
    del generated
    lexicon = Lexicon.load()
    out["rss_before_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    vectors = None
    t = time.perf_counter()
    try:
        vectors = term_vectors([a.body for a in articles], lexicon, settings.grouping.processes)
        out["vector_s"] = round(time.perf_counter() - t, 2)
        t2 = time.perf_counter()
        stories = group_stories(articles, vectors, settings.grouping)
        out["group_stories_s"] = round(time.perf_counter() - t2, 2)
        out["group_s"] = round(time.perf_counter() - t, 2)
        truth: dict[str, set[str]] = collections.defaultdict(set)
        for a in articles:
            truth[a.article_id.rsplit("_", 1)[0]].add(a.article_id)
        true_sets = {frozenset(m) for m in truth.values()}
        out["stories"] = len(stories)
        out["true_stories"] = len(true_sets)
        out["exact_story_rate"] = round(sum(frozenset(s.members) in true_sets for s in stories) / len(true_sets), 4)
    except (MemoryError, ValueError, OverflowError) as exc:
        out["error"] = f"{type(exc).__name__}: {exc}"[:300]
        out["failed_after_s"] = round(time.perf_counter() - t, 2)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if vectors is not None:
        out["candidate_pairs_bound"] = _candidate_bound(vectors, settings.grouping)
    return out


def _candidate_bound(vectors: Sequence[Any], settings: Any) -> int | None:
    """Sum over the terms that propose candidate pairs of df*(df-1)/2: an upper bound on the
    pairs the sparse product in group_stories yields, before any prefilter (diagnostic; reads
    the module's private helpers, so it gives up quietly if they change)."""
    try:
        import numpy as np

        from scoring import grouping

        top = grouping._matrix(vectors, settings.max_terms_per_article)
        top = top[0] if isinstance(top, tuple) else top  # older versions also returned the vocabulary
        df = np.diff(top.tocsc().indptr).astype(np.int64)
        cap = getattr(grouping, "_MAX_TERM_POSTINGS", math.inf)
        df = df[df <= max(50, min(settings.max_term_share * len(vectors), cap))]
        return int((df * (df - 1) // 2).sum())
    except Exception:  # diagnostic only
        return None


def measure_group_scaling(seed: int, sizes: Sequence[int], timeout_s: float, logs: Path) -> dict[str, Any]:
    mem_limit = int(psutil.virtual_memory().total * 0.7)
    results: dict[int, dict[str, Any]] = {}
    for n in sizes:
        cmd = [sys.executable, "-m", "bench.run_bench", "--group-worker", str(n), "--seed", str(seed)]
        env = {**os.environ, "PYTHONPATH": str(REPO), "BENCH_MEM_LIMIT": str(mem_limit)}
        res = run_measured(cmd, logs / f"group-{n}.log", timeout=timeout_s, cwd=REPO, env=env)
        lines = [ln for ln in res["stdout"].splitlines() if ln.startswith("{")]
        info: dict[str, Any] = json.loads(lines[-1]) if lines else {"n": n}
        info["process_wall_s"] = round(res["wall_s"], 1)
        info.setdefault("peak_rss_mb", res["peak_rss_mb"])
        if res["timed_out"]:
            info["error"] = f"timed out after {timeout_s:.0f} s"
        elif res["returncode"] != 0 and "error" not in info:
            tail = (logs / f"group-{n}.log").read_text(errors="replace").strip().splitlines()[-1:]
            info["error"] = f"exit code {res['returncode']}: {' '.join(tail)}"[:300]
        results[n] = info
        if "error" in info:
            say(
                f"group n={n}: FAILED ({info['error']}) after {info.get('failed_after_s', info['process_wall_s'])} s; "
                f"vectors {info.get('vector_s', '?')} s, peak RSS {info['peak_rss_mb']:.0f} MB, "
                f"candidate-pair bound {info.get('candidate_pairs_bound')}"
            )
        else:
            say(
                f"group n={n}: {info['group_s']:.1f} s (vectors {info['vector_s']:.1f} s + group_stories "
                f"{info['group_stories_s']:.1f} s), peak RSS {info['peak_rss_mb']:.0f} MB, "
                f"{info['stories']} stories of {info['true_stories']} generated "
                f"({info['exact_story_rate']:.1%} exact), candidate-pair bound {info.get('candidate_pairs_bound')}"
            )
    ok = [n for n in sizes if "group_s" in results[n]]
    growth = []
    for a, b in itertools.pairwise(ok):
        ta, tb = results[a]["group_s"], results[b]["group_s"]
        exponent = math.log(tb / ta) / math.log(b / a) if ta > 0 and tb > 0 else float("nan")
        growth.append(
            {
                "from": a,
                "to": b,
                "n_ratio": round(b / a, 2),
                "time_ratio": round(tb / ta, 2),
                "exponent": round(exponent, 2),
            }
        )
        verdict = "sub-quadratic" if exponent < 1.8 else "about quadratic" if exponent < 2.2 else "super-quadratic"
        say(f"group growth {a} -> {b}: n x{b / a:.1f}, time x{tb / ta:.1f} (exponent {exponent:.2f}: {verdict})")
    failed = [n for n in sizes if "error" in results[n]]
    if failed:
        say(f"group: grouping FAILED at n = {', '.join(map(str, failed))}")
    return {
        "group_s_by_n": {str(n): results[n].get("group_s") for n in sizes},
        "group_peak_rss_mb_by_n": {str(n): results[n].get("peak_rss_mb") for n in sizes},
        "group_growth": growth,
        "group_sub_quadratic": bool(growth) and all(g["exponent"] < 1.8 for g in growth) and not failed,
        "group_details_by_n": {str(n): results[n] for n in sizes},
        "group_mem_limit_mb": round(mem_limit / 2**20),
    }


# -- main ------------------------------------------------------------------------------------------
def _words(text: str) -> int:
    return len(text.split())


class LoadMeter:
    """CPU time the rest of the machine used while a stage ran (busy time from /proc/stat minus
    this benchmark's own processes): a benchmark on a shared machine says how shared it was."""

    def __init__(self) -> None:
        self.by_stage: dict[str, float] = {}
        self._mark = self._sample()

    @staticmethod
    def _sample() -> tuple[float, float, float]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        busy = (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # minus idle and iowait
        own = _cpu_children_s() + sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        with contextlib.suppress(psutil.Error):
            for child in psutil.Process().children(recursive=True):  # servers still running
                with contextlib.suppress(psutil.Error):
                    own += sum(child.cpu_times()[:2])
        return time.perf_counter(), busy, own

    def other_load(self, seconds: float) -> float:
        """Cores the rest of the machine uses right now, measured over `seconds`."""
        a = self._sample()
        time.sleep(seconds)
        b = self._sample()
        return max(0.0, (b[1] - a[1]) - (b[2] - a[2])) / (b[0] - a[0])

    def wait_for_quiet(self, name: str, threshold: float = 0.3, max_wait: float = 180.0) -> float:
        """Before a timed stage: wait (up to `max_wait` s) until other processes use less than
        `threshold` cores, so a shared machine disturbs the numbers less. Returns seconds waited."""
        started = time.perf_counter()
        while (load := self.other_load(2.0)) > threshold and time.perf_counter() - started < max_wait:
            if time.perf_counter() - started < 2.5:
                say(f"{name}: other processes use {load:.2f} cores; waiting up to {max_wait:.0f} s for a quiet machine")
            time.sleep(3.0)
        waited = time.perf_counter() - started
        self._mark = self._sample()  # the stage's own window starts now
        return waited

    def stage(self, name: str) -> float:
        now = self._sample()
        wall = now[0] - self._mark[0]
        other = max(0.0, (now[1] - self._mark[1]) - (now[2] - self._mark[2])) / wall if wall > 0 else 0.0
        self._mark = now
        self.by_stage[name] = round(other, 2)
        if other > 0.15:
            say(f"WARNING: other processes used {other:.2f} cores during '{name}': its numbers are inflated")
        return other


def benchmark(args: argparse.Namespace, result: dict[str, Any]) -> None:
    """Fills `result`. A stage that fails is recorded in result['errors'] and the others still run."""
    from jobs.reader import read_inputs
    from scoring.records import Article
    from scoring.settings import load_settings

    began = time.perf_counter()
    settings = load_settings()
    workdir = args.workdir
    errors: dict[str, str] = result.setdefault("errors", {})
    load = LoadMeter()
    result["other_load_cores_by_stage"] = load.by_stage
    result.update(
        date=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        machine=machine_info(),
        languagetool_version=languagetool_version(),
        seed=args.seed,
        workdir=str(workdir),
    )
    say(f"machine: {json.dumps(result['machine'])}; LanguageTool {result['languagetool_version']}")

    def stage(name: str, fn: Any, *fn_args: Any, attempts: int = 1) -> Any:
        """Run one stage; a failure is recorded (and retried `attempts` - 1 times), not raised."""
        waited = load.wait_for_quiet(name)
        if waited > 5:
            result.setdefault("waited_for_quiet_s_by_stage", {})[name] = round(waited, 1)
        try:
            for attempt in range(1, attempts + 1):
                try:
                    value = fn(*fn_args)
                except (KeyboardInterrupt, Interrupted):
                    raise
                except Exception as exc:
                    message = f"{type(exc).__name__}: {exc}"[:500]
                    say(f"{name}: FAILED (attempt {attempt} of {attempts}): {message}")
                    if attempt == attempts:
                        errors[name] = message
                    else:
                        result.setdefault("retried_stages", {})[name] = message
                else:
                    return value
            return None
        finally:
            load.stage(name)

    corpus_dir, logs = workdir / "corpus", workdir / "logs"
    for d in (corpus_dir, logs, workdir / "out"):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    t = time.perf_counter()
    corpus.write_corpus(corpus.generate(args.n, args.seed), corpus_dir)
    articles = [a for a in read_inputs(corpus_dir, settings.input) if isinstance(a, Article)]
    bodies = [a.body for a in articles]
    words = sum(_words(b) for b in bodies)
    result.update(articles=len(articles), words=words)
    say(f"corpus: {len(articles)} articles, {words} words in {corpus_dir} ({time.perf_counter() - t:.1f} s)")
    if len(articles) != args.n:
        raise RuntimeError(f"the job's reader accepted {len(articles)} of {args.n} generated articles")
    load.stage("corpus")

    result.update(stage("raw_lt", measure_raw, bodies, settings, args.seed) or {})
    jars = Path(settings.languagetool.jars_dir)
    result.update(stage("naive", measure_naive, bodies, jars, args.naive_subset, logs, attempts=2) or {})

    result.update(stage("aot_cache", prepare_aot_cache, settings, args.seed, workdir, logs) or {})
    say(f"job's Java: {result.get('java_version')}; AOT cache: {result.get('aot_cache')}")
    out_csv = workdir / "out" / "ranking.csv"
    e2e = stage("e2e", measure_e2e, corpus_dir, out_csv, logs, "e2e")
    if e2e:
        result.update(
            e2e_s=round(e2e["wall_s"], 2),
            peak_rss_mb_python=e2e["peak_rss_mb"],
            peak_rss_mb_lt=e2e["peak_rss_mb_java"],
            e2e_cpu_cores=round(e2e["cpu_s"] / e2e["wall_s"], 2),
            e2e_details=e2e,
        )
        extra = max(1, round(args.n * 0.01))
        extra_dir = workdir / "corpus_extra"
        shutil.rmtree(extra_dir, ignore_errors=True)
        extra_dir.mkdir(parents=True)
        corpus.write_corpus(corpus.generate(args.n + extra, args.seed)[args.n :], extra_dir)
        if not args.skip_standing:
            standing = stage("standing", measure_standing, corpus_dir, extra_dir, workdir, logs, settings, args.seed)
            result.update(standing or {})
        for path in extra_dir.iterdir():
            shutil.copy2(path, corpus_dir / path.name)
        rerun = stage("rerun", measure_e2e, corpus_dir, out_csv, logs, "rerun")
        if rerun:
            result.update(
                rerun_new_articles=extra,
                rerun_s=round(rerun["wall_s"], 2),
                rerun_1pct_ratio=round(rerun["wall_s"] / e2e["wall_s"], 3),
                rerun_details=rerun,
            )
    if "e2e_s" in result and "raw_lt_s" in result:
        result["ratio_e2e_vs_raw_lt"] = round(result["e2e_s"] / result["raw_lt_s"], 2)
        say(f"e2e {result['e2e_s']:.1f} s = {result['ratio_e2e_vs_raw_lt']:.2f} x the raw LanguageTool floor")
    if "e2e_details" in result and "raw_lt_cpu_s" in result:
        # CPU-second ratios: a companion to the wall-time ratios that a busy machine disturbs less
        result["ratio_e2e_vs_raw_lt_cpu"] = round(result["e2e_details"]["cpu_s"] / result["raw_lt_cpu_s"], 2)
    if "e2e_details" in result and "naive_cpu_s" in result:
        result["speedup_vs_naive_cpu"] = round(result["naive_cpu_s"] / result["e2e_details"]["cpu_s"], 2)
    if "e2e_s" in result and "naive_s" in result:
        result["speedup_vs_naive"] = round(result["naive_s"] / result["e2e_s"], 2)
        say(f"naive client {result['naive_s']:.1f} s / e2e = {result['speedup_vs_naive']:.2f} (speed-up of the job)")
    if "rerun_1pct_ratio" in result:
        say(f"re-run with {result['rerun_new_articles']} new articles: {result['rerun_1pct_ratio']:.3f} x e2e")
    if "e2e_standing_s" in result and "raw_lt_s" in result:
        result["ratio_e2e_standing_vs_raw_lt"] = round(result["e2e_standing_s"] / result["raw_lt_s"], 2)
        say(
            f"standing server: e2e {result['e2e_standing_s']:.1f} s = {result['ratio_e2e_standing_vs_raw_lt']:.2f} x "
            f"the floor; re-run {result['rerun_standing_s']:.1f} s = {result['rerun_1pct_ratio_standing']:.3f} x"
        )

    if args.skip_group_scaling:
        result.update(group_s_by_n=None, group_peak_rss_mb_by_n=None)
    else:
        sizes, timeout = args.group_sizes, args.group_timeout
        result.update(stage("group_scaling", measure_group_scaling, args.seed, sizes, timeout, logs) or {})
    result["bench_wall_s"] = round(time.perf_counter() - began, 1)
    for key in REQUIRED_KEYS:
        result.setdefault(key, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=DEFAULT_N, help=f"articles in the corpus (default {DEFAULT_N})")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--workdir", type=Path, help="work folder (default: a new temporary folder, removed after)")
    parser.add_argument("--skip-group-scaling", action="store_true", help="skip the grouping scaling runs")
    parser.add_argument("--skip-standing", action="store_true", help="skip the runs against a standing server")
    parser.add_argument(
        "--group-sizes",
        type=lambda s: tuple(int(x) for x in s.split(",")),
        default=GROUP_SIZES,
        help="comma-separated corpus sizes for the grouping runs (default %(default)s)",
    )
    parser.add_argument("--group-timeout", type=float, default=420.0, help="seconds per grouping run (default 420)")
    parser.add_argument("--naive-subset", type=int, default=NAIVE_SUBSET, help="articles the naive client checks")
    parser.add_argument("--group-worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.group_worker is not None:
        limit = int(os.environ.get("BENCH_MEM_LIMIT", "0"))
        if limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        print(json.dumps(group_worker(args.group_worker, args.seed)), flush=True)
        return 0

    if str(Path(args.workdir or tempfile.gettempdir()).resolve()).startswith(str(REPO)):
        parser.error("--workdir must be outside the repository")
    temporary = args.workdir is None
    args.workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="textquality-bench-"))).resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    result: dict[str, Any] = {}
    code = 0
    try:
        benchmark(args, result)
    except (KeyboardInterrupt, Interrupted) as exc:
        print(f"benchmark interrupted ({exc or 'Ctrl-C'}); every server it started has been stopped", file=sys.stderr)
        return 130
    except Exception as exc:
        result.setdefault("errors", {})["benchmark"] = f"{type(exc).__name__}: {exc}"[:500]
        code = 1
    finally:
        signal.signal(signal.SIGTERM, previous)
        if temporary:
            shutil.rmtree(args.workdir, ignore_errors=True)
    if result.get("errors"):
        code = 1
    print(json.dumps(result, sort_keys=True, default=_json_default), flush=True)
    return code


def _json_default(value: object) -> object:
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


if __name__ == "__main__":
    sys.exit(main())
