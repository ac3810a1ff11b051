# After-sales service suite for Odoo 18: see README.md.
.PHONY: test test-upstream run pot pytest-odoo clean

# Linters, the rules layer, and the Odoo tests when an Odoo 18.0 is importable
# (ODOO_PYTHON=/path/to/odoo/python). KEEP_DB=1 keeps the test database.
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

clean:
	rm -rf .venv .cache
