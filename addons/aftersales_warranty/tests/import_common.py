# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the import tests share: spreadsheets written in memory (the roster
import of aftersales_kpi writes its files with them too) and a wizard of the
importing agent."""

import base64
import io
from datetime import date, datetime

import openpyxl
import xlwt

from odoo.addons.aftersales_warranty.rules.registration_import import template_header

from .common import WarrantyCommon

HEADER = template_header()


def xlsx(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls(rows, sheet_name="Registrations"):
    book = xlwt.Workbook()
    sheet = book.add_sheet(sheet_name)
    day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime | date):
                sheet.write(r, c, value, day)
            elif value is not None:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


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
