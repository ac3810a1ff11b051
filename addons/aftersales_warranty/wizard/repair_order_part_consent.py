# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.aftersales_part_consent_mixin import CONSENT_WAYS


class RepairOrderPartConsent(models.TransientModel):
    """The customer agrees to the parts a repair, or a service request,
    replaces (SPEC §4)."""

    _name = "repair.order.part.consent"
    _description = "Customer Consent to Repair Parts"

    repair_id = fields.Many2one("repair.order", ondelete="cascade")
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Request", ondelete="cascade"
    )
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

    def _target(self):
        """The repair, or else the request, whose parts are agreed."""
        self.ensure_one()
        target = self.repair_id or self.ticket_id
        if not target:
            raise UserError(self.env._("Choose the repair or the service request."))
        return target

    @api.depends("repair_id", "ticket_id")
    def _compute_part_summary(self):
        for wizard in self:
            target = wizard.repair_id or wizard.ticket_id
            parts = target._aftersales_parts_awaiting_consent() if target else []
            wizard.part_summary = "\n".join(
                part._aftersales_part_list()
                + (
                    ""
                    if part._aftersales_consent_covered()
                    else " - " + self.env._("charged")
                )
                for part in parts
            )

    def action_apply(self):
        self.ensure_one()
        target = self._target()
        target.check_access("write")
        target._aftersales_record_consent(self.how, (self.note or "").strip())
        return {"type": "ir.actions.act_window_close"}
