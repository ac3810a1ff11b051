# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.aftersales_sop.models.aftersales_survey import METHODS

from .aftersales_kpi_analysis_mixin import now_sql


class AftersalesKpiSurveyReport(models.Model):
    _name = "aftersales.kpi.survey.report"
    _inherit = ["aftersales.kpi.analysis.mixin", "aftersales.kpi.measure.mixin"]
    _description = "Satisfaction KPI Analysis"
    _auto = False
    _order = "answer_date desc"

    survey_id = fields.Many2one("aftersales.survey", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    method = fields.Selection(METHODS, string="Collected By", readonly=True)
    answer_date = fields.Datetime(string="Answered On", readonly=True)
    survey_count = fields.Integer(string="Answers", readonly=True)
    satisfaction = fields.Float(
        string="Customer Satisfaction (0-10)",
        readonly=True,
        digits=(16, 2),
        help="Sum of the overall scores ÷ customers who scored: a customer who "
        "answered several times counts once, with the average of his scores.",
    )
    overall = fields.Float(
        string="Average Score per Answer",
        readonly=True,
        aggregator="avg",
        digits=(3, 2),
        help="The plain average of the answers' overall scores (a customer who "
        "answered twice counts twice): not the satisfaction figure.",
    )

    @property
    def _table_query(self):
        rows = self.env["aftersales.kpi.source"]._aftersales_source_rows(
            "survey",
            now_sql(),
            extra={
                "survey_id": SQL("s.id"),
                "partner_id": SQL("s.partner_id"),
                "method": SQL("s.method"),
                "answer_date": SQL("s.answer_date"),
                "survey_count": SQL("1"),
                "overall": SQL("s.overall_value"),
            },
        )
        return self._aftersales_kpi_view(rows)
