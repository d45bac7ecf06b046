# Two commands a new user needs: `make run` and `make test`. Both create .venv if missing.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PYBABEL := $(VENV)/bin/pybabel
LOCALE := resources/locale
ARGS   ?=

.PHONY: run test lint translations i18n-extract clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamps re-run pip only when pyproject.toml changes.
$(VENV)/.installed-app: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-app

# Compile the gettext catalogues (.po -> .mo); .mo files are build output, not committed.
translations: $(VENV)/.installed-app
	$(PYBABEL) compile --statistics -D leaderapp -d $(LOCALE)

run: $(VENV)/.installed-app translations
	$(PY) -m leaderapp $(ARGS)

test: $(VENV)/.installed-test translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check leaderapp tests main.py
	$(VENV)/bin/ruff format --check leaderapp tests main.py

# Re-extract messages from the code and merge them into every catalogue.
i18n-extract: $(VENV)/.installed-app
	$(PYBABEL) extract -F babel.cfg -k N_ --sort-by-file --no-wrap \
	    --project=leaderapp -o $(LOCALE)/leaderapp.pot leaderapp
	$(PYBABEL) update -D leaderapp -d $(LOCALE) -i $(LOCALE)/leaderapp.pot --no-wrap --ignore-obsolete

clean:
	rm -rf $(VENV) build *.egg-info
	find $(LOCALE) -name '*.mo' -delete
