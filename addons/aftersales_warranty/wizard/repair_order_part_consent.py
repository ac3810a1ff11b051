# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.aftersales_part_consent_mixin import CONSENT_WAYS


class RepairOrderPartConsent(models.TransientModel):
    """The customer agrees to the parts a repair replaces (SPEC §4)."""

    _name = "repair.order.part.consent"
    _description = "Customer Consent to Repair Parts"

    repair_id = fields.Many2one("repair.order", required=True, ondelete="cascade")
    part_summary = fields.Text(
        string="Parts", compute="_compute_part_summary", readonly=True
    )
    how = fields.Selection(
        [way for way in CONSENT_WAYS if way[0] != "quote"],
        string="Consent Given",
        required=True,
        default="in_person",
    )
    note = fields.Char(help="Who agreed, and anything worth keeping.")

    @api.depends("repair_id")
    def _compute_part_summary(self):
        for wizard in self:
            moves = wizard.repair_id._aftersales_parts_awaiting_consent()
            wizard.part_summary = "\n".join(
                move._aftersales_part_list()
                + (
                    ""
                    if move.aftersales_warranty_covered
                    else " - " + self.env._("charged")
                )
                for move in moves
            )

    def action_apply(self):
        self.ensure_one()
        repair = self.repair_id
        repair.check_access("write")
        repair._aftersales_record_consent(self.how, (self.note or "").strip())
        return {"type": "ir.actions.act_window_close"}
