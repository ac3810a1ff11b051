# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI analysis of the customer side and of the engineers' conduct:
complaints, satisfaction surveys, penalties (SQL views): the rows of their
source in ``aftersales.kpi.source`` with the details of the record, the
figures summed with their own formulas (see ``aftersales_kpi_analysis.py``)."""

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.aftersales_sop.models.aftersales_complaint import COMPLAINT_STATES
from odoo.addons.aftersales_sop.models.aftersales_complaint_cause import (
    COMPLAINT_CATEGORIES,
)
from odoo.addons.aftersales_sop.models.aftersales_survey import METHODS

from ..models.aftersales_penalty import ORIGINS, STATES
from .aftersales_kpi_analysis import now_sql


class AftersalesKpiComplaintReport(models.Model):
    _name = "aftersales.kpi.complaint.report"
    _inherit = ["aftersales.kpi.analysis.mixin", "aftersales.kpi.measure.mixin"]
    _description = "Complaint Analysis"
    _auto = False
    _order = "received_date desc"

    complaint_id = fields.Many2one("aftersales.complaint", readonly=True)
    category = fields.Selection(COMPLAINT_CATEGORIES, readonly=True)
    cause_id = fields.Many2one("aftersales.complaint.cause", readonly=True)
    state = fields.Selection(COMPLAINT_STATES, readonly=True)
    received_date = fields.Datetime(string="Received On", readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    complaint_timeliness = fields.Float(
        string="Handled in Time (%)",
        readonly=True,
        digits=(16, 2),
        help="Complaints closed with every clock met ÷ complaints decided: "
        "closed, or with a limit passed (a clock breached or running past its "
        "deadline is a failure, even while the complaint is open).",
    )
    complaint_timeliness_pending = fields.Integer(
        string="Pending",
        readonly=True,
        help="Open complaints whose limits have not passed yet.",
    )

    @property
    def _table_query(self):
        rows = self.env["aftersales.kpi.source"]._aftersales_source_rows(
            "complaint",
            now_sql(),
            extra={
                "complaint_id": SQL("cp.id"),
                "category": SQL("cp.category"),
                "cause_id": SQL("cp.cause_id"),
                "state": SQL("cp.state"),
                "received_date": SQL("cp.received_date"),
                "complaint_count": SQL("1"),
            },
        )
        return self._aftersales_kpi_view(rows)


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
