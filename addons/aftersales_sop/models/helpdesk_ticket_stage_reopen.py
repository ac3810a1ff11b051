# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    aftersales_reopen = fields.Boolean(
        string="Reopened Requests",
        help="A request goes back to this stage when a follow-up call finds the "
        "problem persists. Without such a stage, it goes to the first open stage "
        "of its team.",
    )
