# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The unit's service history on the customer's file (SPEC §4.8): whether it is
in repair, and its last completed service."""

from odoo import api, fields, models

SERVICE_STATUSES = [
    ("in_use", "In Use"),
    ("in_repair", "In Repair"),
    ("repaired", "Repaired"),
]


class AftersalesWarrantyRegistration(models.Model):
    _inherit = "aftersales.warranty.registration"

    service_status = fields.Selection(
        SERVICE_STATUSES,
        compute="_compute_service_status",
        store=True,
        index=True,
        tracking=True,
        help="In Repair while a repair request of the unit is open; Repaired once "
        "its last repair was completed.",
    )
    last_service_date = fields.Date(
        string="Last Service",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the unit's last repair was completed.",
    )
    last_service_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Last Service Request",
        readonly=True,
        copy=False,
        check_company=True,
    )

    @api.depends("ticket_ids.repair_state", "ticket_ids.stage_id", "last_service_date")
    def _compute_service_status(self):
        for registration in self:
            in_repair = registration.ticket_ids.filtered(
                lambda t: (
                    t.repair_state
                    and t.repair_state != "done"
                    and not t.stage_id.closed
                )
            )
            if in_repair:
                registration.service_status = "in_repair"
            elif registration.last_service_date:
                registration.service_status = "repaired"
            else:
                registration.service_status = "in_use"

    def _aftersales_record_service(self, ticket):
        """``ticket`` completed a repair of the unit."""
        self.write(
            {
                "last_service_date": fields.Date.context_today(
                    ticket, ticket.repair_done_date
                ),
                "last_service_ticket_id": ticket.id,
            }
        )
