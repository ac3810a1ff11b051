# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.aftersales_sop.models.aftersales_visit import RESULTS


class AftersalesKpiVisitReport(models.Model):
    _name = "aftersales.kpi.visit.report"
    _inherit = ["aftersales.kpi.analysis.mixin", "aftersales.kpi.measure.mixin"]
    _description = "Visit Analysis"
    _auto = False
    _order = "checkin_date desc"

    visit_id = fields.Many2one("aftersales.visit", readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    is_first = fields.Boolean(string="First Visit", readonly=True)
    result = fields.Selection(RESULTS, readonly=True)
    checkin_date = fields.Datetime(string="Checked In", readonly=True)
    checkout_date = fields.Datetime(string="Checked Out", readonly=True)
    visit_count = fields.Integer(string="Visits", readonly=True)
    work_hours = fields.Float(string="Time Spent (h)", readonly=True)
    first_time_fix = fields.Float(
        string="First-time Fix (%)",
        readonly=True,
        digits=(16, 2),
        help="First visits ended that fixed the unit ÷ first visits ended.",
    )

    @property
    def _table_query(self):
        Source = self.env["aftersales.kpi.source"]
        columns = dict(
            Source._aftersales_first_visit_columns(),
            # a visit not ended yet counts in the month it started
            date=SQL("COALESCE(v.checkout_date, v.checkin_date, v.planned_date)"),
        )
        query = SQL(
            "FROM aftersales_visit v LEFT JOIN helpdesk_ticket t ON t.id = v.ticket_id"
            " WHERE v.state != 'cancel'"
        )
        extra = {
            "visit_id": SQL("v.id"),
            "ticket_id": SQL("v.ticket_id"),
            "is_first": SQL("v.is_first"),
            "result": SQL("v.result"),
            "checkin_date": SQL("v.checkin_date"),
            "checkout_date": SQL("v.checkout_date"),
            "visit_count": SQL("1"),
            "work_hours": SQL("v.work_hours"),
        }
        rows = Source._aftersales_branch("first_visit", columns, query, extra)
        return self._aftersales_kpi_view(rows)
