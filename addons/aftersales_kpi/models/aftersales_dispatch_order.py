# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import format_datetime


class AftersalesDispatchOrder(models.Model):
    """A late check-in proposes a late-arrival penalty for the engineer."""

    _inherit = "aftersales.dispatch.order"

    def action_check_in(self):
        result = super().action_check_in()
        self.filtered("arrived_late")._aftersales_propose_late_arrival()
        return result

    def _aftersales_propose_late_arrival(self):
        """One proposal per order, for its engineer, against the deadline the
        order's own on-site clock judged it by: the appointment agreed for this
        order, or the on-site limit from this order's dispatch."""
        penalties = self.env["aftersales.penalty"]
        for order in self:
            tz = order.engineer_user_id.tz or self.env.user.tz or "UTC"
            clock = order._onsite_clock()
            deadline = order.checkin_date and clock.deadline
            values = {
                "order": order.name,
                "checkin": format_datetime(self.env, order.checkin_date, tz=tz),
                "minutes": order.late_minutes,
                "deadline": format_datetime(self.env, deadline, tz=tz)
                if deadline
                else "-",
            }
            if clock.by_appointment:
                description = self.env._(
                    "%(order)s: checked in on %(checkin)s, %(minutes)s minutes after "
                    "the appointment agreed with the customer (%(deadline)s).",
                    **values,
                )
            else:
                description = self.env._(
                    "%(order)s: checked in on %(checkin)s, %(minutes)s minutes after "
                    "the on-site deadline (%(deadline)s); no appointment was agreed.",
                    **values,
                )
            if order.delay_note:
                description += "\n" + self.env._(
                    "Delay explained to the customer: %(note)s", note=order.delay_note
                )
            penalties._aftersales_propose_penalty(
                order.engineer_id.employee_id,
                "late_arrival",
                fields.Date.context_today(
                    order.with_context(tz=tz), order.checkin_date
                ),
                evidence=order,
                description=description,
                origin="late_arrival",
            )
