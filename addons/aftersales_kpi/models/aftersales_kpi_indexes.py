# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Indexes of the monthly figures: each source is read by company and month
(``bench/bench_kpi.py`` measures the month's figures with and without them)."""

from odoo import models
from odoo.tools import SQL
from odoo.tools.sql import create_index

#: (table, index name, columns, condition)
KPI_INDEXES = [
    (
        "helpdesk_ticket",
        "helpdesk_ticket_kpi_request_idx",
        ["company_id", "request_date"],
        "",
    ),
    (
        "helpdesk_ticket",
        "helpdesk_ticket_kpi_repair_done_idx",
        ["company_id", "repair_done_date"],
        "repair_done_date IS NOT NULL",
    ),
    (
        "helpdesk_ticket",
        "helpdesk_ticket_kpi_repeat_lot_idx",
        ["lot_id", "fault_type", "repair_done_date"],
        "repair_done_date IS NOT NULL AND lot_id IS NOT NULL",
    ),
    (
        "helpdesk_ticket",
        "helpdesk_ticket_kpi_repeat_unit_idx",
        ["commercial_partner_id", "product_id", "repair_done_date"],
        "repair_done_date IS NOT NULL AND lot_id IS NULL",
    ),
    (
        "aftersales_survey",
        "aftersales_survey_kpi_answer_idx",
        ["company_id", "answer_date"],
        "state = 'done'",
    ),
    (
        "aftersales_dispatch_order",
        "aftersales_dispatch_order_kpi_dispatched_idx",
        ["company_id", "dispatch_date"],
        "",
    ),
    (
        "aftersales_visit",
        "aftersales_visit_kpi_first_done_idx",
        ["company_id", "checkout_date"],
        "is_first AND state = 'done'",
    ),
    (
        "aftersales_call",
        "aftersales_call_kpi_unanswered_idx",
        ["company_id", "call_start"],
        "answered_date IS NULL",
    ),
    (
        "aftersales_complaint",
        "aftersales_complaint_kpi_received_idx",
        ["company_id", "received_date"],
        "",
    ),
]


#: indexes of earlier versions, replaced by the ones above
OLD_INDEXES = [
    "aftersales_dispatch_order_kpi_checkin_idx",
    "aftersales_dispatch_order_kpi_dispatch_idx",
    "aftersales_clock_run_kpi_resolution_any_idx",
    "aftersales_clock_run_kpi_resolution_idx",
    "aftersales_visit_kpi_first_idx",
    # the clocks' verdicts are stored on the request and the order now
    "aftersales_clock_run_kpi_resolution_state_idx",
    "aftersales_clock_run_kpi_onsite_state_idx",
]


class AftersalesKpiIndexes(models.AbstractModel):
    _name = "aftersales.kpi.indexes"
    _description = "Indexes of the Monthly Figures"

    def init(self):
        for name in OLD_INDEXES:
            self.env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(name)))
        for table, name, columns, where in KPI_INDEXES:
            create_index(self.env.cr, name, table, columns, where=where)
