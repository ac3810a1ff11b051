# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import portal as rules

APPOINTMENT_STATES = [
    ("proposed", "Proposed to the Customer"),
    ("confirmed", "Agreed with the Customer"),
]
#: context key: the appointment is written as the customer's own answer
CUSTOMER_ANSWER = "aftersales_customer_answer"


class HelpdeskTicket(models.Model):
    """The appointment agreed with the customer (SPEC §3, §12): the time slots
    he offered, the dispatcher's proposal, his answer from the portal.

    Every appointment the service writes (on the request, at dispatch, on the
    dispatch order) is proposed to the customer; a customer who can log in to
    the portal is e-mailed the proposal. He confirms it, or moves it to
    another offered slot, up to the company's number of hours before it. The
    on-site clock of the dispatch order in progress follows the appointment
    (``aftersales.dispatch.order.appointment_date``).
    """

    _inherit = "helpdesk.ticket"

    slot_ids = fields.One2many(
        "aftersales.service.slot",
        "ticket_id",
        string="Customer's Time Slots",
        help="The times the customer offered for the visit.",
    )
    appointment_state = fields.Selection(
        APPOINTMENT_STATES,
        string="Appointment Status",
        tracking=True,
        copy=False,
        readonly=True,
        help="Proposed: the customer was told the appointment and has not "
        "answered yet. Agreed: he confirmed it, or chose it among the offered "
        "slots, on his portal (an appointment agreed on the phone is entered by "
        "the agent).",
    )
    appointment_answer_date = fields.Datetime(
        string="Customer Answered On", readonly=True, copy=False
    )
    appointment_answer_deadline = fields.Datetime(
        string="Answer Online Until",
        compute="_compute_appointment_answer_deadline",
        help="Until when the customer may confirm or move the appointment on his "
        "portal (the company's hours before the appointment).",
    )

    @api.depends("appointment_date", "company_id.aftersales_appointment_answer_hours")
    def _compute_appointment_answer_deadline(self):
        for ticket in self:
            ticket.appointment_answer_deadline = (
                rules.answer_deadline(ticket.appointment_date, ticket._answer_hours())
                if ticket.appointment_date
                else False
            )

    def _answer_hours(self):
        self.ensure_one()
        return max(self.company_id.aftersales_appointment_answer_hours, 0)

    @api.model
    def _aftersales_partner_tz(self, partner, company):
        """The time zone ``partner`` reads times in: his own, else the one of
        ``company``'s working hours."""
        return partner.tz or company.resource_calendar_id.tz or "UTC"

    def _aftersales_customer_tz(self):
        """The time zone the customer of the request reads times in."""
        self.ensure_one()
        return self._aftersales_partner_tz(self.partner_id, self.company_id)

    def _aftersales_customer_time(self, moment):
        """``moment`` (UTC) as the customer reads it."""
        self.ensure_one()
        if not moment:
            return ""
        local = fields.Datetime.context_timestamp(
            self.with_context(tz=self._aftersales_customer_tz()), moment
        )
        return local.strftime("%Y-%m-%d %H:%M")

    # ---------------------------------------------------------------------------
    # CRUD: an appointment written by the service is proposed
    # ---------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("appointment_date") and "appointment_state" not in vals:
                vals["appointment_state"] = (
                    "confirmed" if self.env.context.get(CUSTOMER_ANSWER) else "proposed"
                )
        tickets = super().create(vals_list)
        tickets.filtered(
            lambda t: t.appointment_state == "proposed"
        )._aftersales_propose_appointment()
        return tickets

    def write(self, vals):
        if "appointment_date" not in vals or "appointment_state" in vals:
            return super().write(vals)
        new = fields.Datetime.to_datetime(vals["appointment_date"])
        moved = self.filtered(lambda t: t.appointment_date != new)
        result = super().write(vals)
        if moved:
            answered = self.env.context.get(CUSTOMER_ANSWER)
            state = ("confirmed" if answered else "proposed") if new else False
            super(HelpdeskTicket, moved).write(
                {
                    "appointment_state": state,
                    "appointment_answer_date": (
                        fields.Datetime.now() if answered else False
                    ),
                }
            )
            if state == "proposed":
                moved._aftersales_propose_appointment()
        return result

    def _aftersales_propose_appointment(self):
        """E-mail the proposed appointment to the customers who can answer it
        on the portal (others are told by phone: Schedule Told)."""
        template = self.env.ref(
            "aftersales_sop.mail_template_appointment_proposed",
            raise_if_not_found=False,
        )
        for ticket in self:
            partner = ticket.partner_id
            if not (template and partner.email and partner.user_ids):
                continue
            ticket._portal_ensure_token()
            # sudo: staff without an e-mail address propose appointments too
            ticket.sudo().message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                partner_ids=partner.ids,
            )

    # ---------------------------------------------------------------------------
    # the customer's answer (called from the portal on the checked request)
    # ---------------------------------------------------------------------------

    def _aftersales_check_answerable(self, now=None):
        """Refuse an answer to an appointment that is not proposed, or too late."""
        self.ensure_one()
        if not self.appointment_date or self.closed:
            raise UserError(self.env._("There is no appointment to answer."))
        if not self._aftersales_may_answer(now):
            raise UserError(
                self.env._(
                    "The appointment is less than %(hours)s hours away: it can no "
                    "longer be changed online. Please call us.",
                    hours=self._answer_hours(),
                )
            )

    def _aftersales_may_answer(self, now=None):
        """The customer may still confirm or move the appointment online."""
        self.ensure_one()
        return bool(
            self.appointment_date
            and not self.closed
            and rules.may_answer(
                now or fields.Datetime.now(),
                self.appointment_date,
                self._answer_hours(),
            )
        )

    def _aftersales_customer_note(self, body):
        """Log the customer's answer in the request's chatter, as his."""
        self.ensure_one()
        # sudo: the portal customer may not post on the request himself; the
        # message is his answer, written under his name
        self.sudo().message_post(
            body=body,
            author_id=self.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _aftersales_customer_confirm(self):
        """The customer confirms the proposed appointment."""
        self.ensure_one()
        self._aftersales_check_answerable()
        if self.appointment_state == "confirmed":
            return False
        super().write(
            {
                "appointment_state": "confirmed",
                "appointment_answer_date": fields.Datetime.now(),
            }
        )
        self._aftersales_customer_note(
            Markup("<p>%s</p>")
            % self.env._(
                "The customer confirmed the appointment of %(time)s.",
                time=self._aftersales_customer_time(self.appointment_date),
            )
        )
        return True

    def _aftersales_customer_choose_slot(self, slot):
        """The customer moves the appointment to ``slot``, one of the slots
        still offered: it starts the slot, and is agreed."""
        self.ensure_one()
        self._aftersales_check_answerable()
        if slot not in self.slot_ids._aftersales_choosable():
            raise UserError(
                self.env._(
                    "This time slot can no longer be chosen: choose another one, "
                    "or call us."
                )
            )
        old = self.appointment_date
        self.with_context(**{CUSTOMER_ANSWER: True}).write(
            {"appointment_date": slot.date_start}
        )
        self._aftersales_customer_note(
            Markup("<p>%s</p>")
            % self.env._(
                "The customer moved the appointment from %(old)s to %(new)s, one "
                "of the offered time slots (%(slot)s).",
                old=self._aftersales_customer_time(old),
                new=self._aftersales_customer_time(slot.date_start),
                slot=slot._aftersales_label(self._aftersales_customer_tz()),
            )
        )
        return True
