# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The spare parts of the engineer's visit (SPEC §4.7, §6): the request's parts
issued to him are on his service form, where he says how many he used; the
customer consents to them before the engineer checks out; the used ones are
consumed into the customer's unit at the check-out and the service report
lists them, with what he wrote on the form himself."""

from odoo import fields, models
from odoo.exceptions import UserError


class AftersalesVisit(models.Model):
    _inherit = "aftersales.visit"

    part_line_ids = fields.One2many(
        related="ticket_id.part_line_ids",
        readonly=False,
        string="Spare Parts from the Warehouse",
        help="The request's spare parts: say how many you used before the "
        "customer signs; they are consumed when you check out, the others go "
        "back to stock.",
    )

    def _aftersales_part_lines(self):
        """The request's parts lines of the visit's engineer or assistant (sudo)."""
        self.ensure_one()
        return self.dispatch_order_id._aftersales_own_part_lines()

    def _aftersales_part_lines_to_consume(self):
        return self._aftersales_part_lines()._aftersales_to_consume()

    def _aftersales_check_before_checkout(self):
        result = super()._aftersales_check_before_checkout()
        lines = self._aftersales_part_lines_to_consume()
        reason = lines and self.ticket_id._aftersales_parts_blocker(lines)
        if reason:
            raise UserError(
                self.env._(
                    "%(visit)s: before you check out, %(reason)s.",
                    visit=self.name,
                    reason=reason,
                )
            )
        return result

    def _aftersales_after_checkout(self):
        # consumed before the report is refreshed and the order is done
        self._aftersales_part_lines()._aftersales_consume(visit=self)
        return super()._aftersales_after_checkout()

    def action_aftersales_parts_consent(self):
        """The customer consents on site to the parts the engineer used."""
        self.ensure_one()
        return self.ticket_id.action_aftersales_parts_consent()

    # -- the service report --------------------------------------------------------

    def _aftersales_report_parts(self):
        """The request's parts the engineer used on this visit, then the parts
        he wrote on the form himself: consumed at this visit once he checked
        out, to be consumed at the check-out before."""
        parts = self._aftersales_report_request_parts()
        return parts + super()._aftersales_report_parts()

    def _aftersales_report_request_parts(self):
        self.ensure_one()
        parts = []
        # sudo: the engineer or the customer printing the service report cannot read
        # stock moves; only the moves consumed at this visit are listed
        moves = (
            self.env["stock.move"]
            .sudo()
            .search(
                [("aftersales_visit_id", "=", self.id), ("state", "=", "done")],
                order="id",
            )
        )
        for move in moves:
            line = move.aftersales_part_line_id
            parts.append(
                self._aftersales_report_part(
                    line, move.quantity, move.move_line_ids.lot_id
                )
            )
        if self.state in ("planned", "on_site"):
            for line in self._aftersales_part_lines_to_consume():
                parts.append(
                    self._aftersales_report_part(
                        line,
                        line._aftersales_quantities().to_consume,
                        line._aftersales_lots_to_consume(),
                    )
                )
        return parts

    def _aftersales_report_part(self, line, quantity, lots):
        return {
            "name": line.product_id.display_name,
            "quantity": quantity,
            "serial_number": ", ".join(lots.mapped("name")),
            "consent": not line._aftersales_needs_consent(),
            "covered": line.warranty_covered,
            "line_id": line.id,
        }
