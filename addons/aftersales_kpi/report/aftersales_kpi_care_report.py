# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI analysis of the customer side and of the engineers' conduct:
complaints, satisfaction surveys, penalties (SQL views)."""

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.aftersales_sop.models.aftersales_complaint import COMPLAINT_STATES
from odoo.addons.aftersales_sop.models.aftersales_complaint_cause import (
    COMPLAINT_CATEGORIES,
)
from odoo.addons.aftersales_sop.models.aftersales_survey import METHODS

from ..models.aftersales_penalty import ORIGINS, STATES


class AftersalesKpiComplaintReport(models.Model):
    _name = "aftersales.kpi.complaint.report"
    _inherit = "aftersales.kpi.analysis.mixin"
    _description = "Complaint Analysis"
    _auto = False
    _order = "received_date desc"

    complaint_id = fields.Many2one("aftersales.complaint", readonly=True)
    category = fields.Selection(COMPLAINT_CATEGORIES, readonly=True)
    cause_id = fields.Many2one("aftersales.complaint.cause", readonly=True)
    state = fields.Selection(COMPLAINT_STATES, readonly=True)
    received_date = fields.Datetime(string="Received On", readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    timely_rate = fields.Float(
        string="Handled in Time (%)",
        readonly=True,
        aggregator="avg",
        help="Complaints whose clocks were all met.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT c.id, c.id AS complaint_id, c.company_id, c.team_id,
                   c.engineer_id, c.product_id, c.product_categ_id, c.category,
                   c.cause_id, c.state, c.received_date, 1 AS complaint_count,
                   CASE WHEN c.clocks_all_met THEN 100.0 ELSE 0.0 END
                       AS timely_rate
              FROM aftersales_complaint c
            """
        )


class AftersalesKpiSurveyReport(models.Model):
    _name = "aftersales.kpi.survey.report"
    _inherit = "aftersales.kpi.analysis.mixin"
    _description = "Satisfaction KPI Analysis"
    _auto = False
    _order = "answer_date desc"

    survey_id = fields.Many2one("aftersales.survey", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    method = fields.Selection(METHODS, string="Collected By", readonly=True)
    answer_date = fields.Datetime(string="Answered On", readonly=True)
    survey_count = fields.Integer(string="Answers", readonly=True)
    overall = fields.Float(
        string="Overall Score", readonly=True, aggregator="avg", digits=(3, 2)
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT s.id, s.id AS survey_id, s.company_id, s.team_id,
                   s.engineer_id, t.product_id, t.product_categ_id,
                   s.partner_id, s.method, s.answer_date, 1 AS survey_count,
                   s.overall_value AS overall
              FROM aftersales_survey s
              JOIN helpdesk_ticket t ON t.id = s.ticket_id
             WHERE s.state = 'done' AND s.overall_score IS NOT NULL
            """
        )


class AftersalesKpiPenaltyReport(models.Model):
    """Penalties per engineer, offence and month (HR and the reviewers)."""

    _name = "aftersales.kpi.penalty.report"
    _description = "Penalty Analysis"
    _auto = False
    _order = "date desc"

    penalty_id = fields.Many2one("aftersales.penalty", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    engineer_id = fields.Many2one("aftersales.engineer", readonly=True)
    rule_id = fields.Many2one(
        "aftersales.penalty.rule", string="Offence", readonly=True
    )
    origin = fields.Selection(ORIGINS, readonly=True)
    state = fields.Selection(STATES, readonly=True)
    date = fields.Date(string="Offence Date", readonly=True)
    penalty_count = fields.Integer(string="Penalties", readonly=True)
    amount = fields.Float(readonly=True, digits=(16, 2))

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT p.id, p.id AS penalty_id, p.company_id, p.employee_id,
                   p.engineer_id, p.rule_id, p.origin, p.state, p.date,
                   1 AS penalty_count, p.amount
              FROM aftersales_penalty p
            """
        )
