# kpss: `make demo` runs the embedded demo, `make test` runs every test. Both set everything up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha1sum | cut -c1-12)
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | sha1sum | cut -c1-12)
DEMO := DJANGO_SETTINGS_MODULE=kpss.settings.demo

.PHONY: demo test lint check bench messages lock install pdf-packages system-packages clean

install: $(STAMP) $(NODE_STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# WeasyPrint (PDF) needs Pango and a font with Czech letters; the browser tests drive Debian's
# Chromium (Playwright never downloads a browser of its own); the translation test needs gettext.
PDF_PACKAGES_MISSING = ldconfig -p | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"
APT_INSTALL_MISSING = if [ -n "$$missing" ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; fi

pdf-packages:
	@missing=""; $(PDF_PACKAGES_MISSING); $(APT_INSTALL_MISSING)

system-packages:
	@missing=""; $(PDF_PACKAGES_MISSING); \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v xgettext >/dev/null || missing="$$missing gettext"; \
	$(APT_INSTALL_MISSING)

demo: install pdf-packages
	$(DEMO) $(BIN)/python manage.py demo --port $(PORT)

# On PostgreSQL when DATABASE_URL says so or one answers on 127.0.0.1:5432, else on SQLite.
test: install system-packages check
	@if [ -z "$$DATABASE_URL" ] && pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		export DATABASE_URL=postgres://postgres@127.0.0.1:5432/kpss; fi; \
	echo "database: $${DATABASE_URL:-SQLite}"; $(BIN)/pytest

# Static checks: lint, migrations in step with the models, production settings fit to deploy.
check: install
	$(BIN)/ruff check .
	$(DEMO) $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=kpss.settings.production DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
		DJANGO_ALLOWED_HOSTS=kpss.example DATABASE_URL=sqlite:///:memory: \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/python -m kpss.bench

# Refresh the translation catalogues after changing strings; then translate what is new.
messages: install
	cd kpss && ../$(BIN)/django-admin makemessages -l cs -l en --no-location --no-obsolete \
		--ignore 'tests/*' --settings kpss.settings.test --pythonpath ..
	$(BIN)/python -m kpss.core.i18n_catalogues fill-english
	cd kpss && ../$(BIN)/django-admin compilemessages --settings kpss.settings.test --pythonpath ..

lock:
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) node_modules var
