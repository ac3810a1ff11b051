# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI analysis of the complaints (SQL view; the surveys and the penalties
have theirs beside it): the rows of their source in ``aftersales.kpi.source``
with the details of the record, the figures summed with their own formulas
(see ``aftersales_kpi_measure_mixin.py``)."""

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.aftersales_sop.models.aftersales_complaint import COMPLAINT_STATES
from odoo.addons.aftersales_sop.models.aftersales_complaint_cause import (
    COMPLAINT_CATEGORIES,
)

from .aftersales_kpi_analysis_mixin import now_sql


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
