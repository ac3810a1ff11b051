# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

#: who sees a request's complaints: not its engineer (unless he is also one of
#: these roles), whom a complaint may be about
COMPLAINT_GROUPS = (
    "aftersales_sop.aftersales_sop_group_agent,"
    "aftersales_sop.aftersales_sop_group_complaint_handler,"
    "aftersales_sop.aftersales_sop_group_customer_relations"
)


class HelpdeskTicket(models.Model):
    """The complaints about a request (SPEC §7)."""

    _inherit = "helpdesk.ticket"

    complaint_ids = fields.One2many(
        "aftersales.complaint",
        "ticket_id",
        string="Complaints",
        groups=COMPLAINT_GROUPS,
    )
    complaint_count = fields.Integer(
        compute="_compute_complaint_count", groups=COMPLAINT_GROUPS
    )

    def _compute_complaint_count(self):
        for ticket in self:
            ticket.complaint_count = len(ticket.complaint_ids)

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_complaint_action"
        )
        action.update(
            domain=[("ticket_id", "=", self.id)],
            context={"default_ticket_id": self.id},
        )
        return action

    def action_record_complaint(self):
        self.ensure_one()
        return self.env["aftersales.complaint"]._aftersales_record_action(
            ticket_id=self.id
        )
