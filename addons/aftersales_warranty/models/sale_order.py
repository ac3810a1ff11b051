# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _action_confirm(self):
        result = super()._action_confirm()
        self._aftersales_consent_to_parts()
        self._aftersales_tell_tickets(accepted=True)
        return result

    def _aftersales_consent_to_parts(self):
        """Accepting a repair quote is consenting to the parts it lists (the
        repair's and its request's)."""
        # sudo: the customer accepts on the portal
        for order in self.sudo():
            for repair in order.repair_order_ids:
                if not repair._aftersales_rules_apply():
                    continue
                repair.move_ids.filtered(
                    lambda m, order=order: (
                        m.sale_line_id.order_id == order
                        and m._aftersales_needs_consent()
                    )
                )._aftersales_set_consent("quote")
            order.order_line.aftersales_part_line_id.filtered(
                lambda line, order=order: (
                    line.sale_line_id.order_id == order
                    and line._aftersales_needs_consent()
                )
            )._aftersales_set_consent("quote")

    def _action_cancel(self):
        result = super()._action_cancel()
        self._aftersales_tell_tickets(accepted=False)
        return result

    def _aftersales_tell_tickets(self, accepted):
        """The service request learns the customer's answer to its repair quote."""
        # sudo: the answer often comes from the customer on the portal
        for order in self.sudo():
            for repair in order.repair_order_ids.filtered("helpdesk_ticket_id"):
                if accepted:
                    body = self.env._(
                        "The customer accepted the quote %(quote)s of repair "
                        "%(repair)s: the repair can start.",
                        quote=order.name,
                        repair=repair.name,
                    )
                else:
                    body = self.env._(
                        "The quote %(quote)s of repair %(repair)s was refused or "
                        "cancelled.",
                        quote=order.name,
                        repair=repair.name,
                    )
                repair.helpdesk_ticket_id.message_post(
                    body=body, subtype_xmlid="mail.mt_note"
                )
