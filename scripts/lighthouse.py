"""Lighthouse (mobile preset) on four kinds of page: category scores, first-load weight, failing audits.

Usage: make lighthouse         (builds first; or .venv/bin/python scripts/lighthouse.py [site] [--runs 3])

It builds nothing: it serves a built site (default site/) on loopback with nginx, as a static host
does (scripts/static_host.py: gzip when the browser accepts it, the site's Content-Security-Policy
header from extra.csp in mkdocs.yml, a short cache lifetime like GitHub Pages) and runs npm's lighthouse (pinned in
package.json) with Debian's Chromium on the home page, an article, an exercise and the library.
Each page runs --runs times (the machine is noisy); it prints medians of the four category
scores, of the first-load transfer weight (the total-byte-weight audit) against stock Material's
634 KiB (goal: under a third), of the performance metrics, and the audits that did not pass.
Too slow for `make test` (about 15 s a run); tests/test_lighthouse_script.py checks the server.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from static_host import INSTALL_HINT, nginx_path, serve

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-background-networking --disable-gpu"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "first-contentful-paint": "FCP ms",
    "largest-contentful-paint": "LCP ms",
    "total-blocking-time": "TBT ms",
    "speed-index": "SI ms",
    "cumulative-layout-shift": "CLS",
}
PAGES = {
    "home": "",
    "article": "anatomy/",
    "exercise": "exercises/copenhagen-plank/",
    "library": "exercises/",
    "running": "running-gait/",  # the stride figure and its script
}
STOCK_KIB = 634  # stock Material's first load, measured the same way (the issue)


def content_security_policy(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The site's policy (extra.csp), sent as a header as docs/_headers asks hosts to."""
    from exercise_atlas.build.check import read_config

    return " ".join(read_config(str(config_file))["extra"]["csp"].split())


def run_lighthouse(url: str) -> dict[str, Any]:
    """One Lighthouse run (mobile preset: Lighthouse's default form factor and throttling)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ]
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse failed on {url}: {result.stderr.strip()[-2000:]}")
        parsed: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
        return parsed


def failing_audits(report: dict[str, Any]) -> dict[str, tuple[float, bool]]:
    """Audits of the four categories that did not pass: id -> (score, counts toward the score)."""
    found: dict[str, tuple[float, bool]] = {}
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") in ("informative", "notApplicable", "manual", "error"):
                continue
            if audit.get("score") is not None and audit["score"] < 1:
                found[ref["id"]] = (audit["score"], ref.get("weight", 0) > 0)
    return found


def summarize(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over runs of one page: scores (0-100), weight (bytes), metrics, failing audits."""
    scores = {c: statistics.median(r["categories"][c]["score"] * 100 for r in reports) for c in CATEGORIES}
    weight = statistics.median(r["audits"]["total-byte-weight"]["numericValue"] for r in reports)
    metrics = {m: statistics.median(r["audits"][m]["numericValue"] for r in reports) for m in METRICS}
    failing: dict[str, list[tuple[float, bool]]] = {}
    for report in reports:
        for audit, result in failing_audits(report).items():
            failing.setdefault(audit, []).append(result)
    version = reports[0]["lighthouseVersion"]
    return {
        "scores": scores,
        "weight": weight,
        "metrics": metrics,
        "failing": failing,
        "runs": len(reports),
        "version": version,
    }


def print_report(results: dict[str, dict[str, Any]]) -> None:
    width = max(len(p) for p in results) + 2
    first = next(iter(results.values()))
    print(f"\nLighthouse {first['version']}, mobile preset, medians of {first['runs']} runs per page")
    print(f"{'page':<{width}}{'perf':>6}{'a11y':>6}{'b-p':>6}{'seo':>6}{'KiB':>9}{'of stock':>10}")
    for page, summary in results.items():
        s = summary["scores"]
        kib = summary["weight"] / 1024
        print(
            f"{page:<{width}}{s['performance']:>6.0f}{s['accessibility']:>6.0f}{s['best-practices']:>6.0f}"
            f"{s['seo']:>6.0f}{kib:>9.1f}{kib / STOCK_KIB:>10.2f}"
        )
    print(f"(weight: total-byte-weight, first load as transferred; stock Material {STOCK_KIB} KiB; goal < 0.33)")
    print(f"\n{'page':<{width}}" + "".join(f"{label:>9}" for label in METRICS.values()))
    for page, summary in results.items():
        m = summary["metrics"]
        print(f"{page:<{width}}" + "".join(f"{m[k]:>9.{3 if k.endswith('shift') else 0}f}" for k in METRICS))
    print("\nAudits that did not pass (score; * counts toward a category score; in how many runs):")
    for page, summary in results.items():
        failing = summary["failing"]
        if not failing:
            print(f"  {page}: none")
            continue
        ordered = sorted(failing.items(), key=lambda item: (not item[1][0][1], item[0]))
        shown = [
            f"{'*' if results_[0][1] else ''}{audit} {statistics.median(r[0] for r in results_):.2f}"
            f" ({len(results_)}/{summary['runs']})"
            for audit, results_ in ordered
        ]
        print(f"  {page}: " + ", ".join(shown))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="a built site directory (default: site)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; medians are printed (default 3)")
    parser.add_argument("--page", action="append", choices=sorted(PAGES), help="only these pages (repeatable)")
    parser.add_argument("--json", type=Path, help="also write every report here (a folder)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not (args.site / "index.html").is_file():
        print(f"no site at {args.site}: build it first (make build)", file=sys.stderr)
        return 2
    nginx = Path(nginx_path() or "nginx")
    tools = (
        (LIGHTHOUSE, "run `make setup-dev` (npm ci)"),
        (Path(CHROMIUM), "apt-get install chromium"),
        (nginx, INSTALL_HINT),
    )
    for tool, hint in tools:
        if not tool.exists():
            print(f"{tool} is missing: {hint}", file=sys.stderr)
            return 2
    pages = {name: PAGES[name] for name in (args.page or PAGES)}
    results: dict[str, dict[str, Any]] = {}
    with serve(args.site, content_security_policy()) as base:
        for name, path in pages.items():
            reports = []
            for run in range(1, args.runs + 1):
                print(f"{name} ({base}{path}) run {run}/{args.runs}...", file=sys.stderr, flush=True)
                try:
                    report = run_lighthouse(base + path)
                except RuntimeError as error:
                    print(error, file=sys.stderr)
                    return 2
                if args.json:
                    args.json.mkdir(parents=True, exist_ok=True)
                    (args.json / f"{name}-{run}.json").write_text(json.dumps(report), encoding="utf-8")
                reports.append(report)
            results[name] = summarize(reports)
    print_report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
