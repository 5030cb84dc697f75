# Adductor Atlas: every target sets up .venv from the locked requirements on first use.
# Two commands on a fresh clone: `make serve` (or `make build`) and `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE   := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup setup-dev serve build check lint test lock generate new-exercise bench portability validate-html lighthouse clean

$(STAMP): requirements/dev.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5) and "Python 3.11.5 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Node tools (Markdown lint, spell check, axe-core, vnu-jar, Lighthouse) for the tests;
# `make serve` does not need them.
$(NODE): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE)

setup: $(STAMP)

setup-dev: $(STAMP) $(NODE)

serve: setup  ## live-reloading preview at http://127.0.0.1:8000
	$(BIN)/mkdocs serve

# Build into a fresh folder and swap it in only on success, so a failed build never leaves a
# half-built site/ that could be deployed.
build: setup
	rm -rf site.new
	$(BIN)/mkdocs build --strict --site-dir site.new
	rm -rf site.old; [ ! -d site ] || mv site site.old
	mv site.new site; rm -rf site.old

check: setup  ## fast content validation (data, macros, citations), every problem in one run
	$(BIN)/exercise-atlas check

# The same tools, with the same settings, as .pre-commit-config.yaml.
lint: setup-dev
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy
	$(BIN)/ruff format --check src tests scripts
	node_modules/.bin/markdownlint-cli2
	node_modules/.bin/cspell --no-progress --no-must-find-files
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms $(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))
	$(BIN)/pre-commit validate-config

test: setup-dev lint check
	$(BIN)/pytest

new-exercise: setup  ## make new-exercise ID=side-plank NAME="Side plank" (asks if not given)
	@id="$(ID)"; name="$(NAME)"; \
	[ -n "$$id" ] || read -p "Exercise id (lower-case-with-hyphens): " id; \
	[ -n "$$name" ] || read -p "Display name: " name; \
	$(BIN)/exercise-atlas new "$$id" "$$name"

generate: setup  ## regenerate the published schemas (the JSON export is written by every build)
	$(BIN)/exercise-atlas schema --write

bench: setup  ## build-time, memory and size benchmark at 10, 100 and 1,000 exercises (several minutes)
	$(BIN)/python scripts/bench.py

portability: setup  ## build this mkdocs.yml with MkDocs, ProperDocs and Zensical and compare the cards
	$(BIN)/pytest -q tests/test_portability.py

validate-html: setup-dev build  ## W3C Nu HTML checker (vnu.jar, needs Java) on every built page
	$(BIN)/python scripts/validate_html.py site

lighthouse: setup-dev build  ## Lighthouse (mobile) on four pages, 3 runs each: scores and first-load weight (slow)
	$(BIN)/python scripts/lighthouse.py site

lock:  ## re-resolve requirements/*.lock (needs network to PyPI)
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet uv==0.13.9
	.venv-lock/bin/uv pip compile --python-version 3.11.7 --generate-hashes requirements/site.in -o requirements/site.lock
	.venv-lock/bin/uv pip compile --python-version 3.11.7 --generate-hashes requirements/dev.in -o requirements/dev.lock
	rm -rf .venv-lock

clean:
	rm -rf site site.new site.old $(VENV) node_modules .pytest_cache .ruff_cache
