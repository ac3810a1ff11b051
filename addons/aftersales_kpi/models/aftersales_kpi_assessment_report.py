# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import SQL

from ..rules import kpi as kpi_rules


class AftersalesKpiAssessment(models.Model):
    """What the monthly quality report prints besides the company's figures:
    the teams, the commendations, the missed targets with their causes, the
    failure rate per product. Teams and engineers are those the printing user
    may see (the record rules apply)."""

    _inherit = "aftersales.kpi.assessment"

    def _aftersales_report_data(self):
        self.ensure_one()
        month = self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("period_start", "=", self.period_start),
                ("scope", "!=", "company"),
            ]
        )
        others = month | self
        return {
            "teams": month.filtered(lambda a: a.scope == "team"),
            "commended": month.filtered("commendation_proposed"),
            "missed": others.line_ids.filtered("missed"),
            "failure_rates": self._aftersales_failure_rates(),
            "figures": {
                assessment.id: {line.kpi: line for line in assessment.line_ids}
                for assessment in others
            },
        }

    def _aftersales_failure_rates(self, limit=10):
        """Failure rate per product of the month (repair requests received ÷
        units registered by the month's end, in %), the highest first:
        [(product, requests, units, rate)]."""
        self.ensure_one()
        start, end = self.env["aftersales.kpi.figures"]._aftersales_month_range(
            self.company_id, self.period_start
        )
        following = kpi_rules.next_month(self.period_start)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT t.product_id, COUNT(*) AS requests,
                       (SELECT COUNT(*) FROM aftersales_warranty_registration r
                         WHERE r.product_id = t.product_id
                           AND r.company_id = %(company)s
                           AND r.purchase_date < %(following)s) AS units
                  FROM helpdesk_ticket t
                 WHERE t.company_id = %(company)s AND t.inquiry_class = 'b'
                   AND t.product_id IS NOT NULL
                   AND t.request_date >= %(start)s AND t.request_date < %(end)s
                 GROUP BY t.product_id
                 ORDER BY COUNT(*) DESC, t.product_id
                 LIMIT %(limit)s
                """,
                company=self.company_id.id,
                following=following,
                start=start,
                end=end,
                limit=limit,
            )
        )
        products = self.env["product.product"]
        return [
            (
                products.browse(product_id),
                requests,
                units,
                kpi_rules.percent(requests, units),
            )
            for product_id, requests, units in self.env.cr.fetchall()
        ]
