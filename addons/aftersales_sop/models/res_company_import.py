# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_import_background_rows = fields.Integer(
        string="Import in the Background Over (rows)",
        default=2000,
        help="A spreadsheet import (warranty registrations, the engineer roster) "
        "of more rows than this is checked and written by a background job: the "
        "page does not wait for it, its progress and result are on the import "
        "job. 0: every import runs in the page.",
    )
