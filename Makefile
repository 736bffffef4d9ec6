# seconomy — the two commands of the README, plus bench.
#   make run    set up .venv, create the demo database if none exists, start the dashboard on 127.0.0.1:8501
#   make test   set up .venv with the test tools, run ruff and the whole pytest suite
#   make fuzz   the fuzz and round-trip tests with many random examples (FUZZ_EXAMPLES, default 2000 each)
#   make bench  set up (venv, Chromium), measure every figure beside its same-run reference, write docs/benchmarks.md

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
DB     ?= $(or $(SECONOMY_DB),data/seconomy.duckdb)

FUZZ_EXAMPLES ?= 2000

.PHONY: run test bench fuzz lint clean-db help

help:
	@echo "make run | make test | make bench | make fuzz"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed
	$(PY) -m seconomy --db "$(DB)" demo --if-empty
	SECONOMY_DB="$(DB)" $(PY) -m streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true

test: $(VENV)/.dev-installed
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .

bench: $(VENV)/.dev-installed
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	$(PY) -m bench

# The suite runs these with a small fixed set of examples; here they run long and random (hypothesis keeps any
# failure it finds in .hypothesis/ and replays it first next time).
fuzz: $(VENV)/.dev-installed
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -p no:cacheprovider -q tests/test_fuzz_inputs.py tests/test_roundtrip.py

clean-db:
	rm -f "$(DB)" "$(DB).wal"
