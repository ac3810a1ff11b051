# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python business rules of ``aftersales_warranty`` (no ``odoo`` import).

See ``aftersales_sop/rules/__init__.py`` for the convention.
"""
