"""A static host on loopback for measuring and testing the built site: what readers get.

It serves a directory the way GitHub Pages or Netlify do: index.html for folders (with a
redirect to the trailing slash), the site's 404.html for missing files, gzip for text when the
browser accepts it, kept-alive connections, and optionally the Content-Security-Policy header.
scripts/lighthouse.py measures through it; the browser tests (tests/browser.py) read through it.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
TYPES = {".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml"}


def accepts_gzip(header: str) -> bool:
    """Whether an Accept-Encoding header allows gzip: named or "*", with a q above 0."""
    weights: dict[str, float] = {}
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            weights[name.strip().lower()] = float(q)
        except ValueError:
            continue
    return weights.get("gzip", weights.get("*", 0)) > 0


@functools.lru_cache(maxsize=256)
def _gzipped(file: Path, mtime_ns: int) -> bytes:
    """A file compressed once (per version), as a host's cache would, not on every request."""
    return gzip.compress(file.read_bytes(), compresslevel=9, mtime=0)


class StaticHostHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for a directory, like a static host: index.html for folders, the site's
    404.html for missing files, gzip for text when the client accepts it, kept-alive connections."""

    directory: Path
    csp: str | None
    # Keep connections open between requests, as real hosts do; HTTP/1.0 (the default) would
    # make Lighthouse count a new connection, a round trip or more, for every file.
    protocol_version = "HTTP/1.1"

    def __init__(self, *args: object, directory: Path, csp: str | None, **kwargs: object) -> None:
        self.directory = directory
        self.csp = csp
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def do_GET(self) -> None:
        self._respond(body=True)

    def _resolve(self) -> tuple[int, Path | None, str | None]:
        """(status, file, redirect location) for the request path; never outside the directory."""
        path = unquote(urlsplit(self.path).path)
        target = (self.directory / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.directory):
            return 404, None, None
        if target.is_dir():
            if not path.endswith("/"):
                return 301, None, path + "/"
            target = target / "index.html"
        return (200, target, None) if target.is_file() else (404, None, None)

    def _respond(self, body: bool) -> None:
        status, file, location = self._resolve()
        if status == 404:
            missing = self.directory / "404.html"
            file = missing if missing.is_file() else None
        headers: dict[str, str] = {}
        data = b""
        if location:
            headers["Location"] = location
        if file is not None:
            suffix = file.suffix.lower()
            kind = TYPES.get(suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            headers["Content-Type"] = kind + ("; charset=utf-8" if kind.startswith("text/") else "")
            headers["Cache-Control"] = "max-age=600"
            data = file.read_bytes()
            if kind.startswith(COMPRESSIBLE):
                headers["Vary"] = "Accept-Encoding"
                if accepts_gzip(self.headers.get("Accept-Encoding", "")):
                    data = _gzipped(file, file.stat().st_mtime_ns)
                    headers["Content-Encoding"] = "gzip"
        if self.csp and headers.get("Content-Type", "").startswith("text/html"):
            headers["Content-Security-Policy"] = self.csp
        headers["Content-Length"] = str(len(data))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(data)


@contextmanager
def serve(directory: Path, csp: str | None = None) -> Iterator[str]:
    """Serve ``directory`` as a static host would, on a free loopback port; yields the base URL."""
    handler = functools.partial(StaticHostHandler, directory=directory.resolve(), csp=csp)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
