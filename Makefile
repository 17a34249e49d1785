# plotwatch — `make demo` sets up and runs the main job on the bundled sample; `make test` runs the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
DB ?= plotwatch.db

.PHONY: setup demo test test-fast lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	scripts/build-frontend.sh
	touch $@

demo: setup
	$(BIN)/plotwatch ingest samples/ --db $(DB)

test: setup
	scripts/ensure-postgres.sh
	scripts/ensure-chromium.sh
	PLOTWATCH_REQUIRE_PG=1 $(BIN)/pytest -q

test-fast: setup
	$(BIN)/pytest -q -m "not slow and not postgres"

lint: setup
	$(BIN)/ruff check plotwatch tests
	$(BIN)/ruff format --check plotwatch tests
	$(BIN)/mypy

bench: setup
	$(BIN)/plotwatch bench throughput

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
