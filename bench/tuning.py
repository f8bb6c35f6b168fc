"""What each LanguageTool tuning choice of the job is worth, measured side by side.

    python -m bench.tuning [--n N] [--warm W] [--seed S] [--only NAME,...]
    (from the repository root; `make bench-tuning`; about 3 minutes per variant)

These machines are noisy: the same server checking the same articles used 79 to 124 CPU-seconds
in one hour, so variants measured one after another cannot show a 5% effect. Here each variant
is paired with the job's defaults: two fresh servers started as the job starts them (one check
thread each, so they share the 2 cores evenly), both warmed up (JIT) on W generated articles of
another seed, then each of N generated articles (300-900 words, stories of 1-3 versions, one
version after another as the job sends them) is sent to both at the same moment. Whatever the
machine does meanwhile slows both. Reported per variant: the summed request time and server CPU
seconds of each, their ratios (variant / job's default), and whether the matches are the same.
The server CPU is also split by thread kind (LanguageTool's check threads, the JIT compilers,
the garbage collector). Variant `fresh_jvm` is the job's own server as each run starts it: its
side gets no warm-up while the job default's side does, so the pair shows what a JVM started per
run pays against a warm one (use a large --n: the JIT warm-up lasts long).
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import corpus
from bench.run_bench import Interrupted, RawChecker, _cpu_of, _hwm_mb, _on_sigterm, machine_info, say
from scoring.languagetool_server import LanguageToolServer, server_properties
from scoring.settings import LanguageToolSettings, load_settings

Properties = Callable[[LanguageToolSettings], str]


def _without(*keys: str) -> Properties:
    """The job's server.properties without the lines setting `keys` (LanguageTool's defaults)."""
    return lambda s: "".join(
        line for line in server_properties(s).splitlines(keepends=True) if line.split("=")[0] not in keys
    )


@dataclass(frozen=True)
class Variant:
    name: str
    change: str  # what differs from the job's defaults
    properties: Properties = server_properties
    overrides: dict[str, Any] = dataclasses.field(default_factory=dict)  # LanguageToolSettings fields
    reuse_connections: bool = True
    java_options: tuple[str, ...] = ()  # JVM options added to the job's
    warm_up: bool = True  # False: this side's timed run starts on a fresh JVM


JOB_DEFAULT = Variant("job_default", "the job's settings (config/default.toml, scoring.languagetool_server)")
VARIANTS = (
    Variant("no_sentence_cache", "cacheSize unset (LanguageTool's default: no result cache)", _without("cacheSize")),
    Variant(
        "no_pipeline_caching",
        "pipelineCaching off (a new pipeline per request)",
        _without("pipelineCaching", "maxPipelinePoolSize", "pipelineExpireTimeInSeconds"),
    ),
    Variant("paragraph_requests", "requests of at most 1,500 characters", overrides={"chunk_chars": 1500}),
    Variant("new_connection_per_request", "no HTTP keep-alive", reuse_connections=False),
    Variant("heap_512", "Java heap 512 MB instead of 1,024", overrides={"heap_mb": 512}),
    Variant("heap_2048", "Java heap 2,048 MB instead of 1,024", overrides={"heap_mb": 2048}),
    Variant(
        "java_on_path", "the `java` on PATH (Java 17 here) instead of the newest Java found", overrides={"java": "java"}
    ),
    # its effect is on start-up and JIT warm-up: measure it with --warm 1
    Variant("no_aot_cache", "Java 25 without the AOT cache the job records", overrides={"aot_cache": False}),
    Variant("fresh_jvm", "no warm-up: a JVM started for the run against a warm one", warm_up=False),
    # JIT and GC choices against the job's: the JIT ones with --warm 1 (their effect is on the warm-up),
    # the GC one with --n 300 (G1's marking cycles come as the heap fills)
    Variant(
        "g1_gc",
        "G1 (the JVM's default) instead of the job's Parallel collector",
        java_options=("-XX:-UseParallelGC", "-XX:+UseG1GC"),
    ),
    Variant(
        "compile_later",
        "JIT compiles after 3x the default invocation counts",
        java_options=("-XX:CompileThresholdScaling=3",),
    ),
    Variant("no_tiered", "C2 only, no tiered compilation", java_options=("-XX:-TieredCompilation",)),
)

# Server threads by kind, as /proc names them (the trailing number dropped)
_THREAD_KINDS = {
    "lt-text-checker": "check",
    "C2 CompilerThre": "jit_c2",
    "C1 CompilerThre": "jit_c1",
    "GC Thread#": "gc",
    "G1 Conc#": "gc",
    "G1 Refine#": "gc",
    "G1 Main Marker": "gc",
    "G1 Service": "gc",
}


def cpu_by_thread_kind(pid: int | None) -> Counter[str]:
    """CPU seconds so far of a live process's threads, by kind (`_THREAD_KINDS`, else "other")."""
    out: Counter[str] = Counter()
    tick = os.sysconf("SC_CLK_TCK")
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            name = (task / "comm").read_text().strip().rstrip("0123456789")
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the thread ended
        out[_THREAD_KINDS.get(name, "other")] += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return out


