# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """The clock engine on the ticket: which events start and stop the service
    clocks (SPEC §3), who is told of a breach, and what of the ticket moves
    them (urgency, zone, appointment, pausing stages). The engine itself is
    ``aftersales.clock.mixin``; the clock definitions are ``aftersales.clock``;
    the clocks of one ticket are ``aftersales.ticket.clock``."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "aftersales.clock.mixin"]
    _aftersales_clock_link = "ticket_id"

    # -- service clocks ------------------------------------------------------------
    clock_ids = fields.One2many(
        "aftersales.ticket.clock", "ticket_id", string="Service Clocks"
    )
    clock_breached = fields.Boolean(help="One of the ticket's service clocks ran out.")

    @api.model
    def _aftersales_clock_events(self):
        """{event code: (label, ticket datetime field)}: what clocks start and stop on.

        Other modules add their events by extending this method.
        """
        return {
            "request_received": (self.env._("Request received"), "request_date"),
            "first_response": (
                self.env._("Customer first answered"),
                "first_response_date",
            ),
            "schedule_told": (
                self.env._("Customer told the scheduled time"),
                "schedule_told_date",
            ),
            "customer_contacted": (
                self.env._("Customer contacted"),
                "first_contact_date",
            ),
            "escalation_needed": (
                self.env._("Question found unanswerable"),
                "escalation_requested_date",
            ),
            "escalated": (self.env._("Handed to technical support"), "escalated_date"),
            "repair_registered": (
                self.env._("Repair request registered"),
                "repair_registered_date",
            ),
            "engineer_assigned": (self.env._("Engineer assigned"), "dispatch_date"),
            "assessment_recorded": (
                self.env._("Initial assessment recorded"),
                "assessment_date",
            ),
            "engineer_on_site": (self.env._("Engineer on site"), "onsite_date"),
            "repair_completed": (
                self.env._("Repair completed"),
                "repair_done_date",
            ),
            "resolved": (self.env._("Ticket closed"), "closed_date"),
        }

    @api.model
    def _aftersales_clock_extra_trigger_fields(self):
        return super()._aftersales_clock_extra_trigger_fields() | {
            "stage_id",
            "service_zone_id",
            "dispatch_order_id",
            "inquiry_class",
            "urgency",
            "appointment_date",
        }

    def _aftersales_clock_urgency(self):
        self.ensure_one()
        return self.urgency or None

    def _aftersales_clock_appointment(self):
        self.ensure_one()
        return self.appointment_date

    def _aftersales_clock_paused(self):
        self.ensure_one()
        return self.stage_id.aftersales_pause_clocks

    def _aftersales_engineer_from_other_zone(self):
        """The engineer comes from another zone than the service address."""
        self.ensure_one()
        engineer = self.dispatch_order_id.engineer_id
        return bool(
            engineer
            and self.service_zone_id
            and engineer.zone_id
            and engineer.zone_id != self.service_zone_id
        )

    def _aftersales_clock_responsible(self, clock):
        self.ensure_one()
        team = self.team_id
        candidates = {
            "dispatcher": team.dispatcher_id or team.user_id or self.user_id,
            "leader": team.user_id or self.user_id,
            "assignee": self.user_id or team.dispatcher_id or team.user_id,
        }
        return candidates.get(clock.responsible) or self.env["res.users"]
