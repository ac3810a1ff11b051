# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python business rules of ``aftersales_sop`` (the "rules layer").

Nothing in this package imports ``odoo``: the Odoo models call into it, and the
repository's ``tests/rules`` load it without Odoo. Modules here import only the
standard library and each other, relatively; the rules of another addon import
this package's modules the way Odoo names them
(``from odoo.addons.aftersales_sop.rules import cells``), which the rules-layer
test loader (``tests/conftest.py``) resolves without Odoo.
"""
