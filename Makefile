# Entry points. `make book` builds the book, `make test` runs every test. Both set themselves up.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
VENDOR := _build/.vendor/offline
NOTEBOOKS := $(wildcard notebooks/*.ipynb)

.PHONY: help install vendor html pdf book serve test test-unit test-nbval test-built notebooks bench lab data clean

help:
	@echo "make book   - build the book into _build/html, with its PDFs (creates .venv on first use)"
	@echo "make html   - build the HTML pages only (no Chromium needed)"
	@echo "make pdf    - print the PDFs of the pages, the whole book and the quiz handouts"
	@echo "make test   - unit tests, nbval, strict book build, built-HTML and browser tests"
	@echo "make serve  - serve the built book on http://127.0.0.1:8000"
	@echo "make lab    - open the notebooks in JupyterLab"
	@echo "make notebooks - re-execute the notebooks in place (refresh committed outputs)"
	@echo "make bench  - print build, execution and page-weight figures"

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

# Browser assets the book serves itself (MathJax, Font Awesome CSS), from the npm registry at build time;
# also PurgeCSS, which missions_book/page_weight.py runs from tools/vendor/node_modules after each HTML build.
$(VENDOR)/.stamp: tools/vendor/package.json tools/vendor/package-lock.json
	npm ci --prefix tools/vendor --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)
	cp -r tools/vendor/node_modules/mathjax/es5 $(VENDOR)/mathjax
	rm $(VENDOR)/mathjax/latest.js  # the CDN-switching loader: the book loads tex-chtml.js itself
	# Font Awesome's CSS goes beside the theme's own copy of the same (6.5.2) web fonts, so that
	# its ../webfonts/ URLs are the theme's and each page loads every font once.
	rm -rf _build/.vendor/vendor && mkdir -p _build/.vendor/vendor/fontawesome/css
	cp tools/vendor/node_modules/@fortawesome/fontawesome-free/css/all.min.css _build/.vendor/vendor/fontawesome/css/
	touch $@

vendor: $(VENDOR)/.stamp

# Pages re-read and re-executed when data/, quizzes or the package change: see missions_book/inputs.py.
html: install vendor
	$(VENV)/bin/jupyter-book build . --builder html --warningiserror --keep-going

# PDFs per page, of the whole book, of the teacher guide and of the quiz handouts, by headless Chromium.
pdf: html
	$(PY) -m missions_book.pdf

book: html pdf
	@echo "The book is built. Open file://$(CURDIR)/_build/html/index.html or run 'make serve'."

serve:
	@test -f _build/html/index.html || { echo "No built book: run 'make book' first."; exit 1; }
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

# make test, phase by phase (tools/bench.py times each one).
test-unit: install
	$(PY) -m pytest tests/unit tests/book -q

test-nbval: install
	$(PY) -m pytest -q --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks

test-built: install
	$(PY) -m pytest -q tests/built

test: test-unit book test-nbval test-built

notebooks: install
	$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.store_widget_state=False $(NOTEBOOKS)
	$(PY) tools/strip_widget_state.py $(NOTEBOOKS)

data: install
	$(PY) scripts/derive_un_contributions.py ../shared/data/un-peacekeeping --out data/un_contributions.csv

bench: install vendor
	$(PY) tools/bench.py

lab: install
	$(VENV)/bin/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

clean:
	rm -rf _build
