# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import clocks as clock_rules


class AftersalesDispatchOrder(models.Model):
    """The on-site clock of a dispatch order (SPEC §3): every dispatch is
    judged on its own, from the order's dispatch to its engineer's check-in,
    against the order's own appointment (else its on-site limit by urgency and
    zone). The order's deadline, its lateness and whether it is late are read
    from that clock; cancelling the order ends the clock without a verdict
    against its engineer."""

    _inherit = "aftersales.dispatch.order"

    #: changes of the order that start, stop or move its on-site clock
    _aftersales_clock_fields = frozenset(
        {
            "dispatch_date",
            "checkin_date",
            "appointment_date",
            "engineer_id",
            "state",
            "cancel_date",
        }
    )

    clock_ids = fields.One2many(
        "aftersales.ticket.clock",
        "dispatch_order_id",
        string="Service Clocks",
        readonly=True,
        help="The clocks of the request that judge this order: its on-site "
        "response, and the dispatch review that ended with it.",
    )
    onsite_deadline = fields.Datetime(
        string="On-site Deadline",
        compute="_compute_onsite_deadline",
        help="By when the engineer must be on site: the deadline of the order's "
        "own On-site Response clock (the appointment of this order when one was "
        "agreed; otherwise by urgency and zone from this order's dispatch, e.g. "
        "4 hours in the same city, 24 hours from another city).",
    )
    arrived_late = fields.Boolean(
        compute="_compute_lateness",
        store=True,
        index=True,
        help="The engineer checked in after the order's on-site deadline (its "
        "agreed appointment when there was one).",
    )
    late_minutes = fields.Integer(
        string="Minutes Late",
        compute="_compute_lateness",
        store=True,
        help="How late the engineer checked in, against the order's on-site deadline.",
    )
    is_late = fields.Boolean(
        compute="_compute_is_late",
        search="_search_is_late",
        help="Arrived late, or not on site yet and past the on-site deadline.",
    )

    def _onsite_clock(self):
        """The order's own On-site Response clock."""
        self.ensure_one()
        # sudo: the deadline and lateness of an order are shown to whoever
        # reads the order, and only they are read from the clock
        return self.sudo().clock_ids.filtered(lambda c: c.code == "onsite")[:1]

    @api.depends("clock_ids.deadline")
    def _compute_onsite_deadline(self):
        for order in self:
            order.onsite_deadline = order._onsite_clock().deadline

    @api.depends(
        "checkin_date", "clock_ids.state", "clock_ids.stop_date", "clock_ids.deadline"
    )
    def _compute_lateness(self):
        """The arrival as the order's on-site clock judged it: the moment it
        stopped against its deadline (a verdict that stays unless a manager
        has it judged again)."""
        for order in self:
            clock = order._onsite_clock()
            judged = order.checkin_date and clock.state in ("met", "breached")
            minutes = (
                clock_rules.minutes_late(clock.stop_date, clock.deadline or None)
                if judged and clock.stop_date
                else 0
            )
            order.arrived_late = bool(judged and clock.state == "breached")
            order.late_minutes = minutes

    @api.depends("arrived_late", "state", "onsite_deadline")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for order in self:
            order.is_late = order.arrived_late or bool(
                order.state == "dispatched"
                and order.onsite_deadline
                and now > order.onsite_deadline
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on late dispatch orders."))
        late = [
            "|",
            ("arrived_late", "=", True),
            "&",
            ("state", "=", "dispatched"),
            (
                "clock_ids",
                "any",
                [("code", "=", "onsite"), ("is_overdue", "=", True)],
            ),
        ]
        if (operator == "=") == value:
            return late
        return ["!", *late]

    def write(self, vals):
        result = super().write(vals)
        if self._aftersales_clock_fields & set(vals):
            self.ticket_id._aftersales_sync_clocks()
        return result
