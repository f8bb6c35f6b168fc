"""The LanguageTool server lifecycle, and fault handling with a fake server (in addition to the
real one: the fake only injects faults the real server will not produce on demand)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scoring import languagetool_server
from scoring.errors import LanguageToolError
from scoring.grammar import LanguageToolClient, check_grammar
from scoring.java_runtime import JavaRuntime, candidates, find_java, probe
from scoring.languagetool_server import _MAIN_CLASS, LanguageToolServer, server_properties
from tests.fake_languagetool import fake_languagetool


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is not alive
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_properties_enable_pipeline_caching(settings):
    props = server_properties(settings.languagetool)
    assert "pipelineCaching=true" in props
    assert f"maxCheckThreads={settings.languagetool.max_check_threads}" in props


def test_constructor_has_no_side_effects(settings):
    server = LanguageToolServer(settings.languagetool)
    assert server.pid is None
    with pytest.raises(LanguageToolError, match="not running"):
        _ = server.url


def test_missing_jars_fail_clearly(settings, tmp_path):
    lt = settings.languagetool.model_copy(update={"jars_dir": tmp_path})
    with pytest.raises(LanguageToolError, match="make languagetool"):
        LanguageToolServer(lt).start()


@pytest.mark.languagetool
def test_start_check_stop_leaves_no_process(settings):
    with LanguageToolServer(settings.languagetool) as server:
        pid = server.pid
        assert pid is not None and _alive(pid)
        assert server.url.startswith("http://127.0.0.1:")
        client = LanguageToolClient(server.url, settings.languagetool)
        assert check_grammar(client, "This are a test.", settings.languagetool).error_count >= 1
    assert not _alive(pid)


@pytest.mark.languagetool
def test_jvm_runs_the_parallel_collector_and_takes_extra_options(settings):
    options = ("-XX:CompileThresholdScaling=3", "-Dtextquality.probe=yes")  # as bench.tuning varies them
    with LanguageToolServer(settings.languagetool, java_options=options) as server:
        args = Path(f"/proc/{server.pid}/cmdline").read_bytes().decode().split("\0")
        assert all(opt in args for opt in options)
        assert args.index(options[0]) < args.index(_MAIN_CLASS)  # JVM options, not program arguments
        threads = [p.read_text().strip() for p in Path(f"/proc/{server.pid}/task").glob("*/comm")]
        assert any(t.startswith("GC Thread") for t in threads)
        assert not any(t.startswith("G1 ") for t in threads)  # G1, the JVM's default, would have these
        client = LanguageToolClient(server.url, settings.languagetool)
        assert check_grammar(client, "This are a test.", settings.languagetool).error_count >= 1


@pytest.mark.languagetool
def test_stopped_on_error_inside_the_block(settings):
    with pytest.raises(RuntimeError), LanguageToolServer(settings.languagetool) as server:
        pid = server.pid
        raise RuntimeError("job failed")
    assert not _alive(pid)


@pytest.mark.languagetool
def test_external_url_starts_no_process(languagetool, settings):
    shared, _ = languagetool
    lt = settings.languagetool.model_copy(update={"url": shared.url})
    with LanguageToolServer(lt) as server:
        assert server.pid is None and server.url == shared.url


# -- faults, with a fake server ------------------------------------------------------------------
@pytest.mark.parametrize("reply", [b"not json at all", b'{"no_matches": 1}', b'{"matches": [{"rule": 3}]}'])
def test_garbage_reply_is_a_languagetool_error(settings, reply):
    with fake_languagetool(lambda body: reply) as url:
        client = LanguageToolClient(url, settings.languagetool)
        with pytest.raises(LanguageToolError):
            check_grammar(client, "Some text.", settings.languagetool)


def test_unreachable_server_is_a_languagetool_error(settings):
    with fake_languagetool(lambda body: b'{"matches": []}') as url:
        client = LanguageToolClient(url, settings.languagetool)
        assert check_grammar(client, "Some text.", settings.languagetool).issues == ()
    client._url = "http://127.0.0.1:9/v2/"  # nothing listens on the discard port
    with pytest.raises(LanguageToolError, match="failed"):
        check_grammar(client, "Some text.", settings.languagetool)


# -- the AOT cache (Java 25+): recorded once, then started from --------------------------------------
def _aot_server(settings, tmp_path, *, major=25, record=False):
    """A server whose Java is a stand-in of version `major` (nothing is launched)."""
    jars = tmp_path / "jars"
    jars.mkdir(exist_ok=True)
    (jars / "languagetool-server-6.8.jar").write_bytes(b"jar")
    lt = settings.languagetool.model_copy(update={"jars_dir": jars, "aot_cache_dir": str(tmp_path / "aot")})
    server = LanguageToolServer(lt, record_aot_cache=record)
    server._java = JavaRuntime("/jdk/bin/java", f"{major}.0.1", major)
    return server


def test_no_aot_options_before_java_25_or_when_switched_off(settings, tmp_path):
    server = _aot_server(settings, tmp_path, major=17, record=True)
    assert server._aot_options() == []
    off = settings.languagetool.model_copy(update={"aot_cache": False, "aot_cache_dir": str(tmp_path / "aot")})
    server = LanguageToolServer(off, record_aot_cache=True)
    server._java = JavaRuntime("/jdk/bin/java", "25.0.1", 25)
    assert server._aot_options() == []
    assert not (tmp_path / "aot").exists()


def test_aot_cache_recorded_only_when_asked_and_kept_only_when_complete(settings, tmp_path):
    server = _aot_server(settings, tmp_path)
    assert server._aot_options() == []  # no cache, not asked to record

    server = _aot_server(settings, tmp_path, record=True)
    [option] = server._aot_options()
    written = Path(option.removeprefix("-XX:AOTCacheOutput="))
    assert written.parent == tmp_path / "aot"
    server._finish_recording(keep=True)  # the JVM wrote nothing: nothing is kept
    assert list((tmp_path / "aot").iterdir()) == []

    [option] = server._aot_options()
    written.write_bytes(b"cache")
    written.with_name(written.name + ".config").write_bytes(b"partial")
    server._finish_recording(keep=False)  # an interrupted run: dropped
    assert list((tmp_path / "aot").iterdir()) == []

    [option] = server._aot_options()
    written.write_bytes(b"cache")
    server._finish_recording(keep=True)
    [final] = (tmp_path / "aot").iterdir()
    assert final.read_bytes() == b"cache" and not final.name.startswith(".")
    assert server._aot_options() == [f"-XX:AOTCache={final}"]  # later starts use it


@pytest.mark.languagetool
def test_recorded_aot_cache_is_used_by_java_and_changes_no_match(settings, tmp_path):
    runtime = find_java(settings.languagetool.java)
    if not runtime.supports_aot_cache:
        pytest.skip(f"Java {runtime.version} has no AOT cache (Java 25 or later)")
    lt = settings.languagetool.model_copy(update={"aot_cache_dir": str(tmp_path)})
    text = "This are a test of the the server. Their going to school tomorow, wich is nice."
    with LanguageToolServer(lt, record_aot_cache=True) as server:
        recorded = check_grammar(LanguageToolClient(server.url, lt), text, lt)
    [cache] = tmp_path.iterdir()  # complete, under its final name; nothing half-written beside it
    assert cache.suffix == ".aot" and cache.stat().st_size > 1_000_000

    # Java reads LanguageTool's own classes from it (they can come from nowhere else "shared")
    jars = Path(lt.jars_dir)
    loaded = subprocess.run(
        [runtime.executable, f"-XX:AOTCache={cache}", "-Xlog:class+load", "-cp", f"{jars}/*", _MAIN_CLASS, "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    assert re.search(r"org\.languagetool\.server\.HTTPServer source: shared objects file", loaded)

    with LanguageToolServer(lt) as server:  # starts from the cache
        again = check_grammar(LanguageToolClient(server.url, lt), text, lt)
    assert again == recorded and recorded.error_count >= 3
    assert list(tmp_path.iterdir()) == [cache]


def test_a_recording_killed_while_writing_is_dropped(settings, tmp_path, monkeypatch):
    """A JVM that does not finish writing its AOT cache within the grace is killed (with its
    process group), and its half-written file is not kept."""
    server = _aot_server(settings, tmp_path, record=True)
    [option] = server._aot_options()
    written = Path(option.removeprefix("-XX:AOTCacheOutput="))
    stubborn = (  # ignores SIGTERM, as a JVM busy writing its cache may for longer than the grace
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('up', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", stubborn], stdout=subprocess.PIPE, start_new_session=True)
    assert proc.stdout is not None and proc.stdout.readline() == b"up\n"
    server._process = proc
    written.write_bytes(b"half a cache")
    monkeypatch.setattr(languagetool_server, "_AOT_DUMP_GRACE_S", 0.5)
    server.stop()
    assert proc.poll() is not None
    assert list((tmp_path / "aot").iterdir()) == []


@pytest.mark.languagetool
def test_a_java_without_aot_cache_support_still_runs_the_server(settings, tmp_path):
    """With `java = "auto"` the newest Java runs; a machine with only Java 17 takes this path."""
    older = [r for r in (probe(c) for c in candidates()) if r is not None and 17 <= r.major < 25]
    if not older:
        pytest.skip("no Java 17-24 on this machine")
    lt = settings.languagetool.model_copy(update={"java": older[0].executable, "aot_cache_dir": str(tmp_path)})
    with LanguageToolServer(lt, record_aot_cache=True) as server:
        result = check_grammar(LanguageToolClient(server.url, lt), "This are a test.", lt)
    assert result.error_count >= 1
    assert list(tmp_path.iterdir()) == []  # nothing recorded, nothing asked of that Java
