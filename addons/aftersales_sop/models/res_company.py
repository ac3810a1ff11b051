# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_certification_months = fields.Integer(
        string="Certification Validity (months)",
        default=24,
        help="How long an after-sales certification stays valid before it is reviewed.",
    )
    aftersales_response_seconds = fields.Integer(
        string="Responded in Time Within (s)",
        default=30,
        help="A consultation counts as responded in time when its first response "
        "came within this many seconds of the request, whatever the channel "
        "(the monthly consultation response compliance). The channels keep their "
        "own service targets for the agents.",
    )
    aftersales_repeat_caller_days = fields.Integer(
        string="Repeat Caller Window (days)",
        default=90,
        help="Closed tickets of the same caller younger than this are shown on a "
        "new ticket, with the caller's open ones.",
    )
