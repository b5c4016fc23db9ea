# Leerplicht: `make demo` en `make test` zijn alles wat een nieuwe Debian 12-machine nodig heeft.
# Zie docs/ontwikkelaars/testen.md.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        := .venv
STEMPEL     := $(VENV)/.geinstalleerd
PIP_VERSIE  := 26.3
PYTHON      ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
PORT        ?= 8000
# Extra argumenten voor pytest bij de losse onderdelen, bijvoorbeeld: make test-sqlite ARGS="-k bsn"
ARGS        ?=

.PHONY: help install systeempakketten demo test lint test-sqlite test-pg test-browser check clean

help:
	@echo "make demo          installeren, demoregio maken en de webapp starten op http://127.0.0.1:$(PORT)"
	@echo "make test          ruff + tests op SQLite + tests op een tijdelijke PostgreSQL + browsertests"
	@echo "make install       .venv en Debian-pakketten (doet niets als alles er al is)"
	@echo "make lint          alleen ruff check"
	@echo "make test-sqlite   alleen de tests op SQLite       (ARGS=\"...\" gaat naar pytest)"
	@echo "make test-pg       alleen de tests op PostgreSQL   (ARGS=\"...\" gaat naar pytest)"
	@echo "make test-browser  alleen de browsertests          (ARGS=\"...\" gaat naar pytest)"
	@echo "make check         ruff check + ruff format --check"
	@echo "make clean         testresten opruimen (niet .venv, niet de demodatabase)"

install: systeempakketten $(STEMPEL)

# Elke keer gecontroleerd (dpkg -s, snel); installeert alleen wat ontbreekt.
systeempakketten:
	@scripts/systeempakketten.sh

$(VENV)/bin/python:
	@test -n "$(PYTHON)" || { echo "FOUT: geen python3.11 of python3 gevonden." >&2; exit 1; }
	@echo "==> $(VENV) maken met $(PYTHON)"
	$(PYTHON) -m venv $(VENV) || { echo "FOUT: venv maken mislukt; op Debian: apt-get install python3-venv" >&2; exit 1; }

# Alleen opnieuw als requirements.lock of pyproject.toml veranderde (of .venv nieuw is).
$(STEMPEL): requirements.lock pyproject.toml | $(VENV)/bin/python
	@echo "==> Python-pakketten installeren (requirements.lock)"
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSIE)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# Background jobs (reminders, letters, retention) on the database queue, with a worker
# process that the demo starts beside the web server: nothing is lost on a restart.
demo: install
	PORT=$(PORT) LEERPLICHT_TAKEN_BACKEND=django_tasks_db.DatabaseBackend $(VENV)/bin/leerplicht demo

test: install
	@scripts/testen

lint: install
	@scripts/testen ruff

test-sqlite: install
	@scripts/testen sqlite -- $(ARGS)

test-pg: install
	@scripts/testen postgresql -- $(ARGS)

test-browser: install
	@scripts/testen browser -- $(ARGS)

check: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

clean:
	rm -rf var/test test-artefacten .pytest_cache .ruff_cache build src/*.egg-info
	find src tests bench -name __pycache__ -type d -prune -exec rm -rf {} +
