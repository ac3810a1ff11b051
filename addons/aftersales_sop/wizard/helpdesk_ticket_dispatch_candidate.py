# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..rules import dispatch as dispatch_rules


class HelpdeskTicketDispatchCandidate(models.TransientModel):
    _name = "helpdesk.ticket.dispatch.candidate"
    _description = "Dispatch Candidate"
    _order = "rank"

    wizard_id = fields.Many2one(
        "helpdesk.ticket.dispatch", required=True, ondelete="cascade"
    )
    engineer_id = fields.Many2one("aftersales.engineer", required=True, readonly=True)
    zone_id = fields.Many2one(related="engineer_id.zone_id")
    level = fields.Selection(related="engineer_id.level")
    rank = fields.Integer(readonly=True)
    eligible = fields.Boolean(
        readonly=True,
        help="Certified for the product and a skill that fits the fault and "
        "product: he may be sent.",
    )
    certified = fields.Boolean(
        readonly=True, help="A valid certification for the product's category."
    )
    overridable = fields.Boolean(
        compute="_compute_overridable",
        help="Certified, but no skill of his fits: an after-sales manager may "
        "send him anyway, with a reason.",
    )
    same_zone = fields.Boolean(readonly=True)
    skill_fit = fields.Boolean(string="Skill Fits", readonly=True)
    senior = fields.Boolean(readonly=True)
    workload = fields.Integer(string="Open Jobs", readonly=True)
    reasons = fields.Text(string="Why", readonly=True)

    @api.depends("certified", "skill_fit")
    def _compute_overridable(self):
        for line in self:
            line.overridable = dispatch_rules.Eligibility(
                line.certified, line.skill_fit
            ).overridable

    def action_choose(self):
        self.ensure_one()
        self.wizard_id.engineer_id = self.engineer_id
        return {
            "type": "ir.actions.act_window",
            "res_model": self.wizard_id._name,
            "res_id": self.wizard_id.id,
            "view_mode": "form",
            "target": "new",
        }
