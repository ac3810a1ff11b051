# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    _inherit = "helpdesk.ticket.channel"

    aftersales_channel_type = fields.Selection(
        [
            ("phone", "Phone"),
            ("chat", "Online Chat"),
            ("email", "E-mail"),
            ("web", "Website Form"),
            ("wechat", "WeChat"),
            ("platform", "Third-party Platform"),
            ("walk_in", "Walk-in"),
            ("partner", "Partner Repair Point"),
        ],
        string="Channel Type",
        help="How customers reach the service on this channel.",
    )
    response_target_seconds = fields.Integer(
        string="First Response Target (s)",
        help="A consultation on this channel counts as answered in time when its "
        "first response comes within this many seconds (0: not measured).",
    )
