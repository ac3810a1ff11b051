# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the import tests share: spreadsheets written in memory (the suite's
helpers of aftersales_sop) and a wizard of the importing agent."""

import base64

from odoo.addons.aftersales_sop.tests.spreadsheet_common import xls, xlsx
from odoo.addons.aftersales_warranty.rules.registration_import import COLUMNS

from .common import WarrantyCommon

HEADER = COLUMNS.template_header()

__all__ = ["HEADER", "ImportCommon", "xls", "xlsx"]


class ImportCommon(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.importer = cls.agent
        cls.importer.groups_id |= cls.env.ref("base.group_partner_manager")

    def _wizard(self, data, **vals):
        return (
            self.env["aftersales.warranty.registration.import"]
            .with_user(self.importer)
            .create({"file": base64.b64encode(data), "filename": "units.xlsx", **vals})
        )

    def _counts(self):
        return (
            self.env["aftersales.warranty.registration"].search_count([]),
            self.env["res.partner"].with_context(active_test=False).search_count([]),
            self.env["stock.lot"].search_count([]),
        )

    def _problems(self, wizard, severity="error"):
        return [
            (p.line, p.column, p.message)
            for p in wizard.problem_ids
            if p.severity == severity
        ]
