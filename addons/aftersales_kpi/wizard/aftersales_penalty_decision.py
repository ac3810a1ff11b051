# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

DECISIONS = [
    ("confirm", "Confirm the Penalty"),
    ("dismiss", "Dismiss the Proposal"),
    ("cancel", "Cancel the Penalty"),
    ("answer", "Answer the Engineer"),
    ("contest", "Contest the Penalty"),
]


class AftersalesPenaltyDecision(models.TransientModel):
    """One dialog for every decision on penalties: it asks for what the
    decision needs (a reason, the serious-impact judgement, a statement)."""

    _name = "aftersales.penalty.decision"
    _description = "Decide on Penalties"

    penalty_ids = fields.Many2many("aftersales.penalty", string="Penalties")
    decision = fields.Selection(DECISIONS, required=True)
    needs_impact = fields.Boolean(compute="_compute_needs")
    is_contested = fields.Boolean(compute="_compute_needs")
    serious_impact = fields.Boolean(
        help="The complaint had a serious impact: only then is a complaint "
        "offence penalized."
    )
    reason = fields.Text(
        help="Confirm: the answer to a contesting engineer (optional otherwise). "
        "Dismiss, cancel: why. Contest: your statement."
    )

    @api.depends("penalty_ids", "decision")
    def _compute_needs(self):
        for wizard in self:
            wizard.needs_impact = wizard.decision == "confirm" and any(
                wizard.penalty_ids.mapped("requires_serious_impact")
            )
            wizard.is_contested = any(
                p.contest_state == "contested" for p in wizard.penalty_ids
            )

    def action_apply(self):
        self.ensure_one()
        penalties = self.penalty_ids
        if self.decision == "confirm":
            penalties._aftersales_confirm(
                serious_impact=self.serious_impact if self.needs_impact else None,
                note=self.reason,
            )
        elif self.decision == "dismiss":
            penalties._aftersales_dismiss(self.reason)
        elif self.decision == "cancel":
            penalties._aftersales_cancel(self.reason)
        elif self.decision == "answer":
            penalties._aftersales_answer_contest(self.reason)
        else:
            penalties._aftersales_contest(self.reason)
        return {"type": "ir.actions.act_window_close"}
