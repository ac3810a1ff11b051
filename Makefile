# After-sales service suite for Odoo 18: see README.md.
.PHONY: test test-upstream run pot pytest-odoo docker-test docker-pin clean

DOCKER_COMPOSE = docker compose -f docker/compose.yaml

# Linters (the pre-commit hooks), the entrypoint and repository tests, the rules
# layer, and the Odoo tests when an Odoo 18.0 is importable
# (ODOO_PYTHON=/path/to/odoo/python). KEEP_DB=1 keeps the test database;
# WITHOUT_DEMO=1 installs everything without demo data.
test:
	./tools/test

# Odoo's repair and sale_stock and OCA helpdesk_mgmt test suites, run with our
# addons installed (their post_install tests see our overrides); the log checks
# of the test command. DB=<name> KEEP_DB=1 WITHOUT_DEMO=1 WITH_JS=1 are optional.
test-upstream:
	python3 tools/upstream_tests.py $(if $(DB),--database=$(DB)) $(if $(KEEP_DB),--keep-db) $(if $(WITHOUT_DEMO),--without-demo) $(if $(WITH_JS),--with-js)

# Serve the addons with demo data on an Odoo 18 of this machine (port 8069).
run:
	python3 tools/odoo_layer.py run $(if $(DB),--database=$(DB))

# Regenerate addons/*/i18n/<addon>.pot from Odoo.
pot:
	python3 tools/odoo_layer.py export-pot $(if $(DB),--database=$(DB))

# Quick re-runs with pytest-odoo: make pytest-odoo DB=<installed db> [TESTS=path]
pytest-odoo:
	python3 tools/odoo_layer.py pytest --database=$(DB) $(TESTS)

# The Odoo tests inside the Docker image, against the compose PostgreSQL, in a
# throw-away database, with the same log and translation checks as make test
# (needs Docker with Compose v2; KEEP_DB=1 keeps the database).
docker-test:
	$(DOCKER_COMPOSE) build odoo
	$(DOCKER_COMPOSE) run --rm -T -v "$(CURDIR):/mnt/aftersales:ro" odoo \
	    python3 /mnt/aftersales/tools/docker_odoo_test.py $(if $(KEEP_DB),--keep-db)

# Pin docker/Dockerfile's base image to the current digest of odoo:18.0.
docker-pin:
	python3 tools/docker_pin.py

clean:
	rm -rf .venv .cache
