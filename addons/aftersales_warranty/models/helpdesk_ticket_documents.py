# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The documents of a service request: repairs and their quotes, transfers,
replacements and loans (the warranty decision is in ``helpdesk_ticket.py``)."""

from odoo import api, fields, models

from ..rules import money


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # -- documents of the request ------------------------------------------------------
    repair_order_ids = fields.One2many(
        "repair.order",
        "helpdesk_ticket_id",
        string="Repair Orders",
        groups="stock.group_stock_user",
    )
    repair_order_count = fields.Integer(
        compute="_compute_stock_counts", groups="stock.group_stock_user"
    )
    picking_ids = fields.One2many(
        "stock.picking",
        "helpdesk_ticket_id",
        string="Transfers",
        groups="stock.group_stock_user",
    )
    picking_count = fields.Integer(
        compute="_compute_stock_counts", groups="stock.group_stock_user"
    )
    replacement_ids = fields.One2many(
        "aftersales.warranty.replacement", "ticket_id", string="Replacements"
    )
    replacement_count = fields.Integer(compute="_compute_aftersales_counts")
    loan_ids = fields.One2many("aftersales.warranty.loan", "ticket_id", string="Loans")
    loan_count = fields.Integer(compute="_compute_aftersales_counts")

    @api.depends("replacement_ids", "loan_ids")
    def _compute_aftersales_counts(self):
        for ticket in self:
            ticket.replacement_count = len(ticket.replacement_ids)
            ticket.loan_count = len(ticket.loan_ids)

    @api.depends("repair_order_ids", "picking_ids")
    def _compute_stock_counts(self):
        for ticket in self:
            ticket.repair_order_count = len(ticket.repair_order_ids)
            ticket.picking_count = len(ticket.picking_ids)

    def _aftersales_has_open_work(self):
        """A repair order not done or cancelled is work in progress too."""
        # sudo: the engineer who closes his job may not read repair orders
        return super()._aftersales_has_open_work() or any(
            repair.state not in ("done", "cancel")
            for repair in self.sudo().repair_order_ids
        )

    def _aftersales_work_blocker(self):
        """Why the work of this request cannot be called done, or ``None``.

        The request's warranty decision is confirmed; each open repair must
        pass its gate (decision, accepted quote, consent to the parts); a
        request decided as charged needs the customer's acceptance of a fee on
        a visit, a repair order whose quote he accepted, or a manager's
        goodwill approval.
        """
        self.ensure_one()
        blocker = self._aftersales_money_blocker()
        if blocker in (money.UNDECIDED, money.OUTDATED):
            return self._aftersales_money_reason(blocker)
        # sudo: the engineer who closes his job may not read repair orders
        repairs = self.sudo().repair_order_ids.filtered(lambda r: r.state != "cancel")
        for repair in repairs.filtered(lambda r: r.state != "done"):
            reason = repair._aftersales_quote_blocker()
            if reason:
                return self.env._(
                    "repair %(repair)s must wait: %(reason)s",
                    repair=repair.name,
                    reason=reason,
                )
        agreed = self.goodwill_approved or self._aftersales_fee_accepted()
        if not self.warranty_free and not repairs and not agreed:
            labels = dict(
                self._fields["warranty_decision"]._description_selection(self.env)
            )
            return self.env._(
                "%(ticket)s is charged to the customer (%(decision)s) and he "
                "accepted neither a fee on the visit nor the quote of a repair "
                "order, and no manager approved a goodwill repair: record the fee "
                "or the work on a repair order and have it accepted, or cancel the "
                "dispatch order if the customer refused the work",
                ticket=self.display_name,
                decision=labels[self.warranty_decision],
            )
        return None

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_create_repair(self):
        self.ensure_one()
        self._warranty_check_decided(self.env._("creating a repair order"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Repair Order"),
            "res_model": "repair.order",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_helpdesk_ticket_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_product_id": self.product_id.id,
                "default_lot_id": self.lot_id.id,
                "default_company_id": self.company_id.id,
            },
        }

    def _aftersales_window(self, xmlid, records, default_vals):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action.update(
            domain=[("id", "in", records.ids)],
            context={f"default_{k}": v for k, v in default_vals.items()},
        )
        if len(records) == 1:
            action.update(view_mode="form", views=[(False, "form")], res_id=records.id)
        return action

    def action_view_repairs(self):
        self.ensure_one()
        return self._aftersales_window(
            "repair.action_repair_order_tree",
            self.repair_order_ids,
            {"helpdesk_ticket_id": self.id, "partner_id": self.partner_id.id},
        )

    def action_view_replacements(self):
        self.ensure_one()
        return self._aftersales_window(
            "aftersales_warranty.aftersales_warranty_replacement_action",
            self.replacement_ids,
            {"ticket_id": self.id},
        )

    def action_view_loans(self):
        self.ensure_one()
        return self._aftersales_window(
            "aftersales_warranty.aftersales_warranty_loan_action",
            self.loan_ids,
            {"ticket_id": self.id},
        )

    def action_view_pickings(self):
        self.ensure_one()
        return self._aftersales_window(
            "stock.action_picking_tree_all", self.picking_ids, {}
        )

    def action_new_replacement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Replacement"),
            "res_model": "aftersales.warranty.replacement",
            "view_mode": "form",
            "target": "current",
            "context": {"default_ticket_id": self.id},
        }

    def action_new_loan(self):
        self.ensure_one()
        self._warranty_check_decided(self.env._("lending a unit"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Loaner Unit"),
            "res_model": "aftersales.warranty.loan",
            "view_mode": "form",
            "target": "current",
            "context": {"default_ticket_id": self.id},
        }
