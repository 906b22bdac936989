# reviewer — quick start:  make demo   |   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup demo test fuzz lint bench eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## demo: set up, build the default model and run the main jobs on the bundled examples
demo: $(STAMP)
	@echo "== 1. 审查申请并草拟答复（examples/requests/01-申请会议纪要.txt）=="
	@$(BIN)/reviewer review examples/requests/01-申请会议纪要.txt \
	    --doc examples/documents/03-专题会议纪要.txt --doc examples/documents/02-信访件办理情况.txt \
	    --catalog examples/catalog.csv --profile examples/profile.yaml --received 2026-11-20 --channel 网络 \
	    --letter demo-out/答复书.docx --redact-dir demo-out/redacted || test $$? -eq 1
	@echo
	@echo "== 2. 发布前保密审查（examples/documents/）=="
	@$(BIN)/reviewer screen examples/documents --out demo-out/screen || test $$? -eq 1
	@echo
	@$(BIN)/reviewer screen examples/documents/02-信访件办理情况.txt || test $$? -eq 1
	@echo
	@echo "== 3. 网页版：运行 $(BIN)/reviewer serve，在浏览器打开 http://127.0.0.1:8765/ =="
	@echo "   （审查申请、案件、批量审查、决定库、年报、规则；仅本机访问，Ctrl-C 停止）"

## test: set up and run the test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## fuzz: the loader and redaction fuzz/property tests with a long randomized budget (REVIEWER_FUZZ=N × the bounded run)
fuzz: $(STAMP)
	REVIEWER_FUZZ=$${REVIEWER_FUZZ:-50} $(BIN)/python -m pytest -q -p no:cacheprovider \
	    tests/test_fuzz_loaders.py tests/test_redact_release.py tests/test_long_texts.py -k "random or mutated or never_raises or property or windowed"

lint: $(STAMP)
	$(BIN)/ruff check reviewer tests bench

## bench: speed and memory benchmarks (prints ratios measured in one run)
bench: $(STAMP)
	$(BIN)/python bench/run_all.py

## eval: grouped CV, dev cases (../shared/dev, skipped when absent) and corpus realism, each figure beside its
## baseline; writes bench/results/eval.json (README tables: python bench/readme_tables.py)
eval: $(STAMP)
	$(BIN)/python bench/run_eval.py

clean:
	rm -rf $(VENV) .cache demo-out .pytest_cache
