# Two commands a new user needs: `make run` and `make test`. Both create .venv if missing.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PYBABEL := $(VENV)/bin/pybabel
LOCALE := resources/locale
ARGS   ?=

.PHONY: run test bench lint translations i18n-extract i18n clean dist dist-smoke screenshots

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

$(VENV)/.installed-dist: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dist]'
	touch $@ $(VENV)/.installed-app

# Compile the gettext catalogues of every language (da, en; .po -> .mo); .mo files are
# build output, not committed.
translations: $(VENV)/.installed-app
	$(PYBABEL) compile --statistics -D leaderapp -d $(LOCALE)

run: $(VENV)/.installed-app translations
	$(PY) -m leaderapp $(ARGS)

test: $(VENV)/.installed-test translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# Every benchmark scenario with its floor and target (docs/performance.md); a few minutes.
bench: $(VENV)/.installed-test translations
	$(PY) -m benchmarks.run $(ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check leaderapp tests main.py
	$(VENV)/bin/ruff format --check leaderapp tests main.py

# Re-extract messages from the code and merge them into every catalogue (da, en).
# English msgids are the English text: the en catalogue is then filled (msgstr = msgid)
# so it is always complete; Danish is translated by hand (tests/core/test_catalogue.py).
i18n-extract: $(VENV)/.installed-app
	$(PYBABEL) extract -F babel.cfg -k N_ --sort-by-file --no-wrap \
	    --project=leaderapp -o $(LOCALE)/leaderapp.pot leaderapp
	for lang in da en; do \
	    test -f $(LOCALE)/$$lang/LC_MESSAGES/leaderapp.po || \
	        $(PYBABEL) init -D leaderapp -l $$lang -d $(LOCALE) -i $(LOCALE)/leaderapp.pot --no-wrap \
	        || exit 1; \
	done
	$(PYBABEL) update -D leaderapp -d $(LOCALE) -i $(LOCALE)/leaderapp.pot --no-wrap --ignore-obsolete --no-fuzzy-matching
	$(PY) -c 'from leaderapp.core.i18n import fill_english_catalogue as f; \
	    print("en: filled", f("$(LOCALE)/en/LC_MESSAGES/leaderapp.po"))'

i18n: i18n-extract translations

# The standalone app for this system, one folder: dist/vaerdidialog/ (packaging/README.md).
dist: $(VENV)/.installed-dist translations
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	    --distpath dist --workpath build/pyinstaller packaging/vaerdidialog.spec

# Runs the built app with no Python around it: demo, export, and the window's own export.
dist-smoke: dist
	packaging/smoke_test.sh dist/vaerdidialog

# The facilitator's guide's screenshots, from the real window offscreen, in both languages.
screenshots: $(VENV)/.installed-app translations
	for lang in da en; do \
	    QT_QPA_PLATFORM=offscreen LEADERAPP_LANG=$$lang \
	        $(PY) -m leaderapp.gui.screenshots docs/guide/images/$$lang || exit 1; \
	done

clean:
	rm -rf $(VENV) build dist *.egg-info
	find $(LOCALE) -name '*.mo' -delete
