# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint the supervisor approved as an engineer's offence with a serious
impact becomes a penalty proposal (SPEC §9): the four complaint offences are
penalized only then. The proposal follows the complaint's attribution while it
is undecided."""

from odoo import fields, models

from odoo.addons.aftersales_sop.models.aftersales_complaint import APPROVED_STATES

ATTRIBUTION = {"engineer_id", "offence_code", "serious_impact"}


class AftersalesComplaint(models.Model):
    _inherit = "aftersales.complaint"

    def _aftersales_propose_penalties(self):
        candidates = super()._aftersales_propose_penalties()
        Penalty = self.env["aftersales.penalty"]
        for complaint in candidates:
            values = complaint._aftersales_penalty_proposal_vals()
            Penalty._aftersales_propose_penalty(
                complaint.engineer_id.employee_id,
                values["offence_code"],
                # the offence is dated by the complaint that reported it
                fields.Date.context_today(complaint, complaint.received_date),
                complaint,
                serious_impact=True,
                description=values["description"],
                related_ticket=complaint.ticket_id,
            )
        return candidates

    def _aftersales_withdraw_penalties(self):
        """Dismiss the undecided proposals a complaint no longer supports (its
        engineer, offence or serious impact changed)."""
        # sudo: the attribution is the supervisor's; the proposal follows it
        proposals = (
            self.env["aftersales.penalty"]
            .sudo()
            .search(
                [
                    ("source_ref", "in", [f"{c._name},{c.id}" for c in self]),
                    ("state", "=", "proposed"),
                ]
            )
        )
        for proposal in proposals:
            complaint = proposal.source_ref
            still = (
                complaint.penalty_candidate
                and proposal.employee_id == complaint.engineer_id.employee_id
                and proposal.rule_id.code == complaint.offence_code
            )
            if not still:
                proposal._aftersales_dismiss(
                    self.env._(
                        "Complaint %(name)s no longer attributes this offence to "
                        "the engineer with a serious impact.",
                        name=complaint.name,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if ATTRIBUTION & set(vals):
            approved = self.filtered(lambda c: c.state in APPROVED_STATES)
            approved._aftersales_withdraw_penalties()
            approved._aftersales_propose_penalties()
        return result
