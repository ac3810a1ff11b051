# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    aftersales_pause_clocks = fields.Boolean(
        string="Pause Service Clocks",
        help="The ticket waits for the customer in this stage: its service clocks "
        "stop counting until it leaves the stage, and then get the time they had left.",
    )
