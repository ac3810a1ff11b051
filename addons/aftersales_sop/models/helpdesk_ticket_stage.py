# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    aftersales_pause_clocks = fields.Boolean(
        string="Pause Service Clocks",
        help="An option, off by default: the ticket waits for the customer in this "
        "stage, so the service clocks that may pause (Pauses While Waiting) stop "
        "counting until it leaves the stage, and then get the time they had left.",
    )
    aftersales_repair_done = fields.Boolean(
        string="Completed Repairs",
        help="A repair request moves to this stage when its repair is completed "
        "(its last dispatch order or repair order done). The first such stage of "
        "the request's team is used.",
    )
