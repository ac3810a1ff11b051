# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""No repair work before the decision and the customer's agreement (SPEC §4).

One check, :meth:`RepairOrder._aftersales_quote_blocker`, guards every way
work goes on: starting the repair, finishing it, and (in
``aftersales_dispatch_order.py``) the engineer's dispatch order marked done.
It says why the work must wait:

- the service request has no confirmed warranty decision, or it is out of
  date (``helpdesk_ticket_money.py``);
- something is charged and the customer has not accepted the quote (which the
  after-sales supervisor approved first, ``sale_order_approval.py``);
- the unit is not covered, nothing is charged, and no manager approved the
  goodwill repair;
- a part is replaced without his recorded consent (free parts too): the
  accepted quote records it for the parts it lists, **Customer Consent**
  records it for the others, such as parts added after the acceptance.

Repairs the after-sales rules do not apply to keep Odoo's behaviour.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_sop.tools.chatter import post_note

from ..rules import money


class RepairOrder(models.Model):
    _inherit = "repair.order"

    aftersales_blocker = fields.Char(
        string="Waiting For",
        compute="_compute_aftersales_blocker",
        help="Why the work of this repair cannot go on yet.",
    )
    aftersales_approval_state = fields.Selection(
        related="sale_order_id.aftersales_approval_state",
        string="Supervisor Approval",
    )
    aftersales_qc_state = fields.Selection(
        related="helpdesk_ticket_id.qc_state", string="Quality Check"
    )
    aftersales_qc_needed = fields.Boolean(
        string="Quality Check Needed",
        compute="_compute_aftersales_qc_needed",
        help="The unit was received at the repair centre: a QC inspector checks "
        "it before the repair ends and the unit goes back.",
    )
    aftersales_consent_pending = fields.Boolean(
        string="Parts Awaiting Consent",
        compute="_compute_aftersales_blocker",
        help="Parts to replace that the customer has not agreed to yet.",
    )

    @api.depends(
        "helpdesk_ticket_id.warranty_decision",
        "helpdesk_ticket_id.warranty_decision_outdated",
        "helpdesk_ticket_id.goodwill_approved",
        "quote_state",
        "quote_required",
        "partner_id",
        "move_ids.product_uom_qty",
        "move_ids.aftersales_consent_qty",
        "move_ids.aftersales_consent_charged",
        "move_ids.aftersales_warranty_covered",
        "move_ids.state",
    )
    def _compute_aftersales_blocker(self):
        for repair in self:
            repair.aftersales_blocker = repair._aftersales_quote_blocker() or False
            repair.aftersales_consent_pending = bool(
                repair._aftersales_parts_awaiting_consent()
            )

    @api.depends(
        "helpdesk_ticket_id.unit_received_date", "helpdesk_ticket_id.solved_date"
    )
    def _compute_aftersales_qc_needed(self):
        for repair in self:
            # sudo: repair staff need not read service requests
            ticket = repair.sudo().helpdesk_ticket_id
            repair.aftersales_qc_needed = bool(
                ticket.at_repair_centre and ticket.unit_received_date
            )

    def action_aftersales_qc_request(self):
        """The unit is repaired: the QC inspector checks it (on the request)."""
        for repair in self:
            if not repair.aftersales_qc_needed:
                raise UserError(
                    self.env._(
                        "%(repair)s: only a unit received at the repair centre is "
                        "checked before it goes back.",
                        repair=repair.name,
                    )
                )
            # sudo: repair staff ask for the check of the request's unit
            repair.sudo().helpdesk_ticket_id.action_qc_request()
        return True

    # ---------------------------------------------------------------------------
    # the gate
    # ---------------------------------------------------------------------------

    def _aftersales_quote_blocker(self):
        """Why the work must wait (a phrase), or ``None``."""
        self.ensure_one()
        if not self._aftersales_rules_apply():
            return None
        # sudo: repair staff need not read service requests to see the gate
        ticket = self.sudo().helpdesk_ticket_id
        accepted = self.quote_state == "accepted"
        blocker = ticket and ticket._aftersales_money_blocker(
            charged=self.quote_required, accepted=accepted
        )
        if blocker and blocker != money.CONSENT:  # the quote is said below
            return ticket._aftersales_money_reason(blocker)
        if self.quote_required and not accepted:
            return self.env._(
                "it is charged to the customer and %(reason)s",
                reason=self._aftersales_quote_missing_reason(),
            )
        parts = self._aftersales_parts_awaiting_consent()
        if parts:
            return self.env._(
                "the customer has not agreed yet to the replacement of %(parts)s: "
                "record his consent",
                parts=parts._aftersales_part_list(),
            )
        # the request's own parts, used by its engineer
        return ticket._aftersales_parts_blocker() if ticket else None

    def _aftersales_quote_missing_reason(self):
        self.ensure_one()
        quote = self.sale_order_id.name or ""
        state = self.quote_state
        if state == "draft":
            return self.sale_order_id._aftersales_approval_missing() or self.env._(
                "the quote %(quote)s was not sent yet", quote=quote
            )
        if state == "sent":
            return self.env._(
                "the customer has not accepted %(quote)s yet", quote=quote
            )
        if state == "refused":
            return self.env._("the customer refused %(quote)s", quote=quote)
        if state == "expired":
            return self.env._(
                "%(quote)s expired before the customer accepted it", quote=quote
            )
        return self.env._("no quote was made for the customer yet")

    def _aftersales_check_gate(self, message):
        """Raise ``message`` (with ``%(repair)s`` and ``%(reason)s``) for the
        first repair whose work must wait."""
        for repair in self:
            reason = repair._aftersales_quote_blocker()
            if reason:
                raise UserError(message % {"repair": repair.name, "reason": reason})

    def action_repair_start(self):
        self._aftersales_check_gate(
            self.env._("Repair %(repair)s cannot start: %(reason)s.")
        )
        return super().action_repair_start()

    def action_repair_done(self):
        # the end of a repair (action_repair_end ends here too)
        self._aftersales_check_gate(
            self.env._("Repair %(repair)s cannot be finished: %(reason)s.")
        )
        # a unit repaired at the repair centre goes back once the QC passed it
        for repair in self:
            # sudo: repair staff need not read service requests
            ticket = repair.sudo().helpdesk_ticket_id
            if repair.aftersales_qc_needed and ticket.qc_state != "passed":
                raise UserError(
                    self.env._(
                        "Repair %(repair)s cannot be finished: %(reason)s",
                        repair=repair.name,
                        reason=ticket._aftersales_qc_missing(),
                    )
                )
        return super().action_repair_done()

    # ---------------------------------------------------------------------------
    # the customer's consent to the parts
    # ---------------------------------------------------------------------------

    def _aftersales_parts_awaiting_consent(self):
        self.ensure_one()
        if not self.partner_id or not self._aftersales_rules_apply():
            return self.env["stock.move"]
        return self.move_ids.filtered(lambda m: m._aftersales_needs_consent())

    def action_aftersales_record_consent(self):
        self.ensure_one()
        if not self._aftersales_parts_awaiting_consent():
            raise UserError(
                self.env._(
                    "No part of %(repair)s awaits the customer's consent.",
                    repair=self.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer Consent to the Parts"),
            "res_model": "repair.order.part.consent",
            "view_mode": "form",
            "target": "new",
            "context": {"default_repair_id": self.id},
        }

    def _aftersales_record_consent(self, how, note=False):
        """The customer agreed to the parts awaiting his consent.

        A charged part is agreed with its price: on the accepted quote (a part
        added after the acceptance is added to it by Odoo).
        """
        self.ensure_one()
        moves = self._aftersales_parts_awaiting_consent()
        if not moves:
            raise UserError(
                self.env._(
                    "No part of %(repair)s awaits the customer's consent.",
                    repair=self.name,
                )
            )
        charged = moves.filtered(lambda m: not m.aftersales_warranty_covered)
        if charged and self.sale_order_id.state != "sale":
            raise UserError(
                self.env._(
                    "%(parts)s of %(repair)s are charged: the customer agrees to "
                    "their price by accepting the quote.",
                    parts=charged._aftersales_part_list(),
                    repair=self.name,
                )
            )
        moves._aftersales_set_consent(how)
        labels = dict(
            self.env["stock.move"]
            ._fields["aftersales_consent_how"]
            ._description_selection(self.env)
        )
        body = self.env._(
            "The customer agreed to the replacement of %(parts)s (%(how)s, "
            "recorded by %(user)s).",
            parts=moves._aftersales_part_list(),
            how=labels[how],
            user=self.env.user.name,
        )
        if note:
            body = f"{body} {note}"
        post_note(self, body)
        if charged:
            post_note(self.sale_order_id, body)
        if self.helpdesk_ticket_id:
            # sudo: the engineer who records it may not follow the request
            post_note(self.helpdesk_ticket_id.sudo(), body)
        return True
