# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI analysis of the service requests (SQL view; the clocks and the visits
have theirs beside it).

Each view is the rows of its source in ``aftersales.kpi.source`` (what the
monthly assessment counts) with the details of the record; a figure
(``response_compliance``, ``first_time_fix``...) is summed with its own
formula in any grouping (``aftersales.kpi.measure.mixin``), its pending items
beside it. ``period``: the month the row counts in, the assessment's month.
"""

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.aftersales_sop.models.helpdesk_ticket import INQUIRY_CLASSES

from .aftersales_kpi_analysis_mixin import now_sql


class AftersalesKpiRequestReport(models.Model):
    _name = "aftersales.kpi.request.report"
    _inherit = ["aftersales.kpi.analysis.mixin", "aftersales.kpi.measure.mixin"]
    _description = "Request Analysis"
    _auto = False
    _order = "request_date desc"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    inquiry_class = fields.Selection(INQUIRY_CLASSES, readonly=True)
    request_date = fields.Datetime(string="Reported On", readonly=True)
    repair_done_date = fields.Datetime(string="Repair Completed On", readonly=True)
    request_count = fields.Integer(string="Requests", readonly=True)
    repair_count = fields.Integer(string="Repair Requests", readonly=True)
    unanswered_call_count = fields.Integer(
        string="Calls Not Answered",
        readonly=True,
        help="Hotline calls of the call log nobody answered: each counts as a "
        "consultation not answered in time (for the company, no team).",
    )
    response_compliance = fields.Float(
        string="Response Compliance (%)",
        readonly=True,
        digits=(16, 2),
        help="Answered within the company's threshold ÷ the requests decided "
        "(answered, or not answered past the threshold).",
    )
    response_compliance_pending = fields.Integer(
        string="Response Pending", readonly=True
    )
    response_seconds = fields.Float(
        string="First Response Time (s)", readonly=True, aggregator="avg"
    )
    resolution_rate = fields.Float(
        string="Resolved within the Limit (%)",
        readonly=True,
        digits=(16, 2),
        help="Repair requests resolved within their Resolution clock ÷ those "
        "decided; those still within their 30 days are pending.",
    )
    resolution_rate_pending = fields.Integer(string="Resolution Pending", readonly=True)

    @property
    def _table_query(self):
        Source = self.env["aftersales.kpi.source"]
        requests = Source._aftersales_source_rows(
            "request",
            now_sql(),
            extra={
                "ticket_id": SQL("t.id"),
                "inquiry_class": SQL("t.inquiry_class::varchar"),
                "request_date": SQL("t.request_date"),
                "repair_done_date": SQL("t.repair_done_date"),
                "request_count": SQL("1"),
                "repair_count": SQL("(t.inquiry_class = 'b')::integer"),
                "unanswered_call_count": SQL("0"),
                "response_seconds": SQL(
                    "CASE WHEN t.first_response_date IS NOT NULL"
                    " OR t.response_source = 'call_log'"
                    " THEN t.response_seconds END"
                ),
            },
        )
        # the hotline calls nobody answered: consultations not answered in time
        calls = Source._aftersales_source_rows(
            "call",
            now_sql(),
            extra={
                "ticket_id": SQL("NULL::integer"),
                "inquiry_class": SQL("NULL::varchar"),
                "request_date": SQL("l.call_start"),
                "repair_done_date": SQL("NULL::timestamp"),
                "request_count": SQL("0"),
                "repair_count": SQL("0"),
                "unanswered_call_count": SQL("1"),
                "response_seconds": SQL("NULL::integer"),
            },
        )
        return self._aftersales_kpi_view(SQL("%s UNION ALL %s", requests, calls))
