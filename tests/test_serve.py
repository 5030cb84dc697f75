"""`make serve`, the preview a contributor works in, and the build log they read.

- The served page reloads itself after an edit, under the site's Content-Security-Policy: MkDocs'
  live-reload script is inline, so `make serve` (and only it) allows inline scripts.
- Every built page keeps the strict policy, even with the serve setting left in the shell.
- The address the docs give is the one `make serve` prints.
- The build log does not list every exercise as missing from the nav, but still names an
  article that was left out of it.

Every test works on a temporary copy of the project; the real files are never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from browser import WithoutServiceWorkers, attribute
from conftest import BIN, ROOT, found
from playwright.sync_api import Page

VENV = BIN.parent  # the environment running the tests, which `make` is told is set up
PROJECT = ("docs", "data", "includes", "overrides", "src/exercise_atlas/templates", "mkdocs.yml", "Makefile")
EXERCISE = "docs/exercises/side-lunge.md"
CSP_META = 'meta[http-equiv="Content-Security-Policy"]'
# Chromium reports a violation as an event; print it, so the console listener sees it across reloads.
REPORT_VIOLATIONS = (
    "document.addEventListener('securitypolicyviolation',"
    " e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
)


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)  # creates parents
        else:
            shutil.copy(source, project / name)
    return project


def make(project: Path, *args: str) -> list[str]:
    """`make` in ``project``, with the test run's own environment as the set-up .venv."""
    return ["make", "-s", "-C", str(project), *args, f"VENV={VENV}", "-o", f"{VENV}/.installed"]


def mount_path() -> str:
    """The path part of mkdocs.yml's site_url (its default, as on a contributor's machine)."""

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        assert isinstance(node, yaml.SequenceNode)
        return loader.construct_sequence(node)[-1]

    Loader.add_constructor("!ENV", env)
    config: dict[str, Any] = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    site_url: str = config["site_url"]
    return urlsplit(site_url).path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(condition: Callable[[], bool], timeout: float, what: str, log: list[str]) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}; serve printed:\n" + "".join(log))
        time.sleep(0.1)


def wait_until_settled(log: list[str], quiet: float = 3.0, timeout: float = 60) -> None:
    """Wait until serve has built nothing new for ``quiet`` seconds.

    An edit can mean two builds: the build writes files of its own into docs/ when they change
    (the library's export, the muscle map's drawing), and serve builds again for them. A step
    that follows must not land between the two reloads: a build error then holds the second
    page load until it is fixed."""
    deadline = time.monotonic() + timeout
    seen, since = len(log), time.monotonic()
    while time.monotonic() - since < quiet:
        if time.monotonic() > deadline:
            pytest.fail("serve kept building; it printed:\n" + "".join(log))
        if len(log) != seen:
            seen, since = len(log), time.monotonic()
        time.sleep(0.1)


