# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI analysis of the service side: requests, clocks, visits (SQL views).

Rates are averages of 100 (counted) and 0 (not counted) per row, so that a
pivot's average of a group is the group's rate, in any grouping.
"""

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.aftersales_sop.models.aftersales_clock_run import CLOCK_STATES
from odoo.addons.aftersales_sop.models.aftersales_visit import RESULTS
from odoo.addons.aftersales_sop.models.helpdesk_ticket import INQUIRY_CLASSES


class AftersalesKpiAnalysis(models.AbstractModel):
    """What every KPI analysis shows: company, team, engineer, product."""

    _name = "aftersales.kpi.analysis.mixin"
    _description = "KPI Analysis Dimensions"

    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    engineer_id = fields.Many2one("aftersales.engineer", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_categ_id = fields.Many2one(
        "product.category", string="Product Category", readonly=True
    )


class AftersalesKpiRequestReport(models.Model):
    _name = "aftersales.kpi.request.report"
    _inherit = "aftersales.kpi.analysis.mixin"
    _description = "Request Analysis"
    _auto = False
    _order = "request_date desc"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    inquiry_class = fields.Selection(INQUIRY_CLASSES, readonly=True)
    request_date = fields.Datetime(string="Reported On", readonly=True)
    repair_done_date = fields.Datetime(string="Repair Completed On", readonly=True)
    request_count = fields.Integer(string="Requests", readonly=True)
    repair_count = fields.Integer(string="Repair Requests", readonly=True)
    response_rate = fields.Float(
        string="Response Compliance (%)", readonly=True, aggregator="avg"
    )
    response_seconds = fields.Float(
        string="First Response Time (s)", readonly=True, aggregator="avg"
    )
    resolution_rate = fields.Float(
        string="Resolved within the Limit (%)", readonly=True, aggregator="avg"
    )
    completion_hours = fields.Float(
        string="Completion Time (h)", readonly=True, aggregator="avg"
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT t.id, t.id AS ticket_id, t.company_id, t.team_id,
                   t.engineer_id, t.product_id, t.product_categ_id,
                   t.inquiry_class, t.request_date, t.repair_done_date,
                   1 AS request_count,
                   (t.inquiry_class = 'b')::integer AS repair_count,
                   CASE WHEN t.responded_in_time THEN 100.0 ELSE 0.0 END
                       AS response_rate,
                   CASE WHEN t.first_response_date IS NOT NULL
                        THEN t.response_seconds END AS response_seconds,
                   CASE WHEN t.inquiry_class = 'b' THEN
                       CASE WHEN EXISTS (
                           SELECT 1 FROM aftersales_clock_run rc
                            WHERE rc.ticket_id = t.id AND rc.code = 'resolution'
                              AND rc.state = 'met') THEN 100.0 ELSE 0.0 END
                   END AS resolution_rate,
                   EXTRACT(EPOCH FROM t.repair_done_date - t.request_date) / 3600.0
                       AS completion_hours
              FROM helpdesk_ticket t
            """
        )


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
    breached_count = fields.Integer(string="Breached", readonly=True)
    met_rate = fields.Float(string="Met (%)", readonly=True, aggregator="avg")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT c.id, c.clock_id, c.code, c.res_model, c.state,
                   c.company_id, c.team_id,
                   COALESCE(o.engineer_id, t.engineer_id, co.engineer_id)
                       AS engineer_id,
                   COALESCE(t.product_id, co.product_id) AS product_id,
                   COALESCE(t.product_categ_id, co.product_categ_id)
                       AS product_categ_id,
                   c.start_date, c.deadline, 1 AS clock_count,
                   (c.state = 'breached')::integer AS breached_count,
                   CASE c.state WHEN 'met' THEN 100.0 WHEN 'breached' THEN 0.0
                   END AS met_rate
              FROM aftersales_clock_run c
              LEFT JOIN helpdesk_ticket t ON t.id = c.ticket_id
              LEFT JOIN aftersales_complaint co ON co.id = c.complaint_id
              LEFT JOIN aftersales_dispatch_order o ON o.id = c.dispatch_order_id
            """
        )


class AftersalesKpiVisitReport(models.Model):
    _name = "aftersales.kpi.visit.report"
    _inherit = "aftersales.kpi.analysis.mixin"
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
    onsite_hours = fields.Float(
        string="On-site Response Time (h)", readonly=True, aggregator="avg"
    )
    work_hours = fields.Float(string="Time Spent (h)", readonly=True)
    first_time_fix_rate = fields.Float(
        string="First-time Fix (%)", readonly=True, aggregator="avg"
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT v.id, v.id AS visit_id, v.ticket_id, v.company_id, v.team_id,
                   v.engineer_id, t.product_id, t.product_categ_id, v.is_first,
                   v.result, v.checkin_date, v.checkout_date, 1 AS visit_count,
                   CASE WHEN v.is_first THEN
                       EXTRACT(EPOCH FROM v.checkin_date - o.dispatch_date)
                           / 3600.0 END AS onsite_hours,
                   v.work_hours,
                   CASE WHEN v.is_first AND v.state = 'done' THEN
                       CASE WHEN v.result = 'fixed' THEN 100.0 ELSE 0.0 END
                   END AS first_time_fix_rate
              FROM aftersales_visit v
              JOIN aftersales_dispatch_order o ON o.id = v.dispatch_order_id
              LEFT JOIN helpdesk_ticket t ON t.id = v.ticket_id
             WHERE v.state != 'cancel'
            """
        )
