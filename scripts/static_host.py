"""Serve a built site with nginx on loopback, as GitHub Pages or Netlify serve it: what readers get.

nginx (Debian's ``nginx-light``; ``/usr/sbin/nginx``) is started on a free loopback port with a
temporary configuration: index.html for folders (with a redirect to the trailing slash), the
site's 404.html for missing files, gzip for text when the browser accepts it, kept-alive
connections, ``max-age=600`` as GitHub Pages sends, and the headers of the site's ``_headers``
file (the Content-Security-Policy; Netlify reads that file). No root is needed: the pid file,
error log and temporary folders live in a temporary directory. scripts/lighthouse.py measures
through it and the browser tests (tests/browser.py) read through it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx")
INSTALL_HINT = "install nginx (Debian: apt-get install nginx-light)"
# Compressed like GitHub Pages and Netlify do (text/html is always included by nginx).
GZIP_TYPES = "text/css text/plain text/xml text/javascript application/javascript application/json application/xml image/svg+xml application/manifest+json"


class HostMissingError(RuntimeError):
    """nginx is not installed; the message says how to get it."""


def nginx_path() -> str | None:
    for candidate in (shutil.which("nginx"), *NGINX_CANDIDATES):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def site_headers(directory: Path) -> dict[str, str]:
    """The headers a ``_headers`` file (Netlify's format) gives every path (``/*``), in order."""
    path = directory / "_headers"
    headers: dict[str, str] = {}
    if not path.is_file():
        return headers
    block = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            block = line.strip()
        elif block == "/*" and ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip()] = value.strip()
    return headers


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def configuration(directory: Path, port: int, workdir: Path, headers: dict[str, str], base_path: str = "/") -> str:
    """An nginx configuration serving ``directory`` at ``base_path`` on 127.0.0.1:``port``."""
    mime = Path("/etc/nginx/mime.types")
    types = (
        f"include {mime};" if mime.is_file() else "types { text/html html; text/css css; application/javascript js; }"
    )
    add = "\n".join(f"    add_header {name} {_quote(value)} always;" for name, value in headers.items())
    root = str(directory.resolve()).rstrip("/") + "/"
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    serve_from = f"root {_quote(root)};" if base == "/" else f"alias {_quote(root)};"
    temp = "\n".join(
        f"  {kind}_temp_path {_quote(str(workdir / kind))};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
daemon off;
master_process off;
worker_processes 1;
pid {_quote(str(workdir / "nginx.pid"))};
error_log {_quote(str(workdir / "error.log"))} warn;
events {{ worker_connections 256; }}
http {{
  {types}
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/plain text/xml text/javascript application/javascript application/json image/svg+xml;
  access_log off;
{temp}
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 10000;
  server_tokens off;
  gzip on;
  gzip_vary on;
  gzip_comp_level 6;
  gzip_min_length 256;
  gzip_types {GZIP_TYPES};
  server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    expires 10m;
{add}
    error_page 404 {base}404.html;
    location {base} {{
      {serve_from}
      index index.html;
      try_files $uri $uri/ =404;
    }}
  }}
}}
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, log: Path, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"nginx stopped at start: {log.read_text(errors='replace').strip() if log.exists() else ''}"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not answer on port {port} within {timeout:.0f} s")


@contextmanager
def serve(directory: Path, csp: str | None = None, base_path: str = "/") -> Iterator[str]:
    """Serve ``directory`` with nginx at ``base_path`` on a free loopback port; yields the base URL.

    Sends the headers of the site's own ``_headers`` file; ``csp`` (if given) replaces its
    Content-Security-Policy. Raises HostMissingError without nginx.
    """
    nginx = nginx_path()
    if nginx is None:
        raise HostMissingError(f"serving the built site needs nginx; {INSTALL_HINT}")
    headers = site_headers(directory)
    if csp is not None:
        headers["Content-Security-Policy"] = csp
    with tempfile.TemporaryDirectory(prefix="atlas-nginx-") as tmp:
        workdir = Path(tmp)
        for attempt in range(3):  # another process may take the free port between probe and start
            port = _free_port()
            config = workdir / "nginx.conf"
            config.write_text(configuration(directory, port, workdir, headers, base_path), encoding="utf-8")
            log = workdir / "error.log"
            command = [nginx, "-p", str(workdir), "-c", str(config), "-e", str(log)]
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                _wait_until_listening(process, port, log)
                break
            except RuntimeError:
                process.kill()
                process.wait()
                if attempt == 2:
                    raise
        try:
            base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
            yield f"http://127.0.0.1:{port}{base}"
        finally:
            process.terminate()  # nginx's fast shutdown
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stderr:
                process.stderr.close()
