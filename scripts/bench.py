"""Benchmark: build time, memory and size as the exercise library grows, against stock Material.

Usage: make bench            (or .venv/bin/python scripts/bench.py --sizes 10 100 1000 --runs 3)
       .venv/bin/python scripts/bench.py --profile 1000     (cProfile of one build; the top entries)

For each library size it generates a synthetic site (valid exercise files with realistic text and
a movement figure, each page showing its card, plus the library index) and builds it side by side:

  ours    this repository's mkdocs.yml: cards rendered by the exercise_atlas macro;
  stock   stock MkDocs + Material with the same text as plain Markdown and no extension: the
          anchor for "what would a plain site cost" (its library page is a list of links);
  html    (with --kinds ... html) the same pages as ours with each card replaced by its finished
          HTML, which isolates the cost of the macro itself.

It prints medians of --runs clean builds: wall time, peak memory (max RSS of the build process),
total site size, the library page (and its bytes per exercise), one exercise page and the search
index, then the ratios ours/stock. With Chromium present it then times search at the largest
size, ours and stock in the same browser taking turns: from a query's last keystroke to its
first result, timed in the page (five queries three times a page, --search-loads page loads
a site).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from exercise_atlas.content.loader import load_site  # noqa: E402
from exercise_atlas.content.model import Settings  # noqa: E402
from exercise_atlas.markup.renderer import Renderer  # noqa: E402

MUSCLES = ["adductor-longus", "adductor-brevis", "adductor-magnus", "gracilis", "pectineus", "gluteus-medius"]
EQUIPMENT = ["none", "band", "ball", "bench", "cable", "slider"]
LEVELS = ["beginner", "intermediate", "advanced"]
PROSE = (
    "This variation keeps the inner thigh working while the rest of the body stays still. Move slowly, "
    "breathe out as you squeeze, and stop if you feel a sharp pain at the pubic bone. Runners can add it "
    "after an easy run, twice a week, and progress when three sets feel comfortable the next day. "
)


def real_figures() -> list[str]:
    """The ``figure:`` blocks of this site's exercises: synthetic exercises are drawn like real ones."""
    blocks = []
    for path in sorted((ROOT / "docs/exercises").glob("*.md")):
        match = re.search(r"^figure:\n(?:[ -].*\n)+", path.read_text(encoding="utf-8"), re.M)
        if match:
            blocks.append(match.group(0))
    return blocks


FIGURES = real_figures()
DESCRIPTION = "---\ndescription: A synthetic page of the benchmark, the same text for every generator.\n---\n\n"


def exercise_markdown(index: int, total: int) -> str:
    """One valid exercise file; neighbours form ladders so the links are real."""
    regress = [f"bench-{index - 1:04d}"] if index > 0 else []
    progress = [f"bench-{index + 1:04d}"] if index < total - 1 else []
    primary, secondary = MUSCLES[index % 3], MUSCLES[3 + index % 3]
    return f"""---
id: bench-{index:04d}
name: Benchmark exercise {index}
aliases: [synthetic adduction {index}]
summary: A synthetic adduction exercise number {index}, for measuring the build.
level: {LEVELS[index % 3]}
equipment: [{EQUIPMENT[index % 6]}]
muscles:
  primary: [{primary}]
  secondary: [{secondary}]
dose:
  sets: "2-3"
  reps: "8-12 each side"
  rest: "60-90 s"
  frequency: "2 times a week"
steps:
  - Set up side-on with the working leg supported and the body in a straight line.
  - Squeeze the leg towards the midline over two seconds, keeping the pelvis level.
  - Lower over three seconds and repeat on the other side.
cues:
  - Long body, level hips.
  - Breathe out as you squeeze.
mistakes:
  - Letting the hips sag; shorten the lever instead.
regressions: [{", ".join(regress)}]
progressions: [{", ".join(progress)}]
progress_when: Three sets of twelve feel easy with no pain the next day.
for_runners: The adductors help steady the pelvis when one foot is on the ground [@serner2014].
safety: Stop for sharp pain or pain at the pubic bone and see a physiotherapist if it persists.
evidence:
  type: emg
  population: Elite male football players
  summary: Comparable exercises reached high adductor longus activity [@serner2014].
references: [serner2014]
reviewed: 2026-11-25
{FIGURES[index % len(FIGURES)] if FIGURES else ""}---

{{{{ exercise_card("bench-{index:04d}", variant="page") }}}}

## More detail

{PROSE * 6}
"""


