# casefile: `make site` builds the site, `make test` runs every test, `make serve` reads it live.
# Each target sets up what it needs first (a .venv with pinned packages).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a notice about its end of life on every build; the notice is not a warning about this site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve build check clean chromium bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-installed: requirements/site.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/site.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.test-installed: requirements/test.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet -r requirements/test.txt
	touch $@

# The browser tests drive Debian's Chromium through Playwright (never `playwright install`,
# which downloads a browser build). Installed only when missing; apt needs root (CI is root).
chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "chromium is missing: installing Debian's package for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "chromium is missing and this is not root, so it is not installed: the browser tests" \
		     "will be skipped (run 'sudo apt-get install chromium' to run them)"; \
	fi

build: $(VENV)/.site-installed
	$(BIN)/casefile build

check: $(VENV)/.site-installed
	$(BIN)/casefile check

site: build
	$(BIN)/mkdocs build --strict

test: $(VENV)/.test-installed chromium
	$(BIN)/python -m pytest

serve: build
	$(BIN)/mkdocs serve

clean:
	rm -rf site $(VENV)

# The benchmark (not part of `make test`): cases of 100, 1,000 and 5,000 sources, seeds to site.
bench: $(VENV)/.test-installed
	$(BIN)/python tests/bench/bench.py
