# The README's two commands: `make report` and `make test`. Each sets up what it needs.
# Every target is a task of tasks.py, which runs the same on Windows without make:
# `py -3.11 tasks.py report`, `py -3.11 tasks.py test` (see the README).
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
UNIT ?= SAMPLE-P2
PERIOD ?= 2022

.PHONY: setup report test lab lock sample golden lint typecheck clean

## make setup: .venv with exactly the tested versions (requirements.lock), the kernel registered
setup:
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed: install it, or set PYTHON=/path/to/python3.11"; exit 1; }
	@$(PYTHON) tasks.py setup

## make report: ingest the data catalog's sources and write the ward report (UNIT, PERIOD)
report:
	@$(PYTHON) tasks.py report --unit $(UNIT) --period $(PERIOD)

## make test: lint, type check, then the whole test suite, notebooks (nbval) included,
## spread over the machine's cores (at most 4); Java, Chromium and LibreOffice installed on
## Debian as root when missing (skipped loudly elsewhere; never in CI)
test:
	@$(PYTHON) tasks.py test

## make lab: JupyterLab on the notebooks, with the project's kernel (the [lab] extra)
lab:
	@$(PYTHON) tasks.py lab

## make lock: refresh requirements.lock to the newest versions pyproject.toml allows (then make test)
lock:
	@$(PYTHON) tasks.py lock

## make sample: regenerate data/raw/sample (deterministic, byte for byte)
sample:
	@$(PYTHON) tasks.py sample

## make golden: regenerate the executed notebooks nbval compares against
golden:
	@$(PYTHON) tasks.py golden

lint:
	@$(PYTHON) tasks.py lint

## make typecheck: mypy on cchc_lib (non-strict: what is annotated must hold; see pyproject)
typecheck:
	@$(PYTHON) tasks.py typecheck

clean:
	@$(PYTHON) tasks.py clean
