# Two commands do all the setup:  `make run` serves the app, `make test` runs every test.
# Both create ./.venv on first use and reinstall when a requirements file changes.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501
HOST   ?= 127.0.0.1
PYTEST_ARGS ?=

export STREAMLIT_BROWSER_GATHER_USAGE_STATS := false

N ?= 5

.PHONY: run test test-fast test-repeat lint bench browser clean

run: $(STAMP)  ## serve the app on http://localhost:$(PORT) (HOST=0.0.0.0 to serve a class)
	$(BIN)/python -m streamlit run streamlit_app.py --server.port $(PORT) --server.address $(HOST)

test: $(STAMP) browser  ## every test, real-browser tests included
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP)  ## everything but the browser tests
	$(BIN)/python -m pytest -m "not e2e" $(PYTEST_ARGS)

test-repeat: $(STAMP) browser  ## the browser tests N times in a row (N=5): how many runs passed
	@passed=0; for i in $$(seq 1 $(N)); do \
	  if $(BIN)/python -m pytest -q -p no:cacheprovider tests/e2e $(PYTEST_ARGS); then \
	    passed=$$((passed + 1)); echo "run $$i of $(N): passed"; \
	  else echo "run $$i of $(N): FAILED"; fi; \
	done; echo "browser suite: $$passed of $(N) runs passed"; test $$passed -eq $(N)

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP) browser  ## print every benchmark's figures
	$(BIN)/python -m bench

browser:  ## make sure a Chromium is there for the browser tests (Debian's package)
	@bash scripts/ensure-chromium

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

clean:
	rm -rf $(VENV) artifacts .pytest_cache
