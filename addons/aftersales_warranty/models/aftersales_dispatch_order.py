# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The engineer's job is done only when the work it did was agreed (SPEC §4):
the quote gate of the request's repairs applies to its dispatch orders whose
visit repaired the unit on site. A visit that took the unit back to the repair
centre, or that the customer refused, did no work to agree: its repair order
carries the gate from then on. The spare parts he used are consumed at the end
of his visit (see aftersales_visit.py), and what is left when the order is
done (e.g. after a visit that asked for another one)."""

from odoo import fields, models
from odoo.exceptions import UserError


class AftersalesDispatchOrder(models.Model):
    _inherit = "aftersales.dispatch.order"

    part_line_ids = fields.One2many(
        related="ticket_id.part_line_ids",
        readonly=False,
        string="Spare Parts",
        help="The request's spare parts: the engineer says how many he used.",
    )

    def _aftersales_worked_on_site(self):
        """The last visit of the order repaired the unit on site (an order
        without visits is judged as one that did)."""
        self.ensure_one()
        visits = self.visit_ids.filtered(lambda v: v.state == "done")
        last = visits.sorted(lambda v: (v.checkout_date, v.id))[-1:]
        return not last or last.result == "fixed"

    def action_done(self):
        for order in self:
            if order._aftersales_worked_on_site():
                reason = order.ticket_id._aftersales_work_blocker()
            else:  # the parts he used and are still to consume need consent
                lines = order._aftersales_own_part_lines()._aftersales_to_consume()
                reason = lines and order.ticket_id._aftersales_parts_blocker(lines)
            if reason:
                raise UserError(
                    self.env._(
                        "%(order)s cannot be done: %(reason)s.",
                        order=order.name,
                        reason=reason,
                    )
                )
        result = super().action_done()
        for order in self:
            # the used parts not consumed at a visit's end yet (never twice:
            # only what is used and not consumed is)
            order._aftersales_own_part_lines()._aftersales_consume()
        return result

    def _aftersales_own_part_lines(self):
        """The request's parts lines of the order's engineer or assistant (or
        of nobody), in sudo: the engineer's parts leave the stock of his van."""
        self.ensure_one()
        crew = self.engineer_id | self.assistant_id
        # sudo: returned in sudo for the stock calls that consume or list them (the
        # engineer has no stock right); only his crew's lines of this request
        return self.ticket_id.sudo().part_line_ids.filtered(
            lambda line: not line.engineer_id or line.engineer_id in crew
        )
