# The README's two commands: `make report` and `make test`. Each sets up what it needs.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UNIT ?= SAMPLE-P2
PERIOD ?= 2022

# without root, a missing system program cannot be installed: its tests are skipped (and
# said, here and in pytest's summary); CI (CCHC_CI=1) never skips them
define loud_skip
echo ""; echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	    echo "!! $(1) is missing and this user cannot install it: $(2) will be SKIPPED."; \
	    echo "!! As root: apt-get install $(3). CI always runs them."; \
	    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; echo ""
endef

.PHONY: setup spark browser office report test lab lock sample golden lint typecheck clean

setup: $(STAMP)

# exactly the tested versions: requirements.lock constrains every package pip installs
$(STAMP): pyproject.toml requirements.lock
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed: install it, or set PYTHON=/path/to/python3.11"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed, found " + sys.version.split()[0] + ": set PYTHON=/path/to/python3.11")'
	@echo "Setting up $(VENV) with $$($(PYTHON) --version)…"
	@$(PYTHON) -m venv $(VENV) || { echo "could not create $(VENV): on Debian/Ubuntu install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name cchc --display-name "CCHC workbook (Python 3.11)" >/dev/null
	@touch $(STAMP)

## make report: ingest the data catalog's sources and write the ward report (UNIT, PERIOD)
report: setup
	$(BIN)/cchc run --unit $(UNIT) --period $(PERIOD) --report all --pdf

## make test: lint, type check, then the whole test suite, notebooks (nbval) included,
## spread over the machine's cores (at most 4); a test module runs whole in one process
test: setup spark browser office lint typecheck
	$(BIN)/python -m pytest --numprocesses auto --maxprocesses 4 --dist loadfile

# the Spark test runs the engine's queries in local mode: the [spark] extra, and Java from
# Debian's packages, installed if missing
spark: $(VENV)/.spark-installed
	@command -v java >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Java (Debian package) for the Spark test…"; \
	    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  elif [ "$(CCHC_CI)" = 1 ]; then echo "Java is missing and cannot be installed here"; exit 1; \
	  else $(call loud_skip,Java,the Spark test,default-jre-headless); fi; }

$(VENV)/.spark-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,spark]'
	@touch $@

# the email test looks at the HTML in a real browser: Debian's Chromium, installed if missing
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Chromium (Debian package) for the browser test…"; \
	    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif [ "$(CCHC_CI)" = 1 ]; then echo "Chromium is missing and cannot be installed here"; exit 1; \
	  else $(call loud_skip,Chromium,the browser tests,chromium); fi; }

# the Word report is rendered to PDF in a test, as the office prints it: Debian's LibreOffice
# (Writer, without its desktop parts), installed if missing
office:
	@command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing LibreOffice Writer (Debian package) for the print test…"; \
	    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui >/dev/null; \
	  elif [ "$(CCHC_CI)" = 1 ]; then echo "LibreOffice is missing and cannot be installed here"; exit 1; \
	  else $(call loud_skip,LibreOffice,the print test of the Word report,libreoffice-writer-nogui); fi; }

## make lab: JupyterLab on the notebooks, with the project's kernel (the [lab] extra)
lab: $(VENV)/.lab-installed
	$(BIN)/jupyter lab notebooks/

$(VENV)/.lab-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,lab]'
	@touch $@

## make lock: refresh requirements.lock to the newest versions pyproject.toml allows (then make test)
lock: setup
	$(BIN)/python tools/lock.py

## make sample: regenerate data/raw/sample (deterministic, byte for byte)
sample: setup
	$(BIN)/python tools/sample.py --out data/raw/sample

## make golden: regenerate the executed notebooks nbval compares against
golden: setup
	$(BIN)/python tools/golden.py

lint: setup
	$(BIN)/ruff check cchc_lib tests tools benchmarks

## make typecheck: mypy on cchc_lib (non-strict: what is annotated must hold; see pyproject)
typecheck: setup
	$(BIN)/mypy

clean:
	rm -rf $(VENV) tests/.sample_processed .pytest_cache
