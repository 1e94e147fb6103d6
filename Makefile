# Everyday commands; CI runs `make`-free .ci/run, which calls the same test command.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: install test lint fix typecheck check serve demo bench score vendor

install:
	python3 -m venv $(VENV) && $(VENV)/bin/pip install -q -e '.[dev]'

test:
	$(PY) -m pytest

lint:
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

fix:
	$(VENV)/bin/ruff check --fix src tests benchmarks
	$(VENV)/bin/ruff format src tests benchmarks

typecheck:
	$(VENV)/bin/mypy

check: lint typecheck test

demo:
	$(VENV)/bin/yalu demo

serve:
	$(VENV)/bin/yalu serve

bench:
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/extract.py
	$(PY) benchmarks/web.py

# Dev-set scores; needs ../shared (not part of the project).
score:
	$(VENV)/bin/yalu extract --input ../shared/eval/dev/docs.jsonl --output /tmp/yalu-dev.jsonl
	python3 ../shared/eval/score.py --gold ../shared/eval/dev/gold.jsonl --pred /tmp/yalu-dev.jsonl
	$(VENV)/bin/yalu extract --input ../shared/eval/dev-extra/docs.jsonl --output /tmp/yalu-extra.jsonl
	python3 ../shared/eval/score.py --gold ../shared/eval/dev-extra/gold.jsonl --pred /tmp/yalu-extra.jsonl

# Refresh vendored front-end assets from npm (versions in src/yalu/web/static/vendor/package.json).
vendor:
	./scripts/vendor-assets.sh
