# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_sop.tools.chatter import post_note

from ..models.aftersales_warranty_registration import WARRANTY_STATES
from ..rules import warranty as rules


class HelpdeskTicketWarrantyOverride(models.TransientModel):
    _name = "helpdesk.ticket.warranty.override"
    _description = "Override a Warranty Decision"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    suggestion = fields.Selection(related="ticket_id.warranty_suggestion")
    current_decision = fields.Selection(related="ticket_id.warranty_decision")
    decision = fields.Selection(
        WARRANTY_STATES,
        required=True,
        compute="_compute_decision",
        store=True,
        readonly=False,
    )
    exclusion_id = fields.Many2one(
        "aftersales.warranty.exclusion",
        string="Excluded Cause",
        compute="_compute_decision",
        store=True,
        readonly=False,
    )
    reason = fields.Text(required=True)

    @api.depends("ticket_id")
    def _compute_decision(self):
        for wizard in self:
            ticket = wizard.ticket_id
            wizard.decision = ticket.warranty_decision or ticket.warranty_suggestion
            wizard.exclusion_id = ticket.warranty_exclusion_id

    def action_apply(self):
        self.ensure_one()
        self.env["res.users"]._check_aftersales_manager(
            self.env._("Only an after-sales manager can override a decision.")
        )
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the override."))
        if self.decision == rules.EXCLUDED and not self.exclusion_id:
            raise UserError(self.env._("Choose the excluded cause."))
        ticket = self.ticket_id
        labels = dict(self._fields["decision"]._description_selection(self.env))
        values = {
            "warranty_decision": self.decision,
            "warranty_decision_user_id": self.env.user.id,
            "warranty_decision_date": fields.Datetime.now(),
            "warranty_overridden": True,
            "warranty_override_reason": self.reason.strip(),
        }
        if self.decision == rules.EXCLUDED or self.exclusion_id:
            values["warranty_exclusion_id"] = self.exclusion_id.id
        ticket.write(values)
        post_note(
            ticket,
            self.env._(
                "Warranty decision overridden: %(decision)s (suggested: "
                "%(suggestion)s). Reason: %(reason)s",
                decision=labels[self.decision],
                suggestion=labels.get(ticket.warranty_suggestion, "-"),
                reason=self.reason.strip(),
            ),
        )
        return {"type": "ir.actions.act_window_close"}
