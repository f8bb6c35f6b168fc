"""Choosing LanguageTool's Java and naming its AOT cache (no Java needed: fake executables)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from scoring import java_runtime
from scoring.errors import LanguageToolError
from scoring.java_runtime import JavaRuntime, aot_cache_file, find_java, newest, parse_version


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ('openjdk version "25.0.3" 2026-04-21 LTS\nOpenJDK Runtime Environment Temurin-25.0.3+9', ("25.0.3", 25)),
        ('openjdk version "17.0.15" 2025-04-15\nOpenJDK 64-Bit Server VM', ("17.0.15", 17)),
        ('openjdk version "21" 2023-09-19', ("21", 21)),
        ('java version "1.8.0_401"', ("1.8.0_401", 1)),
        ('Picked up JAVA_TOOL_OPTIONS: -Xss1m\nopenjdk version "25-ea" 2025-09-16', ("25-ea", 25)),
        ("bash: java: command not found", None),
        ("", None),
    ],
)
def test_parse_version(output, expected):
    assert parse_version(output) == expected


def _runtime(major: int, name: str = "") -> JavaRuntime:
    return JavaRuntime(name or f"/jdk{major}/bin/java", f"{major}.0.1", major)


def test_newest_prefers_the_highest_version_of_at_least_17_and_the_first_of_equals():
    assert newest([_runtime(17), None, _runtime(25, "a"), _runtime(21), _runtime(25, "b")]) == _runtime(25, "a")
    assert newest([_runtime(11), _runtime(1), None]) is None
    assert newest([]) is None


def _fake_java(folder: Path, name: str, version_line: str) -> str:
    path = folder / name
    path.write_text(f"#!/bin/sh\necho '{version_line}' >&2\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_auto_takes_the_newest_candidate(tmp_path, monkeypatch):
    old = _fake_java(tmp_path, "java11", 'openjdk version "11.0.2" 2019-01-15')
    j17 = _fake_java(tmp_path, "java17", 'openjdk version "17.0.15" 2025-04-15')
    j25 = _fake_java(tmp_path, "java25", 'openjdk version "25.0.3" 2026-04-21 LTS')
    monkeypatch.setattr(java_runtime, "candidates", lambda: [old, j17, str(tmp_path / "missing"), j25])
    runtime = find_java("auto")
    assert (runtime.executable, runtime.version, runtime.major) == (j25, "25.0.3", 25)
    assert runtime.build == 'openjdk version "25.0.3" 2026-04-21 LTS'
    assert runtime.supports_aot_cache
    assert not find_java(j17).supports_aot_cache


def test_auto_without_a_usable_java_names_what_it_tried(tmp_path, monkeypatch):
    old = _fake_java(tmp_path, "java11", 'openjdk version "11.0.2" 2019-01-15')
    monkeypatch.setattr(java_runtime, "candidates", lambda: [old])
    with pytest.raises(LanguageToolError, match=r"no Java 17 or newer found.*java11"):
        find_java("auto")


def test_a_named_java_must_exist_and_be_at_least_17(tmp_path):
    with pytest.raises(LanguageToolError, match="not found or not runnable"):
        find_java(str(tmp_path / "no-such-java"))
    old = _fake_java(tmp_path, "java11", 'openjdk version "11.0.2" 2019-01-15')
    with pytest.raises(LanguageToolError, match=r"is Java 11\.0\.2"):
        find_java(old)


def test_candidates_start_with_java_home_and_name_each_jdk_once(tmp_path, monkeypatch):
    jdk = tmp_path / "jdk-25"
    (jdk / "bin").mkdir(parents=True)
    _fake_java(jdk / "bin", "java", 'openjdk version "25.0.3" 2026-04-21 LTS')
    (tmp_path / "jvm").mkdir()
    (tmp_path / "jvm" / "jdk-25").symlink_to(jdk)  # like /usr/lib/jvm's alias folders
    (tmp_path / "jvm" / "temurin-25").symlink_to(jdk)
    monkeypatch.setattr(java_runtime, "_JVM_ROOT", tmp_path / "jvm")
    monkeypatch.setenv("JAVA_HOME", str(jdk))
    found = java_runtime.candidates()
    assert found[0] == str(jdk / "bin" / "java")
    assert not any(str(tmp_path / "jvm") in f for f in found)  # the aliases of JAVA_HOME's JDK


def test_aot_cache_name_follows_the_java_version_and_the_jars(tmp_path):
    jar = tmp_path / "languagetool-server-6.8.jar"
    jar.write_bytes(b"one")
    first = aot_cache_file(tmp_path / "aot", _runtime(25), [jar])
    assert first.parent == tmp_path / "aot" and first.suffix == ".aot"
    assert aot_cache_file(tmp_path / "aot", _runtime(25), [jar]) == first  # stable
    assert aot_cache_file(tmp_path / "aot", _runtime(26), [jar]) != first
    rebuilt = JavaRuntime("/jdk25/bin/java", "25.0.1", 25, build="Temurin-25.0.1+9, rebuilt")
    assert aot_cache_file(tmp_path / "aot", rebuilt, [jar]) != first  # same version, other build
    jar.write_bytes(b"other")  # a re-fetched jar
    os.utime(jar, ns=(1, 1))
    assert aot_cache_file(tmp_path / "aot", _runtime(25), [jar]) != first
