# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import dispatch as dispatch_rules

#: the states of an order in progress: the engineer is on his way or on site
OPEN_STATES = ("dispatched", "on_site")


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
    cancel_date = fields.Datetime(
        string="Cancelled On",
        readonly=True,
        copy=False,
        help="When the order was cancelled: its on-site clock, if the engineer "
        "was not on site yet, ended there without a verdict.",
    )
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

    @api.depends("ticket_id.appointment_date")
    def _compute_appointment_date(self):
        for order in self:
            # an order that is on site, done or cancelled keeps the appointment
            # it was given: its on-site clock was judged against it
            if order.state in (False, "dispatched"):
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
            # its on-site clock stops: lateness is read from it
            order.write({"checkin_date": now, "state": "on_site"})
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
        """Cancel the orders: their engineers no longer hold the job, and a
        request left without an order in progress goes back to the
        dispatcher's review."""
        for order in self:
            if order.state in ("done", "cancel"):
                raise UserError(
                    self.env._("%(order)s is already closed.", order=order.name)
                )
        self.write({"state": "cancel", "cancel_date": fields.Datetime.now()})
        back_to_review = self.env["helpdesk.ticket"]
        for ticket in self.ticket_id.sudo():
            current = ticket.dispatch_order_ids.filtered(
                lambda o: o.state in OPEN_STATES
            ).sorted("dispatch_date")[-1:]
            if current:
                ticket.write(
                    {
                        "dispatch_order_id": current.id,
                        "engineer_id": current.engineer_id.id,
                    }
                )
            else:
                back_to_review |= ticket
        back_to_review._aftersales_back_to_dispatch_review({"engineer_id": False})
        self._aftersales_release_job()
        self.activity_unlink(["aftersales_sop.mail_act_site_visit"])
        return True

    def _aftersales_release_job(self, users=None):
        """The engineer and the assistant of a cancelled order (``users``: those
        who left the order) no longer hold the job, unless they hold another
        order of the request that is not cancelled (``aftersales_job_user_ids``):
        they stop following the request and the order, and the request is no
        longer assigned to them."""
        for order in self:
            # sudo: the dispatcher cancels; followers and the assignee of the
            # request are the flow's, not his to edit
            ticket = order.ticket_id.sudo()
            held = (
                order.engineer_user_id | order.assistant_user_id
                if users is None
                else users
            )
            leaving = held - ticket.aftersales_job_user_ids
            if not leaving:
                continue
            ticket.message_unsubscribe(partner_ids=leaving.partner_id.ids)
            order.sudo().message_unsubscribe(partner_ids=leaving.partner_id.ids)
            if ticket.user_id in leaving:
                current = ticket.dispatch_order_ids.filtered(
                    lambda o: o.state in OPEN_STATES
                ).sorted("dispatch_date")[-1:]
                ticket.user_id = current.engineer_user_id

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
        staffed = {"engineer_id", "assistant_id"} & set(vals)
        before = {
            order: order.engineer_user_id | order.assistant_user_id
            for order in (self if staffed else self.browse())
        }
        result = super().write(vals)
        for order, users in before.items():
            # the job changed hands: the newcomers follow it, who left does not
            ticket = order.ticket_id.sudo()
            newcomers = (order.engineer_user_id | order.assistant_user_id) - users
            order.message_subscribe(partner_ids=newcomers.partner_id.ids)
            ticket.message_subscribe(partner_ids=newcomers.partner_id.ids)
            if "engineer_id" in vals and ticket.dispatch_order_id == order:
                ticket.write(
                    {
                        "engineer_id": order.engineer_id.id,
                        "user_id": order.engineer_user_id.id,
                    }
                )
            order._aftersales_release_job(users)
        return result
