# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The roster import: the steps, the counts, the template and the background
import of a big file are the suite's spreadsheet import
(``aftersales.spreadsheet.import.mixin`` of ``aftersales_sop``); the rows
against the database and their writing are in ``aftersales_roster_records.py``.
"""

from odoo import api, fields, models

from ..rules import roster_import as roster_rules
from .aftersales_roster_messages import COLUMN_LABELS, MESSAGES
from .aftersales_roster_records import RosterLookup


class AftersalesRosterImport(models.TransientModel):
    """Import the engineer roster (engineers, zones, skills, certifications)
    from an .xls or .xlsx file: every bad row is named with its line and the
    reason, and a file whose structure is wrong imports nothing."""

    _name = "aftersales.roster.import"
    _inherit = ["aftersales.spreadsheet.import.mixin"]
    _description = "Import the Engineer Roster"
    _template_filename = "engineer_roster.xlsx"
    _import_rules = roster_rules
    _result_model = "aftersales.engineer"
    _result_action = "aftersales_sop.aftersales_engineer_action"
    _max_rows = 20_000

    create_zones = fields.Boolean(
        string="Create Missing Zones",
        help="A zone the file names and Odoo does not know is created. "
        "Otherwise the row is reported.",
    )
    problem_ids = fields.One2many(
        "aftersales.roster.import.problem", "wizard_id", string="Problems"
    )
    engineer_ids = fields.Many2many(
        "aftersales.engineer",
        "aftersales_roster_import_engineer_rel",
        "import_id",
        "engineer_id",
        string="Imported Engineers",
    )

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_view_engineers(self):
        self.ensure_one()
        return self._records_action(self.engineer_ids.ids)

    def _import_title(self):
        return self.env._("Import the Engineer Roster")

    @api.model
    def _template_bytes(self, chinese=False):
        senior, hardware = ("高级", "硬件") if chinese else ("Senior", "Hardware")
        example = [
            "Zhang Wei",
            "1001",
            "zhang.wei",
            "+86 136 0000 1001",
            "Shanghai",
            senior,
            hardware,
            "Air Conditioners",
            senior,
            "ASC-2025-0311",
            "Appliances",
            "2025-11-30",
            24,
        ]
        return self._xlsx_bytes(
            [
                (
                    "工程师" if chinese else "Engineers",
                    [roster_rules.COLUMNS.template_header(chinese), example],
                )
            ]
        )

    # ---------------------------------------------------------------------------
    # what the shared import asks of this one
    # ---------------------------------------------------------------------------

    def _import_messages(self):
        return MESSAGES

    def _column_labels(self):
        return COLUMN_LABELS

    def _job_options(self):
        return {**super()._job_options(), "create_zones": self.create_zones}

    def _lookup(self):
        return RosterLookup(self.env, self.company_id, self.create_zones)

    def _check_rows(self, rows):
        ready, problems = self._lookup().check(rows)
        return ready, problems, []

    def _write_rows(self, ready):
        return self._lookup().save(ready)

    def _ready_rows(self, ready):
        return [row for _engineer, row, _extra in ready]

    def _batch_end(self, rows, start):
        """An engineer's rows are written in one batch (they stand or fall
        together)."""
        end = super()._batch_end(rows, start)
        while 0 < end < len(rows) and (
            rows[end].engineer_key == rows[end - 1].engineer_key
        ):
            end += 1
        return end

    def _summary(self, counts):
        return self.env._(
            "Engineers: %(engineers_new)s created, %(engineers_old)s updated. "
            "Skills: %(skills_new)s created, %(skills_old)s updated. "
            "Certifications: %(certs_new)s created, %(certs_old)s updated. "
            "Zones created: %(zones)s.",
            **counts,
        )

    def _result_values(self, records):
        if records is None:
            return {"engineer_ids": [fields.Command.clear()]}
        return {"engineer_ids": [fields.Command.set(records.ids)]}
