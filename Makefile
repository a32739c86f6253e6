# Conveniences for developers; the README's two commands need no make.
.PHONY: install run test test-pg lint bench ci

install:
	python3 -m venv .venv && .venv/bin/pip install -r requirements-dev.lock -e .

run:
	.venv/bin/amity serve

test:
	.venv/bin/pytest

test-pg:
	AMITY_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test .venv/bin/pytest

lint:
	.venv/bin/ruff check src tests bench conftest.py

bench:
	.venv/bin/python bench/core.py --people 100000

ci:
	bash .ci/run
