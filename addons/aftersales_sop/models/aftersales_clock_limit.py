# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..rules import clocks as clock_rules
from .aftersales_clock import UNITS
from .helpdesk_ticket import URGENCIES


class AftersalesClockLimit(models.Model):
    """Another limit of a service clock for some tickets: by urgency and by the
    zone the engineer comes from (e.g. on-site response: urgent in hours, normal
    in working days; 4 hours in the same city, 24 from another)."""

    _name = "aftersales.clock.limit"
    _description = "Service Clock Limit by Urgency and Zone"
    _order = "clock_id, sequence, id"

    clock_id = fields.Many2one(
        "aftersales.clock", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    urgency = fields.Selection(
        URGENCIES, help="The tickets of this urgency; empty: any urgency."
    )
    zone = fields.Selection(
        [
            (clock_rules.SAME_ZONE, "Engineer from the service zone"),
            (clock_rules.OTHER_ZONE, "Engineer from another zone"),
        ],
        help="Whether the dispatched engineer comes from the zone of the service "
        "address; empty: wherever he comes from.",
    )
    time_limit = fields.Float(string="Limit", required=True)
    unit = fields.Selection(UNITS, required=True, default="hours")

    _sql_constraints = [
        (
            "limit_positive",
            "CHECK(time_limit >= 0)",
            "A clock limit cannot be negative.",
        ),
    ]

    def _as_rule(self):
        self.ensure_one()
        return clock_rules.Limit(
            self.time_limit, self.unit, self.urgency or None, self.zone or None
        )
