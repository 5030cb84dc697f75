"""scripts/lighthouse.py without Lighthouse (too slow for the suite): its static host and its pages.

The host is nginx, started by scripts/static_host.py, which the browser tests read the site
through as well. Lighthouse's weight and speed figures are only as real as the server it
measures, so the server must compress like a static host does, send the site's own headers, and
the pages it names must exist in the built site.
"""

from __future__ import annotations

import gzip
import http.client
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser import require_nginx
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import lighthouse
import static_host

POLICY = "default-src 'self'"


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("host")
    (root / "index.html").write_text("<!doctype html><title>home</title>" + "text " * 500, encoding="utf-8")
    (root / "404.html").write_text("<!doctype html><title>not found</title>", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub/index.html").write_text("<!doctype html><title>sub</title>", encoding="utf-8")
    (root / "app.js").write_text("console.log(1);\n" * 200, encoding="utf-8")
    (root / "pixel.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (root.parent / "secret.txt").write_text("outside", encoding="utf-8")
    (root / "_headers").write_text("# a comment\n/*\n  Content-Security-Policy: x\n  X-Test: yes\n", encoding="utf-8")
    require_nginx()
    with static_host.serve(root, POLICY) as base:
        yield root, base


def get(base: str, path: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)  # host:port
    connection.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
    response = connection.getresponse()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return result


def test_text_is_gzipped_when_the_browser_accepts_it(host: tuple[Path, str]) -> None:
    root, base = host
    status, headers, body = get(base, "/", "gzip, deflate, br")
    assert status == 200 and headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == (root / "index.html").read_bytes()
    assert len(body) < (root / "index.html").stat().st_size / 5
    assert headers["content-type"] == "text/html; charset=utf-8" and headers["cache-control"] == "max-age=600"
    status, headers, body = get(base, "/app.js", "gzip")
    assert headers["content-encoding"] == "gzip" and "javascript" in headers["content-type"]


def test_the_sites_headers_file_is_sent_with_every_file(host: tuple[Path, str]) -> None:
    """As Netlify reads _headers; the policy given to serve() replaces the file's."""
    _, base = host
    for path in ("/", "/app.js", "/no/such/page/"):
        headers = get(base, path)[1]
        assert headers["content-security-policy"] == POLICY and headers["x-test"] == "yes", path


@pytest.mark.parametrize("encoding", [None, "identity", "br", "gzip;q=0"])
def test_text_is_sent_plain_otherwise(host: tuple[Path, str], encoding: str | None) -> None:
    root, base = host
    status, headers, body = get(base, "/", encoding)
    assert status == 200 and "content-encoding" not in headers
    assert body == (root / "index.html").read_bytes()


def test_images_are_not_recompressed(host: tuple[Path, str]) -> None:
    root, base = host
    status, headers, body = get(base, "/pixel.png", "gzip")
    assert status == 200 and "content-encoding" not in headers and body == (root / "pixel.png").read_bytes()


def test_folders_missing_files_and_escapes_behave_like_a_static_host(host: tuple[Path, str]) -> None:
    _, base = host
    status, headers, _ = get(base, "/sub")
    assert status == 301 and headers["location"] == base + "sub/"
    assert get(base, "/sub/")[0] == 200
    status, _, body = get(base, "/no/such/page/")
    assert status == 404 and b"not found" in body
    status, _, body = get(base, "/../secret.txt")
    assert status in (400, 404) and b"outside" not in body


def test_connections_are_kept_alive(host: tuple[Path, str]) -> None:
    """Like a real host; one connection per file would add round trips to every measurement."""
    _, base = host
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)  # host:port
    for path in ("/", "/app.js", "/sub", "/missing", "/"):
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        response.read()
        assert not response.will_close, path
    connection.close()


def test_a_site_under_a_sub_path_is_served_there(host: tuple[Path, str]) -> None:
    root, _ = host
    with static_host.serve(root, base_path="project") as base:
        assert base.endswith("/project/")
        assert get(base, "/project/sub/")[0] == 200
        status, headers, _ = get(base, "/project/sub")
        assert status == 301 and headers["location"] == base + "sub/"
        status, _, body = get(base, "/project/missing")
        assert status == 404 and b"not found" in body  # the site's own 404 page, from under the sub-path
        assert get(base, "/sub/")[0] == 404


def test_a_missing_nginx_is_reported_with_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(static_host, "nginx_path", lambda: None)
    with pytest.raises(static_host.HostMissingError, match="apt-get install nginx-light"), static_host.serve(tmp_path):
        pass


def test_the_measured_pages_exist(site: Path) -> None:
    """An article, an exercise and the library as the script names them; a renamed page fails here."""
    for name, path in lighthouse.PAGES.items():
        assert (site / path / "index.html").is_file(), name


def test_policy_is_the_sites() -> None:
    from test_security import policy

    assert lighthouse.content_security_policy() == policy()


def test_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        lighthouse.main(["--page", "nowhere"])
    with pytest.raises(SystemExit):
        lighthouse.main(["--runs", "0"])
    assert lighthouse.main([str(tmp_path)]) == 2
    assert "build it first" in capsys.readouterr().err


def test_browser_tests_skip_without_nginx_and_fail_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    import browser

    monkeypatch.setattr(static_host, "nginx_path", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="nginx-light"):
        browser.require_nginx()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="nginx-light"):
        browser.require_nginx()
