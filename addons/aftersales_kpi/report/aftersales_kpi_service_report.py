# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI analysis of the service side: requests, clocks, visits (SQL views).

Each view is the rows of its source in ``aftersales.kpi.source`` (what the
monthly assessment counts) with the details of the record; a figure
(``response_compliance``, ``first_time_fix``...) is summed with its own
formula in any grouping (``aftersales.kpi.measure.mixin``), its pending items
beside it. ``period``: the month the row counts in, the assessment's month.
"""

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.aftersales_sop.models.aftersales_clock_run import CLOCK_STATES
from odoo.addons.aftersales_sop.models.aftersales_visit import RESULTS
from odoo.addons.aftersales_sop.models.helpdesk_ticket import INQUIRY_CLASSES

from ..models.aftersales_kpi_source import clock_verdict
from .aftersales_kpi_analysis import now_sql, period_of


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


class AftersalesKpiClockReport(models.Model):
    _name = "aftersales.kpi.clock.report"
    _inherit = "aftersales.kpi.analysis.mixin"
    _description = "Service Clock Analysis"
    _auto = False
    _order = "start_date desc"

    clock_id = fields.Many2one("aftersales.clock", readonly=True)
    code = fields.Char(readonly=True)
    res_model = fields.Char(string="Runs On", readonly=True)
    state = fields.Selection(CLOCK_STATES, readonly=True)
    start_date = fields.Datetime(string="Started", readonly=True)
    deadline = fields.Datetime(readonly=True)
    clock_count = fields.Integer(string="Clocks", readonly=True)
    breached_count = fields.Integer(
        string="Missed",
        readonly=True,
        help="Breached, or still running past the deadline.",
    )
    pending_count = fields.Integer(
        string="Pending",
        readonly=True,
        help="Running within the limit, or paused: not judged yet (a clock "
        "cancelled with its dispatch order is neither judged nor pending).",
    )
    met_rate = fields.Float(
        string="Met (%)",
        readonly=True,
        aggregator="avg",
        help="Met ÷ judged (met or missed): pending clocks count in neither.",
    )

    @property
    def _table_query(self):
        met, failed = clock_verdict("k", now_sql())
        return SQL(
            """
            SELECT k.id, k.clock_id, k.code, k.res_model, k.state,
                   k.company_id, k.team_id,
                   COALESCE(o.engineer_id, t.engineer_id, co.engineer_id)
                       AS engineer_id,
                   COALESCE(t.product_id, co.product_id, f.product_id) AS product_id,
                   COALESCE(t.product_categ_id, co.product_categ_id)
                       AS product_categ_id,
                   k.start_date, k.deadline, 1 AS clock_count,
                   CASE WHEN %(failed)s THEN 1 ELSE 0 END AS breached_count,
                   CASE WHEN %(failed)s OR %(met)s OR k.state = 'cancelled'
                        THEN 0 ELSE 1 END AS pending_count,
                   CASE WHEN %(failed)s THEN 0.0 WHEN %(met)s THEN 100.0 END
                       AS met_rate,
                   %(period)s AS period
              FROM aftersales_clock_run k
              LEFT JOIN helpdesk_ticket t ON t.id = k.ticket_id
              LEFT JOIN aftersales_complaint co ON co.id = k.complaint_id
              LEFT JOIN aftersales_followup f ON f.id = k.followup_id
              LEFT JOIN aftersales_dispatch_order o ON o.id = k.dispatch_order_id
              LEFT JOIN res_company c ON c.id = k.company_id
              LEFT JOIN resource_calendar rc ON rc.id = c.resource_calendar_id
            """,
            met=met,
            failed=failed,
            period=period_of(SQL("k.start_date")),
        )


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
