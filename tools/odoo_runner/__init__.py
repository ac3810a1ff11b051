# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The pieces of the test command's Odoo layer (``tools/odoo_layer.py``).

Each module holds one concern: ``common`` the paths of the checkout,
``locate`` which Odoo interpreter and addons path, ``postgres`` the database
server, ``process`` Odoo command lines, ``checks`` the log and translation
checks. Standard library only.
"""
