# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The noupdate records that 18.0.1.2.0 changed, in a database of 18.0.1.1.0:
access follows the job, so the engineers' rules on the spare parts of a request
and on replacements are written again (the jobs of the engineer: the requests on
which he holds a dispatch order that was not cancelled)."""

from odoo import SUPERUSER_ID, api

from odoo.addons.aftersales_sop.tools.upgrade import reapply_records

RULES = [
    "aftersales_part_line_rule_engineer_own",
    "aftersales_warranty_replacement_rule_engineer_own",
]


def upgrade(env):
    """The steps, on an environment (the Odoo tests run them too)."""
    reapply_records(
        env, "aftersales_warranty", "security/aftersales_warranty_security.xml", RULES
    )


def migrate(cr, version):
    if not version:
        return
    upgrade(api.Environment(cr, SUPERUSER_ID, {}))
