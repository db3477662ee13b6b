# casefile: `make site` builds the site, `make test` runs the lint and every test, `make serve` reads it live.
# Each target sets up what it needs first (a .venv with pinned packages).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints a notice about its end of life on every build; the notice is not a warning about this site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint serve build check diff clean bench eval eval-quotes eval-ner models bilingual system-deps

# Debian packages the test tools need: ICU headers to build PyICU (for followthemoney), and
# Chromium for the browser tests (Playwright drives Debian's build; it never downloads one).
SYSTEM_PACKAGES := libicu-dev pkg-config chromium

# Installs the missing Debian packages (as root; otherwise says what to install).
system-deps:
	sh .ci/system-deps $(SYSTEM_PACKAGES)

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
build: $(VENV)/.site-installed
	$(BIN)/casefile build

check: $(VENV)/.site-installed
	$(BIN)/casefile check

site: build
	$(BIN)/mkdocs build --strict

test: $(VENV)/.test-installed
	sh .ci/system-deps $(SYSTEM_PACKAGES)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

# ruff (style and likely bugs) and mypy (types) over the generator and its tests.
lint: $(VENV)/.test-installed
	$(BIN)/ruff check generator tests
	$(BIN)/mypy

# The live site on http://127.0.0.1:8000/: editing a seed, sidecar or case.yml regenerates
# docs_src/ and reloads the browser.
serve: $(VENV)/.site-installed
	$(BIN)/casefile serve

# What changed in the case file, as Markdown: `make diff` (since main), `make diff BASE=HEAD~3 HEAD=HEAD`.
BASE ?= main
HEAD ?=
diff: $(VENV)/.site-installed
	@$(BIN)/casefile diff $(BASE) $(HEAD)

clean:
	rm -rf site $(VENV)

# The benchmark (not part of `make test`): cases of 100, 1,000 and 5,000 sources, seeds to site.
bench: $(VENV)/.test-installed
	$(BIN)/python tests/bench/bench.py

# The accuracy benchmark (not part of `make test`): the development set's stories, rebuilt from
# their public repositories (MIRROR: the folder holding their snapshots), built and scored with
# `casefile eval`; writes tests/bench/accuracy.json and docs_src/accuracy.md.
MIRROR ?= ../.mirror
LABEL ?= latest
eval: $(VENV)/.site-installed
	MIRROR=$(MIRROR) $(BIN)/python tests/bench/devset.py --label "$(LABEL)"

# Who said each quote (not part of `make test`): the development set's quotes, read by hand in
# tests/bench/quote_speakers.json, against those of each built story; writes tests/bench/quotes.json
# and the quotes section of docs_src/accuracy.md. TEXTS: the rebuilt stories (else rebuilt from MIRROR).
TEXTS ?=
eval-quotes: $(VENV)/.site-installed
	MIRROR=$(MIRROR) $(BIN)/python tests/bench/quotes_devset.py --label "$(LABEL)" $(if $(TEXTS),--texts $(TEXTS))

# Named entities on public annotated corpora (not part of `make test`): the test splits of CoNLL-2003
# (English), NorNE (Bokmål), GermEval 2014 (German) and WikiNEuRal (French, machine-annotated), read
# from their snapshots in MIRROR, built with `casefile build` and scored per type on exact and
# overlapping spans; writes tests/bench/ner.json and the named-entity section of docs_src/accuracy.md.
eval-ner: $(VENV)/.site-installed
	MIRROR=$(MIRROR) $(BIN)/python tests/bench/ner.py --label "$(LABEL)"

# The sequence taggers (generator/lang/<code>/tagger.crfsuite), trained on the same corpora's training
# and dev splits from their snapshots in MIRROR (not part of a build: the models are committed, and a
# build downloads nothing). Deterministic: the same snapshots give the same bytes.
models: $(VENV)/.site-installed
	MIRROR=$(MIRROR) $(BIN)/python -m generator.tagger.train

# The bilingual word tables (generator/lang/<code>/bilingual/en.tsv) from FreeDict's Debian packages
# (not part of a build: the tables are committed, and a build downloads nothing). DEBS: a folder
# holding the dict-freedict-*.deb packages; without it they are fetched with `apt-get download`.
DEBS ?=
bilingual: $(VENV)/.site-installed
	$(BIN)/python -m generator.text.freedict $(if $(DEBS),$(DEBS),--download)
