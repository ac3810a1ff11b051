# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..rules import kpi as kpi_rules


class AftersalesKpiMonth(models.TransientModel):
    """Compute a month's figures by hand (the scheduled action does it before
    the 5th) and print the monthly quality report."""

    _name = "aftersales.kpi.month"
    _description = "Compute a Month"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    month = fields.Date(
        required=True,
        default=lambda self: self._default_month(),
        help="Any day of the month to compute: its first day is kept.",
    )

    @api.model
    def _default_month(self):
        return kpi_rules.previous_month(fields.Date.context_today(self))

    def _run(self):
        self.ensure_one()
        Assessment = self.env["aftersales.kpi.assessment"]
        Assessment._aftersales_check_can_run()
        return Assessment._aftersales_run(self.company_id, self.month)

    def action_compute(self):
        assessments = self._run()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_kpi.aftersales_kpi_assessment_action"
        )
        action["domain"] = [("id", "in", assessments.ids)]
        action["context"] = {"search_default_group_scope": 1}
        return action

    def action_print(self):
        assessments = self._run()
        company = assessments.filtered(lambda a: a.scope == "company")
        return self.env.ref(
            "aftersales_kpi.action_report_quality_review"
        ).report_action(company)
