# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The engineer's job is done only when the work it did was agreed (SPEC §4):
the quote gate of the request's repairs applies to its dispatch orders whose
visit repaired the unit on site. A visit that took the unit back to the repair
centre, or that the customer refused, did no work to agree: its repair order
carries the gate from then on."""

from odoo import models
from odoo.exceptions import UserError


class AftersalesDispatchOrder(models.Model):
    _inherit = "aftersales.dispatch.order"

    def _aftersales_worked_on_site(self):
        """The last visit of the order repaired the unit on site (an order
        without visits is judged as one that did)."""
        self.ensure_one()
        visits = self.visit_ids.filtered(lambda v: v.state == "done")
        last = visits.sorted(lambda v: (v.checkout_date, v.id))[-1:]
        return not last or last.result == "fixed"

    def action_done(self):
        for order in self.filtered(lambda o: o._aftersales_worked_on_site()):
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
