# Two commands for everything: `make serve` (preview) and `make test` (every check and test).
# Both create .venv and install the pinned packages from requirements.lock first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OFFLINE := tools/offline/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build test test-fast report bench lock clean

setup: $(STAMP)

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

serve: setup  ## preview with live reload at http://127.0.0.1:8000
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --no-strict  # problems are listed, the preview keeps going; `make build` and CI are strict

build: setup $(OFFLINE)  ## strict build of both languages into site/, open data in site/data/, and the offline copy (zip)
	$(VENV)/bin/mkdocs build --strict --clean
	$(PY) scripts/offline_archive.py

# The offline copy's one npm package (iframe-worker, pinned in tools/offline/package-lock.json).
$(OFFLINE): tools/offline/package-lock.json
	cd tools/offline && npm ci --no-audit --no-fund --silent
	touch $(OFFLINE)

test: build  ## strict build, then every test (unit, build, browser)
	GUIDE_CHROMIUM="$$($(PY) scripts/ensure_browser.py)" && export GUIDE_CHROMIUM && \
	GUIDE_SITE_DIR=site $(PY) -m pytest -n auto

test-fast: setup  ## unit and build tests only (no browser), for quick feedback while editing code
	$(PY) -m pytest tests/unit tests/build

report: setup  ## the content's health: reviews due, pages per audience and source, pairs that differ
	$(PY) scripts/report.py

bench: setup  ## performance benchmark: synthetic guides of 250 and 1,000 page pairs, the real site, Lighthouse; checks the budgets
	cd tools/lighthouse && npm ci --no-audit --no-fund --silent
	GUIDE_CHROMIUM="$$($(PY) scripts/ensure_browser.py)" && export GUIDE_CHROMIUM && \
	$(PY) -m scripts.bench

lock:  ## re-pin requirements.lock from requirements.in
	$(PYTHON) -m venv /tmp/guide-lock-venv && /tmp/guide-lock-venv/bin/pip install -q -r requirements.in && \
	(echo "# Pinned: every package and version the site and its tests use. Regenerate with \`make lock\`."; \
	 /tmp/guide-lock-venv/bin/pip freeze --exclude-editable | grep -v '^pip==') > requirements.lock

clean:
	rm -rf site .pytest_cache
