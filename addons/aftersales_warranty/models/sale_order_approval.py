# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The after-sales supervisor approves repair quotes (SPEC §1: 售后主管 approves
quotes).

An after-sales quote (the quotation of a repair the after-sales rules apply to)
whose total is above the company's threshold (Settings; 0: every one) reaches
the customer only once approved: it cannot be sent, marked as sent, previewed
as the customer sees it, signed on the portal or confirmed before. The
supervisor approves it, or rejects it with a reason that goes back to the
engineer who made it. An approval stands while the total stays within the
approved amount. Other quotations keep Odoo's standard behaviour.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_sop.tools.chatter import post_note

from ..rules import money as rules

APPROVAL_STATES = [
    ("not_needed", "Not Needed"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "aftersales.reason.mixin"]

    aftersales_quote = fields.Boolean(
        string="After-Sales Quote",
        compute="_compute_aftersales_quote",
        store=True,
        help="The quotation of a repair the after-sales rules apply to (a repair "
        "of a service request).",
    )
    aftersales_approval_state = fields.Selection(
        APPROVAL_STATES,
        string="Supervisor Approval",
        compute="_compute_aftersales_approval_state",
        store=True,
        tracking=True,
        copy=False,
        help="An after-sales quote above the company's threshold reaches the "
        "customer once the after-sales supervisor approved it.",
    )
    aftersales_approved_amount = fields.Monetary(
        string="Approved Amount", readonly=True, copy=False
    )
    aftersales_approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True
    )
    aftersales_approval_date = fields.Datetime(
        string="Approved On", readonly=True, copy=False
    )
    aftersales_rejected = fields.Boolean(
        string="Rejected by the Supervisor", readonly=True, copy=False
    )
    aftersales_rejection_reason = fields.Text(
        string="Rejection Reason", readonly=True, copy=False, tracking=True
    )

    @api.depends(
        "repair_order_ids.helpdesk_ticket_id",
        "repair_order_ids.company_id.aftersales_repair_rules_all",
    )
    def _compute_aftersales_quote(self):
        for order in self:
            order.aftersales_quote = any(
                repair._aftersales_rules_apply() for repair in order.repair_order_ids
            )

    @api.depends(
        "aftersales_quote",
        "amount_total",
        "state",
        "company_id.aftersales_quote_approval_amount",
        "aftersales_approved_amount",
        "aftersales_approved_by_id",
        "aftersales_rejected",
    )
    def _compute_aftersales_approval_state(self):
        for order in self:
            if order.state in ("sale", "cancel") and order.aftersales_approval_state:
                # what the customer answered was approved as it stood
                order.aftersales_approval_state = order.aftersales_approval_state
                continue
            order.aftersales_approval_state = order._aftersales_approval_state()

    def _aftersales_approval_state(self):
        self.ensure_one()
        threshold = self.company_id.aftersales_quote_approval_amount
        if not self.aftersales_quote or not rules.quote_needs_approval(
            self.amount_total, threshold
        ):
            return "not_needed"
        if self.aftersales_rejected:
            return "rejected"
        approved = self.aftersales_approved_by_id and (
            self.currency_id.compare_amounts(
                self.amount_total, self.aftersales_approved_amount
            )
            <= 0
        )
        return "approved" if approved else "to_approve"

    def _aftersales_reason_actions(self):
        actions = super()._aftersales_reason_actions()
        actions["quote_reject"] = "_aftersales_reject_quote"
        return actions

    # ---------------------------------------------------------------------------
    # the gate: nothing reaches the customer before the approval
    # ---------------------------------------------------------------------------

    def _aftersales_approval_missing(self):
        """Why the quote cannot reach the customer yet, or ``None``."""
        self.ensure_one()
        state = self.aftersales_approval_state
        if state == "to_approve":
            return self.env._(
                "the quote %(quote)s (%(amount)s) waits for the after-sales "
                "supervisor's approval",
                quote=self.name,
                amount=self._aftersales_amount_label(),
            )
        if state == "rejected":
            return self.env._(
                "the after-sales supervisor rejected the quote %(quote)s: "
                "%(reason)s; revise it and ask for the approval again",
                quote=self.name,
                reason=self.aftersales_rejection_reason,
            )
        return None

    def _aftersales_amount_label(self):
        self.ensure_one()
        return f"{self.amount_total:.2f} {self.currency_id.name}"

    def _aftersales_check_approved(self):
        for order in self:
            missing = order._aftersales_approval_missing()
            if missing:
                raise UserError(
                    self.env._(
                        "%(quote)s cannot go to the customer yet: %(reason)s.",
                        quote=order.name,
                        reason=missing,
                    )
                )

    def action_quotation_send(self):
        quotes = self.filtered(lambda o: o.state in ("draft", "sent"))
        quotes._aftersales_check_approved()
        return super().action_quotation_send()

    def action_quotation_sent(self):
        self._aftersales_check_approved()
        return super().action_quotation_sent()

    def action_preview_sale_order(self):
        self._aftersales_check_approved()
        return super().action_preview_sale_order()

    def message_post(self, **kwargs):
        if self.env.context.get("mark_so_as_sent"):
            self.filtered(lambda o: o.state == "draft")._aftersales_check_approved()
        return super().message_post(**kwargs)

    def _confirmation_error_message(self):
        missing = self._aftersales_approval_missing()
        if missing:
            return self.env._(
                "%(quote)s cannot be accepted yet: %(reason)s.",
                quote=self.name,
                reason=missing,
            )
        return super()._confirmation_error_message()

    def _has_to_be_signed(self):
        return super()._has_to_be_signed() and not self._aftersales_approval_missing()

    def _has_to_be_paid(self):
        return super()._has_to_be_paid() and not self._aftersales_approval_missing()

    # ---------------------------------------------------------------------------
    # the supervisor's answer
    # ---------------------------------------------------------------------------

    def _aftersales_quote_author(self):
        """Who made the quote, to whom a rejection goes back: the repair's
        responsible, else the salesperson, else its creator."""
        self.ensure_one()
        repair = self.repair_order_ids[:1]
        return repair.user_id or self.user_id or self.create_uid

    def action_aftersales_request_approval(self):
        """Ask the after-sales supervisor to approve the quote."""
        for order in self:
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._("%(quote)s is no longer a quotation.", quote=order.name)
                )
        self.filtered("aftersales_rejected").write({"aftersales_rejected": False})
        users = self.env["res.users"]
        asked = self.env.ref("aftersales_warranty.mail_act_quote_approval")
        # sudo: the engineer asks the supervisor, whose task he may not write
        for order in self.sudo().filtered(
            lambda o: o.aftersales_approval_state == "to_approve"
        ):
            ticket = order.repair_order_ids.helpdesk_ticket_id[:1]
            approver = users._aftersales_approver(ticket.team_id, order.company_id)
            order.activity_unlink(["aftersales_warranty.mail_act_quote_rejected"])
            if approver and asked not in order.activity_ids.activity_type_id:
                order.activity_schedule(
                    "aftersales_warranty.mail_act_quote_approval",
                    summary=self.env._("Approve or reject the repair quote"),
                    user_id=approver.id,
                )
        return True

    def action_aftersales_approve(self):
        self._aftersales_check_approver()
        for order in self:
            if order.aftersales_approval_state != "to_approve":
                raise UserError(
                    self.env._(
                        "%(quote)s does not wait for an approval.", quote=order.name
                    )
                )
            order.write(
                {
                    "aftersales_approved_amount": order.amount_total,
                    "aftersales_approved_by_id": self.env.user.id,
                    "aftersales_approval_date": fields.Datetime.now(),
                }
            )
            order._aftersales_tell(
                self.env._(
                    "Quote %(quote)s (%(amount)s) approved by %(user)s: it can go "
                    "to the customer.",
                    quote=order.name,
                    amount=order._aftersales_amount_label(),
                    user=self.env.user.name,
                )
            )
            # sudo: the approval closes the supervisor's task, whoever was asked
            order.sudo().activity_feedback(
                ["aftersales_warranty.mail_act_quote_approval"],
                feedback=self.env._("Approved"),
            )
        return True

    def action_aftersales_reject(self):
        self.ensure_one()
        self._aftersales_check_approver()
        return self.env["aftersales.reason"]._aftersales_open(
            self,
            "quote_reject",
            self.env._("Reject the Quote"),
            self.env._("What the engineer changes before the quote goes out."),
        )

    def _aftersales_reject_quote(self, reason):
        self._aftersales_check_approver()
        for order in self:
            if order.aftersales_approval_state not in ("to_approve", "approved"):
                raise UserError(
                    self.env._(
                        "%(quote)s does not wait for an approval.", quote=order.name
                    )
                )
            order.write(
                {
                    "aftersales_rejected": True,
                    "aftersales_rejection_reason": reason,
                    "aftersales_approved_by_id": False,
                    "aftersales_approved_amount": 0.0,
                    "aftersales_approval_date": False,
                }
            )
            order._aftersales_tell(
                self.env._(
                    "Quote %(quote)s rejected by %(user)s: %(reason)s",
                    quote=order.name,
                    user=self.env.user.name,
                    reason=reason,
                )
            )
            # sudo: the rejection goes back to the engineer, as a task of his
            order = order.sudo()
            order.activity_feedback(
                ["aftersales_warranty.mail_act_quote_approval"],
                feedback=self.env._("Rejected: %(reason)s", reason=reason),
            )
            order.activity_schedule(
                "aftersales_warranty.mail_act_quote_rejected",
                summary=self.env._("Revise the repair quote"),
                note=reason,
                user_id=order._aftersales_quote_author().id,
            )
        return True

    def _aftersales_check_approver(self):
        self.env["res.users"]._check_aftersales_manager(
            self.env._("Only the after-sales supervisor or manager approves quotes.")
        )

    def _aftersales_tell(self, body):
        """Log ``body`` on the quote, its repairs and their service requests."""
        self.ensure_one()
        post_note(self, body)
        # sudo: the repairs and requests learn it whoever decided
        repairs = self.sudo().repair_order_ids
        post_note(repairs, body)
        post_note(repairs.helpdesk_ticket_id, body)