@dataclass
class Side:
    """One of the two servers of a pair, and what it has used so far."""

    variant: Variant
    server: LanguageToolServer
    checker: RawChecker
    seconds: float = 0.0
    found: list[tuple[tuple[int, str], ...]] = dataclasses.field(default_factory=list)

    def check(self, body: str) -> tuple[tuple[int, str], ...]:
        started = time.perf_counter()
        found = self.checker.check(body)
        self.seconds += time.perf_counter() - started
        return found


def _settings(variant: Variant, base: LanguageToolSettings) -> LanguageToolSettings:
    # one check thread per server: the two servers of a pair share the 2 cores evenly
    return base.model_copy(update={"max_check_threads": 1, "client_threads": 1, **variant.overrides})


def measure_pair(variant: Variant, base: LanguageToolSettings, warm: list[str], bodies: list[str]) -> dict[str, Any]:
    """The job's defaults and `variant` side by side on the same articles at the same moments."""
    a_settings, b_settings = _settings(JOB_DEFAULT, base), _settings(variant, base)
    with (
        LanguageToolServer(a_settings, properties=JOB_DEFAULT.properties) as a_server,
        LanguageToolServer(b_settings, properties=variant.properties, java_options=variant.java_options) as b_server,
        ThreadPoolExecutor(max_workers=2) as pool,
    ):
        sides = [
            Side(v, server, RawChecker(server.url, s.language, s.disabled_rules, s.chunk_chars, v.reuse_connections))
            for v, s, server in ((JOB_DEFAULT, a_settings, a_server), (variant, b_settings, b_server))
        ]
        try:
            warmed = [side for side in sides if side.variant.warm_up]
            for body in warm:
                list(pool.map(lambda side, b=body: side.check(b), warmed))
            cpu0 = [_cpu_of(side.server.pid) for side in sides]
            kinds0 = [cpu_by_thread_kind(side.server.pid) for side in sides]
            for side in sides:
                side.seconds = 0.0
            for body in bodies:
                for side, found in zip(sides, pool.map(lambda side, b=body: side.check(b), sides), strict=True):
                    side.found.append(found)
            cpu = [_cpu_of(side.server.pid) - c for side, c in zip(sides, cpu0, strict=True)]
            kinds = [cpu_by_thread_kind(side.server.pid) - k for side, k in zip(sides, kinds0, strict=True)]
            rss = [round(_hwm_mb(side.server.pid) or 0) for side in sides]
        finally:
            for side in sides:
                side.checker.close()
    job, other = sides
    out = {
        "change": variant.change,
        "seconds_ratio": round(other.seconds / job.seconds, 3),
        "cpu_ratio": round(cpu[1] / cpu[0], 3),
        "same_matches": other.found == job.found,
        "job_default": _side_figures(job, cpu[0], kinds[0], rss[0]),
        variant.name: _side_figures(other, cpu[1], kinds[1], rss[1]),
    }
    say(
        f"{variant.name}: {other.seconds:.1f} s against the job's {job.seconds:.1f} s (x{out['seconds_ratio']}), "
        f"CPU {cpu[1]:.0f} s against {cpu[0]:.0f} s (x{out['cpu_ratio']}), peak RSS {rss[1]} against {rss[0]} MB, "
        f"same matches: {out['same_matches']}; server CPU by thread: "
        f"{out[variant.name]['cpu_s_by_thread']} against {out['job_default']['cpu_s_by_thread']}"
    )
    return out


def _side_figures(side: Side, cpu: float, kinds: Counter[str], rss: int) -> dict[str, Any]:
    by_kind = {k: round(v, 1) for k, v in sorted(kinds.items())}
    return {"seconds": round(side.seconds, 1), "cpu_s": round(cpu, 1), "cpu_s_by_thread": by_kind, "peak_rss_mb": rss}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.tuning", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=90, help="articles checked per pair (default 90)")
    parser.add_argument("--warm", type=int, default=30, help="warm-up articles per pair (default 30)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated variant names (default: all)")
    args = parser.parse_args(argv)
    by_name = {v.name: v for v in VARIANTS}
    wanted = [n for n in args.only.split(",") if n] or list(by_name)
    unknown = sorted(set(wanted) - set(by_name))
    if unknown:
        parser.error(f"unknown variant(s) {', '.join(unknown)}; valid: {', '.join(by_name)}")
    base = load_settings().languagetool
    bodies = [a.body for a in corpus.generate_texts(args.n, args.seed)]
    warm = [a.body for a in corpus.generate_texts(args.warm, args.seed + 7919)]
    say(f"machine: {json.dumps(machine_info())}; {len(bodies)} articles, {sum(len(b.split()) for b in bodies)} words")
    result: dict[str, Any] = {"articles": len(bodies), "warm_up_articles": len(warm), "variants": {}}
    previous = signal.signal(signal.SIGTERM, _on_sigterm)  # unwinds, so each server is stopped
    try:
        for name in wanted:
            result["variants"][name] = measure_pair(by_name[name], base, warm, bodies)
    except (KeyboardInterrupt, Interrupted) as exc:
        print(f"interrupted ({exc or 'Ctrl-C'}); every server it started has been stopped", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
