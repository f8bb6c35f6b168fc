# Two set-up-and-go targets: `make run` and `make test`. Both create .venv and fetch the
# pinned LanguageTool (languagetool/pom.xml) from Maven Central when missing, once.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LT_DIR := .cache/languagetool
LT_STAMP := $(LT_DIR)/jars/.provisioned-2
OUT ?= out/ranking.csv

.PHONY: run test lint eval bench bench-memory bench-tuning setup languagetool

setup: $(VENV)/.installed $(LT_STAMP)

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

languagetool: $(LT_STAMP)

$(LT_STAMP): languagetool/pom.xml languagetool/strip_class_path.py
	rm -rf $(LT_DIR)/jars
	mvn -q -B -f languagetool/pom.xml dependency:copy-dependencies \
	    -DincludeScope=runtime -DoutputDirectory=$(CURDIR)/$(LT_DIR)/jars
	$(PYTHON) languagetool/strip_class_path.py $(LT_DIR)/jars
	touch $@

run: setup
	$(BIN)/textquality run samples/articles --output $(OUT)

test: setup
	$(BIN)/ruff check .
	$(BIN)/pytest -q

lint: $(VENV)/.installed
	$(BIN)/ruff check .

eval: setup
	$(BIN)/python -m eval.garbled_eval --languagetool

bench: setup
	$(BIN)/python -m bench.run_bench

bench-memory: setup
	$(BIN)/python -m bench.memory

bench-tuning: setup
	$(BIN)/python -m bench.tuning
