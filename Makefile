# The few commands a newcomer needs. `make demo` and `make test` are the README's two commands.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install lint typecheck unit gate bench bench-ledger bench-spark bench-adversarial fuzz train clean

$(BIN)/sayso: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/sayso

demo: install  ## install, analyse the sample article, store the samples in the SQLite ledger
	$(BIN)/sayso analyze src/sayso/examples/sample_de.txt
	$(BIN)/sayso ingest src/sayso/examples --progress never
	$(BIN)/sayso actors --limit 8
	$(BIN)/sayso accounts Angriff

lint: install
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: install
	$(BIN)/mypy

unit: install
	SAYSO_REQUIRE_CORPUS=$${CI:+1} $(BIN)/pytest -q

gate: install  ## dev-split scores must not fall below quality/floors.json
	$(BIN)/sayso eval gate

test: lint typecheck unit gate  ## everything CI runs

bench: install
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	$(BIN)/python benchmarks/throughput.py

bench-ledger: install  ## 1M statements on SQLite and PostgreSQL: query p50/p95, ingest overhead
	$(BIN)/python benchmarks/ledger_scale.py $(BENCH_LEDGER_ARGS)

bench-spark: install  ## sayso spark on the gnad articles: local[1] vs local[2], start-up, memory
	$(BIN)/python benchmarks/spark_scale.py $(BENCH_SPARK_ARGS)

N ?= 100000
JOBS ?= 2
fuzz: install  ## N mutated inputs through analyze() and the ingest readers; reproducers in fuzz-failures/
	$(BIN)/python tools/fuzz.py -n $(N) --jobs $(JOBS) --out fuzz-failures

bench-adversarial: install  ## analysis time of hostile inputs at n, 2n, 4n, 8n (linear: ratio ~2)
	$(BIN)/python benchmarks/adversarial.py $(BENCH_ADVERSARIAL_ARGS)

train: install  ## rebuild the bundled tagger models from the train splits
	$(BIN)/sayso train

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
