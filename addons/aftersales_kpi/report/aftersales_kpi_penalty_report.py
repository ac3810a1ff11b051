# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.aftersales_penalty import ORIGINS, STATES
from .aftersales_kpi_analysis_mixin import now_sql


class AftersalesKpiPenaltyReport(models.Model):
    """Penalties per engineer, offence and month (HR and the reviewers): the
    count and the amount are those of confirmed penalties, as in the
    assessment; the other states' amounts are a measure of their own."""

    _name = "aftersales.kpi.penalty.report"
    _inherit = "aftersales.kpi.measure.mixin"
    _description = "Penalty Analysis"
    _auto = False
    _order = "offence_date desc"

    penalty_id = fields.Many2one("aftersales.penalty", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    engineer_id = fields.Many2one("aftersales.engineer", readonly=True)
    rule_id = fields.Many2one(
        "aftersales.penalty.rule", string="Offence", readonly=True
    )
    origin = fields.Selection(ORIGINS, readonly=True)
    state = fields.Selection(STATES, readonly=True)
    offence_date = fields.Date(readonly=True)
    period = fields.Date(string="Month", readonly=True)
    penalty_count = fields.Integer(
        string="Penalties (Confirmed)",
        readonly=True,
        help="Confirmed penalties: the count of the monthly assessment.",
    )
    penalty_amount = fields.Float(
        string="Amount (Confirmed)",
        readonly=True,
        digits=(16, 2),
        help="The amount of the confirmed penalties: the penalty amount of the "
        "monthly assessment.",
    )
    penalty_other_amount = fields.Float(
        string="Amount Not Confirmed",
        readonly=True,
        digits=(16, 2),
        help="Proposed, dismissed and cancelled penalties: they count for nothing.",
    )
    record_count = fields.Integer(string="Penalties (All States)", readonly=True)

    @property
    def _table_query(self):
        rows = self.env["aftersales.kpi.source"]._aftersales_source_rows(
            "penalty",
            now_sql(),
            extra={
                "penalty_id": SQL("pe.id"),
                "employee_id": SQL("pe.employee_id"),
                "rule_id": SQL("pe.rule_id"),
                "origin": SQL("pe.origin"),
                "state": SQL("pe.state"),
                "offence_date": SQL("pe.date"),
                "record_count": SQL("1"),
            },
        )
        return self._aftersales_kpi_view(rows)
