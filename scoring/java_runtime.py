"""Which Java runs LanguageTool, and its ahead-of-time (AOT) cache.

LanguageTool needs Java 17 or newer. With `java = "auto"` the job takes the newest Java it finds
(JAVA_HOME, `java` on PATH, the JDKs in /usr/lib/jvm): measured side by side, Temurin 25 checked
the same articles in 0.89 of Java 17's time with the same matches (bench.tuning, BENCHMARKS.md).

From Java 25 on, a JVM can record an AOT cache (JEP 483/515: classes loaded and linked, method
profiles) at its exit and start from it next time. The job's server records one on its first run
with enough articles (`languagetool.aot_training_bodies`) and starts from it afterwards: about
2.5 s less start-up and a shorter JIT warm-up. A cache the JVM cannot use (other jars, other
Java) is ignored by the JVM; its file name carries the Java version and a fingerprint of the
jars, so a new Java or a re-fetched LanguageTool records a new one.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from scoring.errors import LanguageToolError

MIN_MAJOR = 17  # LanguageTool 6.x needs Java 17
AOT_MIN_MAJOR = 25  # -XX:AOTCache / -XX:AOTCacheOutput (JEP 483, 514, 515)
_JVM_ROOT = Path("/usr/lib/jvm")
_VERSION = re.compile(r'version "((\d+)[^"]*)"')  # the quoted version, and its first number


@dataclass(frozen=True, slots=True)
class JavaRuntime:
    """A Java executable and its version as `java -version` prints it (e.g. "25.0.3"); `build`
    is that whole output (vendor, build number), which an AOT cache is tied to."""

    executable: str
    version: str
    major: int
    build: str = ""

    @property
    def supports_aot_cache(self) -> bool:
        return self.major >= AOT_MIN_MAJOR


def parse_version(output: str) -> tuple[str, int] | None:
    """(version, major) from `java -version` output, or None when it names no version.

    `openjdk version "25.0.3" 2026-04-21 LTS` → ("25.0.3", 25); `java version "1.8.0_401"` → major 1.
    """
    found = _VERSION.search(output)
    return (found.group(1), int(found.group(2))) if found else None


def probe(executable: str) -> JavaRuntime | None:
    """The runtime at `executable` (a path or a name on PATH), or None if it does not run."""
    path = shutil.which(executable)
    if path is None:
        return None
    try:
        out = subprocess.run([path, "-version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    output = out.stderr + out.stdout
    parsed = parse_version(output)
    return JavaRuntime(path, *parsed, build=output.strip()) if parsed else None


def candidates() -> list[str]:
    """Java executables worth probing for "auto", each once: JAVA_HOME's, PATH's, /usr/lib/jvm's."""
    found = []
    if os.environ.get("JAVA_HOME"):
        found.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    if shutil.which("java"):
        found.append("java")
    if _JVM_ROOT.is_dir():
        found.extend(str(p) for p in sorted(_JVM_ROOT.glob("*/bin/java")))
    by_target: dict[str, str] = {}  # the same JDK under several names (alternatives, symlinks): once
    for name in found:
        by_target.setdefault(os.path.realpath(shutil.which(name) or name), name)
    return list(by_target.values())


def newest(runtimes: Iterable[JavaRuntime | None]) -> JavaRuntime | None:
    """The newest runtime of at least Java 17 (the first one of equal versions), or None."""
    usable = [r for r in runtimes if r is not None and r.major >= MIN_MAJOR]
    return max(usable, key=lambda r: r.major, default=None)


def find_java(setting: str) -> JavaRuntime:
    """The Java that `languagetool.java` names: "auto" (the newest found) or an executable.

    Raises LanguageToolError when it is missing, does not run, or is older than Java 17.
    """
    if setting == "auto":
        tried = candidates()
        runtime = newest(probe(c) for c in tried)
        if runtime is None:
            raise LanguageToolError(
                f"no Java {MIN_MAJOR} or newer found (tried: {', '.join(tried) or 'none'}); "
                "install one or set languagetool.java"
            )
        return runtime
    runtime = probe(setting)
    if runtime is None:
        raise LanguageToolError(f"Java executable '{setting}' not found or not runnable (LanguageTool needs Java 17)")
    if runtime.major < MIN_MAJOR:
        raise LanguageToolError(f"'{setting}' is Java {runtime.version}; LanguageTool needs Java {MIN_MAJOR} or newer")
    return runtime


def aot_cache_file(folder: Path, runtime: JavaRuntime, jars: Iterable[Path]) -> Path:
    """Where the AOT cache for `runtime` (its build) and this set of `jars` lives in `folder`."""
    digest = hashlib.sha256(runtime.build.encode())
    for jar in sorted(jars):
        stat = jar.stat()
        digest.update(f"{jar.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return folder / f"languagetool-java{runtime.version}-{digest.hexdigest()[:12]}.aot"
