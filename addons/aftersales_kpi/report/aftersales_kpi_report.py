# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The KPI analysis: every figure of the monthly quality review in one pivot.

Its rows are the rows the monthly assessment counts (``aftersales.kpi.source``,
one query) and each figure is the same formula over the same totals, in any
grouping: a team's month in the pivot is the team's assessment. As Odoo's
``sale.report`` serves every pivot from one SQL query.
"""

from odoo import fields, models

from ..models.aftersales_kpi_source import SOURCES
from .aftersales_kpi_analysis_mixin import now_sql


class AftersalesKpiReport(models.Model):
    _name = "aftersales.kpi.report"
    _inherit = ["aftersales.kpi.analysis.mixin", "aftersales.kpi.measure.mixin"]
    _description = "KPI Analysis"
    _auto = False
    _order = "date desc"

    source = fields.Selection(SOURCES, string="Counted From", readonly=True)
    res_id = fields.Integer(string="Record ID", readonly=True)
    date = fields.Datetime(
        string="Counted On",
        readonly=True,
        help="The moment the row is counted on: a request's reception, a "
        "repair's completion, a survey's answer, a dispatch...",
    )
    response_compliance = fields.Float(
        string="Consultation Response Compliance (%)",
        readonly=True,
        digits=(16, 2),
        help="Consultations first answered within the company's threshold ÷ "
        "the consultations decided (answered, or not answered past it).",
    )
    response_compliance_pending = fields.Integer(
        string="Consultations Pending", readonly=True
    )
    resolution_rate = fields.Float(
        string="Fault Resolution Rate (%)",
        readonly=True,
        digits=(16, 2),
        help="Repair requests resolved within their Resolution clock ÷ those "
        "decided (resolved, or past the 30 days).",
    )
    resolution_rate_pending = fields.Integer(
        string="Repair Requests Pending", readonly=True
    )
    complaint_timeliness = fields.Float(
        string="Complaint Handling Timeliness (%)",
        readonly=True,
        digits=(16, 2),
        help="Complaints closed with every clock met ÷ complaints decided "
        "(closed, or with a limit passed).",
    )
    complaint_timeliness_pending = fields.Integer(
        string="Complaints Pending", readonly=True
    )
    satisfaction = fields.Float(
        string="Customer Satisfaction (0-10)",
        readonly=True,
        digits=(16, 2),
        help="Sum of the overall scores ÷ customers who scored, each customer "
        "once with the average of his scores.",
    )
    onsite_hours = fields.Float(
        string="Average On-site Response Time (h)",
        readonly=True,
        digits=(16, 2),
        help="Hours from dispatch to check-in of the dispatch orders checked in.",
    )
    onsite_hours_pending = fields.Integer(
        string="Engineers on Their Way", readonly=True
    )
    onsite_punctuality = fields.Float(
        string="On-site Arrivals in Time (%)",
        readonly=True,
        digits=(16, 2),
        help="Dispatch orders checked in by their on-site deadline ÷ those "
        "decided (checked in, or past the deadline).",
    )
    onsite_punctuality_pending = fields.Integer(
        string="Arrivals Pending", readonly=True
    )
    completion_hours = fields.Float(
        string="Average Completion Time (h)", readonly=True, digits=(16, 2)
    )
    first_time_fix = fields.Float(
        string="First-time Fix Rate (%)", readonly=True, digits=(16, 2)
    )
    repeat_rate = fields.Float(
        string="Repeat-repair Rate (%)", readonly=True, digits=(16, 2)
    )
    followup_timeliness = fields.Float(
        string="Follow-ups in Time (%)", readonly=True, digits=(16, 2)
    )
    followup_timeliness_pending = fields.Integer(
        string="Follow-ups Pending", readonly=True
    )
    cost_labour = fields.Float(
        string="Service Cost: Labour", readonly=True, digits=(16, 2)
    )
    cost_parts = fields.Float(
        string="Service Cost: Parts", readonly=True, digits=(16, 2)
    )
    cost_travel = fields.Float(
        string="Service Cost: Travel", readonly=True, digits=(16, 2)
    )
    service_cost = fields.Float(readonly=True, digits=(16, 2))
    penalty_count = fields.Integer(
        string="Penalties in the Month",
        readonly=True,
        groups="aftersales_kpi.aftersales_kpi_group_reviewer,hr.group_hr_user",
        help="Confirmed penalties only.",
    )
    penalty_amount = fields.Float(
        readonly=True,
        digits=(16, 2),
        groups="aftersales_kpi.aftersales_kpi_group_reviewer,hr.group_hr_user",
        help="Confirmed penalties only.",
    )
    penalty_other_amount = fields.Float(
        string="Penalties Not Confirmed (Amount)",
        readonly=True,
        digits=(16, 2),
        groups="aftersales_kpi.aftersales_kpi_group_reviewer,hr.group_hr_user",
        help="Proposed, dismissed and cancelled penalties: they count for nothing.",
    )

    @property
    def _table_query(self):
        return self._aftersales_kpi_view(
            self.env["aftersales.kpi.source"]._aftersales_kpi_rows(now_sql())
        )
