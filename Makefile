# Adductor Atlas: every target sets up .venv from the locked requirements on first use.
# Two commands on a fresh clone: `make serve` (or `make build`) and `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build check lint test lock schema new-exercise clean

$(STAMP): requirements/dev.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5) and "Python 3.11.5 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

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

lint: setup
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

test: setup lint check
	$(BIN)/pytest

new-exercise: setup  ## make new-exercise ID=side-plank NAME="Side plank" (asks if not given)
	@id="$(ID)"; name="$(NAME)"; \
	[ -n "$$id" ] || read -p "Exercise id (lower-case-with-hyphens): " id; \
	[ -n "$$name" ] || read -p "Display name: " name; \
	$(BIN)/exercise-atlas new "$$id" "$$name"

schema: setup  ## regenerate schema/exercise.schema.json from the code's schema
	$(BIN)/exercise-atlas schema --write

lock:  ## re-resolve requirements/*.lock (needs network to PyPI)
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet uv==0.13.9
	.venv-lock/bin/uv pip compile --python-version 3.11.7 --generate-hashes requirements/site.in -o requirements/site.lock
	.venv-lock/bin/uv pip compile --python-version 3.11.7 --generate-hashes requirements/dev.in -o requirements/dev.lock
	rm -rf .venv-lock

clean:
	rm -rf site site.new site.old $(VENV) .pytest_cache .ruff_cache
