# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The engineer's job is done only when the work it did was agreed (SPEC §4):
the quote gate of the request's repairs applies to its dispatch orders. The
spare parts he used on the visit are consumed when it is done."""

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
        result = super().action_done()
        for order in self:
            # sudo: the engineer's parts leave the stock of his van
            order.ticket_id.sudo().part_line_ids.filtered(
                lambda line, order=order: line.engineer_id == order.engineer_id
            )._aftersales_consume()
        return result
