# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The visit's repair work waits for the request's warranty decision
(``helpdesk_ticket_money.py``): the site survey is free, "Start Work" waits for
the confirmed decision and, on a unit it does not cover, for the customer's
acceptance of the fee or a quote, or for a manager's goodwill approval."""

from odoo import api, fields, models

from ..rules import money as rules


class AftersalesVisit(models.Model):
    _inherit = "aftersales.visit"

    warranty_decision = fields.Selection(
        related="ticket_id.warranty_decision", string="Warranty Decision"
    )
    goodwill_approved = fields.Boolean(related="ticket_id.goodwill_approved")
    goodwill_possible = fields.Boolean(
        compute="_compute_goodwill_possible",
        help="The unit is not covered and the job is free: a goodwill repair, "
        "which an after-sales manager approves.",
    )

    @api.depends(
        "state",
        "work_start_date",
        "fee_amount",
        "acceptance_state",
        "ticket_id.warranty_decision",
        "ticket_id.goodwill_approved",
    )
    def _compute_work_waiting_for(self):
        return super()._compute_work_waiting_for()

    @api.depends(
        "state",
        "work_start_date",
        "fee_amount",
        "ticket_id.warranty_decision",
        "ticket_id.goodwill_approved",
    )
    def _compute_goodwill_possible(self):
        for visit in self:
            ticket = visit.ticket_id
            visit.goodwill_possible = (
                visit.state == "on_site"
                and not visit.work_start_date
                and not ticket.goodwill_approved
                and rules.needs_goodwill(
                    ticket.warranty_decision or None, visit.chargeable
                )
            )

    def _aftersales_work_blockers(self):
        """The fee's acceptance (SOP), then the warranty decision of the
        request: unconfirmed, out of date, or not covering a free job."""
        blockers = super()._aftersales_work_blockers()
        # sudo: the engineer's gate reads his request's decision and repairs
        ticket = self.ticket_id.sudo()
        blocker = ticket._aftersales_money_blocker(
            charged=self.chargeable, accepted=self.acceptance_state == "accepted"
        )
        if blocker and blocker != rules.CONSENT:  # the fee is said above
            blockers.insert(0, ticket._aftersales_money_reason(blocker))
        return blockers

    def action_goodwill_request(self):
        """The engineer asks an after-sales manager to approve a free repair."""
        self.ensure_one()
        return self.ticket_id.action_goodwill_request()
