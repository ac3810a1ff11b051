# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registration import: the file, the check, the result shown to the user.

The steps, the counts, the template and the background import of a big file
are the suite's spreadsheet import (``aftersales.spreadsheet.import.mixin`` of
``aftersales_sop``); reading rows against the database is in
``..._import_check.py``, writing the registrations in ``..._import_write.py``,
the sentences of this import's own problems in
``registration_import_messages.py``.
"""

from odoo import api, fields, models

from ..rules import registration_import as import_rules
from .registration_import_messages import COLUMN_LABELS, MESSAGES


class AftersalesWarrantyRegistrationImport(models.TransientModel):
    _name = "aftersales.warranty.registration.import"
    _inherit = ["aftersales.spreadsheet.import.mixin"]
    _description = "Import Warranty Registrations"
    _check_company_auto = True
    _template_filename = "warranty_registrations.xlsx"
    _import_rules = import_rules
    _result_model = "aftersales.warranty.registration"
    _result_action = "aftersales_warranty.aftersales_warranty_registration_action"
    _max_rows = 100_000

    ignored_columns = fields.Char(
        help="Columns of the file the import does not read (remarks, "
        "addresses, stores, ...): they were ignored.",
    )
    problem_ids = fields.One2many(
        "aftersales.warranty.registration.import.problem",
        "wizard_id",
        string="Problems",
        readonly=True,
    )
    registration_ids = fields.Many2many(
        "aftersales.warranty.registration",
        "aftersales_warranty_import_registration_rel",
        "import_id",
        "registration_id",
        string="Imported Registrations",
        check_company=True,
    )

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_view_registrations(self):
        self.ensure_one()
        return self._records_action(self.registration_ids.ids)

    def _import_title(self):
        return self.env._("Import Warranty Registrations")

    @api.model
    def _template_bytes(self, chinese=False):
        header = import_rules.COLUMNS.template_header(chinese)
        example = [
            "Zhou Min",
            "+86 138 0013 8000",
            "AC-3500",
            "AC35-2025-000184",
            "2025-11-30",
            "INV-SH-2025-018832",
            import_rules.CHANNELS["online"][1 if chinese else 0],
        ]
        return self._xlsx_bytes(
            [
                ("登记" if chinese else "Registrations", [header]),
                ("示例" if chinese else "Example", [header, example]),
            ],
            width=22,
        )

    # ---------------------------------------------------------------------------
    # what the shared import asks of this one
    # ---------------------------------------------------------------------------

    def _import_messages(self):
        return MESSAGES

    def _column_labels(self):
        return COLUMN_LABELS

    def _ready_rows(self, ready):
        return [checked.row for checked in ready]

    def _summary(self, counts):
        return self.env._(
            "%(count)s registration(s) imported.", count=counts["registrations"]
        )

    def _result_values(self, records):
        if records is None:
            return {"registration_ids": [fields.Command.clear()]}
        # linking them reads whether each registration is active and its
        # company (the company check): those two columns alone, not 50,000
        # whole records in the cache
        records.fetch(["active", "company_id"])
        return {"registration_ids": [fields.Command.set(records.ids)]}


class AftersalesWarrantyRegistrationImportProblem(models.TransientModel):
    _name = "aftersales.warranty.registration.import.problem"
    _inherit = ["aftersales.spreadsheet.import.problem.mixin"]
    _description = "Problem Found in a Registration File"

    wizard_id = fields.Many2one(
        "aftersales.warranty.registration.import",
        string="Import",
        required=True,
        ondelete="cascade",
    )
