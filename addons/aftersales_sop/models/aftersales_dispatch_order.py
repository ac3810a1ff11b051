# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import dispatch as dispatch_rules


class AftersalesDispatchOrder(models.Model):
    """The dispatch order (派工单): who goes, when, and by when he must be on site."""

    _name = "aftersales.dispatch.order"
    _description = "Dispatch Order"
    _inherit = ["aftersales.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "dispatch_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "ticket_id.number", "ticket_id.name"]
    _aftersales_sequence_code = "aftersales.dispatch.order"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Repair Request",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    team_id = fields.Many2one(related="ticket_id.team_id", store=True, index=True)
    partner_id = fields.Many2one(related="ticket_id.partner_id", string="Customer")
    partner_phone = fields.Char(related="ticket_id.partner_phone")
    product_id = fields.Many2one(related="ticket_id.product_id")
    lot_id = fields.Many2one(related="ticket_id.lot_id")
    fault_type = fields.Selection(related="ticket_id.fault_type")
    service_address = fields.Char(related="ticket_id.service_address")
    service_zone_id = fields.Many2one(
        related="ticket_id.service_zone_id", store=True, string="Service Zone"
    )
    engineer_id = fields.Many2one(
        "aftersales.engineer",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
    )
    engineer_user_id = fields.Many2one(
        related="engineer_id.user_id", store=True, index=True, string="Engineer User"
    )
    assistant_id = fields.Many2one(
        "aftersales.engineer",
        tracking=True,
        check_company=True,
        index=True,
        help="A junior engineer who goes with the senior engineer.",
    )
    assistant_user_id = fields.Many2one(
        related="assistant_id.user_id", store=True, index=True, string="Assistant User"
    )
    dispatcher_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, tracking=True
    )
    dispatch_date = fields.Datetime(
        string="Dispatched On",
        default=fields.Datetime.now,
        required=True,
        readonly=True,
    )
    appointment_date = fields.Datetime(
        string="Appointment",
        compute="_compute_appointment_date",
        inverse="_inverse_appointment_date",
        store=True,
        readonly=False,
        tracking=True,
        help="The time agreed with the customer: the engineer must be on site by "
        "then. It is the request's appointment while the engineer is on his way; "
        "changing it here changes the request's.",
    )
    same_zone = fields.Boolean(
        compute="_compute_same_zone",
        store=True,
        help="The engineer works from the zone of the service address.",
    )
    onsite_deadline = fields.Datetime(
        string="On-site Deadline",
        compute="_compute_onsite_deadline",
        help="By when the engineer must be on site: the deadline of the request's "
        "On-site Response clock (the appointment when one was agreed; otherwise "
        "by urgency and zone, e.g. 4 hours in the same city, 24 hours from "
        "another city).",
    )
    checkin_date = fields.Datetime(
        string="Arrived On Site", readonly=True, tracking=True
    )
    done_date = fields.Datetime(readonly=True)
    delay_note = fields.Text(
        string="Delay Explained",
        help="Why the engineer will be late, as explained to the customer.",
    )
    ranking_note = fields.Text(
        string="Why This Engineer",
        readonly=True,
        help="The ranking reasons at dispatch.",
    )
    cancel_reason = fields.Char(readonly=True, tracking=True)
    state = fields.Selection(
        [
            ("dispatched", "Dispatched"),
            ("on_site", "On Site"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="dispatched",
        required=True,
        tracking=True,
        index=True,
        group_expand=True,
    )
    arrived_late = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="The engineer checked in after the on-site deadline (the agreed "
        "appointment when there was one).",
    )
    late_minutes = fields.Integer(
        string="Minutes Late",
        readonly=True,
        copy=False,
        help="How late the engineer checked in, against the on-site deadline.",
    )
    is_late = fields.Boolean(
        compute="_compute_is_late",
        search="_search_is_late",
        help="Arrived late, or not on site yet and past the on-site deadline.",
    )

    @api.depends("ticket_id.appointment_date")
    def _compute_appointment_date(self):
        for order in self:
            # a closed order keeps the appointment it was given
            if order.state in (False, "dispatched") or not order.appointment_date:
                order.appointment_date = order.ticket_id.appointment_date

    def _inverse_appointment_date(self):
        for order in self:
            ticket = order.ticket_id
            if (
                ticket.dispatch_order_id == order
                and ticket.appointment_date != order.appointment_date
            ):
                ticket.appointment_date = order.appointment_date

    @api.depends("engineer_id.zone_id", "service_zone_id")
    def _compute_same_zone(self):
        for order in self:
            order.same_zone = bool(
                order.engineer_id.zone_id
                and order.engineer_id.zone_id == order.service_zone_id
            )

    def _onsite_clock(self):
        """The request's On-site Response clock, for the order in progress."""
        self.ensure_one()
        if self.state == "cancel" or self.ticket_id.dispatch_order_id != self:
            return self.env["aftersales.ticket.clock"]
        return self.ticket_id.sudo().clock_ids.filtered(lambda c: c.code == "onsite")

    @api.depends("state", "ticket_id.dispatch_order_id", "ticket_id.clock_ids.deadline")
    def _compute_onsite_deadline(self):
        for order in self:
            order.onsite_deadline = order._onsite_clock()[:1].deadline

    @api.depends("arrived_late", "state", "onsite_deadline")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for order in self:
            order.is_late = order.arrived_late or bool(
                order.state == "dispatched"
                and order.onsite_deadline
                and now > order.onsite_deadline
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on late dispatch orders."))
        late = [
            "|",
            ("arrived_late", "=", True),
            "&",
            ("state", "=", "dispatched"),
            (
                "ticket_id.clock_ids",
                "any",
                [("code", "=", "onsite"), ("is_overdue", "=", True)],
            ),
        ]
        if (operator == "=") == value:
            return late
        return ["!", *late]

    @api.constrains("engineer_id", "assistant_id")
    def _check_assistant(self):
        for order in self:
            assistant = order.assistant_id
            if not assistant:
                continue
            if assistant == order.engineer_id:
                raise ValidationError(
                    self.env._("%(name)s cannot assist himself.", name=assistant.name)
                )
            if order.engineer_id.level != dispatch_rules.SENIOR:
                raise ValidationError(
                    self.env._(
                        "A junior engineer assists a senior one: "
                        "%(name)s is not senior.",
                        name=order.engineer_id.name,
                    )
                )
            if assistant.level != dispatch_rules.JUNIOR:
                raise ValidationError(
                    self.env._(
                        "The assistant is a junior engineer: %(name)s is senior.",
                        name=assistant.name,
                    )
                )

    @api.model
    def _aftersales_sequence_company(self, vals):
        ticket = self.env["helpdesk.ticket"].browse(vals.get("ticket_id"))
        return ticket.company_id or self.env.company

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("appointment_date"):
                # the appointment given at dispatch is the request's
                ticket = self.env["helpdesk.ticket"].browse(vals["ticket_id"])
                ticket.appointment_date = vals["appointment_date"]
        orders = super().create(vals_list)
        for order in orders:
            order._on_dispatched()
        return orders

    def _on_dispatched(self):
        """Give the ticket to the engineer and stop the dispatch review."""
        self.ensure_one()
        if not self.engineer_user_id:
            raise UserError(
                self.env._(
                    "%(name)s has no user: he could not see his job. Link his employee "
                    "to a user first.",
                    name=self.engineer_id.name,
                )
            )
        ticket = self.ticket_id.sudo()
        ticket.write(
            {
                "dispatch_order_id": self.id,
                "engineer_id": self.engineer_id.id,
                "dispatch_date": self.dispatch_date,
                "onsite_date": False,
                "user_id": self.engineer_user_id.id,
                "repair_state": "dispatched",
            }
        )
        ticket.activity_feedback(  # sudo: dispatchers without e-mail too
            ["aftersales_sop.mail_act_dispatch_review"],
            feedback=self.env._(
                "Dispatched to %(name)s (%(order)s).",
                name=self.engineer_id.name,
                order=self.name,
            ),
        )
        partners = (self.engineer_user_id | self.assistant_user_id).partner_id
        self.message_subscribe(partner_ids=partners.ids)
        ticket.message_subscribe(partner_ids=partners.ids)
        deadline = (
            self.appointment_date or self.onsite_deadline or fields.Datetime.now()
        )
        self.sudo().activity_schedule(  # sudo: dispatchers without e-mail too
            "aftersales_sop.mail_act_site_visit",
            date_deadline=fields.Date.context_today(self, deadline),
            summary=self.env._(
                "Call the customer with your arrival time, then go on site"
            ),
            user_id=self.engineer_user_id.id,
        )

    def action_check_in(self):
        for order in self:
            if order.state != "dispatched":
                raise UserError(
                    self.env._(
                        "%(order)s is not waiting for the engineer.", order=order.name
                    )
                )
            now = fields.Datetime.now()
            deadline = order.onsite_deadline
            late = (now - deadline).total_seconds() if deadline else 0
            order.write(
                {
                    "checkin_date": now,
                    "state": "on_site",
                    "arrived_late": late > 0,
                    "late_minutes": max(int(late // 60), 0),
                }
            )
            order.ticket_id.sudo().write(
                {"onsite_date": now, "repair_state": "on_site"}
            )
            # sudo: the feedback is logged as the engineer, who may have no e-mail
            order.sudo().activity_feedback(["aftersales_sop.mail_act_site_visit"])
        return True

    def action_done(self):
        """The visit is over; the last open order of a request completes its repair."""
        for order in self:
            if order.state != "on_site":
                raise UserError(
                    self.env._(
                        "%(order)s: the engineer checks in on site before the job "
                        "is done.",
                        order=order.name,
                    )
                    if order.state == "dispatched"
                    else self.env._("%(order)s is already closed.", order=order.name)
                )
        self.write({"state": "done", "done_date": fields.Datetime.now()})
        self.ticket_id.sudo()._aftersales_complete_repair_if_finished()
        return True

    def action_cancel(self):
        for order in self:
            if order.state in ("done", "cancel"):
                raise UserError(
                    self.env._("%(order)s is already closed.", order=order.name)
                )
        self.write({"state": "cancel"})
        for ticket in self.ticket_id.sudo():
            current = ticket.dispatch_order_ids.filtered(lambda o: o.state != "cancel")
            current = current.sorted("dispatch_date")[-1:]
            values = {
                "dispatch_order_id": current.id,
                "engineer_id": current.engineer_id.id,
            }
            if not current:
                values.update(
                    dispatch_date=False, onsite_date=False, repair_state="registered"
                )
            ticket.write(values)
        self.activity_unlink(["aftersales_sop.mail_act_site_visit"])
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_progress(self):
        for order in self:
            if order.state in ("dispatched", "on_site"):
                raise UserError(
                    self.env._(
                        "Cancel dispatch order %(order)s before deleting it.",
                        order=order.name,
                    )
                )

    def write(self, vals):
        result = super().write(vals)
        if "engineer_id" in vals:
            for order in self:
                if order.ticket_id.dispatch_order_id == order:
                    order.ticket_id.sudo().engineer_id = order.engineer_id
        return result
