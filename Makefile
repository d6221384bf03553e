# The README's two commands: `make run` and `make test`. Both set up .venv on first use and
# re-install the project only when pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.install-stamp
BUNDLE_STAMP := $(VENV)/.bundle-stamp
ARGS ?=

.PHONY: run test bench bundle lint clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(BUNDLE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

run: $(STAMP)
	$(BIN)/python -m desktop $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/benchmarks --benchmark-enable --benchmark-only $(ARGS)

bundle: $(BUNDLE_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen PYTHONPATH=. $(BIN)/python docs/make_screenshots.py
