# After-sales service suite for Odoo 18: see README.md.
.PHONY: test run pot pytest-odoo clean

# Linters, the rules layer, and the Odoo tests when an Odoo 18.0 is importable
# (ODOO_PYTHON=/path/to/odoo/python). KEEP_DB=1 keeps the test database.
test:
	./tools/test

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
