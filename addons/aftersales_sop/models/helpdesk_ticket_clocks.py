# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .aftersales_clock_mixin import ClockRun
from .helpdesk_ticket_moments import MOMENT_REASON


class HelpdeskTicket(models.Model):
    """The clock engine on the ticket: which events start and stop the service
    clocks (SPEC §3), who is told of a breach, and what of the ticket moves
    them (urgency, zone, appointment, pausing stages). The engine itself is
    ``aftersales.clock.mixin``; the clock definitions are ``aftersales.clock``;
    the clocks of one ticket are ``aftersales.ticket.clock``.

    Every dispatch is judged on its own (SPEC §3): a clock that starts when an
    engineer is assigned runs once per dispatch order, from the order's
    dispatch to its check-in, against the order's appointment and engineer;
    the dispatch review runs again each time the request goes back to the
    dispatcher (``_aftersales_back_to_dispatch_review``)."""

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
            "review_started": (
                self.env._("Sent to dispatch review"),
                "dispatch_review_date",
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
            "resolved": (
                self.env._("Problem resolved (repair completed, else closed)"),
                "resolved_date",
            ),
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
            # what the computed moment of the resolution reads
            "repair_state",
            "closed_date",
        }

    @api.model
    def _aftersales_clock_order_fields(self):
        """The moments of the request that are those of its dispatch order: a
        clock that starts at one runs once per order."""
        return {"dispatch_date": "dispatch_date", "onsite_date": "checkin_date"}

    def _aftersales_clock_runs(self, start_field, stop_field, per_order):
        """A clock of the dispatch runs once per dispatch order, with the
        order's moments (the request's for the moments that are not the
        order's), its appointment and its engineer's zone; the order's
        cancellation calls off a run that had not stopped."""
        if not per_order:
            return super()._aftersales_clock_runs(start_field, stop_field, per_order)
        self.ensure_one()
        order_fields = self._aftersales_clock_order_fields()
        runs = []
        for order in self.dispatch_order_ids:
            stop_name = order_fields.get(stop_field)
            runs.append(
                ClockRun(
                    order_id=order.id,
                    start=order[order_fields[start_field]],
                    stop=order[stop_name] if stop_name else self[stop_field],
                    appointment=order.appointment_date,
                    other_zone=self._aftersales_other_zone(order.engineer_id),
                    called_off=order.state == "cancel" and order.cancel_date,
                )
            )
        return runs

    def write(self, vals):
        result = super().write(vals)
        if self.env.context.get(MOMENT_REASON):
            # a manager's correction (checked by the moments' write) of the
            # moment of a dispatch order is the order's: its clocks follow it
            moved = {
                order_field: vals[name]
                for name, order_field in self._aftersales_clock_order_fields().items()
                if name in vals
            }
            if moved:
                # sudo: the order's moments are read-only on its form
                self.sudo().dispatch_order_id.write(moved)
        return result

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
        return self._aftersales_other_zone(self.dispatch_order_id.engineer_id)

    def _aftersales_other_zone(self, engineer):
        """``engineer`` comes from another zone than the service address (an
        engineer or an address without a zone is not held to come from afar)."""
        self.ensure_one()
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
