# seconomy — the two commands of the README, plus bench.
#   make run    set up .venv, create the demo database if none exists, start the dashboard on 127.0.0.1:8501
#   make test   set up .venv with the test tools, run ruff and the whole pytest suite
#   make bench  set up (venv, Chromium), measure every figure beside its same-run reference, write docs/benchmarks.md

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
DB     ?= $(or $(SECONOMY_DB),data/seconomy.duckdb)

.PHONY: run test bench lint clean-db help

help:
	@echo "make run | make test | make bench"

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

clean-db:
	rm -f "$(DB)" "$(DB).wal"
