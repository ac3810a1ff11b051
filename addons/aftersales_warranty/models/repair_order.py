# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A repair's warranty and its quote: covered and charged parts, labour and
travel, the customer's answer (the gate that holds the work back until he
agreed is in ``repair_order_gate.py``).

The after-sales rules apply to the repairs of a service request, and to every
repair when the company opts in (Settings); other repairs keep Odoo's standard
behaviour: "Under Warranty" prices all their parts at zero, nothing waits for
a quote.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_sop.tools.chatter import post_note

QUOTE_STATES = [
    ("not_needed", "Not Needed"),
    ("to_quote", "To Quote"),
    ("draft", "Quotation"),
    ("sent", "Sent"),
    ("accepted", "Accepted"),
    ("refused", "Refused"),
    ("expired", "Expired"),
]
#: repair quote charges besides the parts: line kind -> company product field
CHARGES = {
    "labour": ("labour_hours", "aftersales_labour_product_id"),
    "travel": ("travel_quantity", "aftersales_travel_product_id"),
}


class RepairOrder(models.Model):
    _inherit = "repair.order"

    helpdesk_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        copy=False,
    )
    warranty_decision = fields.Selection(
        related="helpdesk_ticket_id.warranty_decision", string="Warranty Decision"
    )
    under_warranty = fields.Boolean(
        compute="_compute_under_warranty",
        store=True,
        readonly=False,
        tracking=True,
        help="Set from the warranty decision of the service request: covered "
        "parts, labour and travel are free. Single parts can still be charged "
        "(see 'Covered' on the parts).",
    )
    labour_hours = fields.Float(
        string="Labour (hours)",
        tracking=True,
        help="Quoted labour; the company's labour product gives its price.",
    )
    travel_quantity = fields.Float(
        string="Travel",
        tracking=True,
        help="Quoted travel, in units of the company's travel fee product "
        "(trips or kilometres).",
    )
    quote_required = fields.Boolean(
        compute="_compute_quote_state",
        help="The customer pays something: the repair waits for his acceptance "
        "of the quote.",
    )
    quote_state = fields.Selection(
        QUOTE_STATES, compute="_compute_quote_state", string="Quote"
    )
    quote_validity_date = fields.Date(
        related="sale_order_id.validity_date", string="Quote Valid Until"
    )
    aftersales_rules_apply = fields.Boolean(
        string="After-Sales Rules",
        compute="_compute_aftersales_rules_apply",
        help="The repair belongs to a service request (or the company applies "
        "the after-sales rules to every repair): covered and charged parts, "
        "quote and customer consent before the work.",
    )

    @api.depends("helpdesk_ticket_id", "company_id.aftersales_repair_rules_all")
    def _compute_aftersales_rules_apply(self):
        for repair in self:
            repair.aftersales_rules_apply = repair._aftersales_rules_apply()

    def _aftersales_rules_apply(self):
        self.ensure_one()
        return bool(
            self.helpdesk_ticket_id or self.company_id.aftersales_repair_rules_all
        )

    @api.depends("helpdesk_ticket_id.warranty_free")
    def _compute_under_warranty(self):
        for repair in self:
            if repair.helpdesk_ticket_id:
                repair.under_warranty = repair.helpdesk_ticket_id.warranty_free
            else:
                repair.under_warranty = repair.under_warranty

    @api.depends(
        "partner_id",
        "under_warranty",
        "labour_hours",
        "travel_quantity",
        "move_ids.repair_line_type",
        "move_ids.aftersales_warranty_covered",
        "move_ids.state",
        "sale_order_id.state",
        "sale_order_id.validity_date",
        "helpdesk_ticket_id.part_line_ids.warranty_covered",
        "helpdesk_ticket_id.part_line_ids.state",
    )
    @api.depends_context("tz")
    def _compute_quote_state(self):
        today = fields.Date.context_today(self)
        for repair in self:
            repair.quote_required = repair._aftersales_is_chargeable()
            order = repair.sale_order_id
            if order.state == "sale":
                state = "accepted"
            elif order.state == "cancel":
                state = "refused"
            elif order and order.validity_date and order.validity_date < today:
                state = "expired"
            elif order:
                state = order.state  # draft or sent
            else:
                state = "to_quote" if repair.quote_required else "not_needed"
            repair.quote_state = state

    def _aftersales_is_chargeable(self):
        """The customer pays for something: a part, labour or travel."""
        self.ensure_one()
        if not self.partner_id or not self._aftersales_rules_apply():
            return False
        charged_parts = self.move_ids.filtered(
            lambda m: (
                m.repair_line_type == "add"
                and m.state != "cancel"
                and not m.aftersales_warranty_covered
            )
        )
        charged_service = not self.under_warranty and (
            self.labour_hours > 0 or self.travel_quantity > 0
        )
        charged_request_parts = self._aftersales_request_parts().filtered(
            lambda line: not line.warranty_covered
        )
        return bool(charged_parts or charged_service or charged_request_parts)

    def _aftersales_request_parts(self):
        """The parts lines of the request that this repair's quote carries
        (the request's first repair order in progress)."""
        self.ensure_one()
        # sudo: repair staff need not read service requests
        ticket = self.sudo().helpdesk_ticket_id
        if not ticket or ticket._aftersales_quote_repair() != self.sudo():
            return self.env["aftersales.part.line"]
        return ticket.part_line_ids.filtered(lambda line: line.state != "released")

    @api.constrains("labour_hours", "travel_quantity")
    def _check_charges(self):
        for repair in self:
            if repair.labour_hours < 0 or repair.travel_quantity < 0:
                raise UserError(
                    self.env._(
                        "Labour and travel of %(repair)s cannot be negative.",
                        repair=repair.name,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if {"labour_hours", "travel_quantity"} & set(vals):
            self.filtered(
                lambda r: r._aftersales_rules_apply()
            )._aftersales_sync_charge_lines()
        return result

    # ---------------------------------------------------------------------------
    # the quote: a sale.order quotation
    # ---------------------------------------------------------------------------

    def action_repair_done(self):
        result = super().action_repair_done()
        tickets = self.helpdesk_ticket_id.sudo()
        # the repair centre's repair order done: the problem of the unit it
        # received is solved (the customer is to be told the result)
        tickets.filtered(
            lambda t: t.at_repair_centre and t.unit_received_date
        )._aftersales_record_path_step("problem_solved")
        # the request's repair is completed when the last of its work is done
        tickets._aftersales_complete_repair_if_finished()
        return result

    def action_create_sale_order(self):
        action = super().action_create_sale_order()
        ours = self.filtered(lambda r: r._aftersales_rules_apply())
        # the customer accepts a repair quote explicitly, by signing it
        ours.sale_order_id.filtered(lambda o: not o.require_signature).write(
            {"require_signature": True}
        )
        ours._aftersales_sync_charge_lines()
        ours.move_ids._aftersales_update_sale_price()
        # the supervisor approves it before it goes to the customer
        ours.sale_order_id.action_aftersales_request_approval()
        for repair in ours.filtered("helpdesk_ticket_id"):
            post_note(
                repair.helpdesk_ticket_id,
                self.env._(
                    "Quote %(quote)s prepared for repair %(repair)s.",
                    quote=repair.sale_order_id.name,
                    repair=repair.name,
                ),
            )
        return action

    def _update_sale_order_line_price(self):
        ours = self.filtered(lambda r: r._aftersales_rules_apply())
        # Odoo's own: "Under Warranty" makes every part free, or none
        result = super(RepairOrder, self - ours)._update_sale_order_line_price()
        # ours, per line: covered parts are free, charged parts keep their price
        ours.move_ids._aftersales_update_sale_price()
        ours._aftersales_sync_charge_lines()
        ours.helpdesk_ticket_id.sudo().part_line_ids._aftersales_update_sale_price()
        return result

    def _aftersales_sync_charge_lines(self):
        """Labour and travel lines of the quote follow the repair, and so do
        the request's spare parts."""
        lines = self.env["sale.order.line"]
        for repair in self:
            repair._aftersales_request_parts()._aftersales_sync_quote()
            order = repair.sale_order_id
            if not order or order.state not in ("draft", "sent"):
                continue
            for kind, (quantity_field, product_field) in CHARGES.items():
                quantity = repair[quantity_field]
                line = order.order_line.filtered(
                    lambda sol, kind=kind, repair=repair: (
                        sol.aftersales_repair_charge == kind
                        and sol.aftersales_repair_id == repair
                    )
                )
                product = repair.company_id._aftersales_service_product(product_field)
                if quantity <= 0 or not product:
                    line.unlink()
                    continue
                if line:
                    line.product_uom_qty = quantity
                else:
                    line = lines.create(
                        {
                            "order_id": order.id,
                            "product_id": product.id,
                            "product_uom_qty": quantity,
                            "aftersales_repair_charge": kind,
                            "aftersales_repair_id": repair.id,
                        }
                    )
                line._aftersales_set_free(repair.under_warranty)

    def action_quote_accepted(self):
        """The customer accepted the quote by e-mail or on the phone."""
        for repair in self:
            order = repair._aftersales_open_quote()
            if repair.quote_state == "expired":
                raise UserError(
                    self.env._(
                        "The quote %(quote)s of %(repair)s expired on %(date)s: "
                        "extend its validity and send it again.",
                        quote=order.name,
                        repair=repair.name,
                        date=order.validity_date,
                    )
                )
            order.action_confirm()
            post_note(
                order,
                self.env._(
                    "Accepted by the customer (recorded by %(user)s).",
                    user=self.env.user.name,
                ),
            )
        return True

    def action_quote_refused(self):
        """The customer refused the quote."""
        for repair in self:
            order = repair._aftersales_open_quote()
            order._action_cancel()
            post_note(
                order,
                self.env._(
                    "Refused by the customer (recorded by %(user)s).",
                    user=self.env.user.name,
                ),
            )
        return True

    def _aftersales_open_quote(self):
        self.ensure_one()
        order = self.sale_order_id
        if not order or order.state not in ("draft", "sent"):
            raise UserError(
                self.env._(
                    "%(repair)s has no quote waiting for the customer's answer.",
                    repair=self.name,
                )
            )
        return order
