# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import portal as rules

PERIODS = [
    ("morning", "Morning (09:00-12:00)"),
    ("afternoon", "Afternoon (13:00-17:00)"),
    ("evening", "Evening (18:00-20:00)"),
]


class AftersalesServiceSlot(models.Model):
    """A time the customer offers for the engineer's visit (SPEC §12): a part
    of a day. The customer gives two or three when he reports a fault; the
    dispatcher proposes the appointment in one of them, and offers the others
    as alternatives the customer may move the appointment to."""

    _name = "aftersales.service.slot"
    _description = "Preferred Time Slot"
    _order = "ticket_id, date_start, id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    partner_id = fields.Many2one(
        related="ticket_id.partner_id", store=True, string="Customer"
    )
    period = fields.Selection(PERIODS, help="The part of the day the customer chose.")
    date_start = fields.Datetime(string="From", required=True)
    date_end = fields.Datetime(string="To", required=True)
    offered = fields.Boolean(
        default=True,
        help="The customer may move the appointment to this slot from his portal. "
        "Untick it when no engineer can come then.",
    )
    is_appointment = fields.Boolean(
        string="Appointment",
        compute="_compute_is_appointment",
        help="The request's appointment falls in this slot.",
    )

    @api.depends("date_start", "date_end", "ticket_id.appointment_date")
    def _compute_is_appointment(self):
        for slot in self:
            appointment = slot.ticket_id.appointment_date
            slot.is_appointment = bool(
                appointment and slot.date_start <= appointment <= slot.date_end
            )

    @api.depends("date_start", "date_end", "period")
    @api.depends_context("tz")
    def _compute_display_name(self):
        for slot in self:
            slot.display_name = slot._aftersales_label()

    def _aftersales_label(self, tz=None):
        """The slot as the customer reads it: its day and hours, in ``tz``
        (else the user's)."""
        self.ensure_one()
        if not (self.date_start and self.date_end):
            return ""
        record = self.with_context(tz=tz) if tz else self
        start = fields.Datetime.context_timestamp(record, self.date_start)
        end = fields.Datetime.context_timestamp(record, self.date_end)
        return self.env._(
            "%(day)s, %(start)s-%(end)s",
            day=start.strftime("%Y-%m-%d"),
            start=start.strftime("%H:%M"),
            end=end.strftime("%H:%M"),
        )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for slot in self:
            if slot.date_end <= slot.date_start:
                raise ValidationError(
                    self.env._(
                        "A time slot ends after it starts: %(slot)s.",
                        slot=slot.display_name,
                    )
                )

    def _aftersales_choosable(self, now=None):
        """The slots the customer may still move the appointment to at ``now``:
        offered, not the appointment, far enough ahead (the company's rule)."""
        now = now or fields.Datetime.now()
        return self.filtered(
            lambda s: (
                s.offered
                and not s.is_appointment
                and rules.may_choose(
                    now,
                    s.date_start,
                    s.ticket_id.company_id.aftersales_appointment_answer_hours,
                )
            )
        )
