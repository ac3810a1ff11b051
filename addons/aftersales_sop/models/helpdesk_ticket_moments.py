# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.chatter import post_note

#: context key that carries a manager's reason for correcting a recorded moment
MOMENT_REASON = "aftersales_moment_reason"


class HelpdeskTicket(models.Model):
    """The moments of a request that the service clocks start and stop on
    (SPEC §3), and the first-response compliance of the monthly KPI.

    A moment is a fact: once recorded it is changed only by an after-sales
    manager, with a reason (the Correct a Recorded Moment wizard), and every
    change is tracked. Code that undoes an event (a cancelled dispatch) runs as
    superuser and is not a correction.
    """

    _inherit = "helpdesk.ticket"

    request_date = fields.Datetime(tracking=True)
    first_response_date = fields.Datetime(
        string="First Response",
        copy=False,
        tracking=True,
        help="When the customer was first answered.",
    )
    response_seconds = fields.Integer(
        string="First Response Time (s)",
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Seconds from the request to the first response.",
    )
    responded_in_time = fields.Boolean(
        string="Responded in Time",
        readonly=True,
        copy=False,
        index=True,
        help="The first response came within the company's response threshold "
        "(30 seconds by default, Settings > After-sales), whatever the channel: "
        "what the monthly consultation response compliance counts.",
    )
    response_within_channel_target = fields.Boolean(
        string="Within the Channel Target",
        compute="_compute_response_within_channel_target",
        help="The first response met the service target of the channel (for "
        "example 3 rings, about 10 seconds, on the phone).",
    )
    appointment_date = fields.Datetime(
        string="Appointment",
        tracking=True,
        copy=False,
        help="The time agreed with the customer for the engineer's visit. Once "
        "agreed, the engineer must be on site by then: it is the on-site deadline, "
        "and lateness is measured against it. Entering it records that the "
        "customer was told the scheduled time.",
    )
    schedule_told_date = fields.Datetime(
        string="Schedule Told On",
        copy=False,
        tracking=True,
        help="When the customer was told the scheduled time.",
    )
    first_contact_date = fields.Datetime(
        string="Customer Contacted On", copy=False, tracking=True
    )
    escalation_requested_date = fields.Datetime(
        string="Escalation Needed Since",
        copy=False,
        tracking=True,
        help="When the agent found he could not answer the question on the spot.",
    )
    escalated_date = fields.Datetime(string="Escalated On", copy=False, tracking=True)
    repair_registered_date = fields.Datetime(
        string="Repair Registered On", copy=False, tracking=True
    )
    dispatch_review_date = fields.Datetime(
        string="Sent to Dispatch Review On",
        copy=False,
        tracking=True,
        help="When the repair request last went to the dispatcher's review: "
        "registered as a repair, reopened, or sent back when its dispatch order "
        "was cancelled. The dispatch review clock runs from it: each time the "
        "request goes back, a new review runs, and the earlier ones keep their "
        "verdicts.",
    )
    assessment_date = fields.Datetime(
        string="Assessment Recorded On", copy=False, tracking=True
    )
    assessment_note = fields.Text(string="Initial Assessment")
    dispatch_date = fields.Datetime(
        string="Dispatched On",
        copy=False,
        tracking=True,
        help="When an engineer was assigned.",
    )
    onsite_date = fields.Datetime(string="Engineer On Site", copy=False, tracking=True)

    @api.depends("response_seconds", "channel_id.response_target_seconds")
    def _compute_response_within_channel_target(self):
        for ticket in self:
            target = ticket.channel_id.response_target_seconds
            ticket.response_within_channel_target = bool(
                ticket.first_response_date
                and ticket.response_seconds <= (target or ticket._response_threshold())
            )

    def _response_threshold(self):
        return self.company_id.aftersales_response_seconds or 30

    # ---------------------------------------------------------------------------
    # recorded moments are facts
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_moment_fields(self):
        """The moments clocks start and stop on, but the resolution, which
        follows the repair's completion and the helpdesk's own closing date
        (reopening a ticket is the helpdesk's business)."""
        events = self._aftersales_clock_events().values()
        return {name for _label, name in events} - {"closed_date", "resolved_date"}

    def _aftersales_check_moment_changes(self, vals):
        """Refuse a change of a recorded moment unless a manager gives a reason."""
        if self.env.su:
            return
        names = self._aftersales_moment_fields() & set(vals)
        for name in sorted(names):
            new = fields.Datetime.to_datetime(vals[name])
            changed = self.filtered(lambda t, n=name, v=new: t[n] and t[n] != v)
            if not changed:
                continue
            label = self._fields[name]._description_string(self.env)
            self.env["res.users"]._check_aftersales_manager(
                self.env._(
                    "%(moment)s of %(ticket)s was recorded on %(date)s: only an "
                    "after-sales manager corrects it, with a reason.",
                    moment=label,
                    ticket=changed[0].display_name,
                    date=fields.Datetime.to_string(changed[0][name]),
                )
            )
            if not (self.env.context.get(MOMENT_REASON) or "").strip():
                raise UserError(
                    self.env._(
                        "Give the reason for correcting %(moment)s of %(ticket)s: "
                        "use Correct a Recorded Moment.",
                        moment=label,
                        ticket=changed[0].display_name,
                    )
                )

    def _aftersales_log_moment_correction(self, name, old, new, reason, before):
        """Say on the ticket what a correction changed and what became of the
        clocks (``before``: {ticket clock: state} before the correction)."""
        self.ensure_one()
        states = dict(
            self.env["aftersales.ticket.clock"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        clocks = []
        for clock in self.clock_ids:
            old_state = before.get(clock)
            if old_state and old_state != clock.state:
                clocks.append(
                    self.env._(
                        "%(clock)s: %(old)s, now %(new)s",
                        clock=clock.clock_id.name,
                        old=states[old_state],
                        new=states[clock.state],
                    )
                )
        body = Markup("<p>%s</p><p>%s</p>") % (
            self.env._(
                "%(moment)s corrected from %(old)s to %(new)s.",
                moment=self._fields[name]._description_string(self.env),
                old=fields.Datetime.to_string(old) if old else "-",
                new=fields.Datetime.to_string(new) if new else "-",
            ),
            self.env._("Reason: %(reason)s", reason=reason),
        )
        if clocks:
            body += Markup("<p>%s</p>") % self.env._(
                "Clocks judged again: %(clocks)s", clocks="; ".join(clocks)
            )
        post_note(self, body)

    def _aftersales_record_response(self):
        """Time the first response and judge it against the company threshold."""
        for ticket in self:
            values = {"response_seconds": 0, "responded_in_time": False}
            if ticket.first_response_date and ticket.request_date:
                seconds = (
                    ticket.first_response_date - ticket.request_date
                ).total_seconds()
                values = {
                    "response_seconds": max(int(seconds), 0),
                    "responded_in_time": seconds <= ticket._response_threshold(),
                }
            if any(ticket[key] != value for key, value in values.items()):
                ticket.write(values)

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def _aftersales_record(self, field_name):
        for ticket in self:
            if not ticket[field_name]:
                ticket[field_name] = fields.Datetime.now()
        return True

    def action_record_first_response(self):
        return self._aftersales_record("first_response_date")

    def action_record_schedule_told(self):
        for ticket in self:
            if not ticket.appointment_date:
                raise UserError(
                    self.env._(
                        "Enter the appointment agreed with the customer of "
                        "%(ticket)s first.",
                        ticket=ticket.display_name,
                    )
                )
        return self._aftersales_record("schedule_told_date")

    def action_record_customer_contacted(self):
        return self._aftersales_record("first_contact_date")

    def action_record_assessment(self):
        for ticket in self:
            if not (ticket.assessment_note or "").strip():
                raise UserError(
                    self.env._(
                        "Write the initial assessment of %(ticket)s "
                        "before recording it.",
                        ticket=ticket.display_name,
                    )
                )
        return self._aftersales_record("assessment_date")

    def action_correct_moment(self):
        self.ensure_one()
        self.env["res.users"]._check_aftersales_manager(
            self.env._("Only an after-sales manager corrects a recorded moment.")
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct a Recorded Moment"),
            "res_model": "helpdesk.ticket.moment.correction",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }
