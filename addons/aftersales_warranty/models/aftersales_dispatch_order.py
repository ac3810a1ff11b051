# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The engineer's job is done only when the work it did was agreed (SPEC §4):
the quote gate of the request's repairs applies to its dispatch orders."""

from odoo import models
from odoo.exceptions import UserError


class AftersalesDispatchOrder(models.Model):
    _inherit = "aftersales.dispatch.order"

    def action_done(self):
        for order in self:
            reason = order.ticket_id._aftersales_work_blocker()
            if reason:
                raise UserError(
                    self.env._(
                        "%(order)s cannot be done: %(reason)s.",
                        order=order.name,
                        reason=reason,
                    )
                )
        return super().action_done()
