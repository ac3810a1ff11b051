# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketDispatch(models.TransientModel):
    """The dispatcher sees the warranty suggestion of the request he sends an
    engineer to (a request reported online comes with it)."""

    _inherit = "helpdesk.ticket.dispatch"

    warranty_suggestion = fields.Selection(related="ticket_id.warranty_suggestion")
    warranty_suggestion_note = fields.Char(related="ticket_id.warranty_suggestion_note")
