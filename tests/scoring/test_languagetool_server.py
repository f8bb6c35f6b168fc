"""The LanguageTool server lifecycle, and fault handling with a fake server (in addition to the
real one: the fake only injects faults the real server will not produce on demand)."""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator

import pytest

from scoring.errors import LanguageToolError
from scoring.grammar import LanguageToolClient, check_grammar
from scoring.languagetool_server import LanguageToolServer, server_properties


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
class _Fake(http.server.BaseHTTPRequestHandler):
    reply: bytes = b""

    def do_GET(self) -> None:
        self._send(b'[{"name": "English (US)", "code": "en", "longCode": "en-US"}]')

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._send(type(self).reply)

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_server() -> Iterator[tuple[str, type[_Fake]]]:
    handler = type("Handler", (_Fake,), {})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", handler
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("reply", [b"not json at all", b'{"no_matches": 1}', b'{"matches": [{"rule": 3}]}'])
def test_garbage_reply_is_a_languagetool_error(fake_server, settings, reply):
    url, handler = fake_server
    handler.reply = reply
    client = LanguageToolClient(url, settings.languagetool)
    with pytest.raises(LanguageToolError):
        check_grammar(client, "Some text.", settings.languagetool)


def test_unreachable_server_is_a_languagetool_error(fake_server, settings):
    url, handler = fake_server
    handler.reply = b'{"matches": []}'
    client = LanguageToolClient(url, settings.languagetool)
    assert check_grammar(client, "Some text.", settings.languagetool).issues == ()
    client._url = "http://127.0.0.1:9/v2/"  # nothing listens on the discard port
    with pytest.raises(LanguageToolError, match="failed"):
        check_grammar(client, "Some text.", settings.languagetool)
