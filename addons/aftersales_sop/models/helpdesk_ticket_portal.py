# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..rules import portal as rules

PORTAL_STEPS = [
    (rules.RECEIVED, "Received"),
    (rules.ASSIGNED, "Engineer assigned"),
    (rules.ON_THE_WAY, "On the way"),
    (rules.ON_SITE, "On site"),
    (rules.DONE, "Done"),
]


class HelpdeskTicket(models.Model):
    """A repair request as its customer follows it (SPEC §12): received,
    engineer assigned, on the way (with the arrival time the engineer gave
    when he called ahead), on site, done."""

    _inherit = "helpdesk.ticket"

    portal_status = fields.Selection(
        PORTAL_STEPS,
        string="Status for the Customer",
        compute="_compute_portal_status",
        help="The step of the repair request in the customer's words, as his "
        "portal shows it.",
    )

    @api.depends(
        "repair_state",
        "closed",
        "dispatch_order_id.state",
        "dispatch_order_id.visit_ids.state",
        "dispatch_order_id.visit_ids.call_ids",
    )
    def _compute_portal_status(self):
        for ticket in self:
            ticket.portal_status = (
                ticket._aftersales_portal_progress()["status"]
                if ticket.repair_state
                else False
            )

    def _aftersales_portal_visit(self):
        """The visit the customer waits for or that is under way: the one
        planned or in progress of the dispatch order in progress."""
        self.ensure_one()
        # sudo: the customer sees when the engineer comes, not the order itself
        return self.sudo().dispatch_order_id.current_visit_id

    def _aftersales_portal_progress(self):
        """What the customer's page says of the repair: ``status`` (a step of
        rules.STEPS), ``eta`` (the arrival the engineer announced, in the
        customer's time), ``engineer`` (his name) and ``appointment``."""
        self.ensure_one()
        # sudo: the customer reads his request's progress (state, announced
        # arrival, engineer's name), never the dispatch order itself
        order = self.sudo().dispatch_order_id
        visit = self._aftersales_portal_visit()
        if visit:
            on_site = visit.state == "on_site"
            announced = visit.state == "planned" and bool(visit.eta_date)
        else:
            on_site = order.state == "on_site"
            announced = False
        status = rules.status(
            done=self.repair_state == "done" or self.closed,
            on_site=on_site,
            announced=announced,
            assigned=bool(order),
        )
        return {
            "status": status,
            "eta": (
                self._aftersales_customer_time(visit.eta_date)
                if status == rules.ON_THE_WAY
                else ""
            ),
            "engineer": order.engineer_id.name if order else "",
            "appointment": self._aftersales_customer_time(self.appointment_date),
        }

    def _aftersales_portal_steps(self):
        """``[(code, label, state)]`` of the steps, state ``done``, ``current``
        or ``todo``, in the user's language."""
        self.ensure_one()
        current = self._aftersales_portal_progress()["status"]
        labels = dict(self._fields["portal_status"]._description_selection(self.env))
        index = rules.STEPS.index(current)
        steps = []
        for position, code in enumerate(rules.STEPS):
            if position < index or current == rules.DONE:
                state = "done"
            elif position == index:
                state = "current"
            else:
                state = "todo"
            steps.append((code, labels[code], state))
        return steps
