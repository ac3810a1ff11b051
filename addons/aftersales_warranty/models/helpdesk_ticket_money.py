# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who pays, and who agreed, before the repair work of a request starts
(SPEC §4.4-4.6, §5): the gate reads the confirmed warranty decision, not the
fee the engineer types.

- The diagnosis starts freely (the site survey, the repair centre's detection):
  it often decides the coverage (water ingress, misuse).
- The repair work (the visit's Start Work, a repair order's start) waits for
  the confirmed decision; on a unit it does not cover (expired, excluded, no
  proof, no warranty), for the customer's acceptance of a fee or a quote.
- A free repair of an uncovered unit is a goodwill repair: an after-sales
  manager approves it with a reason, for the decision it was given on.

The rule is ``rules/money.py``; the visit (``aftersales_visit_gate.py``) and
the repair order (``repair_order_gate.py``) ask it, in the words below.
"""

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.aftersales_sop.tools.chatter import post_note

from ..rules import money as rules

#: written only by the manager's approval (and cleared with the decision)
GOODWILL_FIELDS = frozenset(
    {"goodwill_approved", "goodwill_reason", "goodwill_user_id", "goodwill_date"}
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    goodwill_approved = fields.Boolean(
        string="Goodwill Repair",
        readonly=True,
        copy=False,
        tracking=True,
        help="An after-sales manager approved repairing this unit for free "
        "although the warranty decision does not cover it.",
    )
    goodwill_reason = fields.Text(readonly=True, copy=False, tracking=True)
    goodwill_user_id = fields.Many2one(
        "res.users", string="Goodwill Approved By", readonly=True, copy=False
    )
    goodwill_date = fields.Datetime(
        string="Goodwill Approved On", readonly=True, copy=False
    )

    def _aftersales_reason_actions(self):
        actions = super()._aftersales_reason_actions()
        actions["goodwill"] = "_aftersales_approve_goodwill"
        return actions

    def write(self, vals):
        if GOODWILL_FIELDS & set(vals) and not (
            self.env["res.users"]._is_aftersales_manager()
        ):
            raise AccessError(
                self.env._("Only an after-sales manager approves a goodwill repair.")
            )
        # a goodwill approval stands for the decision it was given on
        revoked = self.browse()
        if "warranty_decision" in vals:
            revoked = self.filtered(
                lambda t: (
                    t.goodwill_approved
                    and t.warranty_decision != vals["warranty_decision"]
                )
            )
        result = super().write(vals)
        if revoked:
            super(HelpdeskTicket, revoked).write(
                {
                    "goodwill_approved": False,
                    "goodwill_user_id": False,
                    "goodwill_date": False,
                }
            )
            for ticket in revoked:
                post_note(
                    ticket,
                    self.env._(
                        "The warranty decision changed: the goodwill approval no "
                        "longer applies."
                    ),
                )
        return result

    # ---------------------------------------------------------------------------
    # what the customer agreed to
    # ---------------------------------------------------------------------------

    def _aftersales_quote_accepted(self):
        """The customer accepted a repair quote of the request."""
        self.ensure_one()
        # sudo: the engineer's gate reads the request's repair orders
        repairs = self.sudo().repair_order_ids
        return any(
            repair.state != "cancel" and repair.quote_state == "accepted"
            for repair in repairs
        )

    def _aftersales_fee_accepted(self):
        """The customer accepted a fee on a visit of the request."""
        self.ensure_one()
        # sudo: the gate of a dispatch order reads every visit of the request
        visits = self.sudo().visit_ids
        return any(
            visit.state != "cancel"
            and visit.chargeable
            and visit.acceptance_state == "accepted"
            for visit in visits
        )

    def _aftersales_money_blocker(self, charged=False, accepted=False):
        """What the repair work of this request waits for (``rules/money.py``)."""
        self.ensure_one()
        return rules.work_blocker(
            self.warranty_decision or None,
            outdated=self.warranty_decision_outdated,
            charged=charged,
            accepted=accepted,
            quote_accepted=self._aftersales_quote_accepted(),
            goodwill=self.goodwill_approved,
        )

    def _aftersales_money_reason(self, blocker):
        """The words of ``blocker``: a clause that names what is missing."""
        self.ensure_one()
        if blocker == rules.UNDECIDED:
            return self.env._(
                "the warranty decision of %(ticket)s is not confirmed yet (Confirm "
                "Warranty on the request)",
                ticket=self.display_name,
            )
        if blocker == rules.OUTDATED:
            return self.env._(
                "the purchase data or the excluded cause of %(ticket)s changed "
                "since its warranty decision: confirm the decision again",
                ticket=self.display_name,
            )
        if blocker == rules.GOODWILL:
            return self.env._(
                "%(ticket)s is not covered (%(decision)s): the customer accepts a "
                "fee or a quote first, or an after-sales manager approves a free "
                "goodwill repair, with a reason",
                ticket=self.display_name,
                decision=self._aftersales_decision_label(),
            )
        if blocker == rules.CONSENT:
            return self.env._(
                "the customer has not accepted the fee or the quote of %(ticket)s yet",
                ticket=self.display_name,
            )
        return None

    def _aftersales_decision_label(self):
        self.ensure_one()
        field = self._fields["warranty_decision"]
        labels = dict(field._description_selection(self.env))
        return labels.get(self.warranty_decision, "-")

    # ---------------------------------------------------------------------------
    # goodwill
    # ---------------------------------------------------------------------------

    def _aftersales_check_goodwill_possible(self):
        for ticket in self:
            if not rules.needs_goodwill(ticket.warranty_decision or None, False):
                raise UserError(
                    self.env._(
                        "%(ticket)s: a goodwill repair is a free repair of a unit "
                        "whose confirmed warranty decision does not cover it "
                        "(decision: %(decision)s).",
                        ticket=ticket.display_name,
                        decision=ticket._aftersales_decision_label(),
                    )
                )
            if ticket.goodwill_approved:
                raise UserError(
                    self.env._(
                        "%(ticket)s: the goodwill repair is already approved.",
                        ticket=ticket.display_name,
                    )
                )

    def action_goodwill_request(self):
        """Ask an after-sales manager to approve a free repair of the uncovered
        unit (an activity for him)."""
        self._aftersales_check_goodwill_possible()
        users = self.env["res.users"]
        # sudo: the engineer or the agent asks the manager, whose task he may
        # not write
        for ticket in self.sudo():
            approver = users._aftersales_approver(ticket.team_id, ticket.company_id)
            if not approver:
                raise UserError(
                    self.env._(
                        "No after-sales manager of %(company)s can approve it.",
                        company=ticket.company_id.name,
                    )
                )
            ticket.activity_schedule(
                "aftersales_warranty.mail_act_goodwill",
                summary=self.env._("Approve or refuse a goodwill repair"),
                note=self.env._(
                    "Asked by %(user)s: the unit is not covered (%(decision)s).",
                    user=self.env.user.name,
                    decision=ticket._aftersales_decision_label(),
                ),
                user_id=approver.id,
            )
        return True

    def action_goodwill_approve(self):
        self.ensure_one()
        self.env["res.users"]._check_aftersales_manager(
            self.env._("Only an after-sales manager approves a goodwill repair.")
        )
        self._aftersales_check_goodwill_possible()
        return self.env["aftersales.reason"]._aftersales_open(
            self,
            "goodwill",
            self.env._("Approve a Goodwill Repair"),
            self.env._(
                "Why the unit is repaired for free although the warranty does not "
                "cover it."
            ),
        )

    def _aftersales_approve_goodwill(self, reason):
        self.env["res.users"]._check_aftersales_manager(
            self.env._("Only an after-sales manager approves a goodwill repair.")
        )
        self._aftersales_check_goodwill_possible()
        self.write(
            {
                "goodwill_approved": True,
                "goodwill_reason": reason,
                "goodwill_user_id": self.env.user.id,
                "goodwill_date": fields.Datetime.now(),
            }
        )
        for ticket in self:
            post_note(
                ticket,
                self.env._(
                    "Goodwill repair approved by %(user)s (the unit is not "
                    "covered: %(decision)s): %(reason)s",
                    user=self.env.user.name,
                    decision=ticket._aftersales_decision_label(),
                    reason=reason,
                ),
            )
            # sudo: the approval closes the request for it, whoever was asked
            ticket.sudo().activity_feedback(
                ["aftersales_warranty.mail_act_goodwill"],
                feedback=self.env._("Approved"),
            )
        return True
