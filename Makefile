# mmg_nb: two commands for users (`make run`, `make test`), a few more for developers.
SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# The torch requirement is a variable: users get their platform's build (CUDA on Linux by default);
# .ci/run passes the CPU wheel that lies on local disk: make test TORCH="torch==2.13.0"
TORCH ?= torch
STAMP := $(VENV)/.mmg_nb-installed
EXPERIMENT ?= pretrained
# `make run` samples with the pretrained default at the headline's N = 1000 (the notebook's own default is N = 8);
# `make quickstart` trains everything from scratch at the quickstart's real CPU profile.
RUN_ARGS ?= -p n_eval 1000

.PHONY: setup sysdeps run quickstart test lint export-check clean-check nbtest lab docs outputs readme clean

setup: sysdeps $(STAMP)

# System packages the notebooks need (espeak-ng): installed when missing, or one line saying how.
sysdeps:
	@bash .ci/system-deps

$(STAMP): settings.ini setup.py
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip setuptools wheel
	$(PY) -m pip install -q $(TORCH)
	$(PY) -m pip install -q -e ".[dev]"
	@touch $(STAMP)

run: setup
	$(BIN)/mmg-run $(EXPERIMENT) $(RUN_ARGS)

quickstart: setup
	$(BIN)/mmg-run quickstart -p profile cpu15

# The CI checks: export leaves no diff, clean leaves no diff, the notebook lint passes, every notebook passes.
test: setup export-check clean-check lint nbtest

lint: setup
	$(PY) .ci/lint_nbs.py
	$(PY) -m mmg_nb.core.layers

export-check: setup
	@bash .ci/unchanged "$(BIN)/nbdev_export" "nbdev_export"

clean-check: setup
	@bash .ci/unchanged "$(BIN)/nbdev_clean" "nbdev_clean"

nbtest: setup
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 MMG_BLOCK_NETWORK=1 PYTHONPATH=$(CURDIR)/.ci/nonet \
	  bash .ci/nbtest $(BIN)

lab: setup
	$(BIN)/jupyter lab --notebook-dir=nbs

# nbdev_docs needs Quarto; without it, build a Quarto-free HTML preview of every page.
docs: setup
	$(PY) -m mmg_nb.cli.docs
	@if command -v quarto >/dev/null 2>&1; then $(BIN)/nbdev_docs; \
	else bash .ci/docs-preview $(BIN); fi

# Re-execute the library notebooks at their test size and save them with their outputs (the docs show them).
outputs: setup
	$(PY) -m mmg_nb.cli.docs --outputs
	$(BIN)/nbdev_clean

readme: setup
	$(PY) -c "from mmg_nb.cli.runner import write_readme; write_readme()"

clean:
	rm -rf _proc _docs _docs_preview
