"""A fake LanguageTool HTTP server for fault injection only (garbage replies, hangs); every
other test talks to the real server."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

LANGUAGES = b'[{"name": "English (US)", "code": "en", "longCode": "en-US"}]'


class FakeHandler(http.server.BaseHTTPRequestHandler):
    """Answers GET /v2/languages like LanguageTool; POST bodies go to `reply(body)`, which
    returns the reply bytes, or None to send nothing (a hang)."""

    reply: Callable[[bytes], bytes | None] = staticmethod(lambda body: b'{"matches": []}')

    def do_GET(self) -> None:
        self._send(LANGUAGES)

    def do_POST(self) -> None:
        answer = type(self).reply(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        if answer is not None:
            self._send(answer)

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def fake_languagetool(reply: Callable[[bytes], bytes | None]) -> Iterator[str]:
    """Run a fake server on 127.0.0.1 answering POSTs with `reply`; yields its base URL."""
    handler = type("Handler", (FakeHandler,), {"reply": staticmethod(reply)})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