@contextmanager
def serving(project: Path) -> Iterator[tuple[str, list[str]]]:
    """`make serve` on a free port: (the address it prints, its output so far, growing)."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("ATLAS_LIVE_RELOAD", None)  # `make serve` sets it itself
    process = subprocess.Popen(
        make(project, "serve", f"DEV_ADDR=127.0.0.1:{port}"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        start_new_session=True,  # its own process group: make and mkdocs are stopped together
    )
    log: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            log.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        serving_line = re.compile(r"Serving on (http://\S+)")
        wait_for(
            lambda: process.poll() is not None or any(serving_line.search(line) for line in log),
            120,
            "the first build",
            log,
        )
        assert process.poll() is None, "make serve stopped:\n" + "".join(log)
        url = next(m.group(1) for line in log if (m := serving_line.search(line)))
        yield url, log
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
        reader.join(timeout=5)


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {path}"
    path.write_text(new, encoding="utf-8")


def window_flag(page: Page, name: str) -> bool | None:
    """``window[name]`` in the page; None while the page is between documents (reloading)."""
    try:
        flag: bool = page.evaluate(f"window.{name} === true")
        return flag
    except Exception:  # the page navigated while evaluating
        return None


def test_served_page_reloads_itself_after_an_edit_under_the_policy(
    browser: WithoutServiceWorkers, tmp_path: Path
) -> None:
    project = copy_project(tmp_path)
    with serving(project) as (url, log):
        assert url == f"http://127.0.0.1:{urlsplit(url).port}{mount_path()}"
        context = browser.new_context()
        try:
            context.add_init_script(REPORT_VIOLATIONS)
            page = context.new_page()
            console: list[str] = []
            page.on("console", lambda message: console.append(message.text))
            with page.expect_console_message(lambda message: message.text == "Enabled live reload", timeout=30_000):
                page.goto(url + "exercises/side-lunge/")  # the script ran: the policy let it
            policy = attribute(page.locator(CSP_META), "content")
            assert "script-src 'self' 'unsafe-inline';" in policy  # for the live-reload script only
            assert "style-src 'self';" in policy and policy.count("'unsafe-inline'") == 1

            from playwright.sync_api import expect

            # An exercise's data (front matter in docs/): the page reloads itself and shows the new text.
            page.evaluate("window.beforeEdit = true")
            new_summary = "Edited while serving, shown by the page without a manual reload."
            edit(project / EXERCISE, r"^summary: >-\n(?:  .*\n)+", f"summary: {new_summary}\n")
            card = page.locator("article.exercise-card--page")
            expect(card.locator(".exercise-card__summary")).to_have_text(new_summary, timeout=60_000)
            assert window_flag(page, "beforeEdit") is False, "the text changed without a reload"

            # A data file outside docs/ (mkdocs.yml's watch list): the muscle's name on the card.
            edit(project / "data/muscles.yml", r"^  name: Adductor magnus$", "  name: Adductor magnus (edited)")
            expect(card).to_contain_text("Adductor magnus (edited)", timeout=60_000)
            wait_until_settled(log)  # the drawing names the muscle too: a second build, a second reload
            page.wait_for_load_state()

            # A build error: MkDocs 1.6 reports it in the terminal only and keeps the page as it was
            # (no reload into a broken page); once fixed, the page reloads by itself.
            page.evaluate("window.beforeError = true")
            level = found(r"^level: (\w+)$", (project / EXERCISE).read_text(encoding="utf-8"), re.M).group(1)
            edit(project / EXERCISE, r"^level: \w+$", "level: expert")
            error = f"{EXERCISE}:"
            wait_for(
                lambda: any(error in line and "level: expected one of" in line for line in log), 60, "the error", log
            )
            assert window_flag(page, "beforeError") is True
            edit(project / EXERCISE, r"^level: expert$", f"level: {level}")
            wait_for(lambda: window_flag(page, "beforeError") is False, 60, "the reload after the fix", log)
            expect(card.locator(".exercise-card__summary")).to_have_text(new_summary, timeout=30_000)
        finally:
            context.close()
    assert [line for line in console if "Content Security Policy" in line or "CSP violation" in line] == []


def test_built_pages_keep_the_strict_policy_and_the_log_names_only_forgotten_articles(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    front = "---\ndescription: An article whose author forgot to list it in the nav of mkdocs.yml.\n---\n"
    (project / "docs/forgotten-article.md").write_text(
        front + "# Forgotten article\n\nNot in the nav.\n", encoding="utf-8"
    )
    with (project / "data/published-urls.txt").open("a", encoding="utf-8") as published:
        published.write("/forgotten-article/\n")
    # The serve setting left in a shell must not reach a build (the Makefile keeps it out).
    env = {**os.environ, "ATLAS_LIVE_RELOAD": "1"}
    result = subprocess.run(make(project, "build"), env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    listed = re.search(r'not included in the "nav" configuration:\n((?:  - .*\n)+)', result.stderr)
    assert listed, result.stderr
    names = re.findall(r"  - (.*)", listed.group(1))
    assert "forgotten-article.md" in names
    assert [name for name in names if name.startswith("exercises/")] == []
    for page in ("index.html", "exercises/side-lunge/index.html", "forgotten-article/index.html"):
        html = (project / "site" / page).read_text(encoding="utf-8")
        policy = found(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
        assert "'unsafe-inline'" not in policy and "script-src 'self';" in policy, page


def test_the_documented_preview_address_is_the_one_make_serve_prints() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    address = found(r"^DEV_ADDR \?= (\S+)$", makefile, re.M).group(1)
    printed = f"http://{address}{mount_path()}"  # MkDocs prints `Serving on` the address plus site_url's path
    for doc in ("README.md", "CONTRIBUTING.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert printed in text, f"{doc} does not give the preview address {printed}"
        others = set(re.findall(r"http://(?:127\.0\.0\.1|localhost)[:\d]*/?[\w/-]*", text)) - {printed}
        assert others == set(), f"{doc} gives another preview address: {others}"