def plain_markdown(index: int, total: int) -> str:
    """The same words as plain Markdown, for stock MkDocs (no extension, no card)."""
    text = exercise_markdown(index, total)
    if FIGURES:  # a drawing, not text: stock has none
        text = text.replace(FIGURES[index % len(FIGURES)], "")
    front, body = text.split("---\n", 2)[1:]
    lines = [f"# Benchmark exercise {index}", ""]
    lines += [f"- {line.strip()}" for line in front.splitlines() if line.strip() and not line.startswith("---")]
    return "\n".join(lines) + "\n" + body.split("\n", 2)[2]


def make_project(where: Path, size: int, kind: str) -> Path:
    project = where / f"{kind}-{size}"
    docs = project / "docs"
    (docs / "exercises").mkdir(parents=True)
    for name in ("data", "includes", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(ROOT / "src/exercise_atlas/templates", project / "src/exercise_atlas/templates")
    shutil.copytree(ROOT / "docs/assets", docs / "assets")
    shutil.copy(ROOT / "docs/_headers", docs / "_headers")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:\n(  .*\n)+", "\nnav:\n  - index.md\n  - Exercise library: exercises/index.md\n", config)
    config = config.replace("      export_file: docs/data/exercises.json\n", "")
    config = re.sub(r"      published_urls_file: .*\n", "", config)  # synthetic pages have no published address
    config = re.sub(r"      charts_file: .*\n", "", config)  # the charts name this site's exercises, not the bench's
    if kind == "stock":
        config = config.split("\nmarkdown_extensions:")[0] + "\nmarkdown_extensions:\n  - toc:\n      permalink: true\n"
        config = config.replace("  custom_dir: overrides\n", "")
        config = re.sub(r"\nextra_(css|javascript):\n(  .*\n)+", "\n", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    # Every reference is cited once on the home page (the build fails on an uncited one).
    keys = re.findall(r"^@\w+\{([^,]+),", (ROOT / "data/references.bib").read_text(encoding="utf-8"), re.M)
    (docs / "index.md").write_text(
        f"{DESCRIPTION}# Benchmark\n\nA synthetic library, citing [{'; '.join('@' + k for k in keys)}].\n",
        encoding="utf-8",
    )
    for index in range(size):
        text = plain_markdown(index, size) if kind == "stock" else exercise_markdown(index, size)
        (docs / "exercises" / f"bench-{index:04d}.md").write_text(text, encoding="utf-8")
    library = (
        DESCRIPTION
        + "# Exercise library\n\n"
        + (
            "\n".join(f"- [Benchmark exercise {i}](bench-{i:04d}.md)" for i in range(size))
            if kind == "stock"
            else "{{ exercise_library() }}"
        )
    )
    (docs / "exercises/index.md").write_text(library + "\n", encoding="utf-8")
    if kind == "html":
        prerender_cards(project)
        # The pages now hold finished HTML: the extension still loads muscles and references and
        # handles prose citations, but finds no exercise files and renders no macro.
        config = config.replace("      exercises_dir: docs/exercises\n", "      exercises_dir: docs/no-exercises\n")
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def prerender_cards(project: Path) -> None:
    """Replace every macro line by the HTML it renders (links made relative as in the build)."""
    cwd = os.getcwd()
    os.chdir(project)
    try:
        settings = Settings(templates_dir="overrides/exercise_atlas", vocabulary_file="data/vocabulary.yml")
        renderer = Renderer(load_site(settings).site.require_valid(), settings)
        import xml.etree.ElementTree as ET

        from exercise_atlas.markup.map_drawing import drawing as map_drawing
        from exercise_atlas.markup.map_drawing import uses_inline_drawing

        drawing = map_drawing(renderer, standalone=False)  # no generator here: the maps refer to it inline
        for page in sorted(Path("docs/exercises").glob("*.md")):  # the index too
            text = page.read_text(encoding="utf-8")
            where = page.relative_to("docs").as_posix()
            elements: list[ET.Element] = []

            def html(match: re.Match[str], where: str = where, elements: list[ET.Element] = elements) -> str:
                rendered = renderer.render_macro(match.group(1), where)
                elements.extend(rendered)
                return "".join(ET.tostring(element, encoding="unicode", method="html") for element in rendered)

            text = re.sub(r"^\{\{(.*)\}\}$", html, text, flags=re.M)
            if any(uses_inline_drawing(element) for element in elements):  # as the extension adds it
                text += "\n" + drawing + "\n"
            if text.startswith("---\n") and "\ndescription:" not in text:  # now an ordinary page
                text = DESCRIPTION.split("---\n\n")[0] + text.removeprefix("---\n")
            page.write_text(text, encoding="utf-8")
    finally:
        os.chdir(cwd)


def build(project: Path) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds of one clean build in a fresh process.

    CPU time (user + system) is what the build itself costs; wall time also counts waiting for
    the cores when other work shares the machine."""
    shutil.rmtree(project / "site", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "src")}  # this checkout
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=env, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build failed in {project}:\n{process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure(project: Path, runs: int, size: int) -> dict[str, float]:
    results = [build(project) for _ in range(runs)]
    site = project / "site"
    library = (site / "exercises/index.html").stat().st_size
    return {
        "seconds": statistics.median(r[0] for r in results),
        "cpu": statistics.median(r[2] for r in results),
        "rss_mib": statistics.median(r[1] for r in results),
        "site_mib": folder_size(site) / 2**20,
        "library_kib": library / 1024,
        "per_exercise_b": library / size,
        "page_kib": (site / "exercises/bench-0000/index.html").stat().st_size / 1024,
        "index_kib": (site / "search/search_index.json").stat().st_size / 1024,
    }


# Words in every synthetic exercise, for ours and stock alike.
QUERIES = ("adduction", "pelvis", "squeeze", "runners", "breathe")

# In the page: clear the box and wait for the list to empty, then put the whole query in and
# send the keyup Material listens for (as a reader's last keystroke does), and time until the
# first result is in the list. Timing in the page keeps the harness's own round trips out.
_TIME_ONE_QUERY = """async (query) => {
  const input = document.querySelector("input.md-search__input")
  const list = document.querySelector(".md-search-result__list")
  const keyup = () => input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}))
  input.value = ""
  keyup()
  for (let waited = 0; list.querySelector(".md-search-result__item") && waited < 5000; waited += 20)
    await new Promise(resolve => setTimeout(resolve, 20))
  return await new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error("no result for " + query)), 60000)
    const observer = new MutationObserver(() => {
      if (!list.querySelector(".md-search-result__item")) return
      const elapsed = performance.now() - start
      observer.disconnect()
      clearTimeout(timeout)
      resolve(elapsed)
    })
    observer.observe(list, {childList: true, subtree: true})
    const start = performance.now()
    input.value = query
    keyup()
  })
}"""


def search_latency(sites: dict[str, Path], loads: int) -> dict[str, float] | None:
    """Median ms from a query's last keystroke to its first result, per site, in one Chromium.

    Each of ``loads`` rounds loads each site's home page afresh, opens search, waits for its
    index, then times every query in ``QUERIES`` three times; the sites take turns first (ABBA),
    so neither gains from going first. None without Chromium."""
    if not Path("/usr/bin/chromium").exists():
        return None
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {kind: [] for kind in sites}
    with sync_playwright() as playwright, contextlib.ExitStack() as stack:
        bases = {kind: stack.enter_context(serve(site)) for kind, site in sites.items()}
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        # Playwright's evaluation needs eval, which the site's CSP forbids; only the harness bypasses it.
        context = browser.new_context(bypass_csp=True, service_workers="block")
        order = list(bases)
        for round_ in range(loads):
            for kind in order if round_ % 2 == 0 else reversed(order):
                page = context.new_page()
                page.goto(bases[kind])
                page.locator("label.md-search__icon, .md-search__input").first.click()
                page.locator("input.md-search__input").fill("zz")  # any query: the index is ready when it is answered
                page.wait_for_function(
                    "!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')",
                    timeout=120_000,
                )
                times[kind] += [page.evaluate(_TIME_ONE_QUERY, query) for query in QUERIES * 3]
                page.close()
        browser.close()
    return {kind: statistics.median(values) for kind, values in times.items()}


def profile(where: Path, size: int, top: int = 30) -> None:
    """One build of ours at ``size`` under cProfile: where the time goes, by own time and in total."""
    import pstats

    project = make_project(where, size, "ours")
    out = where / "build.prof"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "src")}  # this checkout
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict", "-q"]
    subprocess.run(command, cwd=project, env=env, check=True)
    stats = pstats.Stats(str(out))
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=3, help="builds per measurement; the median is shown")
    parser.add_argument("--search-loads", type=int, default=10, help="page loads a site for the search timing")
    parser.add_argument("--kinds", nargs="+", default=["ours", "stock"], choices=["ours", "stock", "html"])
    parser.add_argument("--profile", type=int, metavar="SIZE", help="profile one build of ours at SIZE and stop")
    args = parser.parse_args(argv)
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="atlas-profile-") as tmp:
            profile(Path(tmp), args.profile)
        return 0
    kinds = [k for k in ("ours", "html", "stock") if k in args.kinds]
    table: dict[tuple[int, str], dict[str, float]] = {}
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        for size in args.sizes:
            for kind in kinds:
                project = make_project(Path(tmp), size, kind)
                table[size, kind] = measure(project, args.runs, size)
                print(
                    f"  measured {kind:5} at {size:5} exercises: {table[size, kind]['seconds']:.2f} s", file=sys.stderr
                )
        largest = max(args.sizes)
        searched = [k for k in ("ours", "stock") if k in kinds]
        latency = search_latency({k: Path(tmp) / f"{k}-{largest}" / "site" for k in searched}, args.search_loads)

    print(f"\nMedians of {args.runs} clean builds (MkDocs {mkdocs_version()}, {os.cpu_count()} cores)\n")
    print(
        f"{'exercises':>9} {'build':>6} {'s':>7} {'CPU s':>7} {'RSS MiB':>8} {'site MiB':>9} {'library KiB':>12} "
        f"{'B/exercise':>11} {'page KiB':>9} {'index KiB':>10}"
    )
    for (size, kind), row in table.items():
        print(
            f"{size:>9} {kind:>6} {row['seconds']:7.2f} {row['cpu']:7.2f} {row['rss_mib']:8.0f} {row['site_mib']:9.1f} "
            f"{row['library_kib']:12.1f} {row['per_exercise_b']:11.0f} {row['page_kib']:9.1f} {row['index_kib']:10.0f}"
        )
    if "stock" in kinds and "ours" in kinds:
        print("\nRatios ours/stock (same run); goals: build <= 1.5, RSS <= 1.2, index <= 1.2, page <= stock + 10 KiB")
        for size in args.sizes:
            ours, stock = table[size, "ours"], table[size, "stock"]
            print(
                f"  {size:>5} exercises: build {ours['seconds'] / stock['seconds']:.2f} (CPU {ours['cpu'] / stock['cpu']:.2f})"
                f"   RSS {ours['rss_mib'] / stock['rss_mib']:.2f}"
                f"   index {ours['index_kib'] / stock['index_kib']:.2f}"
                f"   page +{ours['page_kib'] - stock['page_kib']:.1f} KiB"
                f"   library {ours['per_exercise_b']:.0f} B/exercise (goal <= 1,500)"
            )
    if "html" in kinds:
        for size in args.sizes:
            ratio = table[size, "ours"]["seconds"] / table[size, "html"]["seconds"]
            print(f"  {size:>5} exercises: macro cost ours/html = {ratio:.3f}")
    if latency:
        shown = "   ".join(f"{kind} {ms:.0f} ms" for kind, ms in latency.items())
        if "ours" in latency and "stock" in latency:
            shown += f"   ours/stock {latency['ours'] / latency['stock']:.2f} (goal <= 1)"
        print(f"\nSearch at {largest} exercises, median ms from a query's last keystroke to its first result: {shown}")
    elif latency is None:
        print("\nSearch latency: skipped (no /usr/bin/chromium)")
    print(f"\nThe whole run took {(time.perf_counter() - began) / 60:.1f} minutes.")
    return 0


def mkdocs_version() -> str:
    import mkdocs

    return mkdocs.__version__


if __name__ == "__main__":
    sys.exit(main())
