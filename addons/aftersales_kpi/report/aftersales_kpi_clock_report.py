# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.aftersales_sop.models.aftersales_clock_run import CLOCK_STATES

from ..models.aftersales_kpi_source import clock_verdict
from .aftersales_kpi_analysis_mixin import now_sql, period_of


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
