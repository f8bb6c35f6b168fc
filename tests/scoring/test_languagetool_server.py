"""The LanguageTool server lifecycle, and fault handling with a fake server (in addition to the
real one: the fake only injects faults the real server will not produce on demand)."""

from __future__ import annotations

import os

import pytest

from scoring.errors import LanguageToolError
from scoring.grammar import LanguageToolClient, check_grammar
from scoring.languagetool_server import LanguageToolServer, server_properties
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
