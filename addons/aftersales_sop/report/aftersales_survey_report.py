# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.aftersales_survey import DIMENSIONS, METHODS

#: the dimensions of the analysis: each score of a survey, the overall one last
DIMENSION_CODES = [
    *((name.removeprefix("score_"), label) for name, label in DIMENSIONS.items()),
    ("overall", "Overall Score"),
]


class AftersalesSurveyReport(models.Model):
    """Satisfaction analysis: one row per score an answered survey gave, so
    that averages count only the dimensions the customer scored."""

    _name = "aftersales.survey.report"
    _description = "Satisfaction Analysis"
    _auto = False
    _order = "answer_date desc"

    survey_id = fields.Many2one("aftersales.survey", readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    engineer_id = fields.Many2one("aftersales.engineer", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    method = fields.Selection(METHODS, string="Collected By", readonly=True)
    answer_date = fields.Datetime(string="Answered On", readonly=True)
    dimension = fields.Selection(DIMENSION_CODES, readonly=True)
    score = fields.Float(readonly=True, aggregator="avg", digits=(3, 1))
    answer_count = fields.Integer(string="Answers", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        columns = [
            (index, code, f"score_{code}" if code != "overall" else "overall_score")
            for index, (code, _label) in enumerate(DIMENSION_CODES, start=1)
        ]
        values = SQL(", ").join(
            SQL("(%s, %s, s.%s)", index, code, SQL.identifier(column))
            for index, code, column in columns
        )
        return SQL(
            """
            SELECT s.id * 10 + d.position AS id,
                   s.id AS survey_id,
                   s.ticket_id,
                   s.company_id,
                   s.team_id,
                   s.engineer_id,
                   s.partner_id,
                   t.product_id,
                   s.method,
                   s.answer_date,
                   d.dimension,
                   d.score::integer AS score,
                   1 AS answer_count
              FROM aftersales_survey s
              JOIN helpdesk_ticket t ON t.id = s.ticket_id
             CROSS JOIN LATERAL (VALUES %s) AS d(position, dimension, score)
             WHERE s.state = 'done' AND d.score IS NOT NULL
            """,
            values,
        )
